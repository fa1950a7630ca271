import { Model } from './model';
import { chartSeries, summarize, type ChartSeries, type Headline } from './summary';
import type { Scenario } from './types';

/** A scenario's results copied out of its model, so editing any model afterwards never changes them. */
export interface Evaluation {
  /** Years of the model's columns, base year first. */
  readonly years: readonly number[];
  readonly baseYear: number;
  readonly headline: Headline;
  readonly chart: ChartSeries;
  /** A variable's value in a year; undefined where it is blank, an error, unknown or outside the years. */
  value(id: string, year: number): number | undefined;
}

// Scenarios are immutable, so one evaluation per scenario object; null marks one whose model cannot be built.
const evaluations = new WeakMap<Scenario, Evaluation | null>();

/** Copies what a model has computed for its scenario into an Evaluation; the model may be edited afterwards. */
export function evaluationOf(model: Model, scenario: Scenario): Evaluation {
  const { baseYear } = model;
  // NaN stands for blank and error cells: a computed or typed number is always finite.
  const values = new Map(
    model.variables.map((v) => [v.id, Float64Array.from(v.values, (x, i) => (v.errors[i] || v.blank[i] ? NaN : x))]),
  );
  return {
    years: [...model.years],
    baseYear,
    headline: summarize(model, scenario),
    chart: chartSeries(model, scenario),
    value(id, year) {
      const x = values.get(id)?.[year - baseYear];
      return x === undefined || Number.isNaN(x) ? undefined : x;
    },
  };
}

/** The scenario's evaluation, computed once per scenario object; undefined when its model cannot be built. */
export function evaluate(scenario: Scenario): Evaluation | undefined {
  const known = evaluations.get(scenario);
  if (known !== undefined) return known ?? undefined;
  let model: Model;
  try {
    model = new Model(scenario);
  } catch {
    // Data that passed validation may still fail to build: it is then left out, not shown.
    evaluations.set(scenario, null);
    return undefined;
  }
  const evaluation = evaluationOf(model, scenario);
  evaluations.set(scenario, evaluation);
  return evaluation;
}

/** Seeds the cache with an evaluation made elsewhere (the sheet's incremental model, through evaluationOf). */
export function remember(scenario: Scenario, evaluation: Evaluation): void {
  evaluations.set(scenario, evaluation);
}
