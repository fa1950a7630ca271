import {
  BUILTIN,
  LIMITS,
  optionalTotals,
  sectorVar,
  sectorVariables,
  splitVarId,
  TOTALS,
  variableIds,
  type BuiltRole,
  type BuiltVariable,
  type Format,
  type Scenario,
} from '../engine';
import type { TemplateIssue } from '../templates';

// The recorded-figures table of the template editor: which variables get a row, which years a column, and which of
// checkTemplate's issues sit at which recorded figure.

/** One row of the recorded figures: a variable that can hold history, what it is and how its figures read. */
export interface HistoryRow {
  readonly variable: string;
  readonly role: BuiltRole | 'series' | 'param';
  /** The sector or row the variable belongs to ("manufacturing" for "manufacturing.share"), or its economic group. */
  readonly of: string;
  readonly format: Format;
}

const rowOf = (v: BuiltVariable): HistoryRow => ({
  variable: v.id,
  role: v.role,
  of: v.role === 'structure' ? v.id.replace(/^structure_/, '') : splitVarId(v.id).rowId,
  format: v.format,
});

/**
 * The rows of the recorded figures, in the order a planner reads a provincial report: GRDP at current prices, its
 * growth, GRDP per capita in USD where the scenario builds it, the economic groups' shares where sectors have groups,
 * each sector's growth and share; then any other variable that already holds a recorded figure, so none is hidden.
 */
export function historyRows(scenario: Pick<Scenario, 'rows' | 'meta' | 'history'>): HistoryRow[] {
  const { rows, meta, history } = scenario;
  const byId = new Map<string, BuiltVariable>();
  for (const v of [...TOTALS, ...optionalTotals(scenario)]) byId.set(v.id, v);
  for (const row of rows) if (row.kind === 'sector') for (const v of sectorVariables(row.id)) byId.set(v.id, v);
  // Per capita in million VND follows from the USD figure and the rate; provinces report the USD one.
  const planned = [
    BUILTIN.grdpNominal,
    BUILTIN.grdpGrowth,
    ...optionalTotals(scenario)
      .map((v) => v.id)
      .filter((id) => id !== BUILTIN.grdpPerCapita),
    ...rows.flatMap((r) => (r.kind === 'sector' ? [sectorVar(r.id, 'growth'), sectorVar(r.id, 'share')] : [])),
  ];
  const shown = new Set(planned);
  const recorded = [...variableIds(rows, meta)].filter((id) => !shown.has(id) && Object.keys(history[id] ?? {}).length);
  return [...planned, ...recorded].flatMap((id): HistoryRow[] => {
    const built = byId.get(id);
    if (built) return [rowOf(built)];
    const row = rows.find((r) => r.id === id);
    // A target is a threshold, not a figure the province records.
    return row && row.kind !== 'target' && row.kind !== 'sector'
      ? [{ variable: id, role: row.kind, of: id, format: row.format }]
      : [];
  });
}

/** How many years before the base year the table shows when nothing earlier is recorded. */
export const HISTORY_SPAN = 4;

/**
 * The years of the recorded figures, oldest first up to the base year: from the earliest recorded year, the base
 * year less HISTORY_SPAN, or `from` (a column the planner added), whichever is first.
 */
export function historyYears(
  history: Scenario['history'],
  baseYear: number,
  from: number = baseYear - HISTORY_SPAN,
): number[] {
  const recorded = Object.values(history).flatMap((cells) => Object.keys(cells).map(Number));
  const first = Math.max(LIMITS.firstYear, Math.min(from, baseYear - HISTORY_SPAN, ...recorded));
  return Array.from({ length: baseYear - first + 1 }, (_, i) => first + i);
}

/** The year a column added before the shown ones would have, or undefined at the earliest year a scenario allows. */
export function earlierYear(years: readonly number[]): number | undefined {
  const first = (years[0] ?? LIMITS.firstYear) - 1;
  return first >= LIMITS.firstYear ? first : undefined;
}

/**
 * The recorded shares of the sectors added up per year, as checkTemplate adds them: only where every sector has one
 * (undefined elsewhere, and without sectors).
 */
export function shareTotals(
  history: Scenario['history'],
  sectorIds: readonly string[],
  years: readonly number[],
): (number | undefined)[] {
  return years.map((year) => {
    const shares = sectorIds.map((id) => history[sectorVar(id, 'share')]?.[year]);
    return sectorIds.length && shares.every((x) => x !== undefined)
      ? shares.reduce((a: number, b) => a + b!, 0)
      : undefined;
  });
}

/** The issues at the sum of the recorded shares in a year: the shares not adding up to 100%. */
export const shareTotalIssues = (issues: readonly TemplateIssue[], year: number): TemplateIssue[] =>
  issues.filter((i) => i.key === 'sharesSum' && i.args?.year === year);

/**
 * The issues at a recorded figure: a sector's share in a year whose shares do not add up to 100%; GRDP at current
 * prices in the base year when the sectors' base values do not add up to it.
 */
export function historyCellIssues(issues: readonly TemplateIssue[], row: HistoryRow, year: number): TemplateIssue[] {
  if (row.role === 'share') return shareTotalIssues(issues, year);
  if (row.variable === BUILTIN.grdpNominal)
    return issues.filter((i) => i.key === 'structureSum' && i.args?.year === year);
  return [];
}
