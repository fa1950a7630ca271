import type { Format, Locale, RowGroup, SheetColumn } from '../engine';
import type { MessageKey } from '../i18n';

/** One cell of an exported table: a number (a fraction on percent rows), an error code, or blank. */
export type ExportCell = number | string | null;

/** One variable of the sheet as a table row. */
export interface ExportRow {
  readonly id: string;
  /** The row's name in the export's language, e.g. "Tăng trưởng công nghiệp chế biến, chế tạo". */
  readonly label: string;
  readonly format: Format;
  readonly group: RowGroup;
  /** One per entry of `ExportTable.years`. */
  readonly cells: readonly ExportCell[];
}

/** Where one cell's figure comes from. */
export interface ExportSource {
  /** "variable@year", as the template keys its sources. */
  readonly key: string;
  readonly id: string;
  readonly year: number;
  readonly label: string;
  readonly text: string;
  readonly assumption: boolean;
}

/** The translated words an exported file needs besides the rows. */
export interface ExportHeadings {
  readonly variable: string;
  readonly id: string;
  readonly sheetData: string;
  readonly sheetSources: string;
  readonly cell: string;
  readonly year: string;
  readonly source: string;
  readonly assumption: string;
  readonly yes: string;
  readonly no: string;
}

/** The headings of an export in the language of `t`. */
export function exportHeadings(t: (key: MessageKey) => string): ExportHeadings {
  return {
    variable: t('export.variable'),
    id: t('export.id'),
    sheetData: t('export.sheetData'),
    sheetSources: t('export.sheetSources'),
    cell: t('export.cell'),
    year: t('export.year'),
    source: t('export.source'),
    assumption: t('export.assumption'),
    yes: t('export.yes'),
    no: t('export.no'),
  };
}

/**
 * A scenario as a plain table, ready for CSV or XLSX: every variable and every year, whatever a view of it hides
 * (a file is a record of the scenario, not of the view).
 */
export interface ExportTable {
  readonly locale: Locale;
  /** The scenario's name. */
  readonly name: string;
  readonly years: readonly number[];
  readonly columnKinds: readonly SheetColumn['kind'][];
  readonly rows: readonly ExportRow[];
  readonly sources: readonly ExportSource[];
  readonly headings: ExportHeadings;
}

/** A file name from the scenario's name: Vietnamese letters kept, characters Windows forbids replaced. */
export function fileName(name: string, extension: string): string {
  const safe = [...name]
    // Control characters cannot be in a file name either.
    .map((c) => (c < ' ' ? '-' : c))
    .join('')
    .replace(/[<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return `${safe.replace(/^[.-]+|[.-]+$/g, '') || 'scenario'}.${extension}`;
}
