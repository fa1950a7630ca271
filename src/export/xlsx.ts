import type { Cell, Row, Sheet as XlsxSheet } from 'write-excel-file/browser';
import type { ExportTable } from './table';

/** Number format of percent rows: the cell holds the fraction 0.123 and shows 12.3%. */
export const PERCENT_FORMAT = '0.0%';
/** Number format of value rows: thousands separated, one decimal (Excel localises the marks). */
export const VALUE_FORMAT = '#,##0.0';
// Years are numbers so formulas and charts can use them, but must not show as "2.025".
const YEAR_FORMAT = '0';

// Excel refuses sheet names over 31 characters or with []:*?/\.
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
}

/** The workbook's sheets: the scenario (one row per variable, one column per year) and its sources. */
export function workbookSheets(table: ExportTable): XlsxSheet<Blob>[] {
  const h = table.headings;
  const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });
  const header: Row = [
    bold(h.variable),
    bold(h.id),
    ...table.years.map((year): Cell => ({ value: year, type: Number, format: YEAR_FORMAT, fontWeight: 'bold' })),
  ];
  const rows: Row[] = table.rows.map((row) => [
    row.label,
    row.id,
    ...row.cells.map((cell): Cell => {
      if (cell === null) return null;
      if (typeof cell === 'string') return { value: cell, type: String, align: 'right' };
      return { value: cell, type: Number, format: row.format === 'percent' ? PERCENT_FORMAT : VALUE_FORMAT };
    }),
  ]);
  const sources: Row[] = [
    [bold(h.cell), bold(h.variable), bold(h.year), bold(h.source), bold(h.assumption)],
    ...table.sources.map((s): Row => [
      s.key,
      s.label,
      { value: s.year, type: Number, format: YEAR_FORMAT },
      s.text,
      s.assumption ? h.yes : h.no,
    ]),
  ];
  return [
    {
      sheet: sheetName(h.sheetData),
      data: [header, ...rows],
      columns: [{ width: 48 }, { width: 26 }, ...table.years.map(() => ({ width: 11 }))],
      stickyRowsCount: 1,
      stickyColumnsCount: 1,
    },
    {
      sheet: sheetName(h.sheetSources),
      data: sources,
      columns: [{ width: 28 }, { width: 48 }, { width: 8 }, { width: 90 }, { width: 11 }],
      stickyRowsCount: 1,
    },
  ];
}

/** Writes the table as an .xlsx Blob; the writer is loaded on first use so it stays out of the start bundle. */
export async function toXlsx(table: ExportTable): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  return writeXlsxFile(workbookSheets(table)).toBlob();
}
