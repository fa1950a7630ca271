import { inputOf } from './cells';
import { Model } from './model';
import type { Series } from './project';
import type { Distribution, Scenario, TargetRow } from './types';
import { checkTarget, summarize } from './summary';
import { checkDistribution, normalQuantile, Random } from './uncertainty';
import { BUILTIN, focusShare } from './variables';

/** Samples of a run unless the planner chooses otherwise. */
export const DEFAULT_SAMPLES = 10_000;

/** Most samples one run may take: GRDP and the share of every sample and year are kept until the run ends. */
export const MAX_SAMPLES = 200_000;

/** Bins of the histogram of the focus share. */
export const HISTOGRAM_BINS = 30;

/** How many samples to draw, and the seed (default: the scenario's, else 0). */
export interface MonteCarloOptions {
  readonly samples: number;
  readonly seed?: number;
}

/** Percentiles of an output in each model year (base year first). */
export interface Fan {
  readonly p10: Float64Array;
  readonly p25: Float64Array;
  readonly p50: Float64Array;
  readonly p75: Float64Array;
  readonly p90: Float64Array;
}

/** The chance that one target year is met: the variable's value in that year within its bounds. */
export interface TargetOdds {
  readonly id: string;
  readonly of: string;
  readonly year: number;
  /**
   * The lower bound of the scenario as entered (a target cell with a formula is read again in each sample);
   * −Infinity for a ceiling.
   */
  readonly threshold: number;
  /** The upper bound, where the year has one: the probability is then P(threshold ≤ value ≤ upper). */
  readonly upper?: number;
  readonly probability: number;
}

/** The chance that average GRDP growth over the projection reaches the growth target, as on the headline card. */
export interface GrowthOdds {
  readonly from: number;
  readonly to: number;
  /** The compound average of the GRDP growth target's yearly thresholds, as summarize() uses. */
  readonly threshold: number;
  readonly probability: number;
}

/** Counts of samples of the focus share in one year, in equal bins between the smallest and largest value. */
export interface Histogram {
  readonly year: number;
  /** Bin edges, one more than the bins (empty when no sample succeeded). */
  readonly edges: number[];
  readonly counts: number[];
}

/** What a Monte Carlo run found; typed arrays and plain objects only, so it crosses a worker boundary as it is. */
export interface MonteCarloResult {
  /** Samples drawn (all of them once the run is done). */
  readonly samples: number;
  readonly seed: number;
  readonly years: number[];
  /** GRDP at constant prices ('grdp', the basis of the growth figures), not 'grdp_nominal'. */
  readonly grdp: Fan;
  /** The focus sector's share of GRDP (focusShare(meta), at current prices). */
  readonly share: Fan;
  /** Every filled cell of every target row, each checked in its own year as checkTarget() does. */
  readonly targets: TargetOdds[];
  /** Average GRDP growth against the growth target, or undefined without a GRDP growth target. */
  readonly growth: GrowthOdds | undefined;
  /** The focus share in the year of the last share target (the horizon if there is none). */
  readonly histogram: Histogram;
  /** Samples where GRDP or the focus share came out as an error: left out of the fans, counted as missing every target. */
  readonly failed: number;
  /** Input cells drawn from a range in each sample. */
  readonly ranged: number;
  /** Ranges left out because their cell does not hold a plain number (a formula, a blank) or they are invalid. */
  readonly ignored: { readonly id: string; readonly year: number }[];
}

const UNIFORM = 0;
const NORMAL = 1;
const TRIANGULAR = 2;

interface Check {
  /** Index into the met counts. */
  readonly k: number;
  /** The lower bounds, or undefined for a ceiling. */
  readonly target: Series | undefined;
  readonly of: Series;
  readonly i: number;
  /** The upper bound, Infinity where there is none (NaN, never met, where it is not a number). */
  readonly upper: number;
}

/**
 * A Monte Carlo run over one scenario, in steps so that a worker can report progress. Each sample draws every
 * ranged input cell ('run' rows: one uniform number per row for all its years, each year's range read at it;
 * 'year' rows: one per cell), writes the numbers into the compiled model and recalculates it once.
 */
export class MonteCarloRun {
  /** Samples the run will draw. */
  readonly samples: number;
  readonly seed: number;
  readonly #model: Model;
  readonly #random: Random;
  readonly #years: number[];
  // Ranged cells flattened: kind and three parameters by cell, drawn into the model's sampler inputs; rows as
  // [start, end) ranges of cells with their draw mode.
  readonly #kind: Uint8Array;
  readonly #p: Float64Array;
  readonly #draws: Float64Array;
  readonly #rowStart: Int32Array;
  readonly #rowPerRun: Uint8Array;
  readonly #ignored: { id: string; year: number }[];
  readonly #recalculate: () => void;
  readonly #grdp: Float64Array;
  readonly #share: Float64Array | undefined;
  // Outputs of successful samples, year-major: value of year y in sample k at [y × samples + k].
  readonly #grdpOut: Float64Array;
  readonly #shareOut: Float64Array;
  readonly #checks: Check[] = [];
  readonly #checkInfo: Omit<TargetOdds, 'probability'>[] = [];
  readonly #met: Int32Array;
  readonly #growth: { info: Omit<GrowthOdds, 'probability'>; ratio: number } | undefined;
  #growthMet = 0;
  readonly #histogramYear: number;
  #done = 0;
  #valid = 0;

  /** Compiles the scenario and prepares the draws. Throws for a sample count or seed out of range. */
  constructor(scenario: Scenario, options: MonteCarloOptions) {
    const { samples } = options;
    if (!Number.isInteger(samples) || samples < 1 || samples > MAX_SAMPLES)
      throw new Error(`samples must be an integer from 1 to ${MAX_SAMPLES}, got ${samples}`);
    this.samples = samples;
    this.seed = options.seed ?? scenario.seed ?? 0;
    this.#random = new Random(this.seed);
    const model = new Model(scenario);
    this.#model = model;
    this.#years = [...model.years];
    const length = this.#years.length;

    // Sorted ids and years: the draws do not depend on the order keys happen to have in a file or link.
    const cells: { id: string; year: number; d: Distribution; row: number; perRun: boolean }[] = [];
    const uncertainty = scenario.uncertainty ?? {};
    Object.keys(uncertainty)
      .sort()
      .forEach((id, row) => {
        const { draw, cells: byYear } = uncertainty[id]!;
        const years = Object.keys(byYear)
          .map(Number)
          .sort((a, b) => a - b);
        for (const year of years) cells.push({ id, year, d: byYear[year]!, row, perRun: draw === 'run' });
      });
    const used = cells.filter(({ id, year, d }) => {
      const v = model.get(id);
      const input = v && model.isInput(id, year) ? inputOf(scenario, v, year) : undefined;
      return typeof input === 'number' && Number.isFinite(input) && !checkDistribution(d);
    });
    const drawn = new Set(used);
    this.#ignored = cells.filter((c) => !drawn.has(c)).map(({ id, year }) => ({ id, year }));
    this.#kind = Uint8Array.from(used, (c) => kindCode(c.d));
    this.#p = Float64Array.from(used.flatMap((c) => parameters(c.d)));
    const starts = used.flatMap((c, k) => (k === 0 || c.row !== used[k - 1]!.row ? [k] : []));
    this.#rowPerRun = Uint8Array.from(starts, (k) => (used[k]!.perRun ? 1 : 0));
    this.#rowStart = Int32Array.from([...starts, used.length]);

    this.#grdp = model.get(BUILTIN.grdp)!.values;
    const shareId = focusShare(scenario.meta);
    this.#share = model.get(shareId)?.values;
    this.#grdpOut = new Float64Array(length * samples);
    this.#shareOut = new Float64Array(this.#share ? length * samples : 0);

    const targetRows = scenario.rows.filter((r): r is TargetRow => r.kind === 'target');
    for (const row of targetRows) this.#addChecks(row);
    // Only what the run reads is recomputed per sample: GRDP, the focus share and the targets with the variables
    // they check (per capita, the structure…).
    const outputs = [BUILTIN.grdp, shareId, ...targetRows.flatMap((r) => [r.id, r.of])].filter((id) => model.get(id));
    const sampler = model.sampler(used, outputs);
    this.#recalculate = sampler.recalculate;
    this.#draws = sampler.inputs;
    this.#met = new Int32Array(this.#checkInfo.length);
    this.#growth = growthCheck(model, scenario);
    const shareYears = this.#checkInfo.filter((c) => c.of === shareId).map((c) => c.year);
    this.#histogramYear = shareYears.length ? Math.max(...shareYears) : this.#years[length - 1]!;
  }

  // Target years filled in the central scenario, as checkTarget() lists them; a target of an unknown row is never met.
  #addChecks(row: TargetRow): void {
    const model = this.#model;
    const target = model.get(row.id);
    const of = model.get(row.of);
    for (const { year, threshold, upper } of checkTarget(model, row)) {
      const i = year - model.baseYear;
      // A ceiling has no lower cell to read again: its blank stays blank in every sample.
      const lower = threshold === -Infinity ? undefined : target;
      if (target && of)
        this.#checks.push({ k: this.#checkInfo.length, target: lower, of, i, upper: upper ?? Infinity });
      this.#checkInfo.push({ id: row.id, of: row.of, year, threshold, ...(upper === undefined ? {} : { upper }) });
    }
  }

  /** Whether every sample has been drawn. */
  get done(): boolean {
    return this.#done >= this.samples;
  }

  /** Draws up to maxSamples more samples; returns the number drawn so far. */
  step(maxSamples: number): number {
    const end = Math.min(this.samples, this.#done + Math.max(0, Math.floor(maxSamples)));
    const grdp = this.#grdp;
    const share = this.#share;
    const length = this.#years.length;
    const last = length - 1;
    const samples = this.samples;
    const checks = this.#checks;
    const met = this.#met;
    const growthRatio = this.#growth?.ratio ?? NaN;
    const grdpOut = this.#grdpOut;
    const shareOut = this.#shareOut;
    const recalculate = this.#recalculate;
    let done = this.#done;
    let valid = this.#valid;
    let growthMet = 0;
    for (; done < end; done++) {
      if (!this.#draw()) continue;
      recalculate();
      let ok = true;
      for (let y = 0; y < length; y++) {
        // x − x is 0 for a finite x and NaN for NaN or ±Infinity.
        if (grdp[y]! - grdp[y]! !== 0 || (share && share[y]! - share[y]! !== 0)) ok = false;
      }
      if (!ok) continue;
      const k = valid++;
      for (let y = 0; y < length; y++) grdpOut[y * samples + k] = grdp[y]!;
      if (share) for (let y = 0; y < length; y++) shareOut[y * samples + k] = share[y]!;
      for (let c = 0; c < checks.length; c++) {
        const check = checks[c]!;
        const i = check.i;
        const target = check.target;
        const of = check.of;
        if (of.blank[i] || of.errors[i] || (target && (target.blank[i] || target.errors[i]))) continue;
        const x = of.values[i]!;
        // As withinBounds() in summary.ts, written out for the loop.
        if ((!target || x >= target.values[i]! - 1e-12) && x <= check.upper + 1e-12) met[check.k]!++;
      }
      // NaN when there is no growth target: never counted.
      if (grdp[0]! > 0 && grdp[last]! / grdp[0]! >= growthRatio) growthMet++;
    }
    this.#done = done;
    this.#valid = valid;
    this.#growthMet += growthMet;
    return done;
  }

  // Draws every ranged cell into the model's inputs; false when a draw is not finite (an absurd spread).
  #draw(): boolean {
    const random = this.#random;
    const kind = this.#kind;
    const p = this.#p;
    const draws = this.#draws;
    const starts = this.#rowStart;
    let finite = true;
    for (let r = 0; r + 1 < starts.length; r++) {
      const perRun = this.#rowPerRun[r] === 1;
      let u = perRun ? random.next() : 0;
      for (let c = starts[r]!; c < starts[r + 1]!; c++) {
        if (!perRun) u = random.next();
        // quantile() written out, operation for operation, so that the bits are the same.
        const a = p[3 * c]!;
        const b = p[3 * c + 1]!;
        const k = kind[c];
        let x: number;
        if (k === UNIFORM) x = a + (b - a) * u;
        else if (k === NORMAL) x = a + b * normalQuantile(u);
        else {
          const hi = p[3 * c + 2]!;
          const width = hi - a;
          const left = b - a;
          x =
            width === 0
              ? a
              : u * width < left
                ? a + Math.sqrt(u * width * left)
                : hi - Math.sqrt((1 - u) * width * (hi - b));
        }
        draws[c] = x;
        if (!Number.isFinite(x)) finite = false;
      }
    }
    return finite;
  }

  /** The findings over the samples drawn so far (all of them once done). */
  result(): MonteCarloResult {
    const n = this.#valid;
    const drawn = this.#done;
    const length = this.#years.length;
    const fan = (out: Float64Array): Fan => {
      const row = (): Float64Array => new Float64Array(length);
      const f = { p10: row(), p25: row(), p50: row(), p75: row(), p90: row() };
      for (let y = 0; y < length; y++) {
        const start = y * this.samples;
        const sorted = out.length ? out.slice(start, start + n).sort() : new Float64Array(0);
        f.p10[y] = percentile(sorted, 0.1);
        f.p25[y] = percentile(sorted, 0.25);
        f.p50[y] = percentile(sorted, 0.5);
        f.p75[y] = percentile(sorted, 0.75);
        f.p90[y] = percentile(sorted, 0.9);
      }
      return f;
    };
    const odds = (count: number): number => (drawn ? count / drawn : NaN);
    const h = this.#histogramYear - this.#years[0]!;
    return {
      samples: drawn,
      seed: this.seed,
      years: [...this.#years],
      grdp: fan(this.#grdpOut),
      share: fan(this.#shareOut),
      targets: this.#checkInfo.map((c, k) => ({ ...c, probability: odds(this.#met[k]!) })),
      growth: this.#growth && { ...this.#growth.info, probability: odds(this.#growthMet) },
      histogram: histogram(
        this.#histogramYear,
        this.#shareOut.subarray(h * this.samples, h * this.samples + (this.#shareOut.length ? n : 0)),
      ),
      failed: drawn - n,
      ranged: this.#draws.length,
      ignored: this.#ignored.map((c) => ({ ...c })),
    };
  }
}

function kindCode(d: Distribution): number {
  return d.kind === 'uniform' ? UNIFORM : d.kind === 'normal' ? NORMAL : TRIANGULAR;
}

function parameters(d: Distribution): [number, number, number] {
  if (d.kind === 'uniform') return [d.lo, d.hi, 0];
  if (d.kind === 'normal') return [d.mean, d.sd, 0];
  return [d.lo, d.mode, d.hi];
}

// The headline card's measure (summary.ts): compound average growth of 'grdp' from the base year to the horizon
// against the mean growth threshold. (end / start)^(1/span) − 1 ≥ target ⇔ end / start ≥ (1 + target)^span; the
// integer power is taken by multiplication, which, unlike Math.pow, gives the same bits in every engine.
function growthCheck(
  model: Model,
  scenario: Scenario,
): { info: Omit<GrowthOdds, 'probability'>; ratio: number } | undefined {
  // The headline's own growth target and years, so the odds answer the card's question.
  const { from, to, target: threshold } = summarize(model, scenario).growth;
  const span = to - model.baseYear;
  if (threshold === undefined || span < 1) return undefined;
  const base = 1 + threshold - 1e-12;
  let ratio = base > 0 ? 1 : -Infinity;
  for (let k = 0; k < span && base > 0; k++) ratio *= base;
  return { info: { from, to, threshold }, ratio };
}

/** The p-quantile (0..1) of ascending numbers, interpolated linearly between order statistics; NaN if none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  return lo + 1 < n ? a + (h - lo) * (sorted[lo + 1]! - a) : a;
}

function histogram(year: number, values: Float64Array): Histogram {
  if (values.length === 0) return { year, edges: [], counts: [] };
  let min = Infinity;
  let max = -Infinity;
  for (const x of values) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (min === max) return { year, edges: [min, max], counts: [values.length] };
  const width = (max - min) / HISTOGRAM_BINS;
  const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, k) => (k === HISTOGRAM_BINS ? max : min + k * width));
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const x of values) counts[Math.min(HISTOGRAM_BINS - 1, Math.floor((x - min) / width))]!++;
  return { year, edges, counts };
}
