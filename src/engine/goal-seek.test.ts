import { describe, expect, it } from 'vitest';
import { quangNinh } from '../templates/quang-ninh';
import { declaredScenario, targetRow } from './fixtures';
import {
  goalSeek,
  plausibleRate,
  requiredFocusGrowth,
  requiredGrowthFor,
  shareQuestions,
  targetQuestions,
  type GoalSeekResult,
} from './goal-seek';
import { Model } from './model';
import { brent } from './root-find';
import { withInput } from './scenario';
import { averageGrowth } from './summary';
import type { RowDef, Scenario, SectorRow } from './types';
import { BUILTIN, structureVar } from './variables';

const template = quangNinh.scenario;
const OTHERS = ['agriculture', 'other_industry', 'services', 'taxes'];

const value = (s: Scenario, id: string, year: number): number => {
  const model = new Model(s);
  return model.get(id)!.values[year - model.baseYear]!;
};

// The template with every sector but manufacturing growing at h from the first year `from` on, prices 0.
function othersAt(h: number, from = 2024): Scenario {
  const rows = template.rows.map((row): RowDef => {
    if (row.kind !== 'sector') return row;
    const growth: Record<string, number | string> = { ...row.growth };
    if (OTHERS.includes(row.id)) for (let y = from; y <= 2030; y++) growth[y] = h;
    return { ...row, growth, price: {} } satisfies SectorRow;
  });
  return { ...template, rows };
}

// Adds a number parameter p and a series y computed from it by a formula in every year.
function withFormula(formula: string, p = 1): Scenario {
  const cells = Object.fromEntries(Array.from({ length: 8 }, (_, k) => [2023 + k, formula]));
  return {
    ...template,
    rows: [
      ...template.rows,
      { kind: 'param', id: 'p', label: 'p', format: 'number', value: p },
      { kind: 'series', id: 'y', label: 'y', format: 'number', cells },
    ],
  };
}

// The closed form: with the other sectors at h, the focus share s0 in t0 becomes s in T at growth g.
const closedForm = (h: number, s0: number, s: number, years: number): number =>
  (1 + h) * Math.pow((s * (1 - s0)) / (s0 * (1 - s)), 1 / years) - 1;

function found<R extends GoalSeekResult>(result: R): Extract<R, { status: 'found' }> {
  if (result.status !== 'found') throw new Error(`expected an answer, got ${JSON.stringify(result)}`);
  return result as Extract<R, { status: 'found' }>;
}

describe('brent', () => {
  it('finds the root of a smooth function to the tolerance in few iterations', () => {
    const root = 2.0945514815423265;
    const r = brent((x) => x * x * x - 2 * x - 5, 1, 3);
    expect(r.status).toBe('found');
    if (r.status !== 'found') return;
    expect(Math.abs(r.x - root)).toBeLessThanOrEqual(1e-9 * root);
    expect(r.iterations).toBeGreaterThan(0);
    expect(r.iterations).toBeLessThan(15);
  });

  it('reports end points that do not bracket a root', () => {
    expect(brent((x) => x * x + 1, -1, 2)).toEqual({ status: 'noBracket', fa: 2, fb: 5 });
    expect(brent(() => NaN, 0, 1).status).toBe('noBracket');
  });

  it('stops at a value that is not a number inside the bracket instead of looping', () => {
    let calls = 0;
    const r = brent(
      (x) => {
        calls++;
        return x > 0.1 && x < 0.9 ? NaN : x - 0.5;
      },
      0,
      1,
    );
    expect(r).toMatchObject({ status: 'failed', reason: 'notANumber' });
    expect(calls).toBeLessThan(5);
  });

  it('gives up after maxIterations on a jump that it cannot close', () => {
    const r = brent((x) => (x < 0.3 ? -1 : 1), 0, 1, { maxIterations: 5 });
    expect(r).toMatchObject({ status: 'failed', reason: 'maxIterations', iterations: 5 });
  });
});

describe('requiredFocusGrowth', () => {
  const s0 = 38843 / (14843 + 38843 + 125057 + 96951 + 40107);

  it.each([
    { h: 0.08, s: 0.3, T: 2030 },
    { h: 0.05, s: 0.15, T: 2025 },
    { h: 0.1, s: 0.2, T: 2028 },
    { h: -0.02, s: 0.1, T: 2027 },
  ])('reproduces the closed form with the other sectors at $h, share $s in $T', ({ h, s, T }) => {
    const r = found(requiredFocusGrowth(othersAt(h), T, s));
    const g = closedForm(h, s0, s, T - 2023);
    expect(Math.abs(r.x - g) / Math.abs(g)).toBeLessThan(1e-8);
    expect(r.reached).toBeCloseTo(s, 9);
    expect(r.iterations).toBeGreaterThan(0);
    expect(r.iterations).toBeLessThan(100);
    // GRDP in T: manufacturing at g plus the rest at h, against the base-year total.
    const n = T - 2023;
    const grdp = 38843 * (1 + g) ** n + (315801 - 38843) * (1 + h) ** n;
    expect(r.grdpGrowth).toBeCloseTo((grdp / 315801) ** (1 / n) - 1, 8);
    // One edit per year from the year after the base year through T, all at the answer.
    expect(r.edits.map((e) => e.year)).toEqual(Array.from({ length: n }, (_, k) => 2024 + k));
    expect(r.edits.every((e) => e.id === 'manufacturing.growth' && e.value === r.x)).toBe(true);
  });

  it('starts where asked, keeping a published year as it is', () => {
    const scenario = othersAt(0.08, 2025);
    const r = found(requiredFocusGrowth(scenario, 2030, 0.3, 2025));
    expect(r.edits.map((e) => e.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(r.x).toBeCloseTo(closedForm(0.08, value(scenario, 'manufacturing.share', 2024), 0.3, 6), 9);
  });

  it('says so when the share cannot be reached with growth up to 200%', () => {
    const r = requiredFocusGrowth(othersAt(0.08), 2025, 0.99);
    expect(r.status).toBe('unreachable');
    if (r.status !== 'unreachable') return;
    expect(r.closest.x).toBe(2);
    expect(r.closest.reached).toBeLessThan(0.99);
  });
});

describe('shareQuestions', () => {
  it('lists one question per focus-share target after the base year', () => {
    expect(shareQuestions(template)).toEqual([
      { targetId: 'share_target', year: 2025, threshold: 0.15 },
      { targetId: 'share_target', year: 2030, threshold: 0.3 },
    ]);
    const edited = withInput(withInput(template, 'share_target', 2023, 0.1), 'share_target', 2025, undefined);
    expect(shareQuestions(edited)).toEqual([{ targetId: 'share_target', year: 2030, threshold: 0.3 }]);
  });
});

describe('questions of every target', () => {
  // The 16th Congress and master plan targets on the declared 2025 scenario (manufacturing at 20% a year: per capita
  // 11,439 USD in 2026 and 16,545 in 2030, industry 48.46% of GRDP in 2030, agriculture 4.29% in 2026).
  const targets = [
    targetRow('industry_band', structureVar('industry'), { 2030: 0.47 }, { 2030: 0.48 }),
    targetRow('agriculture_band', structureVar('agriculture'), { 2030: 0.03 }, { 2026: 0.045, 2030: 0.04 }),
    targetRow('per_capita', BUILTIN.grdpPerCapitaUsd, { 2025: 10000, 2026: 11800, 2030: 19000 }, { 2030: 20000 }),
    targetRow('growth', BUILTIN.grdpGrowth, { 2026: 0.13, 2027: 0.12, 2028: 0.12, 2029: 0.12, 2030: 0.12 }),
  ];
  const withTargets = (history: Scenario['history'] = {}): Scenario => {
    const s = declaredScenario();
    return { ...s, rows: [...s.rows, ...targets], history: { ...s.history, ...history } };
  };

  it('asks each year after the base year, aiming at the bound the scenario misses, leaving out ranges it already sits in, and GRDP growth once', () => {
    expect(targetQuestions(withTargets()).map((q) => [q.targetId, q.year, q.measure, q.aim])).toEqual([
      // The headline's growth target: the compound average of the years' thresholds, to the horizon.
      ['growth', 2030, 'average', (1.13 * 1.12 ** 4) ** (1 / 5) - 1],
      ['per_capita', 2026, 'value', 11800],
      ['per_capita', 2030, 'value', 19000],
      // Agriculture is under its 2026 ceiling and inside its 2030 range: nothing to ask.
      ['industry_band', 2030, 'value', 0.48],
    ]);
  });

  it('finds the manufacturing growth that brings per capita to the target, as a fresh model of its edits shows', () => {
    const s = withTargets();
    const question = targetQuestions(s).find((q) => q.targetId === 'per_capita' && q.year === 2030)!;
    const r = found(requiredGrowthFor(s, question));
    expect(r.edits.map((e) => [e.id, e.year])).toEqual(
      [2026, 2027, 2028, 2029, 2030].map((y) => ['manufacturing.growth', y]),
    );
    let edited = s;
    for (const e of r.edits) edited = withInput(edited, e.id, e.year, e.value);
    expect(value(edited, BUILTIN.grdpPerCapitaUsd, 2030)).toBeCloseTo(19000, 3);
    expect(r.x).toBeGreaterThan(0.2);
  });

  it('finds the manufacturing growth that brings average GRDP growth to the headline target', () => {
    const s = withTargets();
    const question = targetQuestions(s).find((q) => q.measure === 'average')!;
    const r = found(requiredGrowthFor(s, question));
    expect(r.grdpGrowth).toBeCloseTo(question.aim, 9);
    let edited = s;
    for (const e of r.edits) edited = withInput(edited, e.id, e.year, e.value);
    expect(averageGrowth(new Model(edited))).toBeCloseTo(question.aim, 9);
  });

  it('calls a rate implausible above twice the best recorded growth of its row, or above 100% with no record', () => {
    const s = withTargets();
    const question = targetQuestions(s).find((q) => q.targetId === 'per_capita' && q.year === 2030)!;
    // About 30.5% a year.
    expect(found(requiredGrowthFor(s, question)).implausible).toBe(false);
    const modest = withTargets({ 'manufacturing.growth': { 2023: 0.09, 2024: 0.12, 2025: 0.15 } });
    expect(plausibleRate(modest, 'manufacturing.growth')).toBe(0.3);
    expect(found(requiredGrowthFor(modest, question)).implausible).toBe(true);
    const strong = withTargets({ 'manufacturing.growth': { 2024: 0.16 } });
    expect(found(requiredGrowthFor(strong, question)).implausible).toBe(false);
    expect(found(requiredFocusGrowth(modest, 2030, 0.2)).implausible).toBe(false);
    expect(found(requiredFocusGrowth(modest, 2030, 0.5)).implausible).toBe(true);
  });

  it('leaves ceilings out of the share questions', () => {
    const s = withTargets();
    const share = targetRow('share_cap', 'manufacturing.share', {}, { 2030: 0.3 });
    expect(shareQuestions({ ...s, rows: [...s.rows, share] })).toEqual([]);
  });
});

describe('goalSeek', () => {
  it('answers the worked example of domain.md: about 27% a year for 30% in 2030, 16.5% for 20%', () => {
    // The template's 2024, then the other sectors at 8% a year and one manufacturing rate for 2025–2030.
    const scenario = othersAt(0.08, 2025);
    const s2024 = value(scenario, 'manufacturing.share', 2024);
    expect(s2024).toBeCloseTo(0.137, 3);
    const change = { kind: 'rate', id: 'manufacturing.growth', from: 2025, to: 2030 } as const;
    const at30 = found(goalSeek(scenario, { id: 'manufacturing.share', year: 2030, value: 0.3 }, change));
    const at20 = found(goalSeek(scenario, { id: 'manufacturing.share', year: 2030, value: 0.2 }, change));
    expect(Math.abs(at30.x - 0.27)).toBeLessThan(0.005);
    expect(Math.abs(at20.x - 0.165)).toBeLessThan(0.0005);
    expect(at30.x).toBeCloseTo(closedForm(0.08, s2024, 0.3, 6), 9);
    expect(at20.x).toBeCloseTo(closedForm(0.08, s2024, 0.2, 6), 9);
  });

  it('brings a formula row to a value by changing one parameter', () => {
    // investment = icor × (grdp[t] − grdp[t−1]): linear in icor.
    const r = found(
      goalSeek(template, { id: 'investment', year: 2030, value: 200000 }, { kind: 'cell', id: 'icor', year: 2023 }),
    );
    const step = value(template, 'grdp', 2030) - value(template, 'grdp', 2029);
    expect(r.x).toBeCloseTo(200000 / step, 9);
    expect(r.reached).toBeCloseTo(200000, 4);
    expect(r.edits).toEqual([{ id: 'icor', year: 2023, value: r.x }]);
  });

  it('changes a single growth cell to reach a share in that year', () => {
    // Only 2030 moves: s = M(2029)(1 + x) / (M(2029)(1 + x) + rest(2030)).
    const r = found(
      goalSeek(
        template,
        { id: 'manufacturing.share', year: 2030, value: 0.25 },
        { kind: 'cell', id: 'manufacturing.growth', year: 2030 },
      ),
    );
    const m = value(template, 'manufacturing.nominal', 2029);
    const rest = value(template, 'grdp_nominal', 2030) - value(template, 'manufacturing.nominal', 2030);
    expect(r.x).toBeCloseTo((0.25 * rest) / (0.75 * m) - 1, 9);
    expect(r.edits).toHaveLength(1);
  });

  it('gives edits that reproduce the value reached and leaves the caller’s scenario as it was', () => {
    const scenario = withInput(template, 'services.growth', 2027, '=services.growth[t-1] + 1%');
    const before: unknown = JSON.parse(JSON.stringify(scenario));
    const target = { id: 'grdp_growth', year: 2028, value: 0.12 };
    const r = found(goalSeek(scenario, target, { kind: 'rate', id: 'services.growth', from: 2026, to: 2028 }));
    expect(scenario).toEqual(before);
    const applied = r.edits.reduce((s, e) => withInput(s, e.id, e.year, e.value), scenario);
    expect(value(applied, 'grdp_growth', 2028)).toBe(r.reached);
    expect(r.reached).toBeCloseTo(0.12, 9);
    // The formula cell became the number found.
    expect(r.edits.map((e) => e.year)).toEqual([2026, 2027, 2028]);
  });

  it('reports the closest value reached when no value in the range reaches the target', () => {
    const change = { kind: 'cell', id: 'manufacturing.growth', year: 2030 } as const;
    const high = goalSeek(template, { id: 'manufacturing.share', year: 2030, value: 0.9 }, change);
    expect(high).toEqual({
      status: 'unreachable',
      closest: {
        x: 2,
        reached: value(withInput(template, 'manufacturing.growth', 2030, 2), 'manufacturing.share', 2030),
      },
      range: { lo: -0.5, hi: 2 },
    });
    const low = goalSeek(template, { id: 'manufacturing.share', year: 2030, value: 0.01 }, change, {
      lo: -0.2,
      hi: 0.5,
    });
    expect(low).toMatchObject({ status: 'unreachable', closest: { x: -0.2 }, range: { lo: -0.2, hi: 0.5 } });
  });

  it('scans the range for a root when the ends do not bracket it, nearest the current value first', () => {
    // y = (p − 1)², p = 3: the default range is 3 ± 6; y = 0.25 at p = 0.5 and p = 1.5.
    const scenario = withFormula('=(p - 1)^2', 3);
    const change = { kind: 'cell', id: 'p', year: 2023 } as const;
    const r = found(goalSeek(scenario, { id: 'y', year: 2030, value: 0.25 }, change));
    expect(r.x).toBeCloseTo(1.5, 9);
    // Below the minimum: the closest is the minimum itself, found between grid points.
    const below = goalSeek(scenario, { id: 'y', year: 2030, value: -1 }, change);
    expect(below.status).toBe('unreachable');
    if (below.status !== 'unreachable') return;
    expect(below.closest.x).toBeCloseTo(1, 4);
    expect(below.closest.reached).toBeCloseTo(0, 8);
  });

  it('finds its way around formula errors without hanging', () => {
    // sqrt of a negative number is #NUM: half of the default range −1..3 holds errors.
    const scenario = withFormula('=sqrt(p)');
    const change = { kind: 'cell', id: 'p', year: 2023 } as const;
    expect(found(goalSeek(scenario, { id: 'y', year: 2030, value: 1.5 }, change)).x).toBeCloseTo(2.25, 9);
    expect(goalSeek(scenario, { id: 'y', year: 2030, value: -1 }, change)).toMatchObject({
      status: 'unreachable',
      closest: { x: 0, reached: 0 },
    });
    expect(goalSeek(withFormula('=sqrt(p - 100)'), { id: 'y', year: 2030, value: 1 }, change)).toEqual({
      status: 'invalid',
      reason: 'noValue',
    });
  });

  it('does not take a jump in a formula for a root', () => {
    const scenario = withFormula('=p > 1 ? 1 : 0');
    const r = goalSeek(scenario, { id: 'y', year: 2030, value: 0.5 }, { kind: 'cell', id: 'p', year: 2023 });
    expect(r.status).toBe('unreachable');
    if (r.status !== 'unreachable') return;
    expect([0, 1]).toContain(r.closest.reached);
  });

  it('rejects questions that make no sense, as values', () => {
    const share = { id: 'manufacturing.share', year: 2030, value: 0.3 };
    const cell = (id: string, year: number) => ({ kind: 'cell', id, year }) as const;
    const reason = (r: GoalSeekResult) => (r.status === 'invalid' ? r.reason : r.status);
    expect(reason(goalSeek(template, share, cell('grdp', 2030)))).toBe('notInput');
    expect(reason(goalSeek(template, share, { kind: 'rate', id: 'manufacturing.growth', from: 2027, to: 2026 }))).toBe(
      'notInput',
    );
    expect(reason(goalSeek(template, { ...share, id: 'services.growth' }, cell('manufacturing.growth', 2026)))).toBe(
      'notComputed',
    );
    expect(reason(goalSeek(template, { ...share, id: 'nope' }, cell('manufacturing.growth', 2026)))).toBe(
      'unknownCell',
    );
    expect(reason(goalSeek(template, share, cell('manufacturing.growth', 2031)))).toBe('unknownCell');
    expect(reason(goalSeek(template, share, cell('manufacturing.growth', 2026), { lo: 1, hi: 0 }))).toBe('badRange');
    // Investment in 2024 reads GRDP of 2023 and 2024 only.
    expect(
      reason(goalSeek(template, { id: 'investment', year: 2024, value: 1 }, cell('manufacturing.growth', 2030))),
    ).toBe('noEffect');
  });
});
