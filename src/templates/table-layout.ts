import {
  checkIdentifier,
  cleanText,
  ECONOMIC_GROUP_LABELS,
  LIMITS,
  type EconomicGroup,
  type Format,
  type Scenario,
} from '../engine';

/*
 * The spreadsheet layout a planner fills in Excel and imports as a template (importTable reads it, exampleTable
 * writes it). One sheet; title lines above the header are skipped. One header row with these columns, in any order,
 * in Vietnamese or English (a combined "Nguồn / Source" also works):
 *
 *   Chỉ tiêu / Indicator   what the row holds: one of the indicator names below
 *   Ngành / Sector         the sector the row is about, by its name ("Khai khoáng"); for the settings rows, the value
 *   Khu vực / Group        optional: the sector's economic group, I, II, III or Thuế / Taxes (on any one of its rows)
 *   2020 … 2030            one column per year (a header such as "Năm 2025" or "2025 (ước)" also reads as 2025)
 *   Nguồn / Source         where the figures on this row come from
 *   Giả định / Assumption  x, có or yes when the row's figures are assumptions or estimates
 *
 * Settings rows, the value in the Ngành column: Tỉnh (province), Năm gốc (base year), Năm cuối (last projected year;
 * by default the last year column), Ngành trọng tâm (the sector whose share the targets follow; by default the first).
 * Sector rows (one set per sector, in billion VND at current prices and percentages):
 *   Giá trị tăng thêm      the base-year value (the base), and earlier years as recorded values at current prices
 *   Tốc độ tăng trưởng     real growth: recorded up to the base year, the projection's assumption after it
 *   Tăng giá               price change (deflator), likewise; a blank year is no change
 *   Tỷ trọng               recorded share of GRDP, up to the base year
 * Rows without a sector: GRDP (level at current prices) and Tốc độ tăng trưởng GRDP, GRDP bình quân đầu người (USD),
 * recorded up to the base year; Dân số trung bình (thousand people) and Tỷ giá (VND per USD), from the base year on
 * (before it as recorded); Cơ cấu kinh tế, recorded, with the group in the Ngành column; the targets Mục tiêu tỷ trọng
 * (of the sector named, else the focus sector), Mục tiêu tăng trưởng GRDP, Mục tiêu GRDP bình quân đầu người (USD).
 * An indicator may take several rows (one per source): the source on a row is the source of that row's figures.
 * Percentages read like Excel's percent entry: 6.5%, 0.065 or 6.5 are all 6.5%; text numbers in the planner's locale
 * (6,5% and 315.800 in Vietnamese). Formulas are not read (Excel files hold their values, which are read).
 * A sector is its name in any case or spacing; its identifier is the name without marks (Khai khoáng → khai_khoang).
 * The header is looked for in the first 30 rows; at most 1,000 rows and 130 columns are read (TABLE_LIMITS).
 */

/** How much of a sheet is read; the rest is left out with a message. */
export const TABLE_LIMITS = {
  rows: 1000,
  columns: 130,
  /** Rows searched for the header, so a title block above it is allowed. */
  headerSearch: 30,
  sourceText: 1000,
} as const;

/** What a row of the table holds. */
export type Indicator =
  | 'region'
  | 'baseYear'
  | 'horizon'
  | 'focus'
  | 'value'
  | 'growth'
  | 'price'
  | 'share'
  | 'grdp'
  | 'grdpGrowth'
  | 'perCapitaUsd'
  | 'population'
  | 'usdRate'
  | 'structure'
  | 'shareTarget'
  | 'growthTarget'
  | 'perCapitaTarget';

/** The kinds of row: a setting, a sector's figures, a figure of the whole province, a target. */
export type IndicatorKind = 'setting' | 'sector' | 'total' | 'target';

interface IndicatorSpec {
  readonly kind: IndicatorKind;
  readonly format: Format;
  /** The name the example file writes, per language. */
  readonly vi: string;
  readonly en: string;
  /** Other names accepted, as `normalised` gives them. */
  readonly also: readonly string[];
}

const percent = 'percent';
const number = 'number';

/** Every indicator the table may hold, in the order the example file writes them. */
export const INDICATORS: Readonly<Record<Indicator, IndicatorSpec>> = {
  region: { kind: 'setting', format: number, vi: 'Tỉnh', en: 'Province', also: ['tinh thanh pho', 'region'] },
  baseYear: { kind: 'setting', format: number, vi: 'Năm gốc', en: 'Base year', also: [] },
  horizon: {
    kind: 'setting',
    format: number,
    vi: 'Năm cuối',
    en: 'Last year',
    also: ['nam cuoi du bao', 'horizon', 'end year'],
  },
  focus: { kind: 'setting', format: number, vi: 'Ngành trọng tâm', en: 'Focus sector', also: [] },
  value: {
    kind: 'sector',
    format: number,
    vi: 'Giá trị tăng thêm (tỷ đồng, giá hiện hành)',
    en: 'Value added (billion VND, current prices)',
    also: ['gtgt'],
  },
  growth: {
    kind: 'sector',
    format: percent,
    vi: 'Tốc độ tăng trưởng (giá so sánh)',
    en: 'Real growth',
    also: ['toc do tang', 'tang truong', 'growth', 'growth rate'],
  },
  price: {
    kind: 'sector',
    format: percent,
    vi: 'Tăng giá (chỉ số giảm phát)',
    en: 'Price change (deflator)',
    also: ['chi so giam phat', 'thay doi gia', 'deflator'],
  },
  share: {
    kind: 'sector',
    format: percent,
    vi: 'Tỷ trọng trong GRDP (giá hiện hành)',
    en: 'Share of GRDP (current prices)',
    also: ['ty trong', 'share'],
  },
  grdp: {
    kind: 'total',
    format: number,
    vi: 'GRDP (tỷ đồng, giá hiện hành)',
    en: 'GRDP (billion VND, current prices)',
    also: ['grdp gia hien hanh', 'grdp at current prices'],
  },
  grdpGrowth: {
    kind: 'total',
    format: percent,
    vi: 'Tốc độ tăng trưởng GRDP',
    en: 'GRDP growth',
    also: ['tang truong grdp', 'toc do tang grdp'],
  },
  perCapitaUsd: {
    kind: 'total',
    format: number,
    vi: 'GRDP bình quân đầu người (USD)',
    en: 'GRDP per capita (USD)',
    also: [],
  },
  population: {
    kind: 'total',
    format: number,
    vi: 'Dân số trung bình (nghìn người)',
    en: 'Average population (thousand)',
    also: ['dan so', 'population'],
  },
  usdRate: {
    kind: 'total',
    format: number,
    vi: 'Tỷ giá (đồng/USD)',
    en: 'Exchange rate (VND per USD)',
    also: ['vnd per usd'],
  },
  structure: {
    kind: 'total',
    format: percent,
    vi: 'Cơ cấu kinh tế (giá hiện hành)',
    en: 'Economic structure (current prices)',
    also: ['co cau', 'structure'],
  },
  shareTarget: { kind: 'target', format: percent, vi: 'Mục tiêu tỷ trọng', en: 'Share target', also: [] },
  growthTarget: {
    kind: 'target',
    format: percent,
    vi: 'Mục tiêu tăng trưởng GRDP',
    en: 'GRDP growth target',
    also: ['muc tieu tang truong', 'growth target'],
  },
  perCapitaTarget: {
    kind: 'target',
    format: number,
    vi: 'Mục tiêu GRDP bình quân đầu người (USD)',
    en: 'GRDP per capita target (USD)',
    also: [],
  },
};

/** The columns of the header besides the years. */
export type Column = 'indicator' | 'sector' | 'group' | 'source' | 'assumption';

/** Header names per column, as the example writes them in each language. */
export const COLUMNS: Readonly<Record<Column, { vi: string; en: string; also: readonly string[] }>> = {
  indicator: { vi: 'Chỉ tiêu', en: 'Indicator', also: [] },
  sector: { vi: 'Ngành', en: 'Sector', also: ['ten nganh', 'nganh kinh te'] },
  group: { vi: 'Khu vực', en: 'Group', also: ['khu vuc kinh te', 'economic group'] },
  source: { vi: 'Nguồn', en: 'Source', also: ['nguon so lieu'] },
  assumption: { vi: 'Giả định', en: 'Assumption', also: [] },
};

/**
 * Text as names are compared: without diacritics (đ as d), lower case, punctuation as spaces, so "Tốc độ tăng
 * trưởng (%)" and "toc do tang truong" are the same name.
 */
export function normalised(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const withoutParentheses = (text: string): string => text.replace(/\([^)]*\)/g, ' ');

// Names to their meaning, by normalised text; a name with a parenthesis also matches without it. Two meanings for
// one name would make a sheet read one way or the other by the order of this file: a mistake here, so it throws.
function lookup<K extends string>(specs: Readonly<Record<K, { vi: string; en: string; also: readonly string[] }>>) {
  const map = new Map<string, K>();
  for (const key of Object.keys(specs) as K[]) {
    const spec = specs[key];
    for (const name of [spec.vi, spec.en, ...spec.also]) {
      for (const text of new Set([normalised(name), normalised(withoutParentheses(name))])) {
        const other = map.get(text);
        if (other !== undefined && other !== key) throw new Error(`"${text}" names both ${other} and ${key}`);
        map.set(text, key);
      }
    }
  }
  return (text: string): K | undefined => map.get(normalised(text)) ?? map.get(normalised(withoutParentheses(text)));
}

const indicatorByName = lookup(INDICATORS);
const columnByName = lookup(COLUMNS);

/** The indicator a cell names, if any. */
export function indicatorOf(cell: unknown): Indicator | undefined {
  return typeof cell === 'string' ? indicatorByName(cell) : undefined;
}

/** Whether a row of an example table (its indicator first) holds percentages, which the writers format as such. */
export function isPercentRow(row: readonly unknown[]): boolean {
  const indicator = indicatorOf(row[0]);
  return indicator !== undefined && INDICATORS[indicator].format === 'percent';
}

/** The column a header cell names: one of the named columns, or a year. */
export function headerOf(cell: unknown): Column | number | undefined {
  if (typeof cell === 'number') return Number.isInteger(cell) && isYear(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  // "Nguồn / Source": either half names the column.
  for (const part of [cell, ...cell.split('/')]) {
    const column = columnByName(part);
    if (column) return column;
  }
  // "2025", "Năm 2025", "2025 (ước)": the one year in the text.
  const years = cell.match(/(?<!\d)\d{4}(?!\d)/g);
  return years?.length === 1 && isYear(Number(years[0])) ? Number(years[0]) : undefined;
}

function isYear(year: number): boolean {
  return year >= LIMITS.firstYear && year <= LIMITS.lastYear;
}

// The statistics office's names of a group ("Khu vực II: công nghiệp và xây dựng"), also read.
function official(group: EconomicGroup): string[] {
  const label = ECONOMIC_GROUP_LABELS[group];
  return typeof label === 'string' ? [label] : [label.vi, label.en];
}

// Short names of the groups (the example writes them) and other names read.
const GROUP_NAMES: Readonly<Record<EconomicGroup, { vi: string; en: string; also: readonly string[] }>> = {
  agriculture: { vi: 'I', en: 'I', also: ['1', 'khu vuc i', 'nong nghiep', 'agriculture', ...official('agriculture')] },
  industry: {
    vi: 'II',
    en: 'II',
    also: ['2', 'khu vuc ii', 'cong nghiep va xay dung', 'industry', ...official('industry')],
  },
  services: { vi: 'III', en: 'III', also: ['3', 'khu vuc iii', 'dich vu', 'services', ...official('services')] },
  taxes: { vi: 'Thuế', en: 'Taxes', also: ['thue san pham', 'product taxes', ...official('taxes')] },
};
const groupByName = lookup(GROUP_NAMES);

/** The economic group a cell names ("II", "Khu vực II: công nghiệp và xây dựng", "industry"), if any. */
export function groupOf(cell: unknown): EconomicGroup | undefined {
  if (typeof cell === 'number') cell = String(cell);
  return typeof cell === 'string' ? groupByName(cell) : undefined;
}

/** A group's short name in the example's language. */
export function groupName(group: EconomicGroup, locale: 'vi' | 'en'): string {
  return GROUP_NAMES[group][locale];
}

const YES = new Set(['x', 'co', 'yes', 'y', 'true', '1']);
const NO = new Set(['', 'khong', 'no', 'n', 'false', '0']);

/** Whether an assumption cell marks an assumption: true, false, or undefined for a mark it cannot read. */
export function assumptionMark(cell: unknown): boolean | undefined {
  if (cell === null || cell === undefined) return false;
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : undefined;
  if (typeof cell !== 'string') return undefined;
  if (/^[✓✔√]$/u.test(cell.trim())) return true;
  const mark = normalised(cell);
  return YES.has(mark) ? true : NO.has(mark) ? false : undefined;
}

/** The column letters Excel shows for a zero-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A cell's reference as Excel shows it, from zero-based row and column: (6, 2) → "C7". */
export function cellRef(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/**
 * A cell as text for a message, a name or a figure: cleaned of controls and bidi marks, trimmed, without the
 * apostrophe that keeps "-", "=", "+" or "@" text in Excel (our CSV writers put one there); '' for no text.
 */
export function cellText(cell: unknown): string {
  if (typeof cell === 'string')
    return cleanText(cell)
      .trim()
      .replace(/^'(?=[-=+@])/, '');
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return '';
}

/**
 * The zero-based row of a sheet's header: the first of its first rows (a title may stand above) with an indicator
 * column and at least one year column.
 */
export function findHeaderRow(sheet: unknown): number | undefined {
  if (!Array.isArray(sheet)) return undefined;
  for (let r = 0; r < Math.min(sheet.length, TABLE_LIMITS.headerSearch); r++) {
    const row: unknown = sheet[r];
    if (!Array.isArray(row)) continue;
    const named = row.slice(0, TABLE_LIMITS.columns).map(headerOf);
    if (named.includes('indicator') && named.some((h) => typeof h === 'number')) return r;
  }
  return undefined;
}

/** The key sector names are matched by: the same name in any case and spacing is the same sector. */
export function sectorKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether a cell holds nothing: empty, blank text, null or undefined. */
export function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

// checkIdentifier's rules without rows: whether a name is well-formed and not kept for the formula language.
const NO_ROWS: Scenario = {
  meta: { name: '', region: '', baseYear: 2000, horizon: 2001, unit: '', focus: 'x' },
  rows: [],
  history: {},
};

/**
 * A row identifier made from a name, safe in formulas and not yet in `taken` (where it is then added): Vietnamese
 * letters written without marks ("Khai khoáng" → khai_khoang), a number after a name that is taken or reserved
 * ("constructor" → constructor_2).
 */
export function identifierFrom(name: string, taken: Set<string>): string {
  // 36 characters leave room for a number within the 40 an identifier may have.
  let base = normalised(name).replace(/ /g, '_').slice(0, 36).replace(/_+$/, '');
  if (!/^[a-z]/.test(base)) base = `sector${base ? `_${base}` : ''}`.slice(0, 36);
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}_${n}`;
    if (!taken.has(id) && checkIdentifier(NO_ROWS, id) === undefined) {
      taken.add(id);
      return id;
    }
  }
}
