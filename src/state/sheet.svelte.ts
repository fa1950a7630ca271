import {
  addRow,
  cellKey,
  chartSeries,
  checkIdentifier,
  deleteRow,
  drawModeOf,
  formatRange,
  formatValue,
  inputOf,
  isCellError,
  parseRange,
  hasRanges,
  rangeAt,
  Model,
  parseLocaleNumber,
  renameRow,
  sheetColumns,
  sheetRows,
  summarize,
  withDrawMode,
  withInput,
  withRange,
  withSeed,
  type CellError,
  type DrawMode,
  type CellInput,
  type Format,
  type IdentifierProblem,
  type Locale,
  type MonteCarloResult,
  type RowDef,
  type Scenario,
  type SheetColumn,
  type SheetRow,
} from '../engine';
import { labelText, type MessageKey } from '../i18n';
import type { SourceNote, Template } from '../templates/types';

/** Longest text a cell keeps; anything longer is an error value either way. */
export const MAX_CELL_TEXT = 2000;

/** An input change of one cell. */
export interface CellChange {
  readonly id: string;
  readonly year: number;
  readonly input: CellInput | undefined;
}

/** What the grid shows in one cell. */
export interface CellView {
  readonly kind: 'input' | 'computed' | 'history' | 'empty';
  readonly text: string;
  readonly value: number | undefined;
  readonly error: CellError | undefined;
  readonly formula: string | undefined;
  /** The range the cell holds, as the planner types it ("16%..24%"); the cell shows its central value. */
  readonly range: string | undefined;
  /** The cell's input differs from the template's. */
  readonly changed: boolean;
  /** Where the template's figure comes from, in the view's language. */
  readonly source: string | undefined;
  /** The template marks its figure as an assumption (once edited, source and flag describe the template's figure). */
  readonly assumption: boolean;
  /** For a changed cell, the template's input as the view writes it ('' for a blank). */
  readonly templateText: string | undefined;
}

/** What the "add row" form asks for. */
export interface CustomRowSpec {
  readonly kind: 'series' | 'formula' | 'param';
  readonly id: string;
  readonly label: string;
  readonly format: Format;
  /** The formula of a formula row, written into every projection year. */
  readonly formula?: string;
  /** The typed value of a parameter. */
  readonly value?: string;
}

/** A message for the status line, translated by the UI. */
export interface Status {
  readonly key: MessageKey;
  readonly args?: Readonly<Record<string, string | number>>;
  /** 'error' when something failed and the planner should act; shown as an alert. */
  readonly tone?: 'error';
  /** A cell error that explains the message (a mistyped range). */
  readonly error?: CellError;
}

interface Edit {
  readonly before: Scenario;
  readonly after: Scenario;
  /** Cells changed, or undefined when the structure changed and the model must be rebuilt. */
  readonly cells: readonly { id: string; year: number }[] | undefined;
}

const UNDO_LIMIT = 500;

/** The last year a projection may reach. */
export const MAX_HORIZON = 2050;

/** Converts typed text into a cell input: blank, a formula, a number read by locale, or kept text. */
export function readCellText(text: string, locale: Locale, format: Format): CellInput | undefined {
  const trimmed = text.trim().slice(0, MAX_CELL_TEXT);
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('=')) return trimmed;
  return parseLocaleNumber(trimmed, locale, format) ?? trimmed;
}

function sameInput(a: CellInput | undefined, b: CellInput | undefined): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-12);
}

// Inputs show the precision they were typed with (20.45%), computed cells one decimal.
function inputDigits(value: number, format: Format): number {
  const scaled = format === 'percent' ? value * 100 : value;
  for (let d = 1; d < 3; d++) if (Math.abs(Math.round(scaled * 10 ** d) - scaled * 10 ** d) < 1e-6) return d;
  return 3;
}

/** The scenario being edited: inputs, evaluated model, undo history and derived results. */
export class Sheet {
  readonly template: Template;
  scenario = $state.raw<Scenario>() as Scenario;
  showPrices = $state(false);
  showHistory = $state(true);
  status = $state.raw<Status | null>(null);
  #model: Model;
  // Bumped after every model change: the model is mutable, so $derived values read this to re-run.
  #version = $state(0);
  #undo = $state.raw<readonly Edit[]>([]);
  #redo = $state.raw<readonly Edit[]>([]);
  // The last simulation and the scenario it ran on: its odds hold only while that scenario is the one open.
  #odds = $state.raw<{ scenario: Scenario; result: MonteCarloResult } | null>(null);

  constructor(template: Template, scenario: Scenario = template.scenario) {
    this.template = template;
    this.scenario = scenario;
    this.#model = new Model(scenario);
  }

  /** The evaluated model; read through the derived values so that reactivity follows edits. */
  get model(): Model {
    void this.#version;
    return this.#model;
  }

  rows: SheetRow[] = $derived(sheetRows(this.scenario, { prices: this.showPrices }));
  columns: SheetColumn[] = $derived(
    sheetColumns(this.scenario, this.model).filter((c) => this.showHistory || c.kind !== 'history'),
  );
  headline = $derived(summarize(this.model, this.scenario));
  chart = $derived(chartSeries(this.model, this.scenario));
  /** The odds of the last simulation, if it ran on the scenario as it stands (an edit hides them, undo brings them back). */
  odds: MonteCarloResult | null = $derived(this.#odds?.scenario === this.scenario ? this.#odds.result : null);
  canUndo = $derived(this.#undo.length > 0);
  canRedo = $derived(this.#redo.length > 0);
  editCount = $derived(this.#countEdits());

  /** Anything but the name differs from the template, cells or structure (rows, years). */
  get canReset(): boolean {
    const scenario = this.scenario;
    // Memoised per scenario object: the comparison serialises both scenarios.
    if (this.#resetMemo?.scenario !== scenario) {
      const differs =
        scenario !== this.template.scenario &&
        JSON.stringify(scenario) !== JSON.stringify(this.#templateNamed(scenario.meta.name));
      this.#resetMemo = { scenario, differs };
    }
    return this.#resetMemo.differs;
  }

  #resetMemo: { scenario: Scenario; differs: boolean } | undefined;

  // The template under this scenario's name: what "reset to template" restores.
  #templateNamed(name: string): Scenario {
    const template = this.template.scenario;
    return name === template.meta.name ? template : { ...template, meta: { ...template.meta, name } };
  }

  /** Whether the cell of variable id in year takes input. */
  isInput(id: string, year: number): boolean {
    return this.model.isInput(id, year);
  }

  /** The scenario's input in a cell (undefined for blank or computed). */
  inputAt(id: string, year: number): CellInput | undefined {
    const v = this.model.get(id);
    return v && this.model.isInput(id, year) ? inputOf(this.scenario, v, year) : undefined;
  }

  /** The template's input in a cell, which Delete and reset restore. */
  templateInput(id: string, year: number): CellInput | undefined {
    const v = this.model.get(id);
    return v ? inputOf(this.template.scenario, v, year) : undefined;
  }

  /** Source of a cell's figure in the template, if any. */
  sourceOf(id: string, year: number): SourceNote | undefined {
    const sources = this.template.sources;
    const key = cellKey(id, year);
    // Own keys only: a row named "constructor" must not find Object.prototype.constructor.
    if (Object.hasOwn(sources, key)) return sources[key];
    return Object.hasOwn(sources, id) ? sources[id] : undefined;
  }

  /** Each distinct source note of the sheet's figures once, in the order the sheet shows them. */
  sourceNotes(locale: Locale): { text: string; assumption: boolean }[] {
    const notes: { text: string; assumption: boolean }[] = [];
    const seen = new Set<string>();
    for (const row of sheetRows(this.scenario, { prices: true })) {
      for (const column of this.columns) {
        const { source, assumption } = this.view(row, column, locale);
        if (source && !seen.has(source)) {
          seen.add(source);
          notes.push({ text: source, assumption });
        }
      }
    }
    return notes;
  }

  /** Whether a row is the planner's own (not in the template), so it may be renamed or deleted. */
  isOwnRow(id: string): boolean {
    return this.scenario.rows.some((r) => r.id === id) && !this.template.scenario.rows.some((r) => r.id === id);
  }

  /** What to show in one cell. */
  view(row: SheetRow, column: SheetColumn, locale: Locale): CellView {
    const { id, format } = row;
    const year = column.year;
    const model = this.model;
    const i = year - model.baseYear;
    const v = model.get(id);
    const note = this.sourceOf(id, year);
    const source = note ? labelText(note.text, locale) : undefined;
    const assumption = !!note?.assumption;
    const empty: CellView = {
      kind: 'empty',
      text: '',
      value: undefined,
      error: undefined,
      formula: undefined,
      range: undefined,
      changed: false,
      source: undefined,
      assumption: false,
      templateText: undefined,
    };
    const outside = !v || i < 0 || i >= model.years.length;
    if (outside || v.recorded[i]) {
      const history = outside ? this.scenario.history[id]?.[year] : v.values[i];
      if (history === undefined) return empty;
      return { ...empty, kind: 'history', text: formatValue(history, locale, format, 1), value: history, source };
    }
    const isInput = model.isInput(id, year);
    if ((row.role === 'param' && i > 0) || (!isInput && v.blank[i])) return empty;
    const error = v.errors[i] ?? undefined;
    const value = error ? undefined : v.values[i];
    if (!isInput) {
      const text = error ? error.code : formatValue(value!, locale, format, 1);
      return { ...empty, kind: 'computed', text, value, error };
    }
    const input = inputOf(this.scenario, v, year);
    const template = this.templateInput(id, year);
    const changed = !sameInput(input, template);
    let templateText: string | undefined;
    if (changed) {
      if (template === undefined) templateText = '';
      else
        templateText =
          typeof template === 'number'
            ? formatValue(template, locale, format, inputDigits(template, format))
            : template;
    }
    const formula = typeof input === 'string' && input.startsWith('=') ? input : undefined;
    const ranged = rangeAt(this.scenario, id, year);
    const range = ranged ? formatRange(ranged, locale, format) : undefined;
    let text = '';
    if (error) text = error.code;
    else if (!v.blank[i]) text = formatValue(value!, locale, format, formula ? 1 : inputDigits(value!, format));
    return {
      kind: 'input',
      text,
      value,
      error,
      formula,
      range,
      changed,
      source,
      assumption,
      templateText,
    };
  }

  /** Applies typed text to a cell, read in the given locale. Returns false for a computed cell. */
  setCellText(id: string, year: number, text: string, locale: Locale): boolean {
    const v = this.model.get(id);
    if (!v || !this.model.isInput(id, year)) {
      this.status = { key: 'status.readOnly' };
      return false;
    }
    const range = parseRange(text.trim().slice(0, MAX_CELL_TEXT), locale, v.format);
    if (range === undefined) {
      this.setCells([{ id, year, input: readCellText(text, locale, v.format) }]);
    } else if (isCellError(range)) {
      // A mistyped range is refused with its reason; the cell keeps what it had.
      this.status = { key: 'status.badRange', tone: 'error', error: range };
      return false;
    } else {
      this.#apply({ before: this.scenario, after: withRange(this.scenario, id, year, range), cells: [{ id, year }] });
    }
    return true;
  }

  /**
   * The first projection year of a row whose figure is assumed: cells backed by a published source (not flagged as
   * an assumption, such as the template's 2024 growth) are facts that what-would-it-take answers leave alone.
   */
  firstAssumedYear(id: string): number {
    const { baseYear, horizon } = this.scenario.meta;
    for (let year = baseYear + 1; year < horizon; year++) {
      const note = this.sourceOf(id, year);
      if (!note || note.assumption) return year;
    }
    return horizon;
  }

  /** The range a cell holds, if any. */
  rangeAt(id: string, year: number): ReturnType<typeof rangeAt> {
    return rangeAt(this.scenario, id, year);
  }

  /** Whether any input cell holds a range. */
  get hasRanges(): boolean {
    return hasRanges(this.scenario);
  }

  /** How a row's ranges are drawn in a Monte Carlo run. */
  drawMode(id: string): DrawMode {
    return drawModeOf(this.scenario, id);
  }

  /** Draws a row's ranges once per run or independently each year, as one undoable edit. */
  setDrawMode(id: string, draw: DrawMode): void {
    const after = withDrawMode(this.scenario, id, draw);
    if (after !== this.scenario) this.#apply({ before: this.scenario, after, cells: [] });
  }

  /** Records a simulation's result for the scenario it ran on. */
  setOdds(scenario: Scenario, result: MonteCarloResult): void {
    this.#odds = { scenario, result };
  }

  /** Sets the Monte Carlo seed, as one undoable edit. */
  setSeed(seed: number): void {
    if (seed === this.scenario.seed) return;
    this.#apply({ before: this.scenario, after: withSeed(this.scenario, seed), cells: [] });
  }

  /** Applies several input changes as one undoable edit; changes to computed cells are ignored. */
  setCells(changes: readonly CellChange[]): number {
    // A number typed over a range replaces the range even where it equals the range's centre.
    const accepted = changes.filter(
      (c) =>
        this.#model.isInput(c.id, c.year) &&
        (!sameInput(c.input, this.inputAt(c.id, c.year)) || rangeAt(this.scenario, c.id, c.year) !== undefined),
    );
    if (accepted.length === 0) return 0;
    const before = this.scenario;
    let after = before;
    for (const c of accepted) after = withInput(after, c.id, c.year, c.input);
    this.#apply({ before, after, cells: accepted.map(({ id, year }) => ({ id, year })) });
    return accepted.length;
  }

  /** Copies a cell's input to the input cells to its right in the same row. */
  fillRight(id: string, year: number): number {
    const input = this.inputAt(id, year);
    const targets = this.#model.years.filter((y) => y > year && this.#model.isInput(id, y));
    const count = this.setCells(targets.map((y) => ({ id, year: y, input })));
    this.status = count ? { key: 'status.filled', args: { count } } : { key: 'status.nothingToFill' };
    return count;
  }

  /**
   * Restores cells to their template inputs. A sector's base value or a parameter that the template
   * does not have for that year (after the base year moved) is left alone rather than zeroed.
   */
  resetCells(cells: readonly { id: string; year: number }[]): number {
    const changes: CellChange[] = [];
    let missing = 0;
    for (const { id, year } of cells) {
      const input = this.templateInput(id, year);
      const role = this.#model.get(id)?.role;
      if (input === undefined && (role === 'value' || role === 'param')) missing++;
      else changes.push({ id, year, input });
    }
    const count = this.setCells(changes);
    this.status = missing
      ? { key: 'status.noTemplateValue', args: { count: missing } }
      : { key: 'status.reset', args: { count } };
    return count;
  }

  /** Restores the whole scenario to the template (undoable). */
  resetAll(): void {
    if (!this.canReset) return;
    this.#apply({ before: this.scenario, after: this.#templateNamed(this.scenario.meta.name), cells: undefined });
  }

  /** Handles Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z pressed outside the grid and text fields; true if used. */
  shortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): boolean {
    if (!(e.ctrlKey || e.metaKey)) return false;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) this.undo();
    else if (key === 'y' || (key === 'z' && e.shiftKey)) this.redo();
    else return false;
    return true;
  }

  /** Undoes the last edit. */
  undo(): void {
    const edit = this.#undo[this.#undo.length - 1];
    if (!edit) return;
    this.#undo = this.#undo.slice(0, -1);
    this.#redo = [...this.#redo, edit];
    this.#switchTo(edit.after, edit.before, edit.cells);
    this.status = { key: 'status.undone' };
  }

  /** Redoes the last undone edit. */
  redo(): void {
    const edit = this.#redo[this.#redo.length - 1];
    if (!edit) return;
    this.#redo = this.#redo.slice(0, -1);
    this.#undo = [...this.#undo, edit];
    this.#switchTo(edit.before, edit.after, edit.cells);
    this.status = { key: 'status.redone' };
  }

  /** Why an identifier cannot name a new or renamed row, if it cannot. */
  checkId(id: string, except?: string): IdentifierProblem | undefined {
    return checkIdentifier(this.scenario, id, except);
  }

  /** Adds a planner's own row from the form: an input series, a formula row or a parameter (undoable). */
  addCustomRow(spec: CustomRowSpec, locale: Locale): boolean {
    if (this.checkId(spec.id)) return false;
    const { baseYear, horizon } = this.scenario.meta;
    const label = spec.label.trim() || spec.id;
    if (spec.kind === 'param') {
      const value = readCellText(spec.value ?? '', locale, spec.format) ?? 0;
      this.addRow({ kind: 'param', id: spec.id, label, format: spec.format, value });
      return true;
    }
    const cells: Record<string, string> = {};
    if (spec.kind === 'formula') for (let y = baseYear + 1; y <= horizon; y++) cells[y] = (spec.formula ?? '').trim();
    this.addRow({ kind: 'series', id: spec.id, label, format: spec.format, cells });
    return true;
  }

  /** Adds a row (undoable). */
  addRow(row: RowDef): void {
    this.#apply({ before: this.scenario, after: addRow(this.scenario, row), cells: undefined });
  }

  /** Deletes one of the planner's own rows (undoable); formulas that used it show #NAME?. */
  deleteRow(id: string): boolean {
    if (!this.isOwnRow(id)) return false;
    this.#apply({ before: this.scenario, after: deleteRow(this.scenario, id), cells: undefined });
    return true;
  }

  /** Renames one of the planner's own rows and every reference to it in formulas (undoable). */
  renameRow(from: string, to: string): boolean {
    if (!this.isOwnRow(from) || this.checkId(to, from)) return false;
    this.#apply({ before: this.scenario, after: renameRow(this.scenario, from, to), cells: undefined });
    return true;
  }

  /** Takes a newer version saved in another tab as one undoable step, keeping selection and history. */
  receive(scenario: Scenario): void {
    if (scenario !== this.scenario) this.#apply({ before: this.scenario, after: scenario, cells: undefined });
  }

  /** Renames the scenario (undoable). */
  setName(name: string): void {
    const trimmed = name.trim().slice(0, 200);
    if (!trimmed || trimmed === this.scenario.meta.name) return;
    this.#apply({
      before: this.scenario,
      after: { ...this.scenario, meta: { ...this.scenario.meta, name: trimmed } },
      cells: undefined,
    });
  }

  /**
   * Changes the last projected year (undoable). New years continue each row that is filled in every
   * projection year (growth rates, formula rows, the growth target) with its last input, so that a
   * longer horizon does not silently assume zero growth; sparse rows such as share targets stay blank.
   */
  setHorizon(horizon: number): void {
    if (!Number.isFinite(horizon)) return;
    const { baseYear, horizon: last } = this.scenario.meta;
    const clamped = Math.min(MAX_HORIZON, Math.max(baseYear + 1, Math.round(horizon)));
    if (clamped === last) return;
    let after: Scenario = { ...this.scenario, meta: { ...this.scenario.meta, horizon: clamped } };
    for (let year = last + 1; year <= clamped; year++) {
      for (const v of this.#model.variables) {
        if (!this.#model.isInput(v.id, last) || v.role === 'param' || v.role === 'value') continue;
        const projection = this.#model.years.filter((y) => y > baseYear);
        if (projection.some((y) => inputOf(this.scenario, v, y) === undefined)) continue;
        after = withInput(after, v.id, year, inputOf(this.scenario, v, last));
      }
    }
    this.#apply({ before: this.scenario, after, cells: undefined });
  }

  /**
   * Moves the base year forward (undoable): each sector's base becomes its current-price value in the
   * new base year (at the base year constant and current prices coincide), so the projection after it
   * is unchanged. Moving it back is refused: the years before hold recorded, not projected, figures.
   */
  setBaseYear(baseYear: number): boolean {
    const meta = this.scenario.meta;
    const year = Math.round(baseYear);
    if (!Number.isFinite(year) || year === meta.baseYear) return false;
    if (year < meta.baseYear || year >= meta.horizon) {
      this.status = { key: 'status.baseYearRange', args: { from: meta.baseYear, to: meta.horizon - 1 } };
      return false;
    }
    const i = year - meta.baseYear;
    const rows = this.scenario.rows.map((row) => {
      const nominal = this.#model.get(`${row.id}.nominal`);
      if (row.kind !== 'sector' || !nominal || nominal.errors[i]) return row;
      return { ...row, base: nominal.values[i]! };
    });
    this.#apply({
      before: this.scenario,
      after: { ...this.scenario, rows, meta: { ...meta, baseYear: year } },
      cells: undefined,
    });
    return true;
  }

  #apply(edit: Edit): void {
    this.#switchTo(edit.before, edit.after, edit.cells);
    this.#undo = [...this.#undo.slice(-(UNDO_LIMIT - 1)), edit];
    this.#redo = [];
  }

  #switchTo(from: Scenario, to: Scenario, cells: Edit['cells']): void {
    this.scenario = to;
    if (cells) {
      for (const { id, year } of cells) {
        const v = this.#model.get(id)!;
        this.#model.setInput(id, year, inputOf(to, v, year));
      }
    } else if (from !== to) {
      this.#model = new Model(to);
    }
    this.#version++;
  }

  #countEdits(): number {
    void this.#version;
    let count = 0;
    for (const v of this.#model.variables) {
      for (const year of this.#model.years) {
        if (
          this.#model.isInput(v.id, year) &&
          !sameInput(inputOf(this.scenario, v, year), inputOf(this.template.scenario, v, year))
        )
          count++;
      }
    }
    return count;
  }
}
