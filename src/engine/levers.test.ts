import { describe, expect, it } from 'vitest';
import { applyLevers } from './levers';
import { Model } from './model';
import type { Scenario } from './types';

// Two sectors of 100 in 2023; "a" grows 10% in 2024 and by a formula (10% + 2 points = 12%) in 2025.
const scenario: Scenario = {
  meta: { name: 'Test', region: 'R', baseYear: 2023, horizon: 2025, unit: 'bn', focus: 'a' },
  rows: [
    { kind: 'sector', id: 'a', label: 'A', base: 100, growth: { 2024: 0.1, 2025: '=a.growth[t-1] + 0.02' }, price: {} },
    { kind: 'sector', id: 'b', label: 'B', base: 100, growth: { 2024: 0.05, 2025: 0.05 }, price: {} },
  ],
  history: {},
};

const at = (s: Scenario, id: string, year: number) => {
  const model = new Model(s);
  return model.get(id)!.values[year - model.baseYear]!;
};

describe('applyLevers', () => {
  it('returns the same scenario when no lever moves anything', () => {
    expect(applyLevers(scenario, {})).toBe(scenario);
    expect(applyLevers(scenario, { a: { mode: 'shift', value: 0 } })).toBe(scenario);
  });

  it('sets one rate for every projection year, replacing formulas', () => {
    const out = applyLevers(scenario, { a: { mode: 'rate', value: 0.2 } });
    const a = out.rows[0]!;
    expect(a.kind === 'sector' && a.growth).toEqual({ 2024: 0.2, 2025: 0.2 });
    // 100 × 1.2 = 120, × 1.2 = 144; b: 100 × 1.05² = 110.25; share 144 / 254.25.
    expect(at(out, 'a', 2025)).toBeCloseTo(144, 9);
    expect(at(out, 'grdp', 2025)).toBeCloseTo(254.25, 9);
    expect(at(out, 'a.share', 2025)).toBeCloseTo(144 / 254.25, 9);
    // The other sector and the input scenario are untouched.
    expect(out.rows[1]).toBe(scenario.rows[1]);
    expect(at(scenario, 'a', 2025)).toBeCloseTo(123.2, 9);
  });

  it('shifts each year, using a formula cell’s computed value as its base', () => {
    const out = applyLevers(scenario, { a: { mode: 'shift', value: 0.01 } });
    const a = out.rows[0]!;
    // 10% + 1 = 11%; the formula's 12% + 1 = 13%.
    expect(a.kind === 'sector' && a.growth[2024]).toBeCloseTo(0.11, 12);
    expect(a.kind === 'sector' && a.growth[2025]).toBeCloseTo(0.13, 12);
    // 100 × 1.11 = 111, × 1.13 = 125.43.
    expect(at(out, 'a', 2025)).toBeCloseTo(125.43, 9);
  });

  it('levers several sectors at once and a negative shift lowers growth', () => {
    const out = applyLevers(scenario, { a: { mode: 'rate', value: 0 }, b: { mode: 'shift', value: -0.05 } });
    // Both sectors stay at 100: GRDP 200, growth 0, share one half.
    expect(at(out, 'grdp', 2025)).toBeCloseTo(200, 9);
    expect(at(out, 'a.share', 2025)).toBeCloseTo(0.5, 12);
  });

  it('puts a rate range in every projection year, the cells holding its centre', () => {
    const range = { kind: 'uniform', lo: 0.16, hi: 0.24 } as const;
    const out = applyLevers(scenario, { a: { mode: 'rate', value: 0.2, range } });
    expect(out.uncertainty?.['a.growth']?.cells).toEqual({ 2024: range, 2025: range });
    expect(at(out, 'a', 2025)).toBeCloseTo(144, 9);
  });

  it('shifts a range by each year’s rate, formulas included, and a zero-centred shift range still applies', () => {
    const range = { kind: 'triangular', lo: -0.02, mode: 0, hi: 0.01 } as const;
    const out = applyLevers(scenario, { a: { mode: 'shift', value: 0, range } });
    const cells = out.uncertainty?.['a.growth']?.cells;
    expect(cells?.[2024]).toMatchObject({ kind: 'triangular', mode: 0.1 });
    expect(cells?.[2024]?.kind === 'triangular' && cells[2024].lo).toBeCloseTo(0.08, 12);
    expect(cells?.[2025]?.kind === 'triangular' && cells[2025].hi).toBeCloseTo(0.13, 12);
    // The centre is the current rate: the projection is unchanged.
    expect(at(out, 'a', 2025)).toBeCloseTo(123.2, 9);
  });

  it('a plain lever over ranged cells replaces their ranges', () => {
    const ranged = applyLevers(scenario, {
      a: { mode: 'rate', value: 0.1, range: { kind: 'normal', mean: 0.1, sd: 0.02 } },
    });
    const out = applyLevers(ranged, { a: { mode: 'rate', value: 0.15 } });
    expect(out.uncertainty?.['a.growth']).toBeUndefined();
  });

  it('ignores levers for unknown rows and non-finite values', () => {
    expect(applyLevers(scenario, { nope: { mode: 'rate', value: 0.3 } })).toBe(scenario);
    expect(applyLevers(scenario, { a: { mode: 'rate', value: Number.NaN } })).toBe(scenario);
  });
});
