import { describe, expect, it } from 'vitest';
import { quangNinh } from '../templates/quang-ninh';
import { declaredScenario, sectorRow, targetRow } from './fixtures';
import { Model } from './model';
import { averageGrowth, fullPeriods, periodGrowth, planPeriods, summarize } from './summary';
import type { Scenario, TargetRow } from './types';
import { BUILTIN, focusGrowth, focusShare, structureVar } from './variables';

const YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030];

// Base year 2023: the focus sector a (100) grows 20% a year, b (300) not at all; 2021–2023 are recorded.
function scenario(history: Scenario['history']): Scenario {
  return {
    meta: { name: 't', region: 'r', baseYear: 2023, horizon: 2030, unit: 'u', focus: 'a' },
    rows: [sectorRow('a', 100, 0.2, {}, YEARS), sectorRow('b', 300, 0, {}, YEARS)],
    history,
  };
}

const recorded: Scenario['history'] = {
  [BUILTIN.grdpGrowth]: { 2021: 0.1, 2022: 0.08, 2023: 0.11 },
  [focusGrowth({ focus: 'a' })]: { 2021: 0.3, 2022: 0.25, 2023: 0.2 },
};

const periodsOf = (s: Scenario) => periodGrowth(new Model(s), s);

describe('plan periods', () => {
  it('are the five-year plans from 2021 on and before it, cut to the years asked', () => {
    expect(planPeriods(2020, 2030)).toEqual([
      [2020, 2020],
      [2021, 2025],
      [2026, 2030],
    ]);
    expect(planPeriods(2016, 2020)).toEqual([[2016, 2020]]);
    expect(planPeriods(2012, 2027)).toEqual([
      [2012, 2015],
      [2016, 2020],
      [2021, 2025],
      [2026, 2027],
    ]);
    expect(planPeriods(2031, 2031)).toEqual([[2031, 2031]]);
    expect(planPeriods(2026, 2025)).toEqual([]);
  });
});

describe('average growth over the plan periods', () => {
  it('chains recorded years before the base year with the model from it on: a geometric mean', () => {
    const [first, second, ...rest] = periodsOf(scenario(recorded));
    expect(rest).toEqual([]);
    // GRDP 2023 = 400, 2025 = 100 × 1.2² + 300 = 444: 2024 and 2025 together grow 444 / 400.
    expect(first).toMatchObject({ from: 2021, to: 2025, recorded: 'mixed' });
    expect(first!.grdp).toBeCloseTo(Math.pow(1.1 * 1.08 * 1.11 * (444 / 400), 1 / 5) - 1, 12);
    expect(first!.focus).toBeCloseTo(Math.pow(1.3 * 1.25 * 1.2 * 1.2 * 1.2, 1 / 5) - 1, 12);
    // 2030: 100 × 1.2⁷ + 300.
    expect(second).toMatchObject({ from: 2026, to: 2030, recorded: 'projected' });
    expect(second!.grdp).toBeCloseTo(Math.pow((100 * 1.2 ** 7 + 300) / 444, 1 / 5) - 1, 12);
    expect(second!.focus).toBeCloseTo(0.2, 12);
  });

  it('is undefined for a period with a year that has no value, without guessing it', () => {
    const gap: Scenario['history'] = {
      [BUILTIN.grdpGrowth]: { 2021: 0.1, 2023: 0.11 },
      [focusGrowth({ focus: 'a' })]: { 2021: 0.3, 2022: 0.25 },
    };
    const [first, second] = periodsOf(scenario(gap));
    expect(first).toMatchObject({ from: 2021, to: 2025, grdp: undefined, focus: undefined });
    expect(second!.grdp).toBeDefined();
  });

  it('starts with the first recorded year, cut into its plan period, and calls an all-recorded period recorded', () => {
    const early = { [BUILTIN.grdpGrowth]: { 2019: 0.12, 2020: 0.1, 2021: 0.1, 2022: 0.08, 2023: 0.11 } };
    const periods = periodsOf(scenario(early));
    expect(periods.map((p) => [p.from, p.to, p.recorded])).toEqual([
      [2019, 2020, 'recorded'],
      [2021, 2025, 'mixed'],
      [2026, 2030, 'projected'],
    ]);
    expect(periods[0]!.grdp).toBeCloseTo(Math.sqrt(1.12 * 1.1) - 1, 12);
    expect(periods[0]!.focus).toBeUndefined();
  });

  it('starts after the base year when nothing is recorded', () => {
    const periods = periodsOf(scenario({}));
    expect(periods.map((p) => [p.from, p.to, p.recorded])).toEqual([
      [2024, 2025, 'projected'],
      [2026, 2030, 'projected'],
    ]);
    expect(periods[0]!.grdp).toBeCloseTo(Math.sqrt(444 / 400) - 1, 12);
  });

  it('are in the headline of the Quảng Ninh template, whose base-to-horizon average stays as it was', () => {
    const s = quangNinh.scenario;
    const model = new Model(s);
    const headline = summarize(model, s);
    expect(headline.periods.map((p) => [p.from, p.to, p.recorded])).toEqual([
      [2020, 2020, 'recorded'],
      [2021, 2025, 'mixed'],
      [2026, 2030, 'projected'],
    ]);
    expect(headline.periods[0]!.grdp).toBeCloseTo(0.1005, 12);
    // Manufacturing growth of 2022 is not recorded.
    expect(headline.periods[1]!.focus).toBeUndefined();
    expect(headline.growth.value).toBe(averageGrowth(model));
    expect(headline.growth).toMatchObject({ from: 2024, to: 2030 });
  });
});

// The master plan's targets on the declared 2025 scenario: structure bands and a ceiling, per capita as a band and
// a floor, GRDP growth 10% a year. In 2030 industry is 48.46% of GRDP, agriculture 3.25%, per capita 16,545 USD.
function withTargets(...rows: TargetRow[]): Scenario {
  const s = declaredScenario();
  return { ...s, rows: [...s.rows, ...rows] };
}
const masterPlan = [
  targetRow('industry_band', structureVar('industry'), { 2030: 0.47 }, { 2030: 0.48 }),
  targetRow('agriculture_band', structureVar('agriculture'), { 2030: 0.03 }, { 2026: 0.045, 2030: 0.04 }),
  targetRow('per_capita', BUILTIN.grdpPerCapitaUsd, { 2026: 11800, 2030: 19000 }, { 2030: 20000 }),
  targetRow('growth', BUILTIN.grdpGrowth, { 2026: 0.1, 2027: 0.1, 2028: 0.1, 2029: 0.1, 2030: 0.1 }),
];

describe('target sets', () => {
  it('meet a band only between its bounds and a ceiling only below it', () => {
    const s = withTargets(...masterPlan);
    const checks = summarize(new Model(s), s).targets;
    const at = (id: string, year: number) => checks.find((c) => c.targetId === id && c.year === year);
    expect(at('industry_band', 2030)).toMatchObject({ threshold: 0.47, upper: 0.48, met: false });
    expect(at('industry_band', 2030)!.value).toBeCloseTo(0.4846, 4);
    expect(at('agriculture_band', 2030)).toMatchObject({ threshold: 0.03, upper: 0.04, met: true });
    expect(at('agriculture_band', 2026)).toMatchObject({ threshold: -Infinity, upper: 0.045, met: true });
    expect(at('per_capita', 2026)).toMatchObject({ threshold: 11800, met: false });
    expect(at('per_capita', 2026)).not.toHaveProperty('upper');
    expect(at('per_capita', 2030)).toMatchObject({ threshold: 19000, upper: 20000, met: false });
  });

  it('lists every target of the scenario, by variable and then year', () => {
    const s = withTargets(...masterPlan);
    const checks = summarize(new Model(s), s).targets;
    expect(checks.map((c) => `${c.of} ${c.year}`)).toEqual([
      'grdp_growth 2026',
      'grdp_growth 2027',
      'grdp_growth 2028',
      'grdp_growth 2029',
      'grdp_growth 2030',
      'grdp_per_capita_usd 2026',
      'grdp_per_capita_usd 2030',
      'structure_agriculture 2026',
      'structure_agriculture 2030',
      'structure_industry 2030',
    ]);
  });

  it('judges a value just above the upper bound as above it, and one at the bound as within', () => {
    const s = withTargets(targetRow('cap', structureVar('industry'), {}, { 2030: 0.48 }));
    const model = new Model(s);
    const value = model.get(structureVar('industry'))!.values[5]!;
    const at = (upper: number) =>
      summarize(model, withTargets(targetRow('cap', structureVar('industry'), {}, { 2030: upper }))).targets[0]!.met;
    expect(at(value)).toBe(true);
    expect(at(value - 1e-9)).toBe(false);
  });

  it('leaves a check unknown where the upper cell is not a number, and ceilings out of the growth target', () => {
    const s = withTargets(
      targetRow('odd', structureVar('industry'), { 2030: 0.47 }, { 2030: '=0.5' }),
      targetRow('growth', BUILTIN.grdpGrowth, { 2026: 0.12 }, { 2027: 0.2 }),
    );
    const headline = summarize(new Model(s), s);
    expect(headline.targets.find((c) => c.targetId === 'odd')).toMatchObject({ upper: NaN, met: undefined });
    expect(headline.growth.target).toBeCloseTo(0.12, 12);
  });

  it('keeps the share and growth cards of the Quảng Ninh template as they were', () => {
    const s = quangNinh.scenario;
    const headline = summarize(new Model(s), s);
    expect(headline.shareTargets.map((c) => [c.year, c.threshold])).toEqual([
      [2025, 0.15],
      [2030, 0.3],
    ]);
    expect(headline.growth.target).toBeCloseTo(0.1, 12);
    expect(headline.targets.filter((c) => c.of === focusShare(s.meta))).toEqual(headline.shareTargets);
  });
});

describe('fullPeriods', () => {
  it('leaves out a period clipped to a single year and keeps the others in order', () => {
    const period = (from: number, to: number) => ({ from, to, grdp: 0.1, focus: 0.2, recorded: 'recorded' as const });
    expect(fullPeriods([period(2020, 2020), period(2021, 2025), period(2026, 2030)])).toEqual([
      period(2021, 2025),
      period(2026, 2030),
    ]);
  });
});
