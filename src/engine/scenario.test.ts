import { describe, expect, it } from 'vitest';
import { quangNinh } from '../templates/quang-ninh';
import { inputOf } from './cells';
import { Model } from './model';
import {
  checkIdentifier,
  deleteRow,
  drawModeOf,
  hasRanges,
  rangeAt,
  renameRow,
  withDrawMode,
  withInput,
  withRange,
  withSeed,
} from './scenario';
import { declaredScenario } from './fixtures';
import type { Scenario } from './types';
import { validateScenario } from './validate';
import { BUILTIN, structureVar } from './variables';

const template = quangNinh.scenario;
const uniform = { kind: 'uniform', lo: 0.16, hi: 0.24 } as const;

describe('ranges in a scenario', () => {
  it('puts the range in the scenario and its centre in the cell, so the model reads a plain number', () => {
    const s = withRange(template, 'manufacturing.growth', 2026, uniform);
    expect(rangeAt(s, 'manufacturing.growth', 2026)).toEqual(uniform);
    const model = new Model(s);
    expect(inputOf(s, model.get('manufacturing.growth')!, 2026)).toBeCloseTo(0.2, 12);
    expect(drawModeOf(s, 'manufacturing.growth')).toBe('run');
    expect(template.uncertainty).toBeUndefined();
  });

  it('drops a range when the cell is given a number or formula, and the field when none is left', () => {
    const s = withRange(withRange(template, 'manufacturing.growth', 2026, uniform), 'services.growth', 2027, uniform);
    const one = withInput(s, 'manufacturing.growth', 2026, 0.3);
    expect(rangeAt(one, 'manufacturing.growth', 2026)).toBeUndefined();
    expect(Object.keys(one.uncertainty!)).toEqual(['services.growth']);
    const none = withInput(one, 'services.growth', 2027, '=services.growth[t-1]');
    expect('uncertainty' in none).toBe(false);
  });

  it('follows a renamed row and goes with a deleted one', () => {
    const custom = {
      ...template,
      rows: [
        ...template.rows,
        { kind: 'series', id: 'inflation', label: 'x', format: 'percent', cells: { 2026: 0.04 } } as const,
      ],
    };
    const s = withDrawMode(withRange(custom, 'inflation', 2026, uniform), 'inflation', 'year');
    const renamed = renameRow(s, 'inflation', 'cpi');
    expect(rangeAt(renamed, 'cpi', 2026)).toEqual(uniform);
    expect(drawModeOf(renamed, 'cpi')).toBe('year');
    expect(rangeAt(renamed, 'inflation', 2026)).toBeUndefined();
    expect('uncertainty' in deleteRow(renamed, 'cpi')).toBe(false);
  });

  it('drops the history of a deleted row, so the scenario stays valid', () => {
    const custom: Scenario = {
      ...template,
      rows: [...template.rows, { kind: 'series', id: 'exports', label: 'x', format: 'number', cells: {} }],
      history: { ...template.history, exports: { 2023: 12 } },
    };
    const deleted = deleteRow(custom, 'exports');
    expect(deleted.history).toEqual(template.history);
    expect(validateScenario(deleted).ok).toBe(true);
  });

  it('keeps a seed only when it is an unsigned 32-bit integer', () => {
    expect(withSeed(template, 4_294_967_295).seed).toBe(4_294_967_295);
    expect(() => withSeed(template, -1)).toThrow();
    expect(() => withSeed(template, 1.5)).toThrow();
    expect(() => withSeed(template, 2 ** 32)).toThrow();
  });
});

// Every name a plain object answers without holding it: __proto__, constructor, toString, toLocaleString, valueOf…
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

describe('names every JavaScript object has', () => {
  it('refuses a row named after any of them', () => {
    const accepted = PROTOTYPE_NAMES.filter((name) => checkIdentifier(template, name) === undefined);
    expect(accepted).toEqual([]);
  });

  // Built directly, as a caller that skipped validation would: the lookups must read only what the scenario holds.
  it.each(PROTOTYPE_NAMES)('finds no range, draw mode or history of a row named %s', (name) => {
    const row = { kind: 'series', id: name, label: name, format: 'number', cells: { 2026: 1 } } as const;
    const scenario: Scenario = { ...template, rows: [...template.rows, row], uncertainty: {}, history: {} };
    expect(rangeAt(scenario, name, 2026)).toBeUndefined();
    expect(drawModeOf(scenario, name)).toBe('run');
    expect(hasRanges(scenario)).toBe(false);
    expect(withDrawMode(scenario, name, 'year')).toBe(scenario);
    expect(withInput(scenario, name, 2026, 2).uncertainty).toEqual({});
    const ranged = withRange(scenario, name, 2026, uniform);
    expect(rangeAt(ranged, name, 2026)).toEqual(uniform);
    expect(Object.keys(ranged.uncertainty!)).toEqual([name]);
    expect(hasRanges(withInput(ranged, name, 2026, 2))).toBe(false);
    expect(new Model(scenario).get(name)!.recorded.every((r) => r === 0)).toBe(true);
  });
});

describe('rows the new indicators are computed from', () => {
  const declared = declaredScenario();

  it('refuses a new row named like per capita or a group share, declared or not', () => {
    for (const id of [BUILTIN.grdpPerCapita, BUILTIN.grdpPerCapitaUsd, structureVar('services')]) {
      expect(checkIdentifier(template, id)).toBe('reserved');
      expect(checkIdentifier(declared, id)).toBe('reserved');
    }
  });

  it('renames the population row in the per capita settings', () => {
    const renamed = renameRow(declared, 'population', 'dan_so');
    expect(renamed.meta.perCapita).toEqual({ population: 'dan_so', usdRate: 'usd_rate' });
    expect(validateScenario(JSON.parse(JSON.stringify(renamed))).ok).toBe(true);
    expect(new Model(renamed).get(BUILTIN.grdpPerCapita)!.values).toEqual(
      new Model(declared).get(BUILTIN.grdpPerCapita)!.values,
    );
  });

  it('drops per capita and its history with the rate row, so the scenario stays valid', () => {
    const without = deleteRow(declared, 'usd_rate');
    expect(without.meta.perCapita).toBeUndefined();
    expect(without.history[BUILTIN.grdpPerCapitaUsd]).toBeUndefined();
    expect(without.history[structureVar('industry')]).toEqual({ 2024: 0.508 });
    expect(validateScenario(JSON.parse(JSON.stringify(without))).ok).toBe(true);
  });

  it('drops a group share history with the last sector of the group, and keeps it while one remains', () => {
    const one = deleteRow(declared, 'manufacturing');
    expect(one.history[structureVar('industry')]).toEqual({ 2024: 0.508 });
    const none = deleteRow(one, 'other_industry');
    expect(none.history[structureVar('industry')]).toBeUndefined();
    expect(none.meta.perCapita).toEqual(declared.meta.perCapita);
    expect(validateScenario(JSON.parse(JSON.stringify(none))).ok).toBe(true);
  });
});
