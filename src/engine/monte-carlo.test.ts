import { describe, expect, it } from 'vitest';
import { quangNinh } from '../templates/quang-ninh';
import { Model } from './model';
import { MAX_SAMPLES, MonteCarloRun, percentile, type MonteCarloResult } from './monte-carlo';
import { withInput } from './scenario';
import { checkTarget, summarize } from './summary';
import type { Distribution, RowDef, Scenario, TargetRow, UncertainRow } from './types';
import { quantile, Random } from './uncertainty';
import { declaredScenario } from './fixtures';
import { BUILTIN, sectorVar, structureVar } from './variables';

const uniform = (lo: number, hi: number): Distribution => ({ kind: 'uniform', lo, hi });
const normal = (mean: number, sd: number): Distribution => ({ kind: 'normal', mean, sd });
const triangular = (lo: number, mode: number, hi: number): Distribution => ({ kind: 'triangular', lo, mode, hi });

const PROJECTION = [2024, 2025, 2026, 2027, 2028, 2029, 2030];

function run(scenario: Scenario, samples: number, seed?: number): MonteCarloResult {
  const mc = new MonteCarloRun(scenario, { samples, seed });
  mc.step(samples);
  return mc.result();
}

function each<T>(years: readonly number[], value: T): Record<string, T> {
  return Object.fromEntries(years.map((y) => [y, value]));
}

/** The template with ranges on every sector's growth (central values as in the template) and on the ICOR. */
function rangedTemplate(draw: UncertainRow['draw'] = 'run'): Scenario {
  const base = quangNinh.scenario;
  const uncertainty: Record<string, UncertainRow> = {};
  for (const row of base.rows) {
    if (row.kind !== 'sector') continue;
    const cells: Record<string, Distribution> = {};
    for (const [year, g] of Object.entries(row.growth)) {
      const rate = g as number;
      cells[year] = row.id === 'services' ? normal(rate, 0.02) : triangular(rate - 0.04, rate, rate + 0.04);
    }
    uncertainty[sectorVar(row.id, 'growth')] = { draw: row.id === 'taxes' ? 'year' : draw, cells };
  }
  uncertainty['icor'] = { draw: 'run', cells: { 2023: uniform(3.6, 4.6) } };
  return { ...base, uncertainty, seed: 7 };
}

// Two sectors: the focus "m" with share s0 in 2023 and "o" growing at h; targets on m's share and GRDP growth.
const S0 = 0.123;
const H = 0.08;
function twoSectors(mGrowth: Distribution, draw: UncertainRow['draw'] = 'run', years = PROJECTION): Scenario {
  const rows: RowDef[] = [
    { kind: 'sector', id: 'm', label: 'M', base: S0 * 1000, growth: each(PROJECTION, 0.2), price: {} },
    { kind: 'sector', id: 'o', label: 'O', base: (1 - S0) * 1000, growth: each(PROJECTION, H), price: {} },
    { kind: 'target', id: 'share_target', label: 'S', of: 'm.share', cells: { 2025: 0.15, 2030: 0.3 } },
    { kind: 'target', id: 'growth_target', label: 'G', of: 'grdp_growth', cells: each(PROJECTION, 0.1) },
  ];
  let scenario: Scenario = {
    meta: { name: 't', region: 'r', baseYear: 2023, horizon: 2030, unit: 'u', focus: 'm' },
    rows,
    history: {},
  };
  const centre = quantile(mGrowth, 0.5);
  for (const y of years) scenario = withInput(scenario, 'm.growth', y, centre);
  return { ...scenario, uncertainty: { 'm.growth': { draw, cells: each(years, mGrowth) } } };
}

function odds(result: MonteCarloResult, id: string, year: number): number {
  const t = result.targets.find((c) => c.id === id && c.year === year);
  if (!t) throw new Error(`no target ${id} ${year}`);
  return t.probability;
}

// Four standard errors of an estimated proportion p from n samples.
const tolerance = (p: number, n: number): number => 4 * Math.sqrt((p * (1 - p)) / n);

describe('MonteCarloRun without ranges', () => {
  it('gives every percentile equal to the deterministic values and certain odds', () => {
    const scenario = quangNinh.scenario;
    const result = run(scenario, 50);
    const model = new Model(scenario);
    const grdp = model.get('grdp')!.values;
    const share = model.get('manufacturing.share')!.values;
    for (const fan of [result.grdp, result.share]) {
      const want = fan === result.grdp ? grdp : share;
      for (const p of [fan.p10, fan.p25, fan.p50, fan.p75, fan.p90]) expect(p).toEqual(want);
    }
    const checks = scenario.rows
      .filter((r): r is TargetRow => r.kind === 'target')
      .flatMap((r) => checkTarget(model, r));
    expect(result.targets.map((t) => [t.id, t.year, t.threshold, t.probability])).toEqual(
      checks.map((c) => [c.targetId, c.year, c.threshold, c.met ? 1 : 0]),
    );
    const card = summarize(model, scenario).growth;
    expect(result.growth).toEqual({ from: 2024, to: 2030, threshold: card.target, probability: card.met ? 1 : 0 });
    expect(result.histogram).toEqual({ year: 2030, edges: [share[7], share[7]], counts: [50] });
    expect(result).toMatchObject({ samples: 50, failed: 0, ranged: 0, ignored: [] });
  });
});

describe('MonteCarloRun reproducibility', () => {
  it('gives identical results for the same seed, however the run is chunked', () => {
    const scenario = rangedTemplate();
    const whole = run(scenario, 2000);
    const chunked = new MonteCarloRun(scenario, { samples: 2000 });
    const seen: number[] = [];
    while (!chunked.done) seen.push(chunked.step(300));
    expect(seen).toEqual([300, 600, 900, 1200, 1500, 1800, 2000]);
    expect(chunked.result()).toEqual(whole);
    expect(run(scenario, 2000, 7)).toEqual(whole);
  });

  it('gives different results for a different seed', () => {
    const scenario = rangedTemplate();
    const a = run(scenario, 500, 1);
    const b = run(scenario, 500, 2);
    expect(a.seed).toBe(1);
    expect(b.share.p50[7]).not.toBe(a.share.p50[7]);
    expect(b.grdp.p90[7]).not.toBe(a.grdp.p90[7]);
  });

  it('takes the seed from the scenario unless the options give one', () => {
    const scenario = rangedTemplate();
    expect(new MonteCarloRun(scenario, { samples: 1 }).seed).toBe(7);
    expect(new MonteCarloRun({ ...scenario, seed: undefined }, { samples: 1 }).seed).toBe(0);
    expect(new MonteCarloRun(scenario, { samples: 1, seed: 9 }).seed).toBe(9);
  });
});

describe('MonteCarloRun samples', () => {
  // Ranges on a sector's base value, a parameter, a literal cell that formulas read, growth drawn per run and per year.
  const rows: RowDef[] = [
    { kind: 'sector', id: 'a', label: 'A', base: 100, growth: { 2024: '=x', 2025: 0.05, 2026: 0.05 }, price: {} },
    { kind: 'sector', id: 'b', label: 'B', base: 300, growth: { 2024: 0.1, 2025: 0.1, 2026: 0.1 }, price: {} },
    { kind: 'param', id: 'k', label: 'K', format: 'number', value: 2 },
    { kind: 'series', id: 'x', label: 'X', format: 'percent', cells: { 2024: 0.1, 2025: '=x[t-1] * k' } },
    { kind: 'target', id: 'st', label: 'S', of: 'a.share', cells: { 2026: 0.25 } },
  ];
  const scenario: Scenario = {
    meta: { name: 't', region: 'r', baseYear: 2023, horizon: 2026, unit: 'u', focus: 'a' },
    rows,
    history: {},
    uncertainty: {
      a: { draw: 'run', cells: { 2023: uniform(90, 110) } },
      k: { draw: 'run', cells: { 2023: triangular(1, 2, 4) } },
      x: { draw: 'year', cells: { 2024: normal(0.1, 0.05) } },
      'a.growth': { draw: 'year', cells: { 2025: uniform(0, 0.1), 2026: normal(0.05, 0.02) } },
      'b.growth': { draw: 'run', cells: { 2024: uniform(0.05, 0.15), 2025: uniform(0.05, 0.15) } },
    },
  };

  // The draws written out independently: ids in order, years in order, one number per 'run' row or per cell.
  function drawnScenario(random: Random): Scenario {
    let s = scenario;
    for (const id of Object.keys(scenario.uncertainty!).sort()) {
      const row = scenario.uncertainty![id]!;
      const u = row.draw === 'run' ? random.next() : 0;
      for (const year of Object.keys(row.cells).sort()) {
        const x = quantile(row.cells[year]!, row.draw === 'run' ? u : random.next());
        s = withInput(s, id, Number(year), x);
      }
    }
    return s;
  }

  it('computes each sample exactly as a fresh model of the drawn numbers would', () => {
    const n = 5;
    const result = run(scenario, n, 99);
    const random = new Random(99);
    const models = Array.from({ length: n }, () => new Model(drawnScenario(random)));
    const fan = (id: string, p: number): Float64Array =>
      Float64Array.from(result.years, (_, i) =>
        percentile(
          models.map((m) => m.get(id)!.values[i]!).sort((a, b) => a - b),
          p,
        ),
      );
    for (const [id, f] of [
      ['grdp', result.grdp],
      ['a.share', result.share],
    ] as const) {
      expect(f.p10).toEqual(fan(id, 0.1));
      expect(f.p25).toEqual(fan(id, 0.25));
      expect(f.p50).toEqual(fan(id, 0.5));
      expect(f.p75).toEqual(fan(id, 0.75));
      expect(f.p90).toEqual(fan(id, 0.9));
    }
    const met = models.filter((m) => m.get('a.share')!.values[3]! >= 0.25 - 1e-12).length;
    expect(result.targets).toEqual([{ id: 'st', of: 'a.share', year: 2026, threshold: 0.25, probability: met / n }]);
    expect(result.ranged).toBe(7);
  });

  it('leaves out ranges on cells that do not hold a number, and ranges of unknown rows', () => {
    const odd: Scenario = {
      ...scenario,
      uncertainty: {
        ...scenario.uncertainty,
        'a.growth': { draw: 'run', cells: { 2024: uniform(0, 0.1), 2025: uniform(0, 0.1) } },
        nope: { draw: 'run', cells: { 2024: uniform(0, 1) } },
        x: { draw: 'run', cells: { 2025: uniform(0, 1) } },
      },
    };
    const result = run(odd, 10);
    expect(result.ignored).toEqual([
      { id: 'a.growth', year: 2024 },
      { id: 'nope', year: 2024 },
      { id: 'x', year: 2025 },
    ]);
    expect(result.ranged).toBe(5);
  });

  it('counts samples whose outputs are errors as failed, leaves them out of the fans and as missing the targets', () => {
    // a grows by sqrt(x − 0.5) in 2024: an error (#NUM) whenever x < 0.5, half the time.
    const failing: Scenario = {
      ...scenario,
      rows: rows.map((r) =>
        r.id === 'a' && r.kind === 'sector' ? { ...r, growth: { ...r.growth, 2024: '=sqrt(x - 0.5)' } } : r,
      ),
      uncertainty: { x: { draw: 'run', cells: { 2024: uniform(0, 1) } } },
    };
    const n = 4000;
    const result = run(failing, n, 3);
    expect(Math.abs(result.failed / n - 0.5)).toBeLessThan(tolerance(0.5, n));
    // Successful samples have x in [0.5, 1]: growth sqrt(x − 0.5) up to 0.707, so GRDP 2024 ≥ 100 + 330 = 430.
    expect(result.grdp.p10[1]).toBeGreaterThanOrEqual(430);
    expect(Number.isFinite(result.share.p50[3])).toBe(true);
    const histogram = result.histogram.counts.reduce((s, c) => s + c, 0);
    expect(histogram).toBe(n - result.failed);
    expect(odds(result, 'st', 2026)).toBeLessThanOrEqual(1 - result.failed / n);
  });

  it('refuses a sample count or seed out of range', () => {
    for (const samples of [0, 1.5, MAX_SAMPLES + 1, NaN])
      expect(() => new MonteCarloRun(scenario, { samples })).toThrow();
    expect(() => new MonteCarloRun(scenario, { samples: 10, seed: -1 })).toThrow();
  });
});

describe('MonteCarloRun statistics', () => {
  // One sector of 100 whose 2024 growth copies the ranged cell x by a formula: GRDP 2024 = 100 × (1 + x).
  function copied(d: Distribution): Scenario {
    return {
      meta: { name: 't', region: 'r', baseYear: 2023, horizon: 2024, unit: 'u', focus: 'a' },
      rows: [
        { kind: 'sector', id: 'a', label: 'A', base: 100, growth: { 2024: '=x[t]' }, price: {} },
        { kind: 'series', id: 'x', label: 'X', format: 'percent', cells: { 2024: quantile(d, 0.5) } },
      ],
      history: {},
      uncertainty: { x: { draw: 'year', cells: { 2024: d } } },
    };
  }

  it.each([
    ['uniform', uniform(0.1, 0.3), () => 1 / 0.2],
    [
      'normal',
      normal(0.2, 0.03),
      (x: number) => Math.exp(-(((x - 0.2) / 0.03) ** 2) / 2) / (0.03 * Math.sqrt(2 * Math.PI)),
    ],
    [
      'triangular',
      triangular(0.1, 0.15, 0.3),
      (x: number) => (x < 0.15 ? (2 * (x - 0.1)) / (0.2 * 0.05) : (2 * (0.3 - x)) / (0.2 * 0.15)),
    ],
  ] as const)('finds the percentiles of a %s range within sampling error', (_name, d, density) => {
    const n = 10_000;
    const result = run(copied(d), n, 2024);
    const fan = result.grdp;
    (
      [
        [0.1, fan.p10],
        [0.25, fan.p25],
        [0.5, fan.p50],
        [0.75, fan.p75],
        [0.9, fan.p90],
      ] as const
    ).forEach(([p, got]) => {
      const x = quantile(d, p);
      // Standard error of a sample p-quantile: √(p(1 − p)/n) / f(x_p), here in GRDP units (× 100).
      const se = (100 * Math.sqrt((p * (1 - p)) / n)) / density(x);
      expect(Math.abs(got[1]! - 100 * (1 + x))).toBeLessThan(4 * se);
    });
    expect(fan.p50[0]).toBe(100);
  });

  it('gives the chance of the share targets as the share of the rate range above the break-even rate', () => {
    const lo = 0.1;
    const hi = 0.35;
    const n = 10_000;
    const result = run(twoSectors(uniform(lo, hi)), n, 11);
    // domain.md: g = (1 + h) · (s(1 − s0) / (s0(1 − s)))^(1/(T − t0)) − 1.
    const breakEven = (s: number, years: number): number =>
      (1 + H) * ((s * (1 - S0)) / (S0 * (1 - s))) ** (1 / years) - 1;
    for (const [year, s] of [
      [2025, 0.15],
      [2030, 0.3],
    ] as const) {
      const exact = (hi - breakEven(s, year - 2023)) / (hi - lo);
      expect(Math.abs(odds(result, 'share_target', year) - exact)).toBeLessThan(tolerance(exact, n));
    }
    // Average GRDP growth ≥ 10% ⇔ s0(1 + g)^7 + (1 − s0)(1 + h)^7 ≥ 1.1^7.
    const gGrowth = ((1.1 ** 7 - (1 - S0) * (1 + H) ** 7) / S0) ** (1 / 7) - 1;
    const exact = (hi - gGrowth) / (hi - lo);
    expect(result.growth?.threshold).toBeCloseTo(0.1, 15);
    expect(Math.abs(result.growth!.probability - exact)).toBeLessThan(tolerance(exact, n));
    // Year by year, GRDP growth rises with g; 2024 needs s0·g + (1 − s0)·h ≥ 10%.
    const g2024 = (0.1 - (1 - S0) * H) / S0;
    const exact2024 = (hi - g2024) / (hi - lo);
    expect(Math.abs(odds(result, 'growth_target', 2024) - exact2024)).toBeLessThan(tolerance(exact2024, n));
  });

  it('spreads the outcome wider when a range is drawn once per run than when drawn each year', () => {
    const d = uniform(0.1, 0.3);
    const perRun = run(twoSectors(d, 'run'), 10_000, 5);
    const perYear = run(twoSectors(d, 'year'), 10_000, 5);
    const spread = (r: MonteCarloResult, i: number): number => r.grdp.p90[i]! - r.grdp.p10[i]!;
    // The first projection year has one draw either way.
    expect(spread(perRun, 1) / spread(perYear, 1)).toBeCloseTo(1, 1);
    // Over seven years a persistent shift adds up (≈ 7σ), independent draws partly cancel (≈ √7 σ): about 2.6×.
    const ratio = spread(perRun, 7) / spread(perYear, 7);
    expect(ratio).toBeGreaterThan(2.2);
    expect(ratio).toBeLessThan(3.1);
    expect(perRun.grdp.p50[7]).toBeCloseTo(perYear.grdp.p50[7]!, -1);
  });

  it('bins the focus share of the last share target year into a histogram over its range', () => {
    const n = 3000;
    const result = run(twoSectors(uniform(0.1, 0.35)), n, 8);
    const { year, edges, counts } = result.histogram;
    expect(year).toBe(2030);
    expect(counts).toHaveLength(30);
    expect(edges).toHaveLength(31);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(n);
    // The lowest and highest rates give the ends: share = s0(1+g)^7 / (s0(1+g)^7 + (1 − s0)(1+h)^7).
    const share = (g: number): number => (S0 * (1 + g) ** 7) / (S0 * (1 + g) ** 7 + (1 - S0) * (1 + H) ** 7);
    expect(edges[0]).toBeGreaterThanOrEqual(share(0.1) - 1e-12);
    expect(edges[30]).toBeLessThanOrEqual(share(0.35) + 1e-12);
    expect(edges[0]).toBeCloseTo(share(0.1), 2);
    expect(edges[30]).toBeCloseTo(share(0.35), 2);
  });
});

describe('MonteCarloRun odds of every target', () => {
  // The master plan's targets on the declared 2025 scenario (industry 48.46% and per capita 16,545 USD in 2030 at
  // 20% manufacturing growth): structure bands and a ceiling, per capita as a floor and a band, GRDP growth.
  const band = (id: string, of: string, cells: TargetRow['cells'], upper: TargetRow['upper'] = {}): TargetRow => ({
    kind: 'target',
    id,
    label: id,
    of,
    cells,
    upper,
  });
  const targets = [
    band('industry_band', structureVar('industry'), { 2030: 0.47 }, { 2030: 0.48 }),
    band('agriculture_band', structureVar('agriculture'), { 2030: 0.03 }, { 2026: 0.045, 2030: 0.04 }),
    band('per_capita', BUILTIN.grdpPerCapitaUsd, { 2026: 11800, 2030: 19000 }, { 2030: 20000 }),
    band('growth', BUILTIN.grdpGrowth, { 2027: 0.1, 2030: 0.1 }),
  ];
  const LO = 0;
  const HI = 0.4;
  const YEARS = [2026, 2027, 2028, 2029, 2030];
  const growthAt = (u: number): number => LO + (HI - LO) * u;
  function ranged(): Scenario {
    const s = declaredScenario();
    let scenario: Scenario = { ...s, rows: [...s.rows, ...targets] };
    for (const y of YEARS) scenario = withInput(scenario, 'manufacturing.growth', y, growthAt(0.5));
    return {
      ...scenario,
      uncertainty: { 'manufacturing.growth': { draw: 'run', cells: each(YEARS, uniform(LO, HI)) } },
    };
  }

  it('gives each band, ceiling and per capita target the share of samples within its bounds', () => {
    const n = 40;
    const result = run(ranged(), n, 5);
    const random = new Random(5);
    const met = new Map<string, number>();
    for (let k = 0; k < n; k++) {
      let s = ranged();
      const g = growthAt(random.next());
      for (const y of YEARS) s = withInput(s, 'manufacturing.growth', y, g);
      for (const c of summarize(new Model(s), s).targets) {
        const key = `${c.targetId} ${c.year}`;
        met.set(key, (met.get(key) ?? 0) + (c.met ? 1 : 0));
      }
    }
    expect(result.targets.map((t) => `${t.id} ${t.year}`).sort()).toEqual([...met.keys()].sort());
    for (const t of result.targets) expect(t.probability, `${t.id} ${t.year}`).toBe(met.get(`${t.id} ${t.year}`)! / n);
    expect(result.targets.find((t) => t.id === 'agriculture_band' && t.year === 2026)).toMatchObject({
      threshold: -Infinity,
      upper: 0.045,
    });
    expect(result.targets.find((t) => t.id === 'growth' && t.year === 2027)).not.toHaveProperty('upper');
    // The industry band is met in some samples, not all: the test tells bands from floors.
    const industry = odds(result, 'industry_band', 2030);
    expect(industry).toBeGreaterThan(0);
    expect(industry).toBeLessThan(1);
  });
});

describe('Model.sampler', () => {
  const scenario = twoSectors(uniform(0.1, 0.3));

  it('starts from the cells’ numbers and recomputes what they reach when asked', () => {
    const model = new Model(scenario);
    const sampler = model.sampler([{ id: 'm.growth', year: 2024 }]);
    expect(Array.from(sampler.inputs)).toEqual([0.2]);
    const before = model.get('m')!.values[1]!;
    sampler.inputs[0] = 0.5;
    // Nothing moves until recalculate().
    expect(model.get('m')!.values[1]).toBe(before);
    sampler.recalculate();
    const fresh = new Model(withInput(scenario, 'm.growth', 2024, 0.5));
    for (const id of ['m.growth', 'm', 'grdp', 'grdp_growth', 'm.share'])
      expect(model.get(id)!.values).toEqual(fresh.get(id)!.values);
  });

  it('given outputs, recomputes what they read and leaves the rest stale', () => {
    const model = new Model(scenario);
    const sampler = model.sampler([{ id: 'm.growth', year: 2024 }], ['m.share']);
    const realBefore = Array.from(model.get('grdp')!.values);
    sampler.inputs[0] = 0.5;
    sampler.recalculate();
    const fresh = new Model(withInput(scenario, 'm.growth', 2024, 0.5));
    // The share is of current prices: it reads m's nominal value and nominal GRDP, which reads every sector.
    for (const id of ['m', 'm.nominal', 'grdp_nominal', 'm.share'])
      expect(model.get(id)!.values).toEqual(fresh.get(id)!.values);
    // Real GRDP is not read by the share: not recomputed.
    expect(Array.from(model.get('grdp')!.values)).toEqual(realBefore);
    expect(fresh.get('grdp')!.values[1]).not.toBe(realBefore[1]);
    expect(() => model.sampler([{ id: 'm.growth', year: 2024 }], ['nope'])).toThrow();
  });

  it('refuses cells that do not hold a plain number, and non-finite inputs', () => {
    const model = new Model({
      ...scenario,
      rows: [...scenario.rows, { kind: 'series', id: 'f', label: 'F', format: 'number', cells: { 2024: '=grdp' } }],
    });
    expect(() => model.sampler([{ id: 'f', year: 2024 }])).toThrow();
    expect(() => model.sampler([{ id: 'f', year: 2025 }])).toThrow();
    expect(() => model.sampler([{ id: 'grdp', year: 2024 }])).toThrow();
    expect(() => model.sampler([{ id: 'nope', year: 2024 }])).toThrow();
    const sampler = model.sampler([{ id: 'm.growth', year: 2030 }]);
    sampler.inputs[0] = Infinity;
    expect(() => sampler.recalculate()).toThrow();
  });
});

describe('percentile', () => {
  it('interpolates linearly between order statistics', () => {
    expect(percentile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10, 20], 0.1)).toBe(11);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });
});
