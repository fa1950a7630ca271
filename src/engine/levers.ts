import { Model } from './model';
import { withInput, withRange } from './scenario';
import type { Distribution, Scenario } from './types';
import { shiftDistribution } from './uncertainty';
import { sectorVar } from './variables';

/** How a lever moves a sector's real growth: one rate for every projection year, or a shift of each year's rate. */
export type LeverMode = 'rate' | 'shift';

/**
 * One sector's lever: a rate (fraction, 0.2 = 20%) or a shift added to each year's rate (0.01 = +1 point); with a
 * range, the rate or the shift is uncertain and `value` is the range's centre.
 */
export interface Lever {
  readonly mode: LeverMode;
  readonly value: number;
  readonly range?: Distribution;
}

/** Levers by sector id; sectors without one keep their growth cells. */
export type Levers = Readonly<Record<string, Lever>>;

/**
 * Returns a copy of the scenario with each levered sector's growth replaced in every projection year after the
 * base year: by the lever's rate, or by the year's current rate plus the shift (a formula's computed value is
 * the base, and the cell becomes a number). A lever with a range puts the range (shifted by the year's rate, for a
 * shift) in each of those cells. `model` may pass the scenario's evaluated model to save a rebuild.
 */
export function applyLevers(scenario: Scenario, levers: Levers, model?: Model): Scenario {
  const active = scenario.rows.filter(
    (r) =>
      r.kind === 'sector' &&
      Object.hasOwn(levers, r.id) &&
      Number.isFinite(levers[r.id]!.value) &&
      // A zero shift changes nothing: skipping it keeps formulas as they are.
      !(levers[r.id]!.mode === 'shift' && levers[r.id]!.value === 0 && !levers[r.id]!.range),
  );
  if (active.length === 0) return scenario;
  const evaluated = model ?? new Model(scenario);
  let next = scenario;
  for (const row of active) {
    const lever = levers[row.id]!;
    const id = sectorVar(row.id, 'growth');
    const v = evaluated.get(id);
    if (!v) continue;
    evaluated.years.forEach((year, i) => {
      // Only cells the planner could type into: recorded and computed years stay as they are.
      if (year <= evaluated.baseYear || !evaluated.isInput(id, year)) return;
      if (lever.mode === 'rate') {
        next = lever.range ? withRange(next, id, year, lever.range) : withInput(next, id, year, lever.value);
        return;
      }
      // A cell in error has no rate to shift; a blank one grows at zero.
      if (v.errors[i]) return;
      const rate = v.blank[i] ? 0 : v.values[i]!;
      next = lever.range
        ? withRange(next, id, year, shiftDistribution(lever.range, rate))
        : withInput(next, id, year, rate + lever.value);
    });
  }
  return next;
}
