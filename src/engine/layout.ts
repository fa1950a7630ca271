import type { Model } from './model';
import type { EconomicGroup, Format, Label, Scenario } from './types';
import {
  BUILT_FORMATS,
  ECONOMIC_GROUPS,
  isSectorPart,
  optionalTotals,
  sectorVariables,
  splitVarId,
  structureVar,
  TOTALS,
  type BuiltVariable,
  type VarRole,
} from './variables';

/** The groups of rows in the sheet, in display order. */
export type RowGroup = 'sectors' | 'totals' | 'shares' | 'structure' | 'targets' | 'custom';

/** The name of each economic group as the statistics office writes it, for its structure row. */
export const ECONOMIC_GROUP_LABELS: Readonly<Record<EconomicGroup, Label>> = {
  agriculture: { vi: 'Khu vực I: nông, lâm nghiệp và thủy sản', en: 'Sector I: agriculture, forestry and fisheries' },
  industry: { vi: 'Khu vực II: công nghiệp và xây dựng', en: 'Sector II: industry and construction' },
  services: { vi: 'Khu vực III: dịch vụ', en: 'Sector III: services' },
  taxes: { vi: 'Thuế sản phẩm trừ trợ cấp sản phẩm', en: 'Product taxes less subsidies' },
};

/** One line of the sheet: which variable it shows and how to name it. */
export interface SheetRow {
  readonly id: string;
  readonly role: VarRole;
  readonly group: RowGroup;
  readonly format: Format;
  /** The label of the scenario row it belongs to (a sector's name for its sub-rows). */
  readonly label: Label;
  /** True for the sector whose share the targets follow. */
  readonly focus: boolean;
  /** The year whose prices the constant-price rows are at (the scenario's base year), which their labels name. */
  readonly priceYear: number;
}

/** A column of the sheet. */
export interface SheetColumn {
  readonly year: number;
  readonly kind: 'history' | 'base' | 'projection';
}

/**
 * Lists the sheet's rows in groups; price and current-price rows only when asked. GRDP per capita follows the GRDP
 * totals, and the structure (each economic group's share) has its own group after the shares, when the scenario
 * declares them.
 */
export function sheetRows(scenario: Scenario, options: { prices: boolean }): SheetRow[] {
  const rows: SheetRow[] = [];
  const sectors = scenario.rows.filter((r) => r.kind === 'sector');
  const focus = scenario.meta.focus;
  const push = (id: string, role: VarRole, group: RowGroup, format: Format, label: Label, flags = {}) =>
    rows.push({ id, role, group, format, label, focus: false, priceYear: scenario.meta.baseYear, ...flags });
  // The model's own variables come with their role and format; the layout only picks and groups them.
  const pushBuilt = ({ id, role, format }: BuiltVariable, group: RowGroup, label: Label, flags = {}) =>
    push(id, role, group, format, label, flags);
  const parts = sectors.map((s) => ({ row: s, vars: sectorVariables(s.id), isFocus: s.id === focus }));
  const sectorRoles: readonly VarRole[] = options.prices
    ? ['value', 'growth', 'price', 'nominal']
    : ['value', 'growth'];
  for (const { row, vars, isFocus } of parts) {
    for (const v of vars) {
      if (!sectorRoles.includes(v.role)) continue;
      // Only a sector's value and real growth rows mark the focus, not its price rows.
      pushBuilt(v, 'sectors', row.label, { focus: isFocus && (v.role === 'value' || v.role === 'growth') });
    }
  }
  const optional = optionalTotals(scenario);
  for (const v of TOTALS) pushBuilt(v, 'totals', 'GRDP');
  for (const v of optional) if (v.role !== 'structure') pushBuilt(v, 'totals', 'GRDP');
  for (const { row, vars, isFocus } of parts) {
    for (const v of vars) if (v.role === 'share') pushBuilt(v, 'shares', row.label, { focus: isFocus });
  }
  for (const group of ECONOMIC_GROUPS) {
    const v = optional.find((o) => o.id === structureVar(group));
    if (v) pushBuilt(v, 'structure', ECONOMIC_GROUP_LABELS[group]);
  }
  for (const r of scenario.rows) {
    if (r.kind === 'target') push(r.id, 'target', 'targets', formatOf(scenario, r.of), r.label);
  }
  for (const r of scenario.rows) {
    if (r.kind === 'param' || r.kind === 'series') push(r.id, r.kind, 'custom', r.format, r.label);
  }
  return rows;
}

// A target is shown like the row it applies to: the share target in percent, a GRDP target in money.
function formatOf(scenario: Scenario, id: string): Format {
  const { rowId, part } = splitVarId(id);
  if (isSectorPart(part)) return BUILT_FORMATS[part];
  const total = [...TOTALS, ...optionalTotals(scenario)].find((v) => v.id === id);
  if (total) return total.format;
  const row = scenario.rows.find((r) => r.id === rowId);
  if (row?.kind === 'series' || row?.kind === 'param') return row.format;
  return row?.kind === 'target' ? 'percent' : BUILT_FORMATS.value;
}

/** The sheet's columns: recorded years before the base year, the base year, then projection years. */
export function sheetColumns(scenario: Scenario, model: Model): SheetColumn[] {
  const historyYears = Object.values(scenario.history).flatMap((h) => Object.keys(h).map(Number));
  const first = Math.min(model.baseYear, ...historyYears.filter(Number.isInteger));
  const columns: SheetColumn[] = [];
  for (let y = first; y < model.baseYear; y++) columns.push({ year: y, kind: 'history' });
  for (const year of model.years) columns.push({ year, kind: year === model.baseYear ? 'base' : 'projection' });
  return columns;
}
