import { TABLE_LIMITS } from './table-layout';

/** The field separators a CSV may use: Excel writes ';' where the decimal mark is a comma, as in Vietnam. */
export type CsvSeparator = ',' | ';' | '\t';

const SEPARATORS: readonly CsvSeparator[] = [';', ',', '\t'];

/**
 * The separator of a CSV: the one an Excel "sep=" first line names, else the one that occurs most often outside
 * quotes on the first line (';' on a tie, as Vietnamese Excel writes).
 */
export function csvSeparator(text: string): CsvSeparator {
  const hint = /^\uFEFF?sep=([,;\t])\r?\n/.exec(text);
  if (hint) return hint[1] as CsvSeparator;
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of text.replace(/^\uFEFF/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return SEPARATORS.reduce((best, s) => ((counts.get(s) ?? 0) > (counts.get(best) ?? 0) ? s : best));
}

/**
 * Reads CSV text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes; CRLF, LF or CR line ends; a
 * byte-order mark and an Excel "sep=" line) into rows of text fields. Keeps at most `limits` rows and fields per row,
 * one more than the import reads, so it can say the sheet was larger. Never throws: an unclosed quote runs to the end.
 */
export function readCsv(
  text: string,
  separator: CsvSeparator = csvSeparator(text),
  limits = { rows: TABLE_LIMITS.rows + 1, columns: TABLE_LIMITS.columns + 1 },
): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  const hint = /^sep=[,;\t]\r?\n/.exec(text.slice(i));
  if (hint) i += hint[0].length;
  const endField = () => {
    if (row.length < limits.columns) row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length && rows.length < limits.rows) {
    const ch = text[i]!;
    if (ch === '"' && field === '') {
      // A quoted field: up to the closing quote, a doubled quote standing for one.
      let end = i + 1;
      for (;;) {
        const close = text.indexOf('"', end);
        if (close < 0) {
          field += text.slice(end);
          end = text.length;
          break;
        }
        field += text.slice(end, close);
        if (text[close + 1] !== '"') {
          end = close + 1;
          break;
        }
        field += '"';
        end = close + 2;
      }
      i = end;
      // Text after the closing quote (not RFC 4180, but Excel keeps it) belongs to the field.
      continue;
    }
    if (ch === separator) endField();
    else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  // The last line needs no line break; a file that ends with one has no empty row after it.
  if ((field !== '' || row.length > 0) && rows.length < limits.rows) endRow();
  return rows;
}

/**
 * Writes rows of text fields as CSV lines joined by CRLF (with a final CRLF), quoting a field that holds the
 * separator, a quote, a line break or spaces at either end.
 */
export function writeCsv(rows: readonly (readonly string[])[], separator: CsvSeparator): string {
  const quote = (field: string) =>
    field.includes(separator) || /["\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
  return rows.map((fields) => fields.map(quote).join(separator) + '\r\n').join('');
}
