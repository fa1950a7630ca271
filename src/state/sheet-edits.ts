import {
  canonicalFormula,
  cleanText,
  inputOf,
  sectorVar,
  withInput,
  type Model,
  type RowDef,
  type Scenario,
} from '../engine';
import type { Locale } from '../engine';
import { readCellText } from './cell-view';
import type { CustomRowSpec } from './sheet-types';

/** The last year a projection may reach. */
export const MAX_HORIZON = 2050;

/**
 * The scenario with its last projected year moved (clamped to base year + 1 … MAX_HORIZON). New years continue
 * each row that is filled in every projection year (growth rates, formula rows, the growth target) with its last
 * input, so that a longer horizon does not silently assume zero growth; sparse rows such as share targets stay blank.
 */
export function withHorizon(scenario: Scenario, model: Model, horizon: number): Scenario {
  if (!Number.isFinite(horizon)) return scenario;
  const { baseYear, horizon: last } = scenario.meta;
  const clamped = Math.min(MAX_HORIZON, Math.max(baseYear + 1, Math.round(horizon)));
  if (clamped === last) return scenario;
  let after: Scenario = { ...scenario, meta: { ...scenario.meta, horizon: clamped } };
  const projection = model.years.filter((y) => y > baseYear);
  for (let year = last + 1; year <= clamped; year++) {
    for (const v of model.variables) {
      if (!model.isInput(v.id, last) || v.role === 'param' || v.role === 'value') continue;
      if (projection.some((y) => inputOf(scenario, v, y) === undefined)) continue;
      after = withInput(after, v.id, year, inputOf(scenario, v, last));
    }
  }
  return after;
}

/**
 * The scenario with its base year moved forward: each sector's base becomes its current-price value in the new
 * base year (at the base year constant and current prices coincide), so the projection after it is unchanged.
 * 'range' when the year is before the base year (those years hold recorded figures) or not before the horizon.
 */
export function withBaseYear(scenario: Scenario, model: Model, baseYear: number): Scenario | 'range' {
  const meta = scenario.meta;
  const year = Math.round(baseYear);
  if (!Number.isFinite(year) || year === meta.baseYear) return scenario;
  if (year < meta.baseYear || year >= meta.horizon) return 'range';
  const i = year - meta.baseYear;
  const rows = scenario.rows.map((row) => {
    const nominal = model.get(sectorVar(row.id, 'nominal'));
    if (row.kind !== 'sector' || !nominal || nominal.errors[i]) return row;
    return { ...row, base: nominal.values[i]! };
  });
  return { ...scenario, rows, meta: { ...meta, baseYear: year } };
}

/** The row the "add row" form describes: an input series, a formula row over the projection, or a parameter. */
export function customRow(spec: CustomRowSpec, scenario: Scenario, locale: Locale): RowDef {
  const { baseYear, horizon } = scenario.meta;
  const label = cleanText(spec.label).trim() || spec.id;
  if (spec.kind === 'param') {
    const value = readCellText(spec.value ?? '', locale, spec.format) ?? 0;
    return { kind: 'param', id: spec.id, label, format: spec.format, value };
  }
  const cells: Record<string, string> = {};
  // The form takes the formula as the planner types it in their language (";" and decimal commas in Vietnamese).
  const formula = canonicalFormula((spec.formula ?? '').trim(), locale);
  if (spec.kind === 'formula') for (let y = baseYear + 1; y <= horizon; y++) cells[y] = formula;
  return { kind: 'series', id: spec.id, label, format: spec.format, cells };
}
