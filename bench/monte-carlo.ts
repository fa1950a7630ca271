import {
  MonteCarloRun,
  normalQuantile,
  Random,
  type Distribution,
  type MonteCarloResult,
  type Scenario,
  type UncertainRow,
} from '../src/engine';
import { quangNinh } from '../src/templates/quang-ninh';
import { computePlain, plainOf, type Plain } from './default-scenario';
import { assertSame, quantile } from './timing';

const SAMPLES = 10_000;
const RUNS = 15;
const SEED = 20_250_101;
const SPREAD = 0.04;
const PERCENTILES = [0.1, 0.25, 0.5, 0.75, 0.9] as const;

/** The default template with a triangular range of ±4 points around every growth rate after the base year. */
export function rangedScenario(): Scenario {
  const base = quangNinh.scenario;
  const uncertainty: Record<string, UncertainRow> = {};
  for (const row of base.rows) {
    if (row.kind !== 'sector') continue;
    const cells: Record<string, Distribution> = {};
    for (const [year, g] of Object.entries(row.growth)) {
      if (typeof g !== 'number') throw new Error(`expected a number in ${row.id}.growth ${year}`);
      cells[year] = { kind: 'triangular', lo: g - SPREAD, mode: g, hi: g + SPREAD };
    }
    uncertainty[`${row.id}.growth`] = { draw: 'run', cells };
  }
  return { ...base, uncertainty, seed: SEED };
}

interface PlainRange {
  readonly sector: number;
  readonly t: number;
  readonly d: Distribution;
}

/** What the hand-written run reports: the same fans and odds as the engine's result. */
interface PlainResult {
  readonly grdp: Float64Array[];
  readonly share: Float64Array[];
  readonly targets: Float64Array;
  readonly growth: number;
}

// The same inverse CDFs as the engine's quantile(), written out.
function draw(d: Distribution, u: number): number {
  if (d.kind === 'uniform') return d.lo + (d.hi - d.lo) * u;
  if (d.kind === 'normal') return d.mean + d.sd * normalQuantile(u);
  const width = d.hi - d.lo;
  const left = d.mode - d.lo;
  if (width === 0) return d.lo;
  return u * width < left ? d.lo + Math.sqrt(u * width * left) : d.hi - Math.sqrt((1 - u) * width * (d.hi - d.mode));
}

function percentileOf(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  return lo + 1 < sorted.length ? a + (h - lo) * (sorted[lo + 1]! - a) : a;
}

/**
 * The Monte Carlo of the default model as plain loops: the same PRNG and draws (rows in id order, one number per
 * row per sample), computePlain() for the model, then the same percentiles and target counts as the engine.
 * Returns the sampling loop and the summary apart, so that the loop can be timed alone.
 */
function plainMonteCarlo(
  scenario: Scenario,
  m: Plain,
  samples: number,
): { loop: () => void; summary: () => PlainResult } {
  const { baseYear } = scenario.meta;
  const length = m.length;
  const rows = Object.keys(scenario.uncertainty ?? {})
    .sort()
    .map((id) => {
      const row = scenario.uncertainty![id]!;
      const sector = m.sectors.findIndex((s) => `${s.id}.growth` === id);
      if (sector < 0 || row.draw !== 'run') throw new Error(`hand-written loop does not know the range of ${id}`);
      return Object.keys(row.cells)
        .map(Number)
        .sort((a, b) => a - b)
        .map((year): PlainRange => ({ sector, t: year - baseYear, d: row.cells[year]! }));
    });
  const focus = m.sectors.findIndex((s) => s.id === scenario.meta.focus);
  const shareTargets: [number, number][] = [];
  const growthTargets: [number, number][] = [];
  for (const row of scenario.rows) {
    if (row.kind !== 'target') continue;
    for (const [year, x] of Object.entries(row.cells)) {
      if (typeof x !== 'number') throw new Error('hand-written loop expects numeric targets');
      (row.of === 'grdp_growth' ? growthTargets : shareTargets).push([Number(year) - baseYear, x]);
    }
  }
  const meanGrowth = growthTargets.reduce((s, [, x]) => s + x, 0) / growthTargets.length;
  let ratio = 1;
  for (let k = 1; k < length; k++) ratio *= 1 + meanGrowth - 1e-12;

  const random = new Random(scenario.seed ?? 0);
  const grdpAt = Array.from({ length }, () => new Float64Array(samples));
  const shareAt = Array.from({ length }, () => new Float64Array(samples));
  const met = new Float64Array(shareTargets.length + growthTargets.length);
  let growthMet = 0;
  const loop = (): void => {
    for (let k = 0; k < samples; k++) {
      for (const cells of rows) {
        const u = random.next();
        for (const { sector, t, d } of cells) m.sectors[sector]!.growth[t] = draw(d, u);
      }
      computePlain(m);
      const share = m.share[focus]!;
      for (let t = 0; t < length; t++) {
        grdpAt[t]![k] = m.grdp[t]!;
        shareAt[t]![k] = share[t]!;
      }
      for (let c = 0; c < shareTargets.length; c++) {
        const [t, x] = shareTargets[c]!;
        if (share[t]! >= x - 1e-12) met[c]!++;
      }
      for (let c = 0; c < growthTargets.length; c++) {
        const [t, x] = growthTargets[c]!;
        if (m.grdpGrowth[t]! >= x - 1e-12) met[shareTargets.length + c]!++;
      }
      if (m.grdp[length - 1]! / m.grdp[0]! >= ratio) growthMet++;
    }
  };
  const fan = (at: Float64Array[]): Float64Array[] => {
    for (const xs of at) xs.sort();
    return PERCENTILES.map((p) => Float64Array.from(at, (xs) => percentileOf(xs, p)));
  };
  const summary = (): PlainResult => ({
    grdp: fan(grdpAt),
    share: fan(shareAt),
    targets: met.map((c) => c / samples),
    growth: growthMet / samples,
  });
  return { loop, summary };
}

function plainWhole(scenario: Scenario, m: Plain, samples: number): PlainResult {
  const run = plainMonteCarlo(scenario, m, samples);
  run.loop();
  return run.summary();
}

// Nanoseconds of each of `runs` timed calls after `warmup` untimed ones; prepare() is not timed.
function timed(prepare: () => () => unknown, runs: number, warmup: number): Float64Array {
  const ns = new Float64Array(runs);
  for (let k = -warmup; k < runs; k++) {
    const fn = prepare();
    const start = process.hrtime.bigint();
    fn();
    if (k >= 0) ns[k] = Number(process.hrtime.bigint() - start);
  }
  return ns;
}

function engineMonteCarlo(scenario: Scenario, samples: number): MonteCarloResult {
  const run = new MonteCarloRun(scenario, { samples });
  run.step(samples);
  return run.result();
}

// Both runs must find the same numbers before either is timed.
function check(engine: MonteCarloResult, plain: PlainResult): void {
  const fan = (
    name: string,
    f: MonteCarloResult['grdp'],
    want: Float64Array[],
  ): [string, Float64Array, Float64Array][] =>
    [f.p10, f.p25, f.p50, f.p75, f.p90].map((got, k) => [`${name} p${PERCENTILES[k]! * 100}`, got, want[k]!]);
  // The engine lists targets row by row (share target, then growth target), as the loop counts them.
  const targets = Float64Array.from(engine.targets, (t) => t.probability);
  assertSame('Monte Carlo', [
    ...fan('grdp', engine.grdp, plain.grdp),
    ...fan('share', engine.share, plain.share),
    ['target odds', targets, plain.targets],
    ['average growth odds', [engine.growth?.probability ?? NaN], [plain.growth]],
  ]);
  if (engine.failed !== 0) throw new Error(`Monte Carlo: ${engine.failed} samples failed`);
}

const row = (...cols: string[]): string => `| ${cols.join(' | ')} |`;
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const met = (ok: boolean): string => (ok ? 'yes' : '**no**');

/**
 * Table rows (bench/run.ts format): Monte Carlo samples per second of the engine against a hand-written loop of the
 * same model, same PRNG and draws, and the time of 10,000 samples; throws if the two disagree.
 */
export function benchMonteCarlo(): string[] {
  const scenario = rangedScenario();
  const plain = plainOf(scenario);
  check(engineMonteCarlo(scenario, SAMPLES), plainWhole(scenario, plain, SAMPLES));
  const cells = Object.values(scenario.uncertainty ?? {}).reduce((n, r) => n + Object.keys(r.cells).length, 0);

  const whole = timed(() => () => engineMonteCarlo(scenario, SAMPLES), RUNS, 3);
  const wholePlain = timed(() => () => plainWhole(scenario, plain, SAMPLES), RUNS, 3);
  const loop = timed(
    () => {
      const run = new MonteCarloRun(scenario, { samples: SAMPLES });
      return () => run.step(SAMPLES);
    },
    RUNS,
    3,
  );
  const loopPlain = timed(() => plainMonteCarlo(scenario, plain, SAMPLES).loop, RUNS, 3);
  const [e, l, es, ls] = [whole, wholePlain, loop, loopPlain].map((ns) => quantile(ns, 0.5)) as [
    number,
    number,
    number,
    number,
  ];
  const perSecond = (ns: number): string => int(SAMPLES / (ns / 1e9));
  const ratio = (a: number, b: number): string => `${(a / b).toFixed(1)}×`;
  const what = `triangular ±${SPREAD * 100} points on all ${cells} growth cells, one draw per row per sample`;
  return [
    row(
      `Monte Carlo, default scenario (${what}): samples per second, whole run of ${int(SAMPLES)} (draws, model, percentiles, odds), median of ${RUNS}`,
      perSecond(e),
      perSecond(l),
      ratio(e, l),
      'within 3× (⅓ of the loop’s rate)',
      met(e <= 3 * l),
    ),
    row(
      `Monte Carlo, same: samples per second of the sampling loop alone (\`step\`, no percentiles), median of ${RUNS}`,
      perSecond(es),
      perSecond(ls),
      ratio(es, ls),
      'within 3×',
      met(es <= 3 * ls),
    ),
    row(
      `Monte Carlo, same: ms for a whole run of ${int(SAMPLES)} samples, median of ${RUNS}`,
      (e / 1e6).toFixed(1),
      (l / 1e6).toFixed(1),
      ratio(e, l),
      'under 100 ms',
      met(e < 100e6),
    ),
  ];
}
