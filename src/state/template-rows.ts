import {
  checkIdentifier,
  renameRow,
  sectorVar,
  withInput,
  type RowDef,
  type Scenario,
  type SectorRow,
  type TargetRow,
  type YearCells,
} from '../engine';
import { applyTargetSet } from '../templates';
import type { Preset, Template } from '../templates/types';

// A template's rows, targets and years: what refers to a row, moving a sector, the cells inside the years, the
// scenario's targets and its set's.

/** The presets with each one's growth rates by sector passed through f. */
export const mapPresetGrowth = (
  presets: readonly Preset[],
  f: (entry: [string, number]) => [string, number][],
): Preset[] => presets.map((p) => ({ ...p, growth: Object.fromEntries(Object.entries(p.growth).flatMap(f)) }));

/** The ids of the rows whose formulas or target refer to a row (the row itself left out). */
export function referencesTo(scenario: Scenario, id: string): string[] {
  // Renaming the row rewrites exactly the formulas and targets that name it: the rows it changes are the ones.
  let probe = `${id.slice(0, 30)}_ref`;
  for (let k = 2; checkIdentifier(scenario, probe); k++) probe = `${id.slice(0, 30)}_ref${k}`;
  const renamed = renameRow(scenario, id, probe).rows;
  return scenario.rows
    .filter((row, k) => row.id !== id && JSON.stringify(row) !== JSON.stringify(renamed[k]))
    .map((row) => row.id);
}

/** The rows with one sector moved by delta places among the sectors (clamped at the ends); others stay in place. */
export function moveSectorRow(rows: readonly RowDef[], id: string, delta: number): readonly RowDef[] {
  const slots = rows.flatMap((row, k) => (row.kind === 'sector' ? [k] : []));
  const sectors = slots.map((k) => rows[k]!);
  const from = sectors.findIndex((row) => row.id === id);
  const to = Math.min(sectors.length - 1, Math.max(0, from + delta));
  if (from < 0 || from === to) return rows;
  sectors.splice(to, 0, ...sectors.splice(from, 1));
  const next = [...rows];
  slots.forEach((slot, k) => (next[slot] = sectors[k]!));
  return next;
}

/** Cells dropped to keep the input inside the years: how many, and the years they were in. */
export interface Dropped {
  readonly count: number;
  readonly years: readonly number[];
}

const yearsOutside = (cells: YearCells | undefined, first: number, last: number): number[] =>
  Object.keys(cells ?? {})
    .map(Number)
    .filter((year) => year < first || year > last);

const targetWithin = (row: TargetRow, first: number, last: number): TargetRow => {
  const keep = (cells: YearCells) =>
    Object.fromEntries(Object.entries(cells).filter(([y]) => Number(y) >= first && Number(y) <= last));
  return { ...row, cells: keep(row.cells), ...(row.upper && { upper: keep(row.upper) }) };
};

/**
 * The template with input cells only where the model reads them: growth and price changes after the base year,
 * series and targets (also in the target sets) from the base year, none after the horizon. History stays.
 */
export function templateWithin(t: Template, baseYear: number, horizon: number): [Template, Dropped] {
  const cells: { id: string; year: number }[] = [];
  for (const row of t.scenario.rows) {
    if (row.kind === 'sector')
      for (const part of ['growth', 'price'] as const)
        for (const year of yearsOutside(row[part], baseYear + 1, horizon))
          cells.push({ id: sectorVar(row.id, part), year });
    if (row.kind === 'series' || row.kind === 'target')
      for (const year of yearsOutside(row.cells, baseYear, horizon)) cells.push({ id: row.id, year });
  }
  // Clearing through the engine drops a range the cell held too; ceilings are no cells of the model.
  const cleared = cells.reduce((s, { id, year }) => withInput(s, id, year, undefined), t.scenario);
  const rows = cleared.rows.map((r) => (r.kind === 'target' ? targetWithin(r, baseYear, horizon) : r));
  // Counted once by row and year: the scenario's targets are a copy of its set's.
  const dropped = new Set(cells.map((c) => `${c.id}@${c.year}`));
  for (const r of [...targetRowsOf(t.scenario), ...(t.targetSets ?? []).flatMap((s) => s.rows)]) {
    for (const year of yearsOutside(r.cells, baseYear, horizon)) dropped.add(`${r.id}@${year}`);
    for (const year of yearsOutside(r.upper, baseYear, horizon)) dropped.add(`${r.id}@${year} ceiling`);
  }
  const years = [...new Set([...dropped].map((key) => Number(key.slice(key.indexOf('@') + 1, key.indexOf('@') + 5))))];
  const targetSets = t.targetSets?.map((s) => ({ ...s, rows: s.rows.map((r) => targetWithin(r, baseYear, horizon)) }));
  const next = { ...t, scenario: { ...cleared, rows }, ...(targetSets && { targetSets }) };
  return [next, { count: dropped.size, years: years.sort((a, b) => a - b) }];
}

/** The scenario's target rows. */
export function targetRowsOf(scenario: Scenario): TargetRow[] {
  return scenario.rows.filter((r): r is TargetRow => r.kind === 'target');
}

/** The scenario with these target rows in place of its own (where its own were), settings unchanged. */
export function withTargetRows(scenario: Scenario, rows: readonly TargetRow[]): Scenario {
  return { ...applyTargetSet(scenario, { id: 'rows', label: '', rows }), meta: scenario.meta };
}

/** In a template with target sets, the scenario's target rows made those of its set (the one it names, else the first). */
export function synced(t: Template): Template {
  const sets = t.targetSets ?? [];
  const active = sets.find((s) => s.id === t.scenario.meta.targetSet) ?? sets[0];
  return active ? { ...t, scenario: withTargetRows(t.scenario, active.rows) } : t;
}

/** The template with another scenario. */
export const withScenario = (t: Template, scenario: Scenario): Template => ({ ...t, scenario });

/** The template with other rows. */
export const withRows = (t: Template, rows: readonly RowDef[]): Template => withScenario(t, { ...t.scenario, rows });

/** The template with some settings changed. */
export const withMeta = (t: Template, meta: Partial<Scenario['meta']>): Template =>
  withScenario(t, { ...t.scenario, meta: { ...t.scenario.meta, ...meta } });

/** The sector of that id; any other id is a caller's mistake and throws. */
export function sectorOf(t: Template, id: string): SectorRow {
  const row = t.scenario.rows.find((r) => r.id === id);
  if (row?.kind !== 'sector') throw new Error(`no sector ${id}`);
  return row;
}
