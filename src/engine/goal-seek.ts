import { inputOf } from './cells';
import { brent } from './root-find';
import { Model, type Variable } from './model';
import { own } from './own';
import { averageGrowth, checkTarget, summarize } from './summary';
import type { Scenario, TargetRow } from './types';
import { BUILTIN, focusGrowth, focusShare } from './variables';

/** The cell goal seek should bring to a value. */
export interface GoalSeekTarget {
  readonly id: string;
  readonly year: number;
  readonly value: number;
}

/** What goal seek may change: one input cell, or one row's input cells from..to all set to one value. */
export type GoalSeekChange =
  | { readonly kind: 'cell'; readonly id: string; readonly year: number }
  | { readonly kind: 'rate'; readonly id: string; readonly from: number; readonly to: number };

/** The values goal seek tries for the change, inclusive. */
export interface SeekRange {
  readonly lo: number;
  readonly hi: number;
}

/** One input cell set to a number. */
export interface CellEdit {
  readonly id: string;
  readonly year: number;
  readonly value: number;
}

/** The target is reached at x; applying the edits (as one undoable step) reproduces `reached`. */
export interface GoalSeekFound {
  readonly status: 'found';
  readonly x: number;
  readonly reached: number;
  /** Root-finder steps after the bracket was found (the grid scan, when needed, is not counted). */
  readonly iterations: number;
  readonly edits: readonly CellEdit[];
}

/** No value in the range reaches the target; `closest` is the value nearest to it and where it is reached. */
export interface GoalSeekUnreachable {
  readonly status: 'unreachable';
  readonly closest: { readonly x: number; readonly reached: number };
  readonly range: SeekRange;
}

/** Why a goal seek question makes no sense. */
export type GoalSeekProblem =
  /** The target or change names a variable the scenario lacks or a year outside the sheet. */
  | 'unknownCell'
  /** A cell to change is computed, not typed, or the change has no cells. */
  | 'notInput'
  /** The target cell is a typed number: nothing computes it. */
  | 'notComputed'
  /** The range is empty or not made of numbers. */
  | 'badRange'
  /** The target cell holds an error for every value tried. */
  | 'noValue'
  /** The target does not move when the change moves. */
  | 'noEffect';

/** A goal seek question that makes no sense, with the reason. */
export interface GoalSeekInvalid {
  readonly status: 'invalid';
  readonly reason: GoalSeekProblem;
}

/** The answer of a goal seek. */
export type GoalSeekResult = GoalSeekFound | GoalSeekUnreachable | GoalSeekInvalid;

// Points of the scan when the range ends do not bracket the target: 64 intervals.
const GRID = 64;
// A sign change across a jump (round, a ? b : c) is not a solution: at a true root |f| falls far below the
// values at the bracket's ends.
const JUMP = 1e-6;

/**
 * Finds the value of the change that brings the target cell to target.value, on a private model (the caller's
 * scenario is never touched). The default range is −50%..+200% for percent rows and current ± 2·|current|
 * (±1 when current is 0) for number rows, where current is the change's present value (the mean over a rate's
 * years). When the range ends do not bracket the target, a 64-interval grid is scanned for sign changes, the
 * one nearest the current value first.
 */
export function goalSeek(
  scenario: Scenario,
  target: GoalSeekTarget,
  change: GoalSeekChange,
  range?: SeekRange,
): GoalSeekResult {
  return seek(new Model(scenario), scenario, target, change, range);
}

// Goal seek on a model that is left holding the answer (or the closest value) afterwards.
function seek(
  model: Model,
  scenario: Scenario,
  target: GoalSeekTarget,
  change: GoalSeekChange,
  given: SeekRange | undefined,
): GoalSeekResult {
  if (!Number.isFinite(target.value)) throw new Error(`target value is not a number: ${target.value}`);
  const out = model.get(target.id);
  const changed = model.get(change.id);
  const at = target.year - model.baseYear;
  if (!out || !changed || !model.years.includes(target.year)) return invalid('unknownCell');
  const years = change.kind === 'cell' ? [change.year] : span(change.from, change.to);
  if (years.some((y) => !model.years.includes(y))) return invalid('unknownCell');
  if (years.length === 0 || years.some((y) => !model.isInput(change.id, y))) return invalid('notInput');
  if (model.isInput(target.id, target.year) && !isFormula(inputOf(scenario, out, target.year))) {
    return invalid('notComputed');
  }
  const current = mean(years.map((y) => valueAt(changed, y - model.baseYear) ?? 0));
  const range = given ?? defaultRange(changed, current);
  if (!Number.isFinite(range.lo) || !Number.isFinite(range.hi) || !(range.lo < range.hi)) return invalid('badRange');

  let best = { x: NaN, reached: NaN, miss: Infinity };
  const reach = (x: number): number => {
    for (const year of years) model.setInput(change.id, year, x);
    const reached = valueAt(out, at) ?? NaN;
    const miss = Math.abs(reached - target.value);
    if (miss < best.miss) best = { x, reached, miss };
    return reached;
  };
  const f = (x: number): number => reach(x) - target.value;
  const found = (x: number, iterations: number): GoalSeekFound => ({
    status: 'found',
    x,
    // Evaluated again so the model ends at the answer: Brent's last step need not be its best point.
    reached: reach(x),
    iterations,
    edits: years.map((year) => ({ id: change.id, year, value: x })),
  });
  const solve = (a: number, b: number, fa: number, fb: number): GoalSeekFound | undefined => {
    const r = brent(f, a, b);
    const scale = Math.max(Math.abs(fa), Math.abs(fb));
    return r.status === 'found' && Math.abs(r.fx) <= JUMP * scale ? found(r.x, r.iterations) : undefined;
  };

  const flo = f(range.lo);
  const fhi = f(range.hi);
  if (brackets(flo, fhi)) {
    const direct = solve(range.lo, range.hi, flo, fhi);
    if (direct) return direct;
  }
  const xs = Array.from({ length: GRID + 1 }, (_, k) =>
    k === GRID ? range.hi : range.lo + (k * (range.hi - range.lo)) / GRID,
  );
  const fs = xs.map((x, k) => (k === 0 ? flo : k === GRID ? fhi : f(x)));
  const pairs = xs
    .slice(0, -1)
    .map((_, k) => k)
    .filter((k) => brackets(fs[k]!, fs[k + 1]!))
    .sort((j, k) => Math.abs((xs[j]! + xs[j + 1]!) / 2 - current) - Math.abs((xs[k]! + xs[k + 1]!) / 2 - current));
  for (const k of pairs) {
    const hit = solve(xs[k]!, xs[k + 1]!, fs[k]!, fs[k + 1]!);
    if (hit) return hit;
  }

  const finite = fs.filter(Number.isFinite);
  if (finite.length === 0) return invalid('noValue');
  if (finite.every((v) => v === finite[0])) return invalid('noEffect');
  refine(f, xs, fs);
  const closest = { x: best.x, reached: best.reached };
  reach(closest.x);
  return { status: 'unreachable', closest, range };
}

// Golden-section search of |f| between the neighbours of the best grid point; `reach` keeps the best point seen.
function refine(f: (x: number) => number, xs: readonly number[], fs: readonly number[]): void {
  const miss = (x: number): number => {
    const v = Math.abs(f(x));
    return Number.isFinite(v) ? v : Infinity;
  };
  let k = 0;
  fs.forEach((v, j) => {
    if (Math.abs(v) < Math.abs(fs[k]!) || !Number.isFinite(fs[k]!)) k = j;
  });
  let a = xs[Math.max(0, k - 1)]!;
  let b = xs[Math.min(xs.length - 1, k + 1)]!;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = miss(c);
  let fd = miss(d);
  for (let i = 0; i < 100 && b - a > 1e-9 * Math.max(1, Math.abs(c)); i++) {
    if (fc <= fd) {
      [b, d, fd] = [d, c, fc];
      c = b - ratio * (b - a);
      fc = miss(c);
    } else {
      [a, c, fc] = [c, d, fd];
      d = a + ratio * (b - a);
      fd = miss(d);
    }
  }
}

/** The answer to "what constant growth of the focus sector reaches a target": goal seek plus the GRDP growth. */
export type RequiredGrowthResult =
  | (GoalSeekFound & {
      /** Average GRDP growth over baseYear+1..targetYear at that rate (undefined where GRDP is an error). */
      readonly grdpGrowth: number | undefined;
      /** The rate is above twice the best recorded growth of its row (above 100% when none is recorded). */
      readonly implausible: boolean;
    })
  | GoalSeekUnreachable
  | GoalSeekInvalid;

/**
 * The constant growth of the focus sector in every year from `from` (default baseYear+1; a caller keeps published
 * years out by starting later) through targetYear that brings the focus share in targetYear to threshold, and the
 * average GRDP growth it implies (as in summarize, from the base year to targetYear).
 */
export function requiredFocusGrowth(
  scenario: Scenario,
  targetYear: number,
  threshold: number,
  from = scenario.meta.baseYear + 1,
): RequiredGrowthResult {
  const model = new Model(scenario);
  return focusRate(model, scenario, { id: focusShare(scenario.meta), year: targetYear, value: threshold }, from);
}

// The constant focus growth from..target.year that brings the target cell to its value, on a model left holding it.
function focusRate(model: Model, scenario: Scenario, target: GoalSeekTarget, from: number): RequiredGrowthResult {
  const rateId = focusGrowth(scenario.meta);
  const result = seek(
    model,
    scenario,
    target,
    { kind: 'rate', id: rateId, from: Math.min(from, target.year), to: target.year },
    undefined,
  );
  if (result.status !== 'found') return result;
  return {
    ...result,
    grdpGrowth: averageGrowth(model, target.year),
    implausible: result.x > plausibleRate(scenario, rateId),
  };
}

/** The highest growth of a rate row an answer may need before it is called implausible: twice its best record. */
export function plausibleRate(scenario: Scenario, rateId: string): number {
  const recorded = Object.values(own(scenario.history, rateId) ?? {});
  return recorded.length ? 2 * Math.max(...recorded) : 1;
}

/** A ready-made question: the focus share should reach threshold in year. */
export interface ShareQuestion {
  readonly targetId: string;
  readonly year: number;
  readonly threshold: number;
}

/** The ready-made questions from the scenario's focus-share targets after the base year, earliest first. */
export function shareQuestions(scenario: Scenario, model: Model = new Model(scenario)): ShareQuestion[] {
  const shareId = focusShare(scenario.meta);
  return (
    scenario.rows
      .filter((r): r is TargetRow => r.kind === 'target' && r.of === shareId)
      .flatMap((row) => checkTarget(model, row))
      // A ceiling has no share to reach.
      .filter((c) => c.year > model.baseYear && c.threshold !== -Infinity)
      .map((c) => ({ targetId: c.targetId, year: c.year, threshold: c.threshold }))
      .sort((a, b) => a.year - b.year)
  );
}

/**
 * A ready-made question from any target: the value of `of` in `year` ('value'), or the average GRDP growth from the
 * base year to `year` as on the headline card ('average'), should reach `aim`.
 */
export interface TargetQuestion {
  readonly targetId: string;
  readonly of: string;
  readonly year: number;
  /** The lower bound (−Infinity for a ceiling); for the average growth, the headline's growth target. */
  readonly threshold: number;
  readonly upper?: number;
  readonly measure: 'value' | 'average';
  /** The bound aimed at: the lower one, or the upper one for a ceiling or where the scenario lies above it. */
  readonly aim: number;
}

/**
 * The ready-made questions of every target after the base year, by variable then year: one per year of each target
 * row, except GRDP growth, which is asked once as the headline's average over the projection. Years whose upper
 * bound is not a number are left out.
 */
export function targetQuestions(scenario: Scenario, model: Model = new Model(scenario)): TargetQuestion[] {
  const rows = scenario.rows.filter((r): r is TargetRow => r.kind === 'target');
  const questions: TargetQuestion[] = rows
    .filter((row) => row.of !== BUILTIN.grdpGrowth)
    .flatMap((row) => checkTarget(model, row))
    // A range the scenario already sits in needs nothing: aiming at one of its ends would move it for no reason.
    .filter((c) => c.year > model.baseYear && !Number.isNaN(c.upper) && !(c.upper !== undefined && c.met === true))
    .map(({ targetId, of, year, threshold, upper, value }) => {
      const above = upper !== undefined && (threshold === -Infinity || (value !== undefined && value > upper));
      return {
        targetId,
        of,
        year,
        threshold,
        ...(upper === undefined ? {} : { upper }),
        measure: 'value',
        aim: above ? upper : threshold,
      };
    });
  const growthRow = rows.find((row) => row.of === BUILTIN.grdpGrowth);
  const { to, target } = summarize(model, scenario).growth;
  if (growthRow && target !== undefined && to > model.baseYear) {
    questions.push({
      targetId: growthRow.id,
      of: BUILTIN.grdpGrowth,
      year: to,
      threshold: target,
      measure: 'average',
      aim: target,
    });
  }
  return questions.sort((a, b) => (a.of === b.of ? a.year - b.year : a.of < b.of ? -1 : 1));
}

/**
 * The constant growth of the focus sector from `from` (default baseYear+1) through the question's year that brings
 * its measure to its aim: the value of the target's variable in that year, or GRDP in that year at the level the
 * average growth implies, GRDP(base)·(1 + aim)^(year − base year) (`reached` is then that level, `grdpGrowth` the
 * average). The focus sector, not GRDP-wide growth: it is one row of inputs that the answer's edits write, the
 * lever the other questions use; growth of GRDP as a whole is no input but the sum of every sector's.
 */
export function requiredGrowthFor(
  scenario: Scenario,
  question: TargetQuestion,
  from = scenario.meta.baseYear + 1,
): RequiredGrowthResult {
  const model = new Model(scenario);
  const { year, aim } = question;
  if (question.measure === 'value') return focusRate(model, scenario, { id: question.of, year, value: aim }, from);
  const start = valueAt(model.get(BUILTIN.grdp)!, 0);
  if (start === undefined) return invalid('noValue');
  const level = start * Math.pow(1 + aim, year - model.baseYear);
  return focusRate(model, scenario, { id: BUILTIN.grdp, year, value: level }, from);
}

function defaultRange(v: Variable, current: number): SeekRange {
  if (v.format === 'percent') return { lo: -0.5, hi: 2 };
  const width = current === 0 ? 1 : 2 * Math.abs(current);
  return { lo: current - width, hi: current + width };
}

function valueAt(v: Variable, i: number): number | undefined {
  return v.errors[i] || v.blank[i] ? undefined : v.values[i];
}

function brackets(fa: number, fb: number): boolean {
  return Number.isFinite(fa) && Number.isFinite(fb) && (fa === 0 || fb === 0 || fa < 0 !== fb < 0);
}

function isFormula(input: unknown): boolean {
  return typeof input === 'string' && input.startsWith('=');
}

function span(from: number, to: number): number[] {
  return from > to ? [] : Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
}

function invalid(reason: GoalSeekProblem): GoalSeekInvalid {
  return { status: 'invalid', reason };
}
