import type { EconomicGroup, Format, RowDef, ScenarioMeta } from './types';

/** The sub-rows every sector gets, as suffixes of the sector id ("manufacturing.growth"). */
export type SectorPart = 'growth' | 'price' | 'nominal' | 'share';

/** Every sector part, in the order the model declares them. */
export const SECTOR_PARTS: readonly SectorPart[] = ['growth', 'price', 'nominal', 'share'];

/** Ids of the built-in totals: GRDP and its growth in every scenario, per capita where the scenario declares it. */
export const BUILTIN = {
  grdp: 'grdp',
  grdpNominal: 'grdp_nominal',
  grdpGrowth: 'grdp_growth',
  grdpPerCapita: 'grdp_per_capita',
  grdpPerCapitaUsd: 'grdp_per_capita_usd',
} as const;

/** The economic groups in display order: khu vực I, II, III, then product taxes less subsidies. */
export const ECONOMIC_GROUPS: readonly EconomicGroup[] = ['agriculture', 'industry', 'services', 'taxes'];

/**
 * The role of a variable the model builds itself: a sector's value row, one of its parts, a total, or the share of
 * an economic group in GRDP.
 */
export type BuiltRole = 'value' | SectorPart | keyof typeof BUILTIN | 'structure';

/** What a variable is, for layout and formatting. */
export type VarRole = BuiltRole | 'series' | 'param' | 'target';

/** The format of each variable the model builds itself, by its role; rows the planner adds carry their own. */
export const BUILT_FORMATS: Readonly<Record<BuiltRole, Format>> = {
  value: 'number',
  growth: 'percent',
  price: 'percent',
  nominal: 'number',
  share: 'percent',
  grdp: 'number',
  grdpNominal: 'number',
  grdpGrowth: 'percent',
  grdpPerCapita: 'number',
  grdpPerCapitaUsd: 'number',
  structure: 'percent',
};

/** A variable the model builds itself: its id, role and format. */
export interface BuiltVariable {
  readonly id: string;
  readonly role: BuiltRole;
  readonly format: Format;
}

/** The id of a sector's part ("manufacturing.growth"). */
export function sectorVar(sector: string, part: SectorPart): string {
  return `${sector}.${part}`;
}

/** A sector's variables, its value row first and then its parts in SECTOR_PARTS order. */
export function sectorVariables(sector: string): BuiltVariable[] {
  return [
    { id: sector, role: 'value', format: BUILT_FORMATS.value },
    ...SECTOR_PARTS.map((part) => ({ id: sectorVar(sector, part), role: part, format: BUILT_FORMATS[part] })),
  ];
}

const total = (role: keyof typeof BUILTIN): BuiltVariable => ({ id: BUILTIN[role], role, format: BUILT_FORMATS[role] });

/** The built-in totals every scenario has, as variables, in the order the model declares them. */
export const TOTALS: readonly BuiltVariable[] = (['grdp', 'grdpNominal', 'grdpGrowth'] as const).map(total);

/** The id of the share of an economic group in GRDP at current prices ("structure_industry"). */
export function structureVar(group: EconomicGroup): string {
  return `structure_${group}`;
}

/** Every id an optional built-in can take, whether or not a scenario declares it. */
export const OPTIONAL_TOTAL_IDS: readonly string[] = [
  BUILTIN.grdpPerCapita,
  BUILTIN.grdpPerCapitaUsd,
  ...ECONOMIC_GROUPS.map(structureVar),
];

/** What decides a scenario's optional built-ins: its sectors' groups and its settings. */
export interface OptionalTotalsSource {
  readonly rows: readonly RowDef[];
  readonly meta?: Pick<ScenarioMeta, 'perCapita'>;
}

/**
 * The built-ins a scenario has only when it declares them, in the order the model declares them: GRDP per capita
 * (in million VND, then in USD) when `meta.perCapita` is set, then the share of each economic group some sector
 * belongs to, in ECONOMIC_GROUPS order.
 */
export function optionalTotals(scenario: OptionalTotalsSource): BuiltVariable[] {
  const built: BuiltVariable[] = scenario.meta?.perCapita ? [total('grdpPerCapita'), total('grdpPerCapitaUsd')] : [];
  const groups = new Set(scenario.rows.flatMap((r) => (r.kind === 'sector' && r.group ? [r.group] : [])));
  for (const group of ECONOMIC_GROUPS) {
    if (groups.has(group)) built.push({ id: structureVar(group), role: 'structure', format: BUILT_FORMATS.structure });
  }
  return built;
}

/**
 * The id of every variable a model of these rows (and settings) holds: each sector and its parts, the totals, the
 * optional built-ins the scenario declares, the other rows.
 */
export function variableIds(rows: readonly RowDef[], meta?: Pick<ScenarioMeta, 'perCapita'>): Set<string> {
  const ids = new Set(TOTALS.map((v) => v.id));
  for (const v of optionalTotals({ rows, meta })) ids.add(v.id);
  for (const row of rows) {
    if (row.kind === 'sector') for (const v of sectorVariables(row.id)) ids.add(v.id);
    else ids.add(row.id);
  }
  return ids;
}

/** The id of the focus sector's share of GRDP, the variable the headline targets follow. */
export function focusShare(meta: { readonly focus: string }): string {
  return sectorVar(meta.focus, 'share');
}

/** The id of the focus sector's real growth, the cells goal seek and the target questions change. */
export function focusGrowth(meta: { readonly focus: string }): string {
  return sectorVar(meta.focus, 'growth');
}

/** Whether a part of a variable id names a sector part. */
export function isSectorPart(part: string | undefined): part is SectorPart {
  return (SECTOR_PARTS as readonly (string | undefined)[]).includes(part);
}

/** The row and sub-row ("growth", "price"…) a variable id points at. */
export function splitVarId(id: string): { rowId: string; part: string | undefined } {
  const dot = id.indexOf('.');
  return dot < 0 ? { rowId: id, part: undefined } : { rowId: id.slice(0, dot), part: id.slice(dot + 1) };
}

/** The same variable id on another row: "manufacturing.share" moved to "industry" is "industry.share". */
export function withRowId(id: string, rowId: string): string {
  const { part } = splitVarId(id);
  return part === undefined ? rowId : `${rowId}.${part}`;
}
