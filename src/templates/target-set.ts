import type { Scenario } from '../engine';
import type { TargetSet } from './types';

/** The scenario checked against another target set: the set's target rows take the place of the current ones. */
export function applyTargetSet(scenario: Scenario, set: TargetSet): Scenario {
  const at = scenario.rows.findIndex((r) => r.kind === 'target');
  const others = scenario.rows.filter((r) => r.kind !== 'target');
  const position = at < 0 ? others.length : scenario.rows.slice(0, at).filter((r) => r.kind !== 'target').length;
  const rows = [...others.slice(0, position), ...set.rows, ...others.slice(position)];
  return { ...scenario, rows, meta: { ...scenario.meta, targetSet: set.id } };
}
