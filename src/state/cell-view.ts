import {
  cellKey,
  sheetRows,
  formatRange,
  formatValue,
  canonicalFormula,
  inputOf,
  isThousandsGrouped,
  localFormula,
  own,
  parseLocaleNumber,
  rangeAt,
  type CellError,
  type CellInput,
  type Format,
  type Locale,
  type Model,
  type Scenario,
  type SheetColumn,
  type SheetRow,
} from '../engine';
import type { SourceNote, Template } from '../templates/types';

/** Longest text a cell keeps; anything longer is an error value either way. */
export const MAX_CELL_TEXT = 2000;

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

/** A scenario with its evaluated model and the template it started from: what a cell is shown from. */
export interface CellContext {
  readonly scenario: Scenario;
  readonly model: Model;
  readonly template: Template;
}

const EMPTY: CellView = {
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

/**
 * Converts typed or pasted text into a cell input: blank, a formula (stored in the one form both languages read), a
 * number read as Excel reads it in the locale (in a percent row "0,2045" is 20,45%), or kept text.
 */
export function readCellText(text: string, locale: Locale, format: Format): CellInput | undefined {
  const trimmed = text.trim().slice(0, MAX_CELL_TEXT);
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('=')) return canonicalFormula(trimmed, locale);
  return parseLocaleNumber(trimmed, locale, format, 'excel') ?? trimmed;
}

/** Why typed text is refused for a cell, or undefined: a percent written with thousands separators ("38.843"). */
export function refusedCellText(text: string, locale: Locale, format: Format): 'status.percentThousands' | undefined {
  return format === 'percent' && isThousandsGrouped(text, locale) ? 'status.percentThousands' : undefined;
}

/** Whether two inputs are the same (numbers within rounding noise). */
export function sameInput(a: CellInput | undefined, b: CellInput | undefined): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-12);
}

/** The decimals an input is shown with: the precision it was typed with (20.45%), at least one, at most three. */
export function inputDigits(value: number, format: Format): number {
  const scaled = format === 'percent' ? value * 100 : value;
  for (let d = 1; d < 3; d++) if (Math.abs(Math.round(scaled * 10 ** d) - scaled * 10 ** d) < 1e-6) return d;
  return 3;
}

/** Source of a cell's figure in the template: the cell's own note, else its row's. */
export function sourceOf(template: Template, id: string, year: number): SourceNote | undefined {
  const sources = template.sources;
  const key = cellKey(id, year);
  // Own keys only: a row named "constructor" must not find Object.prototype.constructor.
  if (Object.hasOwn(sources, key)) return sources[key];
  return Object.hasOwn(sources, id) ? sources[id] : undefined;
}

/** The template's input in a cell, which Delete and reset restore. */
export function templateInput(ctx: CellContext, id: string, year: number): CellInput | undefined {
  const v = ctx.model.get(id);
  return v ? inputOf(ctx.template.scenario, v, year) : undefined;
}

/** What to show in one cell, in the view's language. */
export function cellView(ctx: CellContext, row: SheetRow, column: SheetColumn, locale: Locale): CellView {
  const { model, scenario } = ctx;
  const { id, format } = row;
  const year = column.year;
  const i = year - model.baseYear;
  const v = model.get(id);
  const note = sourceOf(ctx.template, id, year);
  // A label picked here, not with i18n's labelText: this module also loads with the template editor, and importing
  // the dictionaries' module from there splits the start chunk.
  const source = note ? (typeof note.text === 'string' ? note.text : note.text[locale]) : undefined;
  const outside = !v || i < 0 || i >= model.years.length;
  if (outside || v.recorded[i]) {
    const history = outside ? own(scenario.history, id)?.[year] : v.values[i];
    if (history === undefined) return EMPTY;
    return { ...EMPTY, kind: 'history', text: formatValue(history, locale, format, 1), value: history, source };
  }
  const isInput = model.isInput(id, year);
  if ((row.role === 'param' && i > 0) || (!isInput && v.blank[i])) return EMPTY;
  const error = v.errors[i] ?? undefined;
  const value = error ? undefined : v.values[i];
  if (!isInput) {
    const text = error ? error.code : formatValue(value!, locale, format, 1);
    return { ...EMPTY, kind: 'computed', text, value, error };
  }
  const input = inputOf(scenario, v, year);
  const template = templateInput(ctx, id, year);
  const changed = !sameInput(input, template);
  const formula = typeof input === 'string' && input.startsWith('=') ? localFormula(input, locale) : undefined;
  const ranged = rangeAt(scenario, id, year);
  let text = '';
  if (error) text = error.code;
  else if (!v.blank[i]) text = formatValue(value!, locale, format, formula ? 1 : inputDigits(value!, format));
  return {
    kind: 'input',
    text,
    value,
    error,
    formula,
    range: ranged ? formatRange(ranged, locale, format) : undefined,
    changed,
    source,
    assumption: !!note?.assumption,
    templateText: changed ? inputText(template, locale, format) : undefined,
  };
}

// The template's input as the view writes it: '' for a blank, a number with the digits it was typed with.
function inputText(input: CellInput | undefined, locale: Locale, format: Format): string {
  if (input === undefined) return '';
  return typeof input === 'number' ? formatValue(input, locale, format, inputDigits(input, format)) : input;
}

/** How many input cells of the scenario differ from the template's. */
export function countEdits(ctx: CellContext): number {
  const { model, scenario, template } = ctx;
  let count = 0;
  for (const v of model.variables) {
    for (const year of model.years) {
      if (model.isInput(v.id, year) && !sameInput(inputOf(scenario, v, year), inputOf(template.scenario, v, year)))
        count++;
    }
  }
  return count;
}

/** A source note as the view writes it. */
export interface SourceText {
  readonly text: string;
  readonly assumption: boolean;
}

/** Each distinct source note of the sheet's figures once (price rows included), in the order the sheet shows them. */
export function sourceNotes(ctx: CellContext, columns: readonly SheetColumn[], locale: Locale): SourceText[] {
  const notes: SourceText[] = [];
  const seen = new Set<string>();
  for (const row of sheetRows(ctx.scenario, { prices: true })) {
    for (const column of columns) {
      const { source, assumption } = cellView(ctx, row, column, locale);
      if (source && !seen.has(source)) {
        seen.add(source);
        notes.push({ text: source, assumption });
      }
    }
  }
  return notes;
}

/**
 * The first projection year of a row whose figure is assumed: cells backed by a published source (not flagged as an
 * assumption, such as the template's 2024 growth) are facts that what-would-it-take answers leave alone.
 */
export function firstAssumedYear(ctx: CellContext, id: string): number {
  const { baseYear, horizon } = ctx.scenario.meta;
  for (let year = baseYear + 1; year < horizon; year++) {
    const note = sourceOf(ctx.template, id, year);
    if (!note || note.assumption) return year;
  }
  return horizon;
}
