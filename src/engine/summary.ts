import type { Model } from './model';
import type { Scenario, TargetRow } from './types';
import { own } from './own';
import { BUILTIN, focusGrowth, focusShare, sectorVar } from './variables';

/** A target's bounds in one year against the value the scenario reaches. */
export interface TargetCheck {
  readonly targetId: string;
  /** The variable checked. */
  readonly of: string;
  readonly year: number;
  /** The lower bound; −Infinity for a ceiling (a year with only an upper bound). */
  readonly threshold: number;
  /** The upper bound, where the year has one (NaN where it is not a number). */
  readonly upper?: number;
  /** The projected value, or undefined where the cell holds an error. */
  readonly value: number | undefined;
  /** Whether threshold ≤ value ≤ upper; undefined where the value or the upper bound is unknown. */
  readonly met: boolean | undefined;
}

/** Average growth of GRDP at constant prices in the years from..to, against its target. */
export interface GrowthCheck {
  readonly from: number;
  readonly to: number;
  readonly value: number | undefined;
  readonly target: number | undefined;
  readonly met: boolean | undefined;
}

/**
 * Average annual growth over a plan period: the geometric mean (Π(1 + g))^(1/n) − 1 of the years from..to, of GRDP
 * and of the focus sector, undefined where a year has no value (or an error).
 */
export interface PeriodGrowth {
  readonly from: number;
  readonly to: number;
  readonly grdp: number | undefined;
  readonly focus: number | undefined;
  /** Whether GRDP growth of every year is a recorded actual, none is, or some are. */
  readonly recorded: 'recorded' | 'projected' | 'mixed';
}

/** GRDP per capita in USD and million VND at two years (undefined where a cell is an error or blank). */
export interface PerCapitaCheck {
  readonly from: number;
  readonly to: number;
  readonly usd: { readonly from: number | undefined; readonly to: number | undefined };
  readonly millionVnd: { readonly from: number | undefined; readonly to: number | undefined };
}

/** The headline answers: share targets, average growth, plan periods, per capita, when the final target is met. */
export interface Headline {
  readonly shareTargets: readonly TargetCheck[];
  /** Every filled year of every target row, sorted by variable, then year, then target id. */
  readonly targets: readonly TargetCheck[];
  readonly growth: GrowthCheck;
  /** Average growth over each five-year plan period the recorded years and the projection reach. */
  readonly periods: readonly PeriodGrowth[];
  /** GRDP per capita at the base year and the horizon, where the scenario declares population and rate. */
  readonly perCapita: PerCapitaCheck | undefined;
  /** The share target the first-year answer refers to (the last one in time). */
  readonly finalShareTarget: TargetCheck | undefined;
  /** First year the focus share reaches the final share target, or undefined if never by the horizon. */
  readonly firstYearFinalTargetMet: number | undefined;
}

function valueAt(model: Model, id: string, year: number): number | undefined {
  const v = model.get(id);
  const i = year - model.baseYear;
  if (!v || i < 0 || i >= model.years.length || v.errors[i] || v.blank[i]) return undefined;
  return v.values[i];
}

/**
 * The compound annual growth of GRDP at constant prices from the base year to `to` (default: the horizon), or
 * undefined where either end is an error or not positive.
 */
export function averageGrowth(model: Model, to = model.years[model.years.length - 1]!): number | undefined {
  const start = valueAt(model, BUILTIN.grdp, model.baseYear);
  const end = valueAt(model, BUILTIN.grdp, to);
  const span = to - model.baseYear;
  return start !== undefined && end !== undefined && start > 0 && span > 0
    ? Math.pow(end / start, 1 / span) - 1
    : undefined;
}

/** The first year of the five-year plans (2021–2025); the periods before and after it follow every five years. */
export const PLAN_PERIOD_START = 2021;

/** The length of a plan period in years. */
export const PLAN_PERIOD_YEARS = 5;

/**
 * The five-year plan periods (2016–2020, 2021–2025, 2026–2030…) that overlap the years from..to, each cut to them:
 * 2020..2030 gives 2020–2020, 2021–2025 and 2026–2030.
 */
export function planPeriods(from: number, to: number): [number, number][] {
  const periods: [number, number][] = [];
  if (from > to) return periods;
  const first = PLAN_PERIOD_START + Math.floor((from - PLAN_PERIOD_START) / PLAN_PERIOD_YEARS) * PLAN_PERIOD_YEARS;
  for (let start = first; start <= to; start += PLAN_PERIOD_YEARS) {
    periods.push([Math.max(start, from), Math.min(start + PLAN_PERIOD_YEARS - 1, to)]);
  }
  return periods;
}

// A growth rate in a year: recorded history before the base year, the model from the base year on (where the base
// year's own rate is the recorded one, if any). Nothing is filled in where neither has it.
function growthAt(model: Model, scenario: Scenario, id: string, year: number): number | undefined {
  if (year >= model.baseYear) return valueAt(model, id, year);
  const recorded = own(scenario.history, id);
  return recorded && Object.hasOwn(recorded, year) ? recorded[year] : undefined;
}

// The geometric mean of yearly rates, undefined when one is missing or the compound level is not positive.
function meanGrowth(rates: readonly (number | undefined)[]): number | undefined {
  let product = 1;
  for (const g of rates) {
    if (g === undefined) return undefined;
    product *= 1 + g;
  }
  return product > 0 && Number.isFinite(product) ? Math.pow(product, 1 / rates.length) - 1 : undefined;
}

/** The periods worth a line of their own: a period clipped to a single year by the first recorded year is left out. */
export function fullPeriods(periods: readonly PeriodGrowth[]): PeriodGrowth[] {
  return periods.filter((p) => p.to > p.from);
}

/**
 * The average growth of GRDP and of the focus sector over each five-year plan period (see planPeriods) from the
 * first year with a recorded GRDP growth (or the first projected year, if none comes earlier) to the horizon.
 */
export function periodGrowth(model: Model, scenario: Scenario): PeriodGrowth[] {
  const recordedYears = Object.keys(own(scenario.history, BUILTIN.grdpGrowth) ?? {}).map(Number);
  const from = Math.min(model.baseYear + 1, ...recordedYears.filter(Number.isInteger));
  const to = model.years[model.years.length - 1]!;
  const grdpGrowth = model.get(BUILTIN.grdpGrowth);
  const focusId = focusGrowth(scenario.meta);
  return planPeriods(from, to).map(([start, end]) => {
    const years = Array.from({ length: end - start + 1 }, (_, k) => start + k);
    // Years before the base year are the record; from the base year on, what the model holds as recorded.
    const isRecorded = years.map((y) => y < model.baseYear || grdpGrowth?.recorded[y - model.baseYear] === 1);
    return {
      from: start,
      to: end,
      grdp: meanGrowth(years.map((y) => growthAt(model, scenario, BUILTIN.grdpGrowth, y))),
      focus: meanGrowth(years.map((y) => growthAt(model, scenario, focusId, y))),
      recorded: isRecorded.every(Boolean) ? 'recorded' : isRecorded.some(Boolean) ? 'mixed' : 'projected',
    };
  });
}

/** The upper bound of a target row in a year: undefined where none, NaN where the cell is not a number. */
export function upperBound(row: TargetRow, year: number): number | undefined {
  const input = row.upper && own(row.upper, String(year));
  return input === undefined ? undefined : typeof input === 'number' ? input : NaN;
}

/** Whether a value lies within a target's bounds (1e-12 of slack each side); undefined for an unknown bound. */
export function withinBounds(value: number, threshold: number, upper: number | undefined): boolean | undefined {
  if (upper === undefined) return value >= threshold - 1e-12;
  return Number.isNaN(upper) ? undefined : value >= threshold - 1e-12 && value <= upper + 1e-12;
}

/**
 * Checks every filled year of a target row: a lower cell (a year whose lower cell holds an error is left out), an
 * upper cell, or both.
 */
export function checkTarget(model: Model, row: TargetRow): TargetCheck[] {
  const target = model.get(row.id);
  if (!target) return [];
  const checks: TargetCheck[] = [];
  model.years.forEach((year, i) => {
    const upper = upperBound(row, year);
    if (target.errors[i] || (target.blank[i] && upper === undefined)) return;
    const threshold = target.blank[i] ? -Infinity : target.values[i]!;
    const value = valueAt(model, row.of, year);
    checks.push({
      targetId: row.id,
      of: row.of,
      year,
      threshold,
      ...(upper === undefined ? {} : { upper }),
      value,
      met: value === undefined ? undefined : withinBounds(value, threshold, upper),
    });
  });
  return checks;
}

// By variable, then year, then target id: code-unit order, the same in every locale.
function byVariableThenYear(a: TargetCheck, b: TargetCheck): number {
  if (a.of !== b.of) return a.of < b.of ? -1 : 1;
  if (a.year !== b.year) return a.year - b.year;
  return a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0;
}

// The headline's growth target: the compound average of the GRDP growth target's yearly lower bounds, so that a
// path meeting every year's target exactly (13% then 12%) meets it too; a ceiling has none.
function growthTarget(checks: readonly TargetCheck[]): number | undefined {
  const floors = checks.filter((c) => c.of === BUILTIN.grdpGrowth && c.threshold !== -Infinity);
  if (!floors.length) return undefined;
  return (
    Math.pow(
      floors.reduce((product, c) => product * (1 + c.threshold), 1),
      1 / floors.length,
    ) - 1
  );
}

/** Computes the headline cards of a scenario from an evaluated model. */
export function summarize(model: Model, scenario: Scenario): Headline {
  const shareId = focusShare(scenario.meta);
  const rows = scenario.rows.filter((r): r is TargetRow => r.kind === 'target');
  const targets = rows.flatMap((t) => checkTarget(model, t));
  const shareTargets = rows.filter((t) => t.of === shareId).flatMap((t) => checkTarget(model, t));
  shareTargets.sort((a, b) => a.year - b.year);
  targets.sort(byVariableThenYear);

  const from = model.baseYear;
  const to = model.years[model.years.length - 1]!;
  const value = averageGrowth(model, to);
  const target = growthTarget(targets);
  const growth: GrowthCheck = {
    // The compound rate from the base-year level is the average of the growth of the years after it.
    from: from + 1,
    to,
    value,
    target,
    met: value === undefined || target === undefined ? undefined : value >= target - 1e-12,
  };

  const finalShareTarget = shareTargets[shareTargets.length - 1];
  let firstYearFinalTargetMet: number | undefined;
  if (finalShareTarget) {
    firstYearFinalTargetMet = model.years.find((year) => {
      const v = valueAt(model, shareId, year);
      return v !== undefined && withinBounds(v, finalShareTarget.threshold, finalShareTarget.upper) === true;
    });
  }
  const perCapita: PerCapitaCheck | undefined = scenario.meta.perCapita
    ? {
        from,
        to,
        usd: { from: valueAt(model, BUILTIN.grdpPerCapitaUsd, from), to: valueAt(model, BUILTIN.grdpPerCapitaUsd, to) },
        millionVnd: {
          from: valueAt(model, BUILTIN.grdpPerCapita, from),
          to: valueAt(model, BUILTIN.grdpPerCapita, to),
        },
      }
    : undefined;
  const periods = periodGrowth(model, scenario);
  return { shareTargets, targets, growth, periods, perCapita, finalShareTarget, firstYearFinalTargetMet };
}

/** Series for the chart, aligned on one list of years (history years first). */
export interface ChartSeries {
  readonly years: readonly number[];
  /** Sector ids, bottom of the stack first. */
  readonly sectors: readonly string[];
  /** Cumulative current-price values: stacks[k] = sum of sectors 0..k (null before the base year). */
  readonly stacks: readonly (number | null)[][];
  /** Sector values themselves (for legends and tooltips). */
  readonly values: readonly (number | null)[][];
  /** Projected focus share from the base year on. */
  readonly share: readonly (number | null)[];
  /** Recorded focus share (history), null elsewhere. */
  readonly shareHistory: readonly (number | null)[];
  /** Share targets at their years, null elsewhere. */
  readonly shareTargets: readonly (number | null)[];
  /** The upper end of a target that is a range, at its years (drawn as a band up from the target), null elsewhere. */
  readonly shareTargetsUpper: readonly (number | null)[];
}

/**
 * Builds the chart's aligned series from the evaluated model; the UI draws them as they are. The line on the right
 * axis is the focus share unless another variable is given (GRDP per capita), with its history and targets.
 */
export function chartSeries(model: Model, scenario: Scenario, line = focusShare(scenario.meta)): ChartSeries {
  const shareId = line;
  const history = scenario.history[shareId] ?? {};
  const firstHistory = Math.min(model.baseYear, ...Object.keys(history).map(Number).filter(Number.isFinite));
  const to = model.years[model.years.length - 1]!;
  const years = Array.from({ length: to - firstHistory + 1 }, (_, k) => firstHistory + k);
  const sectors = scenario.rows.filter((r) => r.kind === 'sector').map((r) => r.id);
  const at = (id: string, year: number): number | null => valueAt(model, id, year) ?? null;
  const values = sectors.map((s) => years.map((y) => at(sectorVar(s, 'nominal'), y)));
  const stacks: (number | null)[][] = [];
  values.forEach((row, k) => {
    stacks.push(
      row.map((v, j) =>
        v === null ? null : k === 0 ? v : (stacks[k - 1]![j] ?? null) === null ? null : stacks[k - 1]![j]! + v,
      ),
    );
  });
  const targetRows = scenario.rows.filter((r): r is TargetRow => r.kind === 'target' && r.of === shareId);
  // A ceiling has no line to draw at its lower bound.
  const lineTargets = targetRows.flatMap((t) => checkTarget(model, t)).filter((c) => c.threshold !== -Infinity);
  const targetAt = new Map(lineTargets.map((c) => [c.year, c.threshold]));
  const upperAt = new Map(lineTargets.filter((c) => c.upper !== undefined).map((c) => [c.year, c.upper!]));
  return {
    years,
    sectors,
    stacks,
    values,
    share: years.map((y) => at(shareId, y)),
    shareHistory: years.map((y) => history[y] ?? null),
    shareTargets: years.map((y) => targetAt.get(y) ?? null),
    shareTargetsUpper: years.map((y) => upperAt.get(y) ?? null),
  };
}
