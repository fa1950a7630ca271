import type { Cell, Row, Sheet } from 'write-excel-file/browser';
import type { Locale } from '../engine';
import { writeCsv } from '../templates/csv';
import { exampleTable, type ExampleCell } from '../templates/example-table';
import { isPercentRow } from '../templates/table-layout';
import type { Template } from '../templates/types';
import { BOM, CSV_STYLE, csvCell } from './csv';
import type { ExportFile } from './index';
import { fileName } from './table';

/** Number format of the example's percent cells: two decimals, as planners publish rates (20.45%). */
export const EXAMPLE_PERCENT_FORMAT = '0.00%';

// The sheet's name in the workbook, per language (Excel allows 31 characters).
const SHEET: Readonly<Record<Locale, string>> = { vi: 'Mẫu tỉnh', en: 'Province template' };

// Text that Excel would run as a formula ("=…", "-…") keeps a leading apostrophe, which the import takes off.
const asText = (text: string): string => (/^[=+\-@]/.test(text) ? `'${text}` : text);

/**
 * A template as the example CSV: UTF-8 with a byte-order mark, the language's separator and decimal mark (';' and
 * 6,5% in Vietnamese), percentages written with their % sign so Excel and the import read them as percent.
 */
export function exampleCsv(template: Template, locale: Locale): string {
  const rows = exampleTable(template, locale).map((row) => {
    const format = isPercentRow(row) ? 'percent' : 'number';
    return row.map((cell) => (typeof cell === 'string' ? asText(cell) : csvCell(cell, format, locale)));
  });
  return BOM + writeCsv(rows, CSV_STYLE[locale].separator as ';' | ',');
}

/** A template as the example workbook's one sheet: numbers as numbers, percentages in a percent format. */
export function exampleSheet(template: Template, locale: Locale): Sheet<Blob> {
  const table = exampleTable(template, locale);
  const header = table[0] ?? [];
  const data: Row[] = table.map((row, r) => {
    const percent = r > 0 && isPercentRow(row);
    return row.map((cell: ExampleCell): Cell => {
      if (cell === null) return null;
      if (typeof cell === 'string') return r === 0 ? { value: cell, fontWeight: 'bold' } : cell;
      if (r === 0) return { value: cell, type: Number, format: '0', fontWeight: 'bold' };
      return percent ? { value: cell, type: Number, format: EXAMPLE_PERCENT_FORMAT } : { value: cell, type: Number };
    });
  });
  const width = (cell: ExampleCell, c: number) =>
    typeof cell === 'number' ? 10 : c === 0 ? 44 : c === header.length - 2 ? 60 : c === 1 ? 34 : 12;
  return {
    sheet: SHEET[locale],
    data,
    columns: header.map((cell, c) => ({ width: width(cell, c) })),
    stickyRowsCount: 1,
    stickyColumnsCount: 2,
  };
}

/**
 * The example file of a template, for planners to fill in Excel and import: a .csv, or an .xlsx whose writer is
 * loaded on first use so it stays out of the start bundle.
 */
export async function templateExampleFile(
  template: Template,
  locale: Locale,
  kind: 'csv' | 'xlsx',
): Promise<ExportFile> {
  const label = typeof template.label === 'string' ? template.label : template.label[locale];
  const name = fileName(label, kind);
  if (kind === 'csv')
    return { name, blob: new Blob([exampleCsv(template, locale)], { type: 'text/csv;charset=utf-8' }) };
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  return { name, blob: await writeXlsxFile([exampleSheet(template, locale)]).toBlob() };
}
