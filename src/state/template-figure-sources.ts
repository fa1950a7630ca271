import {
  cellKey,
  inputOf,
  sheetRows,
  splitVarId,
  type CellInput,
  type Scenario,
  type SheetRow,
  type TargetRow,
} from '../engine';
import type { SourceNote, Template } from '../templates/types';
import { sourceOf } from './cell-view';

// Which figures of a template have a source: every figure a planner typed or recorded, by the row it belongs to.

/** One figure of a row, in one year, with where it comes from. */
export interface FigureSource {
  readonly year: number;
  /** Its own source key ("mining.growth@2026"). */
  readonly key: string;
  /** The figure (a target's floor); undefined in a target's year with only a ceiling. */
  readonly value: CellInput | undefined;
  /** A target's ceiling in that year. */
  readonly ceiling: CellInput | undefined;
  /** A recorded actual rather than an input of the scenario. */
  readonly recorded: boolean;
  /** The figure's own note. */
  readonly own: SourceNote | undefined;
  /** The note that applies: its own, else its row's. */
  readonly source: SourceNote | undefined;
  /** The note that applies is the row's. */
  readonly inherited: boolean;
}

/** A row of the template that holds figures: its own (whole-row) note and its figures by year. */
export interface RowSources {
  /** The variable as the sheet shows it; its id is the row's source key. */
  readonly row: SheetRow;
  /** The row's own note, which every figure without one of its own takes. */
  readonly note: SourceNote | undefined;
  /** A parameter's value: its one figure, sourced by the row's note. */
  readonly value: CellInput | undefined;
  /** The figures by year (none for a parameter). */
  readonly figures: readonly FigureSource[];
  /** How many of its figures have no source (a parameter's value counts as one). */
  readonly unsourced: number;
}

const filled = (input: CellInput | undefined): input is CellInput => input !== undefined && input !== '';

// The scenario with the target rows of every target set, so those not in use are named and sourced too.
function withSetTargets(template: Template): Scenario {
  const { scenario } = template;
  const seen = new Set(scenario.rows.map((r) => r.id));
  const extra: TargetRow[] = [];
  for (const row of (template.targetSets ?? []).flatMap((s) => s.rows)) {
    if (!seen.has(row.id)) extra.push(row);
    seen.add(row.id);
  }
  return extra.length ? { ...scenario, rows: [...scenario.rows, ...extra] } : scenario;
}

// A row's figures from its recorded actuals and its inputs from the base year to the horizon; an input wins its year.
function figuresOf(template: Template, scenario: Scenario, row: SheetRow): FigureSource[] {
  const { baseYear, horizon } = scenario.meta;
  const source = { role: row.role, rowId: splitVarId(row.id).rowId };
  const scenarioRow = scenario.rows.find((r) => r.id === source.rowId);
  const upper = scenarioRow?.kind === 'target' ? (scenarioRow.upper ?? {}) : {};
  const years = new Set(Object.keys(scenario.history[row.id] ?? {}).map(Number));
  for (let year = baseYear; year <= horizon; year++) years.add(year);
  const figures: FigureSource[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const input = scenarioRow?.kind === 'param' ? undefined : inputOf(scenario, source, year);
    const ceiling = upper[year];
    const recorded = scenario.history[row.id]?.[year];
    if (!filled(input) && !filled(ceiling) && recorded === undefined) continue;
    const key = cellKey(row.id, year);
    const own = Object.hasOwn(template.sources, key) ? template.sources[key] : undefined;
    const note = sourceOf(template, row.id, year);
    const isInput = filled(input) || filled(ceiling);
    figures.push({
      year,
      key,
      value: isInput ? (filled(input) ? input : undefined) : recorded,
      ceiling: filled(ceiling) ? ceiling : undefined,
      recorded: !isInput,
      own,
      source: note,
      inherited: note !== undefined && own === undefined,
    });
  }
  return figures;
}

/**
 * The rows of a template that hold figures, in the sheet's order (target rows of every set included): each with its
 * own note and its figures, their notes, whether they take the row's and how many have none.
 */
export function figureSources(template: Template): RowSources[] {
  const scenario = withSetTargets(template);
  return sheetRows(scenario, { prices: true }).flatMap((row) => {
    const note = Object.hasOwn(template.sources, row.id) ? template.sources[row.id] : undefined;
    const param = scenario.rows.find((r) => r.id === row.id && r.kind === 'param');
    const value = param?.kind === 'param' && filled(param.value) ? param.value : undefined;
    const figures = figuresOf(template, scenario, row);
    if (value === undefined && !figures.length) return [];
    const unsourced = figures.filter((f) => !f.source).length + (value !== undefined && !note ? 1 : 0);
    return [{ row, note, value, figures, unsourced }];
  });
}

/** How many figures of these rows have no source. */
export function unsourcedCount(rows: readonly RowSources[]): number {
  return rows.reduce((sum, r) => sum + r.unsourced, 0);
}

/** The keys of the figures without a source: "variable@year", or a parameter's id for its value. */
export function unsourcedKeys(rows: readonly RowSources[]): Set<string> {
  return new Set(
    rows.flatMap((r) => [
      ...(r.value !== undefined && !r.note ? [r.row.id] : []),
      ...r.figures.flatMap((f) => (f.source ? [] : [f.key])),
    ]),
  );
}

/**
 * The rows with a figure among these keys, each with only those figures: the list kept while the planner sources
 * them, so a figure does not vanish under the cursor the moment it gets a source.
 */
export function withFigures(rows: readonly RowSources[], keys: ReadonlySet<string>): RowSources[] {
  return rows.flatMap((r) => {
    const figures = r.figures.filter((f) => keys.has(f.key));
    return figures.length || (r.value !== undefined && keys.has(r.row.id)) ? [{ ...r, figures }] : [];
  });
}
