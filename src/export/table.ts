import { cellKey, sheetColumns, sheetRows, type Format, type Locale, type RowGroup, type SheetColumn } from '../engine';
import { rowLabel } from '../state/labels';
import type { LocaleState } from '../state/locale.svelte';
import type { Sheet } from '../state/sheet.svelte';

/** One cell of an exported table: a number (a fraction on percent rows), an error code, or blank. */
export type ExportCell = number | string | null;

/** One variable of the sheet as a table row. */
export interface ExportRow {
  readonly id: string;
  /** The row's name in the export's language, e.g. "Tăng trưởng Công nghiệp chế biến, chế tạo". */
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

/** The open scenario as a plain table, ready for CSV or XLSX. */
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

/**
 * Builds the export table of a sheet. Every variable and every year is exported, whatever the grid
 * currently hides (price rows, history columns): a file is a record of the scenario, not of the view.
 */
export function buildTable(sheet: Sheet, locale: LocaleState): ExportTable {
  const lang = locale.current;
  const scenario = sheet.scenario;
  const columns = sheetColumns(scenario, sheet.model);
  const rows: ExportRow[] = [];
  const sources: ExportSource[] = [];
  for (const row of sheetRows(scenario, { prices: true })) {
    const label = rowLabel(row, locale);
    const cells = columns.map((column): ExportCell => {
      const view = sheet.view(row, column, lang);
      if (view.source !== undefined) {
        sources.push({
          key: cellKey(row.id, column.year),
          id: row.id,
          year: column.year,
          label,
          text: view.source,
          assumption: view.assumption,
        });
      }
      if (view.error) return view.error.code;
      return view.value !== undefined && Number.isFinite(view.value) ? view.value : null;
    });
    rows.push({ id: row.id, label, format: row.format, group: row.group, cells });
  }
  const t = locale.t;
  return {
    locale: lang,
    name: scenario.meta.name,
    years: columns.map((c) => c.year),
    columnKinds: columns.map((c) => c.kind),
    rows,
    sources,
    headings: {
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
    },
  };
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
