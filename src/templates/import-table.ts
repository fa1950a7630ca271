import { LIMITS, type EconomicGroup, type Locale } from '../engine';
import { ProblemList, type ImportProblem } from './import-problems';
import {
  buildTemplate,
  type SectorEntry,
  type TableEntry,
  type TableRows,
  type TemplatePreview,
} from './table-template';
import { readFigure } from './table-cells';
import {
  assumptionMark,
  cellRef,
  cellText,
  groupOf,
  headerOf,
  indicatorOf,
  INDICATORS,
  isBlank,
  findHeaderRow,
  normalised,
  sectorKey,
  TABLE_LIMITS,
  type Column,
  type Indicator,
} from './table-layout';
import type { SourceNote, Template } from './types';

export type { ImportProblem, ImportProblemKey } from './import-problems';

/** How a sheet is read. */
export interface ImportOptions {
  /** How numbers typed as text are written: Vietnamese 6,5% and 315.800, or English 6.5% and 315,800. */
  readonly locale: Locale;
  /** The new template's id. */
  readonly id: string;
  /** The name to give when the sheet names no province (a file name). */
  readonly name?: string;
}

/** One row of the sheet as it was read. */
export interface PreviewRow {
  /** The row number as Excel shows it. */
  readonly row: number;
  readonly indicator: Indicator;
  /** The sector's name, for a sector's row. */
  readonly sector?: string;
  /** How many figures were read from it. */
  readonly figures: number;
}

/** What was read from a sheet, shown before the planner accepts it, errors or not. */
export interface ImportPreview extends TemplatePreview {
  /** The header's row number as Excel shows it. */
  readonly headerRow?: number;
  readonly years: readonly number[];
  readonly rows: readonly PreviewRow[];
}

/** The outcome of an import: the template when nothing is in error, every problem, and what was read. */
export interface ImportResult {
  readonly template?: Template;
  readonly problems: readonly ImportProblem[];
  readonly preview: ImportPreview;
}

interface Header {
  readonly row: number;
  readonly columns: ReadonlyMap<Column, number>;
  readonly years: readonly { readonly year: number; readonly column: number }[];
}

// Texts quoted in a message are cut short: a message is a line, not a copy of the cell.
const quoted = (cell: unknown): string => cellText(cell).slice(0, 60);

/**
 * Reads a planner's table (rows of cell values as a CSV or .xlsx reader gives them) in the layout of table-layout.ts
 * into a template. Never throws for what the table holds: what cannot be read is a problem at its cell.
 */
export function importTable(cells: unknown, options: ImportOptions): ImportResult {
  const problems = new ProblemList();
  const sheet = sheetOf(cells, problems);
  const empty: ImportPreview = { years: [], sectors: [], rows: [] };
  if (!sheet.some((row) => row.some((cell) => !isBlank(cell)))) {
    problems.error('tableImport.empty');
    return { problems: problems.list, preview: empty };
  }
  const header = findHeader(sheet, problems);
  if (!header) {
    problems.error('tableImport.noHeader');
    return { problems: problems.list, preview: empty };
  }
  const entries = readRows(sheet, header, options.locale, problems);
  const { template, preview } = buildTemplate(entries, options, problems);
  const read: ImportPreview = {
    ...preview,
    headerRow: header.row + 1,
    years: header.years.map((y) => y.year),
    rows: entries.rows.map((e) => ({
      row: e.row + 1,
      indicator: e.indicator,
      ...(e.sector ? { sector: e.sector.name } : {}),
      figures: e.figures.length,
    })),
  };
  // buildTemplate gives a template only when no problem is an error.
  return { ...(template ? { template } : {}), problems: problems.list, preview: read };
}

// The table as rows of cells, within the limits; anything that is not an array reads as nothing.
function sheetOf(cells: unknown, problems: ProblemList): unknown[][] {
  if (!Array.isArray(cells)) return [];
  const { rows, columns } = TABLE_LIMITS;
  const sheet = cells.slice(0, rows).map((row: unknown) => (Array.isArray(row) ? row.slice(0, columns) : []));
  const wide = cells
    .slice(0, rows)
    .some((row: unknown) => Array.isArray(row) && row.slice(columns).some((c) => !isBlank(c)));
  if (cells.length > rows || wide) problems.warn('tableImport.tooLarge', undefined, { rows, columns });
  return sheet;
}

// The header: its row, the named columns and the year columns; a header without a sector column is none.
function findHeader(sheet: readonly unknown[][], problems: ProblemList): Header | undefined {
  const r = findHeaderRow(sheet);
  if (r === undefined) return undefined;
  const named = sheet[r]!.map(headerOf);
  const columns = new Map<Column, number>();
  const years: { year: number; column: number }[] = [];
  named.forEach((h, c) => {
    const at = cellRef(r, c);
    const cell = sheet[r]![c];
    if (h === undefined) {
      if (!isBlank(cell)) problems.warn('tableImport.notYear', at, { text: quoted(cell) });
    } else if (typeof h === 'number' ? years.some((y) => y.year === h) : columns.has(h)) {
      problems.warn('tableImport.duplicate', at);
    } else if (typeof h === 'number') {
      years.push({ year: h, column: c });
    } else {
      columns.set(h, c);
    }
  });
  if (!columns.has('sector')) return undefined;
  if (years.length > LIMITS.cellsPerRow) {
    problems.warn('tableImport.tooLarge', undefined, { rows: TABLE_LIMITS.rows, columns: LIMITS.cellsPerRow });
  }
  return { row: r, columns, years: years.slice(0, LIMITS.cellsPerRow) };
}

// Each data row below the header as an entry: what it holds, its sector, its figures and their source.
function readRows(sheet: readonly unknown[][], header: Header, locale: Locale, problems: ProblemList): TableRows {
  const col = (name: Column) => header.columns.get(name);
  const settings = new Map<Indicator, { value: unknown; at: string }>();
  const sectors = new Map<string, SectorEntry>();
  const rows: TableEntry[] = [];
  const indicatorColumn = col('indicator')!;
  const sectorColumn = col('sector')!;
  for (let r = header.row + 1; r < sheet.length; r++) {
    const row = sheet[r]!;
    const at = (c: number) => cellRef(r, c);
    if (!row.some((cell) => !isBlank(cell))) continue;
    const indicator = indicatorOf(row[indicatorColumn]);
    if (!indicator) {
      problems.warn('tableImport.unknownIndicator', at(indicatorColumn), { text: quoted(row[indicatorColumn]) });
      continue;
    }
    const spec = INDICATORS[indicator];
    const named = row[sectorColumn];
    if (spec.kind === 'setting') {
      if (settings.has(indicator)) problems.warn('tableImport.duplicate', at(sectorColumn));
      else settings.set(indicator, { value: named, at: at(sectorColumn) });
      continue;
    }
    let sector: SectorEntry | undefined;
    if (spec.kind === 'sector') {
      sector = sectorNamed(named, at(sectorColumn), sectors, problems);
      if (!sector) {
        problems.warn('tableImport.noSector', at(sectorColumn));
        continue;
      }
    }
    let group: EconomicGroup | undefined;
    if (indicator === 'structure') {
      group = groupOf(named);
      if (!group) {
        problems.warn('tableImport.unknownSector', at(sectorColumn), { text: quoted(named) });
        continue;
      }
    }
    if (sector) readGroup(row, col('group'), at, sector, problems);
    const figures = header.years.flatMap(({ year, column }) => {
      const figure = readFigure(row[column], spec.format, locale);
      if (figure.kind === 'problem') problems.warn(figure.key, at(column), { text: quoted(row[column]) });
      return figure.kind === 'number' ? [{ year, value: figure.value, at: at(column) }] : [];
    });
    rows.push({
      indicator,
      row: r,
      ...(sector ? { sector } : {}),
      ...(group ? { group } : {}),
      ...(isBlank(named) ? {} : { names: { text: cellText(named), at: at(sectorColumn) } }),
      figures,
      note: noteOf(row, col('source'), col('assumption'), at, problems),
    });
  }
  return { settings, sectors: [...sectors.values()], rows, years: header.years.map((y) => y.year) };
}

function sectorNamed(
  cell: unknown,
  at: string,
  sectors: Map<string, SectorEntry>,
  problems: ProblemList,
): SectorEntry | undefined {
  let name = cellText(cell);
  if (!name) return undefined;
  if (name.length > LIMITS.text) {
    problems.warn('tableImport.tooLong', at);
    name = name.slice(0, LIMITS.text).trim();
  }
  const key = sectorKey(name);
  let sector = sectors.get(key);
  if (!sector) {
    sector = { name, key, at, similar: normalised(name) };
    sectors.set(key, sector);
  }
  return sector;
}

// A sector's group, from any one of its rows; a different group on another row is left out.
function readGroup(
  row: readonly unknown[],
  column: number | undefined,
  at: (c: number) => string,
  sector: SectorEntry,
  problems: ProblemList,
): void {
  if (column === undefined || isBlank(row[column])) return;
  const group = groupOf(row[column]);
  if (!group) problems.warn('tableImport.badValue', at(column), { text: quoted(row[column]) });
  else if (sector.group && sector.group !== group) problems.warn('tableImport.duplicate', at(column));
  else sector.group = group;
}

// The source of a row's figures, and whether they are assumptions.
function noteOf(
  row: readonly unknown[],
  sourceColumn: number | undefined,
  assumptionColumn: number | undefined,
  at: (c: number) => string,
  problems: ProblemList,
): SourceNote | undefined {
  let text = sourceColumn === undefined ? '' : cellText(row[sourceColumn]);
  if (text.length > TABLE_LIMITS.sourceText) {
    problems.warn('tableImport.tooLong', at(sourceColumn!));
    text = text.slice(0, TABLE_LIMITS.sourceText).trim();
  }
  let assumption = assumptionColumn === undefined ? false : assumptionMark(row[assumptionColumn]);
  if (assumption === undefined) {
    problems.warn('tableImport.badValue', at(assumptionColumn!), { text: quoted(row[assumptionColumn!]) });
    assumption = false;
  }
  if (!text && !assumption) return undefined;
  return { text: text || { vi: 'giả định', en: 'assumption' }, ...(assumption ? { assumption: true } : {}) };
}
