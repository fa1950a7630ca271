import { describe, expect, it } from 'vitest';
import { quangNinh } from '../templates/quang-ninh';
import { applyLevers } from './levers';
import { Model } from './model';
import { addRow, withInput } from './scenario';
import { defaultSensitivityOutput, sensitivityRows, tornado, type TornadoBar } from './sensitivity';
import { summarize } from './summary';
import type { Scenario, SectorRow } from './types';

const template = quangNinh.scenario;

const sector = (id: string, base: number, growth: Record<string, number | string>): SectorRow => ({
  kind: 'sector',
  id,
  label: id,
  base,
  growth,
  price: {},
});

// Three sectors of very different size at 5% a year, and y = 3 × a.growth − b.growth, computed in every year.
const small: Scenario = {
  meta: { name: 'T', region: 'R', baseYear: 2023, horizon: 2026, unit: 'bn', focus: 'a' },
  rows: [
    sector('a', 50, { 2024: 0.05, 2025: 0.05, 2026: 0.05 }),
    sector('b', 150, { 2024: 0.05, 2025: 0.05, 2026: 0.05 }),
    sector('c', 800, { 2024: 0.05, 2025: 0.05, 2026: 0.05 }),
    {
      kind: 'series',
      id: 'y',
      label: 'y',
      format: 'percent',
      cells: { 2024: '=3 * a.growth - b.growth', 2025: '=3 * a.growth - b.growth', 2026: '=3 * a.growth - b.growth' },
    },
  ],
  history: {},
};

const byId = (bars: readonly TornadoBar[]) => Object.fromEntries(bars.map((b) => [b.id, b]));

// The output recomputed from scratch on the scenario with one sector's growth shifted by d.
function byHand(scenario: Scenario, sectorId: string, d: number, read: (m: Model, s: Scenario) => number | undefined) {
  const shifted = applyLevers(scenario, { [sectorId]: { mode: 'shift', value: d } });
  return read(new Model(shifted), shifted);
}

describe('tornado', () => {
  it('ranks a linear combination of growth rows by its weights', () => {
    const bars = tornado(small, { output: { kind: 'cell', id: 'y', year: 2026 } });
    expect(bars.map((b) => b.id)).toEqual(['a.growth', 'b.growth', 'c.growth']);
    const { 'a.growth': a, 'b.growth': b, 'c.growth': c } = byId(bars);
    // y = 3 × 5% − 5% = 10%; a moves it by 3 × 1 point, b by −1 point, c not at all.
    expect(a).toMatchObject({ rowId: 'a', base: expect.closeTo(0.1, 12) });
    expect(a!.low).toBeCloseTo(0.07, 12);
    expect(a!.high).toBeCloseTo(0.13, 12);
    expect(a!.swing).toBeCloseTo(0.06, 12);
    expect(b!.low).toBeCloseTo(0.11, 12);
    expect(b!.high).toBeCloseTo(0.09, 12);
    expect(b!.swing).toBeCloseTo(0.02, 12);
    expect(c!.swing).toBe(0);
  });

  it('ranks sectors by size when the output is GRDP', () => {
    const bars = tornado(small, { output: { kind: 'cell', id: 'grdp', year: 2026 } });
    expect(bars.map((b) => b.id)).toEqual(['c.growth', 'b.growth', 'a.growth']);
    // c: 800 × (1.06³ − 1.04³).
    expect(bars[0]!.swing).toBeCloseTo(800 * (1.06 ** 3 - 1.04 ** 3), 9);
  });

  it('gives the values of recomputing the scenario with each row shifted by hand, formula cells included', () => {
    const scenario = withInput(template, 'services.growth', 2027, '=services.growth[t-1] + 1%');
    const output = { kind: 'cell', id: 'manufacturing.share', year: 2030 } as const;
    const read = (m: Model) => m.get('manufacturing.share')!.values[2030 - m.baseYear];
    const bars = tornado(scenario, { output });
    expect(bars).toHaveLength(5);
    for (const bar of bars) {
      expect(bar.low).toBeCloseTo(byHand(scenario, bar.rowId, -0.01, read)!, 12);
      expect(bar.high).toBeCloseTo(byHand(scenario, bar.rowId, 0.01, read)!, 12);
      expect(bar.base).toBe(read(new Model(scenario)));
    }
    // Manufacturing moves its own share most; the swings are in decreasing order.
    expect(bars[0]!.id).toBe('manufacturing.growth');
    for (let k = 1; k < bars.length; k++) expect(bars[k]!.swing!).toBeLessThanOrEqual(bars[k - 1]!.swing!);
    // The scenario's own model is as it was: a second run gives the same bars.
    expect(tornado(scenario, { output })).toEqual(bars);
  });

  it('shifts by the delta asked for', () => {
    const bars = byId(tornado(small, { output: { kind: 'cell', id: 'y', year: 2025 }, delta: 0.02 }));
    expect(bars['a.growth']!.swing).toBeCloseTo(0.12, 12);
    expect(bars['b.growth']!.low).toBeCloseTo(0.12, 12);
    expect(() => tornado(small, { output: { kind: 'averageGrowth' }, delta: 0 })).toThrow();
  });

  it('measures the average GRDP growth of the headline cards', () => {
    const read = (m: Model, s: Scenario) => summarize(m, s).growth.value;
    const bars = tornado(template, { output: { kind: 'averageGrowth' }, delta: 0.005 });
    for (const bar of bars) {
      expect(bar.low).toBeCloseTo(byHand(template, bar.rowId, -0.005, read)!, 12);
      expect(bar.high).toBeCloseTo(byHand(template, bar.rowId, 0.005, read)!, 12);
    }
    expect(bars[0]!.base).toBe(read(new Model(template), template));
    // To first order, raising a sector's growth every year by d lifts ln GRDP(T) by d · V(T)/GRDP(T) · Σ 1/(1 + g(t)).
    const model = new Model(template);
    const base = bars[0]!.base!;
    const at = (id: string, year: number) => model.get(id)!.values[year - 2023]!;
    for (const bar of bars) {
      let sum = 0;
      for (let year = 2024; year <= 2030; year++) sum += 1 / (1 + at(bar.id, year));
      const slope = (((1 + base) / 7) * at(bar.rowId, 2030) * sum) / at('grdp', 2030);
      expect(Math.abs(bar.swing! / (2 * 0.005 * slope) - 1)).toBeLessThan(1e-3);
    }
  });

  it('puts rows whose shift makes the output an error last', () => {
    // sqrt of a negative number is #NUM: lowering a's growth below 5% breaks z; b does not touch it.
    const scenario = addRow(small, {
      kind: 'series',
      id: 'z',
      label: 'z',
      format: 'number',
      cells: { 2026: '=sqrt(a.growth - 0.05) + c.growth' },
    });
    const bars = tornado(scenario, { output: { kind: 'cell', id: 'z', year: 2026 } });
    expect(bars.map((b) => b.id)).toEqual(['c.growth', 'b.growth', 'a.growth']);
    expect(bars[2]).toMatchObject({ low: undefined, swing: undefined });
    expect(bars[2]!.high).toBeCloseTo(Math.sqrt(0.01) + 0.05, 12);
    expect(bars[1]!.swing).toBe(0);
  });

  it('includes percent series rows with typed rates and shifts them too', () => {
    const cells = { 2024: 0.1, 2025: '=r[t-1]', 2026: 0.1 };
    const scenario = addRow(addRow(small, { kind: 'series', id: 'r', label: 'r', format: 'percent', cells }), {
      kind: 'series',
      id: 'w',
      label: 'w',
      format: 'number',
      cells: { 2026: '=100 * r + a' },
    });
    expect(sensitivityRows(scenario)).toEqual(['a.growth', 'b.growth', 'c.growth', 'r']);
    // y is percent but computed: not a rate to shift.
    expect(sensitivityRows(scenario)).not.toContain('y');
    const bars = byId(tornado(scenario, { output: { kind: 'cell', id: 'w', year: 2026 } }));
    expect(bars['r']!.swing).toBeCloseTo(2, 9);
  });
});

describe('defaultSensitivityOutput', () => {
  it('is the focus share in the last share-target year, else at the horizon', () => {
    expect(defaultSensitivityOutput(template)).toEqual({ kind: 'cell', id: 'manufacturing.share', year: 2030 });
    const only2025 = withInput(template, 'share_target', 2030, undefined);
    expect(defaultSensitivityOutput(only2025)).toEqual({ kind: 'cell', id: 'manufacturing.share', year: 2025 });
    expect(defaultSensitivityOutput(small)).toEqual({ kind: 'cell', id: 'a.share', year: 2026 });
  });
});
