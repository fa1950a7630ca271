import type { Format, RowDef } from './types';

/** The sub-rows every sector gets, as suffixes of the sector id ("manufacturing.growth"). */
export type SectorPart = 'growth' | 'price' | 'nominal' | 'share';

/** Every sector part, in the order the model declares them. */
export const SECTOR_PARTS: readonly SectorPart[] = ['growth', 'price', 'nominal', 'share'];

/** Ids of the built-in totals every scenario has. */
export const BUILTIN = {
  grdp: 'grdp',
  grdpNominal: 'grdp_nominal',
  grdpGrowth: 'grdp_growth',
} as const;

/** The role of a variable the model builds itself: a sector's value row, one of its parts, or a total. */
export type BuiltRole = 'value' | SectorPart | keyof typeof BUILTIN;

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

/** The built-in totals as variables, in the order the model declares them. */
export const TOTALS: readonly BuiltVariable[] = (Object.keys(BUILTIN) as (keyof typeof BUILTIN)[]).map((role) => ({
  id: BUILTIN[role],
  role,
  format: BUILT_FORMATS[role],
}));

/** The id of every variable a model of these rows holds: each sector and its parts, the totals, the other rows. */
export function variableIds(rows: readonly RowDef[]): Set<string> {
  const ids = new Set(TOTALS.map((v) => v.id));
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
