import {
  BUILTIN,
  cellKey,
  LIMITS,
  sectorVar,
  structureVar,
  validateScenario,
  type EconomicGroup,
  type Label,
  type RowDef,
  type Scenario,
} from '../engine';
import type { ProblemList } from './import-problems';
import { readYear } from './table-cells';
import { cellText, identifierFrom, INDICATORS, sectorKey, type Indicator } from './table-layout';
import type { SourceNote, Template } from './types';

/** A sector as the table names it; its group is read from whichever of its rows gives one. */
export interface SectorEntry {
  readonly name: string;
  /** What rows are matched by (sectorKey). */
  readonly key: string;
  /** Where it is first named. */
  readonly at: string;
  /** Its name without marks, to tell sectors whose names differ only in marks ("Dịch vụ", "Dich vu"). */
  readonly similar: string;
  group?: EconomicGroup;
}

/** One figure of a row: its year, value and cell. */
export interface FigureEntry {
  readonly year: number;
  readonly value: number;
  readonly at: string;
}

/** One data row of the table as read. */
export interface TableEntry {
  readonly indicator: Indicator;
  /** Zero-based row index in the sheet. */
  readonly row: number;
  readonly sector?: SectorEntry;
  /** The economic group a structure row is about. */
  readonly group?: EconomicGroup;
  /** The text of the sector column, where it is not blank: a target's sector, a structure row's group. */
  readonly names?: { readonly text: string; readonly at: string };
  readonly figures: readonly FigureEntry[];
  readonly note?: SourceNote;
}

/** The settings and rows read from a table, for building the template. */
export interface TableRows {
  readonly settings: ReadonlyMap<Indicator, { readonly value: unknown; readonly at: string }>;
  readonly sectors: readonly SectorEntry[];
  readonly rows: readonly TableEntry[];
  readonly years: readonly number[];
}

/** The settings and sectors read, for the preview. */
export interface TemplatePreview {
  readonly region?: string;
  readonly baseYear?: number;
  readonly horizon?: number;
  readonly focus?: string;
  readonly sectors: readonly { readonly name: string; readonly base?: number; readonly group?: EconomicGroup }[];
}

// Ids of the rows the import makes besides sectors, kept from sector ids.
const ROW_IDS = {
  population: 'population',
  usdRate: 'usd_rate',
  shareTarget: 'share_target',
  growthTarget: 'growth_target',
  perCapitaTarget: 'per_capita_target',
} as const;

const UNIT: Label = { vi: 'tỷ đồng', en: 'billion VND' };
const both = (indicator: Indicator): Label => ({ vi: INDICATORS[indicator].vi, en: INDICATORS[indicator].en });
const cut = (text: string): string => text.slice(0, LIMITS.text);

// Where a figure goes: an input cell (sector rate, series, target), a sector's base, recorded history, or nowhere
// because the model computes it.
type Place = { readonly slot: 'input' | 'base' | 'history'; readonly id: string } | 'computed';

// What deciding where each row's figures go needs to know, and the share targets it names as it goes.
interface Placing {
  readonly baseYear: number;
  readonly ids: ReadonlyMap<SectorEntry, string>;
  readonly sectorByKey: ReadonlyMap<string, SectorEntry>;
  readonly focus: SectorEntry | undefined;
  readonly perCapita: boolean;
  readonly groups: ReadonlySet<EconomicGroup>;
  readonly taken: Set<string>;
  readonly shareTargets: Map<SectorEntry, string>;
}

// Where each of a row's figures goes, by its indicator and year; undefined leaves the row out.
function placeOf(e: TableEntry, p: Placing): ((year: number) => Place) | undefined {
  const recorded = (id: string) => (year: number) =>
    year <= p.baseYear ? { slot: 'history' as const, id } : 'computed';
  const rate = (id: string) => (year: number) => ({
    slot: year <= p.baseYear ? ('history' as const) : ('input' as const),
    id,
  });
  const series = (id: string) => (year: number) => ({
    slot: year >= p.baseYear ? ('input' as const) : ('history' as const),
    id,
  });
  const target = (id: string) => () => ({ slot: 'input' as const, id });
  const sector = e.sector && p.ids.get(e.sector);
  switch (e.indicator) {
    case 'value':
      return (year) =>
        year === p.baseYear
          ? { slot: 'base', id: sector! }
          : year < p.baseYear
            ? { slot: 'history', id: sectorVar(sector!, 'nominal') }
            : 'computed';
    case 'growth':
    case 'price':
      return rate(sectorVar(sector!, e.indicator));
    case 'share':
      return recorded(sectorVar(sector!, 'share'));
    case 'grdp':
      return recorded(BUILTIN.grdpNominal);
    case 'grdpGrowth':
      return recorded(BUILTIN.grdpGrowth);
    case 'perCapitaUsd':
      return p.perCapita ? recorded(BUILTIN.grdpPerCapitaUsd) : undefined;
    case 'population':
      return series(ROW_IDS.population);
    case 'usdRate':
      return series(ROW_IDS.usdRate);
    case 'structure':
      return p.groups.has(e.group!) ? recorded(structureVar(e.group!)) : undefined;
    case 'growthTarget':
      return target(ROW_IDS.growthTarget);
    case 'perCapitaTarget':
      return p.perCapita ? target(ROW_IDS.perCapitaTarget) : undefined;
    case 'shareTarget': {
      // A share target may name its sector; an empty cell means the focus sector.
      const named = e.names ? p.sectorByKey.get(sectorKey(e.names.text)) : p.focus;
      if (!named) return undefined;
      let id = p.shareTargets.get(named);
      if (id === undefined) {
        id = named === p.focus ? ROW_IDS.shareTarget : identifierFrom(`share_target_${p.ids.get(named)}`, p.taken);
        p.shareTargets.set(named, id);
      }
      return target(id);
    }
    default:
      return undefined;
  }
}

// Figures by where they go ("input:a.growth" → year → value), and the source of each.
interface Placed {
  readonly cells: Map<string, Record<string, number>>;
  readonly sources: Record<string, SourceNote>;
}

// Puts every row's figures in their place; a figure the model computes or one given twice is left out.
function place(table: TableRows, p: Placing, problems: ProblemList): Placed {
  const cells = new Map<string, Record<string, number>>();
  const sources: Record<string, SourceNote> = {};
  for (const e of table.rows) {
    const to = placeOf(e, p);
    if (!to) {
      // Per capita rows without population and rate were told of once, and a target of no sector with no sectors.
      if (e.names && (e.indicator === 'structure' || e.indicator === 'shareTarget')) {
        problems.warn('tableImport.unknownSector', e.names.at, { text: e.names.text.slice(0, 60) });
      }
      continue;
    }
    for (const f of e.figures) {
      const where = to(f.year);
      if (where === 'computed') {
        problems.warn('tableImport.computed', f.at);
        continue;
      }
      const key = `${where.slot}:${where.id}`;
      const byYear = cells.get(key) ?? {};
      cells.set(key, byYear);
      if (Object.hasOwn(byYear, f.year)) {
        problems.warn('tableImport.duplicate', f.at);
        continue;
      }
      byYear[f.year] = f.value;
      if (e.note) sources[cellKey(where.id, f.year)] = e.note;
    }
  }
  return { cells, sources };
}

/** Builds the template from the rows read; what cannot be built is a problem. */
export function buildTemplate(
  table: TableRows,
  options: { readonly id: string; readonly name?: string },
  problems: ProblemList,
): { template?: Template; preview: TemplatePreview } {
  const setting = (name: Indicator) => table.settings.get(name);
  const region = cut(cellText(setting('region')?.value) || options.name || '');
  const baseYear = yearSetting(setting('baseYear'), problems);
  const sectorsPreview = table.sectors.map((s) => ({ name: s.name, ...(s.group ? { group: s.group } : {}) }));
  const preview: TemplatePreview = { ...(region ? { region } : {}), sectors: sectorsPreview };
  if (baseYear === undefined) {
    if (!setting('baseYear')) problems.error('tableImport.noBaseYear');
    return { preview };
  }
  const horizon = horizonOf(table, baseYear, problems);
  if (table.sectors.length === 0) problems.error('tableImport.noSectors');
  const taken = new Set<string>(Object.values(ROW_IDS));
  const ids = sectorIds(table.sectors, taken, problems);
  const focus = focusOf(table, problems);
  const has = (indicator: Indicator) =>
    table.rows.some((e) => e.indicator === indicator && e.figures.some((f) => f.year >= baseYear));
  const perCapita = has('population') && has('usdRate');
  const perCapitaRows = table.rows.some((e) => e.indicator === 'perCapitaUsd' || e.indicator === 'perCapitaTarget');
  if ((has('population') || has('usdRate') || perCapitaRows) && !perCapita) problems.warn('tableImport.perCapita');
  const shareTargets = new Map<SectorEntry, string>();
  const { cells, sources } = place(
    table,
    {
      baseYear,
      ids,
      sectorByKey: new Map(table.sectors.map((s) => [s.key, s])),
      focus,
      perCapita,
      groups: new Set(table.sectors.flatMap((s) => (s.group ? [s.group] : []))),
      taken,
      shareTargets,
    },
    problems,
  );
  const get = (slot: 'input' | 'base' | 'history', id: string): Record<string, number> =>
    cells.get(`${slot}:${id}`) ?? {};

  const rows: RowDef[] = [];
  for (const sector of table.sectors) {
    const id = ids.get(sector)!;
    const base = get('base', id)[baseYear];
    if (base === undefined) {
      problems.error('tableImport.missingBase', sector.at, { sector: sector.name, year: baseYear });
    }
    const growth = get('input', sectorVar(id, 'growth'));
    const missing = range(baseYear + 1, horizon).filter((y) => !Object.hasOwn(growth, y));
    if (missing.length) {
      problems.warn('tableImport.missingGrowth', sector.at, { sector: sector.name, years: spans(missing) });
    }
    const price = get('input', sectorVar(id, 'price'));
    const group = sector.group ? { group: sector.group } : {};
    rows.push({ kind: 'sector', id, label: sector.name, base: base ?? 0, growth, price, ...group });
  }
  for (const [sector, id] of shareTargets) {
    const label = {
      vi: cut(`${INDICATORS.shareTarget.vi} ${sector.name}`),
      en: cut(`${INDICATORS.shareTarget.en}: ${sector.name}`),
    };
    rows.push({ kind: 'target', id, label, of: sectorVar(ids.get(sector)!, 'share'), cells: get('input', id) });
  }
  for (const [id, indicator, of] of [
    [ROW_IDS.growthTarget, 'growthTarget', BUILTIN.grdpGrowth],
    [ROW_IDS.perCapitaTarget, 'perCapitaTarget', BUILTIN.grdpPerCapitaUsd],
  ] as const) {
    if (cells.has(`input:${id}`))
      rows.push({ kind: 'target', id, label: both(indicator), of, cells: get('input', id) });
  }
  for (const [id, indicator] of [
    [ROW_IDS.population, 'population'],
    [ROW_IDS.usdRate, 'usdRate'],
  ] as const) {
    if (table.rows.some((e) => e.indicator === indicator && e.figures.length)) {
      rows.push({ kind: 'series', id, label: both(indicator), format: 'number', cells: get('input', id) });
    }
  }
  const history = Object.fromEntries(
    [...cells]
      .filter(([key]) => key.startsWith('history:'))
      .map(([key, byYear]) => [key.slice('history:'.length), byYear]),
  );
  const scenario: Scenario = {
    meta: {
      name: region,
      region,
      baseYear,
      horizon,
      unit: UNIT,
      focus: focus ? ids.get(focus)! : '',
      ...(perCapita ? { perCapita: { population: ROW_IDS.population, usdRate: ROW_IDS.usdRate } } : {}),
    },
    rows,
    history,
  };
  const read: TemplatePreview = {
    ...preview,
    baseYear,
    horizon,
    ...(focus ? { focus: focus.name } : {}),
    sectors: table.sectors.map((s, i) => ({
      ...sectorsPreview[i]!,
      ...basePreview(get('base', ids.get(s)!)[baseYear]),
    })),
  };
  if (problems.failed) return { preview: read };
  // What the import built passes the same check as any scenario from outside; a failure is the table's to fix.
  const check = validateScenario(scenario);
  if (!check.ok) {
    for (const issue of check.issues) problems.error('tableImport.invalid', undefined, { issue });
    return { preview: read };
  }
  const label = {
    vi: `${region || 'Mẫu tỉnh'} (năm gốc ${baseYear})`,
    en: `${region || 'Province template'} (base year ${baseYear})`,
  };
  return { template: { id: options.id, label, scenario: check.scenario, sources, presets: [] }, preview: read };
}

// An identifier for each sector from its name; names that differ only in marks are told of, as two sectors.
function sectorIds(
  sectors: readonly SectorEntry[],
  taken: Set<string>,
  problems: ProblemList,
): Map<SectorEntry, string> {
  const ids = new Map<SectorEntry, string>();
  const bySimilar = new Map<string, SectorEntry>();
  for (const sector of sectors) {
    ids.set(sector, identifierFrom(sector.name, taken));
    const other = bySimilar.get(sector.similar);
    if (other) problems.warn('tableImport.similarSectors', sector.at, { name: sector.name, other: other.name });
    else bySimilar.set(sector.similar, sector);
  }
  return ids;
}

// A year setting (the base year); a cell that holds no year is an error at the cell.
function yearSetting(setting: { value: unknown; at: string } | undefined, problems: ProblemList): number | undefined {
  if (!setting) return undefined;
  const year = readYear(setting.value);
  if (year !== undefined && year >= LIMITS.firstYear && year < LIMITS.maxHorizon) return year;
  problems.error('tableImport.badValue', setting.at, { text: cellText(setting.value).slice(0, 60) });
  return undefined;
}

// The last projected year: as set, else the last year column (within the limit).
function horizonOf(table: TableRows, baseYear: number, problems: ProblemList): number {
  const setting = table.settings.get('horizon');
  if (setting) {
    const year = readYear(setting.value);
    if (year !== undefined && year > baseYear && year <= LIMITS.maxHorizon) return year;
    problems.error('tableImport.badValue', setting.at, { text: cellText(setting.value).slice(0, 60) });
    return baseYear + 1;
  }
  const last = Math.min(Math.max(...table.years), LIMITS.maxHorizon);
  if (last > baseYear) return last;
  problems.error('tableImport.noYears', undefined, { year: baseYear });
  return baseYear + 1;
}

// The focus sector: as set, else the first (said so when there is a choice).
function focusOf(table: TableRows, problems: ProblemList): SectorEntry | undefined {
  const setting = table.settings.get('focus');
  const first = table.sectors[0];
  if (setting) {
    const text = cellText(setting.value);
    const named = table.sectors.find((s) => s.key === sectorKey(text));
    if (named) return named;
    problems.warn('tableImport.unknownSector', setting.at, { text: text.slice(0, 60) });
  }
  if (first && table.sectors.length > 1) problems.warn('tableImport.focusDefault', undefined, { sector: first.name });
  return first;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

// Years as runs: 2026, 2027, 2028, 2030 → "2026–2028, 2030".
function spans(years: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const year of years) {
    const last = runs.at(-1);
    if (last && last[1] === year - 1) last[1] = year;
    else runs.push([year, year]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(', ');
}

function basePreview(base: number | undefined): { base?: number } {
  return base === undefined ? {} : { base };
}
