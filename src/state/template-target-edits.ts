import { checkIdentifier, variableIds, type Label, type TargetRow } from '../engine';
import type { Template, TargetSet } from '../templates/types';
import { rowIdFree, rowIdFrom } from './template-ids';
import { synced, targetRowsOf, withScenario, withTargetRows } from './template-rows';
import { dropSources } from './template-sources';
import {
  checkedLabel,
  done,
  inputProblem,
  isRefusal,
  refuse,
  yearProblem,
  type Edited,
  type Refusal,
} from './template-status';

// The edits of a template's targets, each (template, …) → Edited: target sets, and target rows in a set or, in a
// template without sets, in its scenario.

/** Where a target row lives: the id of a target set, or undefined for the scenario's own (a template without sets). */
export type TargetPlace = string | undefined;

function setOf(t: Template, id: string): TargetSet {
  const set = t.targetSets?.find((s) => s.id === id);
  if (!set) throw new Error(`no target set ${id}`);
  return set;
}

// The sources of removed target rows, where no row of that id is left anywhere.
function withoutOrphanSources(t: Template, removed: readonly TargetRow[]): Template {
  const left = new Set([...t.scenario.rows, ...(t.targetSets ?? []).flatMap((s) => s.rows)].map((r) => r.id));
  return { ...t, sources: removed.reduce((all, r) => (left.has(r.id) ? all : dropSources(all, r.id)), t.sources) };
}

/** A target set added (the first takes the scenario's current targets, later ones start empty). */
export function addTargetSet(t: Template, label: Label): Edited<{ id: string }> {
  const clean = checkedLabel(label);
  if (isRefusal(clean)) return clean;
  const sets = t.targetSets ?? [];
  const noRows = { ...t.scenario, rows: [] };
  const id = rowIdFrom(clean, (x) => !checkIdentifier(noRows, x) && !sets.some((s) => s.id === x));
  const rows = sets.length ? [] : targetRowsOf(t.scenario);
  return { ...done({ ...t, targetSets: [...sets, { id, label: clean, rows }] }), id };
}

/** A target set removed; refused while a preset checks against it. The scenario takes the next set's targets. */
export function removeTargetSet(t: Template, id: string): Edited {
  const set = setOf(t, id);
  const users = t.presets.filter((p) => p.targetSet === id);
  const names = (lang: 'vi' | 'en') => users.map((p) => (typeof p.label === 'string' ? p.label : p.label[lang]));
  // The presets by their names, in the language the message is read in.
  if (users.length)
    return refuse('template.inUse', undefined, { rows: { vi: names('vi').join(', '), en: names('en').join(', ') } });
  const { targetSet, ...meta } = t.scenario.meta;
  const scenario = targetSet === id ? { ...t.scenario, meta } : t.scenario;
  return done(
    withoutOrphanSources(synced({ ...t, scenario, targetSets: t.targetSets!.filter((s) => s !== set) }), set.rows),
  );
}

/** A target set relabelled. */
export function relabelTargetSet(t: Template, id: string, label: Label): Edited {
  const set = setOf(t, id);
  const clean = checkedLabel(label);
  if (isRefusal(clean)) return clean;
  return done({ ...t, targetSets: t.targetSets!.map((s) => (s === set ? { ...s, label: clean } : s)) });
}

function targetOf(t: Template, place: TargetPlace, id: string): TargetRow {
  const row = (place === undefined ? targetRowsOf(t.scenario) : setOf(t, place).rows).find((r) => r.id === id);
  if (!row) throw new Error(`no target ${id}`);
  return row;
}

// A template with sets edits their rows (the scenario follows its set); one without edits the scenario's own.
function withTargets(t: Template, place: TargetPlace, change: (rows: readonly TargetRow[]) => TargetRow[]): Template {
  if (place === undefined) {
    if (t.targetSets?.length) throw new Error('a template with target sets edits the targets in its sets');
    return withScenario(t, withTargetRows(t.scenario, change(targetRowsOf(t.scenario))));
  }
  const set = setOf(t, place);
  return synced({ ...t, targetSets: t.targetSets!.map((s) => (s === set ? { ...s, rows: change(s.rows) } : s)) });
}

const variableProblem = (t: Template, of: string): Refusal | undefined =>
  variableIds(t.scenario.rows, t.scenario.meta).has(of) ? undefined : refuse('template.noVariable', { id: of });

/** A target on a variable (the focus share, GRDP growth, per capita…) added to a set, or to the scenario without sets. */
export function addTarget(t: Template, place: TargetPlace, of: string, label: Label): Edited<{ id: string }> {
  const clean = checkedLabel(label);
  if (isRefusal(clean)) return clean;
  const problem = variableProblem(t, of);
  if (problem) return problem;
  const id = rowIdFrom(clean, (x) => rowIdFree(t, x));
  const row: TargetRow = { kind: 'target', id, label: clean, of, cells: {} };
  return { ...done(withTargets(t, place, (rows) => [...rows, row])), id };
}

/** A target row removed with its sources (unless another set has a row of the same id). */
export function removeTarget(t: Template, place: TargetPlace, id: string): Edited {
  const row = targetOf(t, place, id);
  return done(
    withoutOrphanSources(
      withTargets(t, place, (rows) => rows.filter((r) => r !== row)),
      [row],
    ),
  );
}

/** A target pointed at another variable. */
export function retarget(t: Template, place: TargetPlace, id: string, of: string): Edited {
  const row = targetOf(t, place, id);
  return (
    variableProblem(t, of) ?? done(withTargets(t, place, (rows) => rows.map((r) => (r === row ? { ...r, of } : r))))
  );
}

/** A target renamed; its id, and so its sources, stay. */
export function relabelTarget(t: Template, place: TargetPlace, id: string, label: Label): Edited {
  const row = targetOf(t, place, id);
  const clean = checkedLabel(label);
  if (isRefusal(clean)) return clean;
  return done(withTargets(t, place, (rows) => rows.map((r) => (r === row ? { ...r, label: clean } : r))));
}

/** A target's floor (or ceiling) set in a year from the base year to the horizon; undefined clears it. */
export function setTargetCell(
  t: Template,
  place: TargetPlace,
  id: string,
  year: number,
  value: number | undefined,
  bound: 'floor' | 'ceiling',
): Edited {
  const row = targetOf(t, place, id);
  const { baseYear, horizon } = t.scenario.meta;
  const problem = yearProblem(year, baseYear, horizon) ?? inputProblem(value);
  if (problem) return problem;
  const cells: Record<string, number | string> = { ...(bound === 'floor' ? row.cells : row.upper) };
  if (value === undefined) delete cells[year];
  else cells[year] = value;
  const { upper: _, ...rest } = row;
  const upper = cells as Record<string, number>;
  const next: TargetRow =
    bound === 'floor' ? { ...row, cells } : { ...rest, ...(Object.keys(upper).length && { upper }) };
  return done(withTargets(t, place, (rows) => rows.map((r) => (r === row ? next : r))));
}
