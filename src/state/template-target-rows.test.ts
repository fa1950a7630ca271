import { describe, expect, it } from 'vitest';
import { BUILTIN, focusShare, sectorVar, structureVar, type TargetRow } from '../engine';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import type { Template } from '../templates/types';
import { targetChoices, targetField, targetLines, targetPlaces, targetVariable } from './template-target-rows';

const base = quangNinh2025;
const target = (id: string, upper?: Record<number, number>): TargetRow => ({
  kind: 'target',
  id,
  label: id,
  of: BUILTIN.grdpGrowth,
  cells: { 2030: 0.1 },
  ...(upper && { upper }),
});

describe('target choices', () => {
  it('offers the shares first, the focus share leading, then GRDP, its growth and per capita', () => {
    const choices = targetChoices(base.scenario);
    expect(choices.map((g) => g.group)).toEqual(['shares', 'totals', 'structure', 'sectors', 'custom']);
    expect(choices[0]!.rows[0]!.id).toBe(focusShare(base.scenario.meta));
    expect(choices[0]!.rows.map((r) => r.id)).toContain(sectorVar('services', 'share'));
    expect(choices[1]!.rows.map((r) => r.id)).toEqual([
      BUILTIN.grdp,
      BUILTIN.grdpNominal,
      BUILTIN.grdpGrowth,
      BUILTIN.grdpPerCapita,
      BUILTIN.grdpPerCapitaUsd,
    ]);
    expect(choices[2]!.rows.map((r) => r.id)).toContain(structureVar('industry'));
  });

  it('does not offer a target as what another target is on', () => {
    const ids = targetChoices(base.scenario).flatMap((g) => g.rows.map((r) => r.id));
    const targets = base.scenario.rows.filter((r) => r.kind === 'target');
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(ids).not.toContain(t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('leaves out per capita and the structure where the scenario does not declare them', () => {
    const { perCapita: _, ...meta } = base.scenario.meta;
    const rows = base.scenario.rows.map((r) => (r.kind === 'sector' ? { ...r, group: undefined } : r));
    const groups = targetChoices({ ...base.scenario, meta, rows });
    expect(groups.map((g) => g.group)).not.toContain('structure');
    expect(targetVariable(groups, BUILTIN.grdpPerCapitaUsd)).toBeUndefined();
  });

  it('finds the variable a target is on with its format, and nothing for one the template lacks', () => {
    const choices = targetChoices(base.scenario);
    expect(targetVariable(choices, focusShare(base.scenario.meta))?.format).toBe('percent');
    expect(targetVariable(choices, BUILTIN.grdpPerCapitaUsd)?.format).toBe('number');
    expect(targetVariable(choices, 'mining.share')).toBeUndefined();
  });
});

describe('target places', () => {
  it('lists the sets, marking the one a new scenario starts with', () => {
    const meta = { ...base.scenario.meta, targetSet: 'congress' };
    const places = targetPlaces({ ...base, scenario: { ...base.scenario, meta } });
    expect(places.map((p) => p.place)).toEqual(base.targetSets!.map((s) => s.id));
    expect(places.filter((p) => p.active).map((p) => p.place)).toEqual(['congress']);
  });

  it('marks the first set when the scenario names none', () => {
    expect(base.scenario.meta.targetSet).toBeUndefined();
    expect(targetPlaces(base).map((p) => p.active)).toEqual(base.targetSets!.map((_, i) => i === 0));
  });

  it('gives a template without sets its scenario’s own targets, unnamed', () => {
    const { targetSets: _, ...bare } = base;
    const places = targetPlaces(bare as Template);
    expect(places).toHaveLength(1);
    expect(places[0]).toMatchObject({ place: undefined, label: undefined, active: true });
    expect(places[0]!.rows.map((r) => r.id)).toEqual(
      base.scenario.rows.filter((r) => r.kind === 'target').map((r) => r.id),
    );
  });

  it('names a target’s field as checkTemplate does, in a set or in the scenario', () => {
    expect(targetField('congress', 'share')).toBe('targetSets.congress.share');
    expect(targetField(undefined, 'share')).toBe('rows.share');
  });
});

describe('target lines', () => {
  it('gives each target a floor line, and a ceiling line when it has a ceiling or the planner opened one', () => {
    const rows = [target('a'), target('b', { 2030: 0.2 }), target('c')];
    const lines = targetLines('set', rows, new Set([targetField('set', 'c')]));
    expect(lines.map((l) => [l.row.id, l.bound, l.span])).toEqual([
      ['a', 'floor', 1],
      ['b', 'floor', 2],
      ['b', 'ceiling', 0],
      ['c', 'floor', 2],
      ['c', 'ceiling', 0],
    ]);
  });

  it('does not open a ceiling opened in another set', () => {
    const lines = targetLines('other', [target('c')], new Set([targetField('set', 'c')]));
    expect(lines.map((l) => l.bound)).toEqual(['floor']);
  });
});
