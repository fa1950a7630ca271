import { inputOf } from './cells';
import { Model, type Variable } from './model';
import { summarize } from './summary';
import type { CellInput, Scenario } from './types';
import { focusShare, sectorVar } from './variables';

/** What a tornado measures: one cell, or the average GRDP growth of the headline cards. */
export type SensitivityOutput =
  { readonly kind: 'cell'; readonly id: string; readonly year: number } | { readonly kind: 'averageGrowth' };

/** Settings of a tornado: the output and the shift of every rate (0.01 = one percentage point). */
export interface TornadoOptions {
  readonly output: SensitivityOutput;
  readonly delta?: number;
}

/** One bar: the output with a row's rates lowered (low) and raised (high) by delta; undefined for an error. */
export interface TornadoBar {
  /** The variable shifted ("manufacturing.growth"). */
  readonly id: string;
  /** The scenario row it belongs to. */
  readonly rowId: string;
  readonly low: number | undefined;
  readonly high: number | undefined;
  /** The output without any shift. */
  readonly base: number | undefined;
  /** |high − low|, undefined when either is an error. */
  readonly swing: number | undefined;
}

/** The output a tornado shows by default: the focus share in the last share-target year, else at the horizon. */
export function defaultSensitivityOutput(scenario: Scenario): SensitivityOutput {
  const { baseYear, horizon } = scenario.meta;
  const id = focusShare(scenario.meta);
  const years = scenario.rows
    .flatMap((r) => (r.kind === 'target' && r.of === id ? Object.keys(r.cells).map(Number) : []))
    .filter((y) => y > baseYear && y <= horizon);
  return { kind: 'cell', id, year: years.length > 0 ? Math.max(...years) : horizon };
}

/**
 * The rows a tornado shifts: every sector's growth, and percent series rows with at least one typed number after
 * the base year (an assumed rate such as an inflation path; a percent row made only of formulas is derived).
 */
export function sensitivityRows(scenario: Scenario): string[] {
  const { baseYear } = scenario.meta;
  return scenario.rows.flatMap((r) => {
    if (r.kind === 'sector') return [sectorVar(r.id, 'growth')];
    const typed = r.kind === 'series' && r.format === 'percent';
    return typed && Object.entries(r.cells).some(([y, c]) => Number(y) > baseYear && typeof c === 'number')
      ? [r.id]
      : [];
  });
}

/**
 * Ranks the rows of sensitivityRows by how far shifting every input cell after the base year by −delta and
 * +delta moves the output, largest swing first, errors last. A formula cell is shifted from its computed value
 * (as applyLevers does) and a blank growth cell from zero; cells in error and blank series cells stay as they are.
 * One private model is edited cell by cell and put back after each row, so the scenario is compiled once.
 */
export function tornado(scenario: Scenario, options: TornadoOptions): TornadoBar[] {
  const delta = options.delta ?? 0.01;
  if (!Number.isFinite(delta) || delta <= 0) throw new Error(`delta must be a positive number: ${delta}`);
  const model = new Model(scenario);
  const read = reader(model, scenario, options.output);
  const base = read();
  const rows = sensitivityRows(scenario).map((id) => model.get(id)!);
  // Each row's cells and their present values, taken before any edit.
  const plans = rows.map((v) => ({ v, cells: shiftable(model, scenario, v) }));
  const bars = plans.map(({ v, cells }): TornadoBar => {
    const shifted = (d: number): number | undefined => {
      for (const c of cells) model.setInput(v.id, c.year, c.value + d);
      return read();
    };
    const low = shifted(-delta);
    const high = shifted(delta);
    for (const c of cells) model.setInput(v.id, c.year, c.input);
    const swing = low === undefined || high === undefined ? undefined : Math.abs(high - low);
    return { id: v.id, rowId: v.rowId, low, high, base, swing };
  });
  // Stable: equal swings keep the order of the sheet.
  return bars.sort((a, b) => (b.swing ?? -1) - (a.swing ?? -1));
}

interface ShiftCell {
  readonly year: number;
  readonly input: CellInput | undefined;
  readonly value: number;
}

function shiftable(model: Model, scenario: Scenario, v: Variable): ShiftCell[] {
  const cells: ShiftCell[] = [];
  model.years.forEach((year, i) => {
    if (year <= model.baseYear || !model.isInput(v.id, year) || v.errors[i]) return;
    // A blank growth cell grows at zero; a blank series cell has no rate to shift.
    if (v.blank[i] && v.role !== 'growth') return;
    cells.push({ year, input: inputOf(scenario, v, year), value: v.blank[i] ? 0 : v.values[i]! });
  });
  return cells;
}

function reader(model: Model, scenario: Scenario, output: SensitivityOutput): () => number | undefined {
  if (output.kind === 'averageGrowth') return () => summarize(model, scenario).growth.value;
  const v = model.get(output.id);
  const i = output.year - model.baseYear;
  if (!v || i < 0 || i >= model.years.length) throw new Error(`no such cell: ${output.id} ${output.year}`);
  return () => (v.errors[i] || v.blank[i] ? undefined : v.values[i]);
}
