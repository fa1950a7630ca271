import {
  formatValue,
  localFormula,
  parseLocaleNumber,
  type CellInput,
  type Format,
  type Label,
  type Locale,
} from '../engine';
import type { Template, TemplateIssue } from '../templates';
import { readCsv } from '../templates/csv';
import { importTable, type ImportResult } from '../templates/import-table';
import { readXlsx } from '../templates/read-xlsx';
import { inputDigits, readCellText, refusedCellText } from './cell-view';
import type { TemplateStatus } from './template-editor.svelte';

/** How a figure the planner types into the template editor reads: an input (undefined clears it), or why not. */
export type TypedFigure =
  | { readonly ok: true; readonly input: CellInput | undefined }
  | { readonly ok: false; readonly problem: TemplateStatus };

/**
 * Reads a figure typed into the editor as the sheet reads a cell: numbers as the language writes them, a percent
 * as Excel's automatic percent entry, a formula after "="; a percent with thousands separators is refused.
 */
export function readFigure(text: string, locale: Locale, format: Format): TypedFigure {
  const refused = refusedCellText(text, locale, format);
  if (refused) return { ok: false, problem: { key: refused, tone: 'error' } };
  return { ok: true, input: readCellText(text, locale, format) };
}

/** The text an input of the editor shows for a figure: a number as the language writes it, a formula in its dialect. */
export function figureText(input: CellInput | undefined, locale: Locale, format: Format): string {
  if (input === undefined) return '';
  if (typeof input === 'string') return input.startsWith('=') ? localFormula(input, locale) : input;
  return formatValue(input, locale, format, inputDigits(input, format));
}

/** One part of a split as the planner types it: a name and a percentage of the whole. */
export interface TypedPart {
  readonly name: string;
  readonly percent: string;
}

/**
 * The parts of a split from what the planner typed: the named ones, each percentage read as points ("50", "50%",
 * "12,5"); a part with a name but no readable percentage gets NaN, which the editor refuses with the total.
 */
export function splitParts(parts: readonly TypedPart[], locale: Locale): { label: string; fraction: number }[] {
  return parts
    .filter((p) => p.name.trim() !== '' || p.percent.trim() !== '')
    .map((p) => ({
      label: p.name.trim(),
      fraction: parseLocaleNumber(p.percent, locale, 'percent', 'points') ?? NaN,
    }));
}

/** The total of the percentages typed, in percent, for the split form's running sum (NaN while one is unreadable). */
export function splitTotal(parts: readonly TypedPart[], locale: Locale): number {
  return splitParts(parts, locale).reduce((sum, p) => sum + p.fraction * 100, 0);
}

/** The id the spreadsheet import gives a template before the editor gives it one from its name. */
export const IMPORTED_ID = 'bang-tinh';

/**
 * Reads a spreadsheet (.xlsx, else CSV as Vietnamese Excel writes it) into a template with its preview and the
 * problems at their cells; numbers typed as text read the way the language writes them. Never throws.
 */
export async function importSpreadsheet(file: File, locale: Locale): Promise<ImportResult> {
  const name = file.name.replace(/\.[^.]*$/, '');
  const options = { locale, id: IMPORTED_ID, ...(name && { name }) };
  if (/\.xlsx$/i.test(file.name) || file.type.includes('spreadsheetml')) {
    const read = await readXlsx(file);
    if (!read.ok) return { problems: [read.problem], preview: { years: [], sectors: [], rows: [] } };
    return importTable(read.rows, options);
  }
  return importTable(readCsv(await file.text()), options);
}

/** The ids of the planner's templates, which a new one's id must avoid. */
export function takenIds(versions: readonly Template[]): Set<string> {
  return new Set(versions.map((t) => t.id));
}

/** The projection years of a template, after its base year up to its horizon. */
export function projectionYears(template: Template): number[] {
  const { baseYear, horizon } = template.scenario.meta;
  return Array.from({ length: Math.max(0, horizon - baseYear) }, (_, i) => baseYear + 1 + i);
}

/** A label with its text in one language replaced; a plain text label becomes the new text. */
export function relabelIn(label: Label, locale: Locale, text: string): Label {
  return typeof label === 'string' ? text : { ...label, [locale]: text };
}

/** The sector an issue is at ("rows.mining.base", "sources.mining.growth", "sources.mining@2025"), if any. */
export function issueSector(field: string, sectorIds: readonly string[]): string | undefined {
  const id = /^(?:rows|sources)\.([^.@]+)/.exec(field)?.[1];
  return id !== undefined && sectorIds.includes(id) ? id : undefined;
}

/** The issues of a template split into errors and warnings, each with the sector it is at. */
export function issueSummary(
  issues: readonly TemplateIssue[],
  sectorIds: readonly string[],
): Record<'error' | 'warning', { issue: TemplateIssue; sector: string | undefined }[]> {
  const summary = { error: [], warning: [] } as Record<
    'error' | 'warning',
    { issue: TemplateIssue; sector: string | undefined }[]
  >;
  for (const issue of issues) summary[issue.severity].push({ issue, sector: issueSector(issue.field, sectorIds) });
  return summary;
}
