import type { Locale } from '../engine';
import type { ExportCell, ExportRow, ExportTable } from './table';

/** The UTF-8 byte-order mark: without it Excel reads a CSV as the Windows code page and garbles "Công nghiệp". */
export const BOM = '\uFEFF';

/**
 * Field separator and decimal mark per language. Excel opens a double-clicked CSV with the Windows
 * "list separator", which is ';' wherever the decimal mark is a comma (Vietnamese settings: 1.234,5),
 * so a vi file uses ';' and decimal commas; an en file uses ',' and decimal points. A "sep=;" first
 * line would force the separator but makes Excel ignore the BOM, so it is not written.
 */
export const CSV_STYLE: Readonly<Record<Locale, { separator: string; decimal: string }>> = {
  vi: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
};

// Ten decimals keep every typed or computed figure (GRDP in billions, rates in percent) without binary noise
// such as 12.300000000000001, and never switch to exponent notation the way String(1e-7) does.
function plainNumber(value: number, decimal: string): string {
  let text = value.toFixed(10).replace(/\.?0+$/, '');
  if (text === '-0') text = '0';
  return decimal === '.' ? text : text.replace('.', decimal);
}

/**
 * A cell as CSV text. Percent rows are written as percentages with a '%' sign ("12,3%" / "12.3%"): Excel
 * reads that as the fraction 0.123 shown in a percent format, which is what the model holds, so the
 * value survives the round trip and the planner sees the same figure as in the grid.
 */
export function csvCell(cell: ExportCell, format: ExportRow['format'], locale: Locale): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  const { decimal } = CSV_STYLE[locale];
  return format === 'percent' ? `${plainNumber(cell * 100, decimal)}%` : plainNumber(cell, decimal);
}

function quote(field: string, separator: string): string {
  // A label typed as "=1+1" or "@x" would run as a formula in Excel: a leading apostrophe keeps it text.
  const safe = /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
  return /["\r\n]/.test(safe) || safe.includes(separator) || /^\s|\s$/.test(safe)
    ? `"${safe.replace(/"/g, '""')}"`
    : safe;
}

/** The table as CSV: BOM, a header row (indicator, id, years), then one row per variable; CRLF line ends. */
export function toCsv(table: ExportTable, locale: Locale = table.locale): string {
  const { separator } = CSV_STYLE[locale];
  const lines = [
    [quote(table.headings.variable, separator), quote(table.headings.id, separator), ...table.years.map(String)],
    ...table.rows.map((row) => [
      quote(row.label, separator),
      quote(row.id, separator),
      // Numbers are never quoted: with ';' separating fields a decimal comma needs no quoting.
      ...row.cells.map((cell) =>
        typeof cell === 'number'
          ? csvCell(cell, row.format, locale)
          : quote(csvCell(cell, row.format, locale), separator),
      ),
    ]),
  ];
  return BOM + lines.map((fields) => fields.join(separator)).join('\r\n') + '\r\n';
}

/** The CSV as a downloadable file; the BOM is part of the text, so the Blob starts with EF BB BF. */
export function csvBlob(table: ExportTable, locale: Locale = table.locale): Blob {
  return new Blob([toCsv(table, locale)], { type: 'text/csv;charset=utf-8' });
}
