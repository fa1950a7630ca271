import { sheetRows, type Label, type RowGroup, type Scenario, type SheetRow, type TargetRow } from '../engine';
import type { Template } from '../templates/types';
import type { TargetPlace } from './template-target-edits';

// What the targets tab of the template editor shows: where the targets live, which variables a target can be on
// (as the sheet lists and names them), and the lines of a set's table.

/** A group of variables a target can be on, as the sheet groups them. */
export interface TargetChoiceGroup {
  readonly group: RowGroup;
  readonly rows: readonly SheetRow[];
}

// The shares first (the usual targets), then GRDP and its growth, the economic structure, sectors, the planner's rows.
const CHOICE_ORDER: readonly RowGroup[] = ['shares', 'totals', 'structure', 'sectors', 'custom'];

/**
 * The variables a target can be on, in groups, as the sheet lists them: every share (the focus's first), GRDP and
 * its growth, per capita where declared, each economic group's share, the sectors' values and growth, the
 * planner's own rows. Not other targets.
 */
export function targetChoices(scenario: Scenario): TargetChoiceGroup[] {
  const rows = sheetRows(scenario, { prices: false });
  return CHOICE_ORDER.map((group) => ({
    group,
    rows: rows.filter((r) => r.group === group).sort((a, b) => Number(b.focus) - Number(a.focus)),
  })).filter((g) => g.rows.length);
}

/** The variable a target is on among the choices; undefined for one the template does not have. */
export function targetVariable(choices: readonly TargetChoiceGroup[], of: string): SheetRow | undefined {
  return choices.flatMap((g) => g.rows).find((r) => r.id === of);
}

/** Where the template keeps its targets, as the tab lists them. */
export interface TargetPlaceView {
  /** The set's id, or undefined for the scenario's own targets (a template without sets). */
  readonly place: TargetPlace;
  /** The set's name; undefined for the scenario's own targets. */
  readonly label: Label | undefined;
  readonly rows: readonly TargetRow[];
  /** Whether a new scenario from the template starts with these targets. */
  readonly active: boolean;
}

/** The template's target sets, or the scenario's own targets alone when it has none. */
export function targetPlaces(t: Template): TargetPlaceView[] {
  const sets = t.targetSets ?? [];
  if (!sets.length)
    return [
      { place: undefined, label: undefined, rows: t.scenario.rows.filter((r) => r.kind === 'target'), active: true },
    ];
  const active = sets.find((s) => s.id === t.scenario.meta.targetSet) ?? sets[0]!;
  return sets.map((s) => ({ place: s.id, label: s.label, rows: s.rows, active: s === active }));
}

/** The field checkTemplate gives a target's issues at, without the part ("targetSets.congress.share", "rows.share"). */
export const targetField = (place: TargetPlace, id: string): string =>
  place === undefined ? `rows.${id}` : `targetSets.${place}.${id}`;

/** One line of a set's table: a target's floors or its ceilings. */
export interface TargetLine {
  readonly row: TargetRow;
  readonly bound: 'floor' | 'ceiling';
  /** On a target's first line, how many lines it takes (for the cells that span them); 0 on its second. */
  readonly span: number;
}

/**
 * The lines of a set's table: each target's floors, then its ceilings when it has one or the planner asked for them
 * (`opened` holds the targetField of those).
 */
export function targetLines(place: TargetPlace, rows: readonly TargetRow[], opened: ReadonlySet<string>): TargetLine[] {
  return rows.flatMap((row) => {
    const ceiling = Object.keys(row.upper ?? {}).length > 0 || opened.has(targetField(place, row.id));
    const floor: TargetLine = { row, bound: 'floor', span: ceiling ? 2 : 1 };
    return ceiling ? [floor, { row, bound: 'ceiling', span: 0 }] : [floor];
  });
}
