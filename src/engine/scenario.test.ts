import { describe, expect, it } from 'vitest';
import { quangNinh } from '../templates/quang-ninh';
import { inputOf, Model } from './model';
import { deleteRow, drawModeOf, rangeAt, renameRow, withDrawMode, withInput, withRange, withSeed } from './scenario';

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

  it('keeps a seed only when it is an unsigned 32-bit integer', () => {
    expect(withSeed(template, 4_294_967_295).seed).toBe(4_294_967_295);
    expect(() => withSeed(template, -1)).toThrow();
    expect(() => withSeed(template, 1.5)).toThrow();
    expect(() => withSeed(template, 2 ** 32)).toThrow();
  });
});
