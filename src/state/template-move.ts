import { compareScenarios, type Comparison, type Scenario } from '../engine';
import { applyDelta, diffScenario } from '../share';
import type { Template } from '../templates';

/** A scenario moved onto another version of its template, with its numbers before and after; or why it cannot be. */
export type TemplateMove = { ok: true; scenario: Scenario; comparison: Comparison } | { ok: false; detail?: string };

/**
 * The scenario as if it had been made from version `to` of its template: the planner's own changes to version
 * `from` (every cell, row, name and setting they changed) are made again on `to`, and everything they did not change
 * takes `to`'s figures. The comparison lines up the scenario before (first) and after, for the planner to decide.
 */
export function moveToVersion(scenario: Scenario, from: Template, to: Template): TemplateMove {
  const changes = diffScenario(scenario, from.scenario);
  const moved = applyDelta(to.scenario, changes);
  // The planner's changes do not fit the new version (a row they edited is gone, a value no longer valid).
  if (!moved.ok) return moved.detail === undefined ? { ok: false } : { ok: false, detail: moved.detail };
  const comparison = compareScenarios([
    { name: scenario.meta.name, scenario },
    { name: moved.scenario.meta.name, scenario: moved.scenario },
  ]);
  return { ok: true, scenario: moved.scenario, comparison };
}
