import {
  addRow,
  BUILTIN,
  chartSeries,
  cleanText,
  checkIdentifier,
  deleteRow,
  drawModeOf,
  evaluationOf,
  hasRanges,
  inputOf,
  isCellError,
  Model,
  parseRange,
  rangeAt,
  remember,
  renameRow,
  sheetColumns,
  sheetRows,
  withDrawMode,
  withInput,
  withRange,
  withSeed,
  type CellInput,
  type DrawMode,
  type IdentifierProblem,
  type Locale,
  type MonteCarloResult,
  type RowDef,
  type Scenario,
  type SheetColumn,
  type SheetRow,
} from '../engine';
import type { SourceNote, TargetSet, Template } from '../templates/types';
import {
  cellView,
  firstAssumedYear,
  sourceNotes,
  type SourceText,
  countEdits,
  MAX_CELL_TEXT,
  readCellText,
  refusedCellText,
  sameInput,
  sourceOf,
  templateInput,
  type CellView,
} from './cell-view';
import { UndoHistory } from './history.svelte';
import { applyTargetSet } from '../templates';
import { customRow, withBaseYear, withHorizon } from './sheet-edits';
import type { CellChange, ChartLine, CustomRowSpec, SheetOptions, SheetViewOptions, Status } from './sheet-types';

export { MAX_CELL_TEXT, readCellText, refusedCellText, type CellView } from './cell-view';
export { MAX_HORIZON } from './sheet-edits';
export type * from './sheet-types';

interface Edit {
  readonly before: Scenario;
  readonly after: Scenario;
  /** Cells changed, or undefined when the structure changed and the model must be rebuilt. */
  readonly cells: readonly { id: string; year: number }[] | undefined;
}

// A scenario and the model evaluated from it, replaced together so that they are never out of step.
interface Evaluated {
  readonly scenario: Scenario;
  readonly model: Model;
}

/** The scenario being edited: inputs and their evaluated model, undo history and derived results. */
export class Sheet {
  #template = $state.raw<Template>() as Template;
  #current = $state.raw<Evaluated>() as Evaluated;
  #view = $state.raw<SheetViewOptions>({ showHistory: true, showPrices: false });
  #history = new UndoHistory<Edit>();
  // The last simulation and the scenario it ran on: its odds hold only while that scenario is the one open.
  #odds = $state.raw<{ scenario: Scenario; result: MonteCarloResult } | null>(null);
  readonly #onChange: ((scenario: Scenario) => void) | undefined;

  constructor(template: Template, scenario: Scenario = template.scenario, options: SheetOptions = {}) {
    this.#template = template;
    this.#current = { scenario, model: new Model(scenario) };
    this.#view = {
      showHistory: options.showHistory ?? true,
      showPrices: options.showPrices ?? false,
      chartLine: options.chartLine ?? 'share',
    };
    this.#onChange = options.onChange;
  }

  /** The template the scenario comes from: sources, presets and what "reset" restores. */
  get template(): Template {
    return this.#template;
  }

  /** Takes another version of the template (the scenario moved onto it); the scenario itself is not changed. */
  useTemplate(template: Template): void {
    this.#template = template;
  }

  /** The scenario as it stands; changed only through the sheet's methods. */
  get scenario(): Scenario {
    return this.#current.scenario;
  }

  /** The model evaluated from the scenario (read-only to others: the sheet keeps it in step). */
  get model(): Model {
    return this.#current.model;
  }

  /** Whether the recorded-year columns are shown. */
  get showHistory(): boolean {
    return this.#view.showHistory;
  }

  /** Whether the price-change and current-price rows are shown. */
  get showPrices(): boolean {
    return this.#view.showPrices;
  }

  /** The sheet's rows in display order (price rows only when shown). */
  readonly rows: SheetRow[] = $derived(sheetRows(this.scenario, { prices: this.showPrices }));
  /** The sheet's year columns (recorded years only when shown). */
  readonly columns: SheetColumn[] = $derived(
    sheetColumns(this.scenario, this.model).filter((c) => this.showHistory || c.kind !== 'history'),
  );
  // One evaluation per scenario: the sheet's, from its incremental model, also serves the list and the comparison.
  #evaluation = $derived.by(() => {
    const { model, scenario } = this.#current;
    const evaluation = evaluationOf(model, scenario);
    remember(scenario, evaluation);
    return evaluation;
  });
  /** The cards' figures: shares against their targets, average growth, the year the target is met. */
  readonly headline = $derived(this.#evaluation.headline);
  /** The chart's series: GRDP by sector, the focus share, history and targets. */
  readonly chart = $derived(
    this.chartLine === 'perCapita'
      ? chartSeries(this.#current.model, this.#current.scenario, BUILTIN.grdpPerCapitaUsd)
      : this.#evaluation.chart,
  );
  /** The odds of the last simulation, if it ran on the scenario as it stands (an edit hides them, undo brings them back). */
  readonly odds: MonteCarloResult | null = $derived(this.#odds?.scenario === this.scenario ? this.#odds.result : null);
  /** Whether any input cell holds a range. */
  readonly hasRanges = $derived.by(() => hasRanges(this.scenario));
  /** Whether there is an edit to undo. */
  readonly canUndo = $derived(this.#history.canUndo);
  /** Whether there is an undone edit to redo. */
  readonly canRedo = $derived(this.#history.canRedo);
  /** How many input cells differ from the template. */
  readonly editCount = $derived(countEdits(this.#context()));
  /** Anything but the name differs from the template, cells or structure (rows, years). */
  readonly canReset = $derived.by(
    () =>
      this.scenario !== this.template.scenario &&
      JSON.stringify(this.scenario) !== JSON.stringify(this.#templateNamed(this.scenario.meta.name)),
  );

  /** What the chart's line shows; per capita only where the scenario declares population and rate. */
  get chartLine(): ChartLine {
    return this.#view.chartLine === 'perCapita' && this.scenario.meta.perCapita ? 'perCapita' : 'share';
  }

  /** Switches the chart's line between the focus share and GRDP per capita. */
  setChartLine(line: ChartLine): void {
    this.#view = { ...this.#view, chartLine: line };
  }

  /** Shows or hides the recorded-year columns. */
  setShowHistory(show: boolean): void {
    this.#view = { ...this.#view, showHistory: show };
  }

  /** Shows or hides the price-change and current-price rows. */
  setShowPrices(show: boolean): void {
    this.#view = { ...this.#view, showPrices: show };
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

  /** Source of a cell's figure in the template, if any. */
  sourceOf(id: string, year: number): SourceNote | undefined {
    return sourceOf(this.template, id, year);
  }

  /** Each distinct source note of the sheet's figures once, in the order the sheet shows them. */
  sourceNotes(locale: Locale): SourceText[] {
    return sourceNotes(this.#context(), this.columns, locale);
  }

  /** The target sets the template offers (none: the scenario's own targets only). */
  get targetSets(): readonly TargetSet[] {
    return this.template.targetSets ?? [];
  }

  /** The id of the target set the scenario is checked against: the one it names, else the template's first. */
  get targetSet(): string | undefined {
    return this.scenario.meta.targetSet ?? this.targetSets[0]?.id;
  }

  /** Checks the scenario against another of the template's target sets (undoable); false for a set it lacks. */
  setTargetSet(id: string): boolean {
    const set = this.targetSets.find((s) => s.id === id);
    if (!set) return false;
    if (id !== this.targetSet) this.#applyIfChanged(applyTargetSet(this.scenario, set));
    return true;
  }

  /** Whether a row is the planner's own (not in the template), so it may be renamed or deleted. */
  isOwnRow(id: string): boolean {
    return this.scenario.rows.some((r) => r.id === id) && !this.template.scenario.rows.some((r) => r.id === id);
  }

  /** What to show in one cell. */
  view(row: SheetRow, column: SheetColumn, locale: Locale): CellView {
    return cellView(this.#context(), row, column, locale);
  }

  /** Applies typed text (a number, formula or range read in the locale) to a cell; returns why not, if refused. */
  setCellText(id: string, year: number, text: string, locale: Locale): Status | undefined {
    const v = this.model.get(id);
    if (!v || !this.model.isInput(id, year)) return { key: 'status.readOnly' };
    const refused = refusedCellText(text, locale, v.format);
    if (refused) return { key: refused, tone: 'error' };
    const range = parseRange(text.trim().slice(0, MAX_CELL_TEXT), locale, v.format, 'excel');
    if (range === undefined) this.setCells([{ id, year, input: readCellText(text, locale, v.format) }]);
    // A mistyped range is refused with its reason; the cell keeps what it had.
    else if (isCellError(range)) return { key: 'status.badRange', tone: 'error', error: range };
    else
      this.#apply({ before: this.scenario, after: withRange(this.scenario, id, year, range), cells: [{ id, year }] });
    return undefined;
  }

  /** The first projection year of a row whose figure is an assumption, not a published fact. */
  firstAssumedYear(id: string): number {
    return firstAssumedYear(this.#context(), id);
  }

  /** The range a cell holds, if any. */
  rangeAt(id: string, year: number): ReturnType<typeof rangeAt> {
    return rangeAt(this.scenario, id, year);
  }

  /** How a row's ranges are drawn in a Monte Carlo run. */
  drawMode(id: string): DrawMode {
    return drawModeOf(this.scenario, id);
  }

  /** Draws a row's ranges once per run or independently each year, as one undoable edit. */
  setDrawMode(id: string, draw: DrawMode): void {
    this.#applyIfChanged(withDrawMode(this.scenario, id, draw), []);
  }

  /** Records a simulation's result for the scenario it ran on. */
  setOdds(scenario: Scenario, result: MonteCarloResult): void {
    this.#odds = { scenario, result };
  }

  /** Sets the Monte Carlo seed, as one undoable edit. */
  setSeed(seed: number): void {
    if (seed !== this.scenario.seed) this.#applyIfChanged(withSeed(this.scenario, seed), []);
  }

  /** Applies several input changes as one undoable edit; changes to computed cells are ignored. Returns how many. */
  setCells(changes: readonly CellChange[]): number {
    // A number typed over a range replaces the range even where it equals the range's centre.
    const accepted = changes.filter(
      (c) =>
        this.model.isInput(c.id, c.year) &&
        (!sameInput(c.input, this.inputAt(c.id, c.year)) || rangeAt(this.scenario, c.id, c.year) !== undefined),
    );
    if (accepted.length === 0) return 0;
    const before = this.scenario;
    let after = before;
    for (const c of accepted) after = withInput(after, c.id, c.year, c.input);
    this.#apply({ before, after, cells: accepted.map(({ id, year }) => ({ id, year })) });
    return accepted.length;
  }

  /** Copies a cell's input to the input cells to its right in the same row; returns how many changed. */
  fillRight(id: string, year: number): number {
    const input = this.inputAt(id, year);
    const targets = this.model.years.filter((y) => y > year && this.model.isInput(id, y));
    return this.setCells(targets.map((y) => ({ id, year: y, input })));
  }

  /**
   * Restores cells to their template inputs. A sector's base value or a parameter that the template does not have
   * for that year (after the base year moved) is left alone rather than zeroed: those are counted as missing.
   */
  resetCells(cells: readonly { id: string; year: number }[]): { reset: number; missing: number } {
    const changes: CellChange[] = [];
    let missing = 0;
    for (const { id, year } of cells) {
      const input = templateInput(this.#context(), id, year);
      const role = this.model.get(id)?.role;
      if (input === undefined && (role === 'value' || role === 'param')) missing++;
      else changes.push({ id, year, input });
    }
    return { reset: this.setCells(changes), missing };
  }

  /** Restores the whole scenario to the template (undoable). */
  resetAll(): void {
    if (this.canReset) this.#applyIfChanged(this.#templateNamed(this.scenario.meta.name));
  }

  /** Undoes the last edit; false when there was none. */
  undo(): boolean {
    const edit = this.#history.undo();
    if (edit) this.#switchTo(edit.after, edit.before, edit.cells);
    return !!edit;
  }

  /** Redoes the last undone edit; false when there was none. */
  redo(): boolean {
    const edit = this.#history.redo();
    if (edit) this.#switchTo(edit.before, edit.after, edit.cells);
    return !!edit;
  }

  /** Why an identifier cannot name a new or renamed row, if it cannot. */
  checkId(id: string, except?: string): IdentifierProblem | undefined {
    return checkIdentifier(this.scenario, id, except);
  }

  /** Adds a planner's own row from the form: an input series, a formula row or a parameter (undoable). */
  addCustomRow(spec: CustomRowSpec, locale: Locale): boolean {
    if (this.checkId(spec.id)) return false;
    this.addRow(customRow(spec, this.scenario, locale));
    return true;
  }

  /** Adds a row (undoable). */
  addRow(row: RowDef): void {
    this.#applyIfChanged(addRow(this.scenario, row));
  }

  /** Deletes one of the planner's own rows (undoable); formulas that used it show #NAME?. */
  deleteRow(id: string): boolean {
    if (!this.isOwnRow(id)) return false;
    this.#applyIfChanged(deleteRow(this.scenario, id));
    return true;
  }

  /** Renames one of the planner's own rows and every reference to it in formulas (undoable). */
  renameRow(from: string, to: string): boolean {
    if (!this.isOwnRow(from) || this.checkId(to, from)) return false;
    this.#applyIfChanged(renameRow(this.scenario, from, to));
    return true;
  }

  /** Takes a newer version saved in another tab as one undoable step, keeping selection and history. */
  receive(scenario: Scenario): void {
    this.#applyIfChanged(scenario);
  }

  /** Renames the scenario (undoable). */
  setName(name: string): void {
    const trimmed = cleanText(name).trim().slice(0, 200);
    if (!trimmed || trimmed === this.scenario.meta.name) return;
    this.#applyIfChanged({ ...this.scenario, meta: { ...this.scenario.meta, name: trimmed } });
  }

  /** Changes the last projected year (undoable); see withHorizon for how new years are filled. */
  setHorizon(horizon: number): void {
    this.#applyIfChanged(withHorizon(this.scenario, this.model, horizon));
  }

  /** Moves the base year forward (undoable), rebasing sectors so the projection is unchanged; returns why not. */
  setBaseYear(baseYear: number): Status | undefined {
    const after = withBaseYear(this.scenario, this.model, baseYear);
    const { baseYear: from, horizon } = this.scenario.meta;
    if (after === 'range') return { key: 'status.baseYearRange', args: { from, to: horizon - 1 } };
    this.#applyIfChanged(after);
    return undefined;
  }

  #context() {
    return { scenario: this.#current.scenario, model: this.#current.model, template: this.template };
  }

  // The template under this scenario's name: what "reset to template" restores.
  #templateNamed(name: string): Scenario {
    const template = this.template.scenario;
    return name === template.meta.name ? template : { ...template, meta: { ...template.meta, name } };
  }

  // A structural edit (or one of no cells): the model is rebuilt unless cells are given.
  #applyIfChanged(after: Scenario, cells?: Edit['cells']): void {
    if (after !== this.scenario) this.#apply({ before: this.scenario, after, cells });
  }

  #apply(edit: Edit): void {
    this.#switchTo(edit.before, edit.after, edit.cells);
    this.#history.push(edit);
  }

  #switchTo(from: Scenario, to: Scenario, cells: Edit['cells']): void {
    let model = this.#current.model;
    if (cells) {
      for (const { id, year } of cells) model.setInput(id, year, inputOf(to, model.get(id)!, year));
    } else if (from !== to) {
      model = new Model(to);
    }
    this.#current = { scenario: to, model };
    this.#onChange?.(to);
  }
}
