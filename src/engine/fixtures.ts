import type { Model, Variable } from './model';
import { mapInputs } from './scenario';
import type { CellInput, RowDef, Scenario, SectorRow, TargetRow } from './types';
import { BUILTIN, structureVar } from './variables';

// Test data only: imported by the engine's tests, never by the engine.

/** A sector row growing at one rate from the year after the base year to the horizon, with its price changes. */
export function sectorRow(
  id: string,
  base: number,
  growth: number,
  extra: Partial<Pick<SectorRow, 'group' | 'price'>> = {},
  years: readonly number[] = [2026, 2027, 2028, 2029, 2030],
): SectorRow {
  return {
    kind: 'sector',
    id,
    label: id,
    base,
    growth: Object.fromEntries(years.map((y) => [y, growth])),
    price: {},
    ...extra,
  };
}

/** A target row labelled by its id, with upper bounds where given (a range or a ceiling). */
export function targetRow(id: string, of: string, cells: TargetRow['cells'], upper?: TargetRow['upper']): TargetRow {
  return { kind: 'target', id, label: id, of, cells, ...(upper ? { upper } : {}) };
}

/**
 * A 2025-based scenario that declares the new indicators: every sector in an economic group (industry twice), GRDP
 * per capita from a population series and a rate parameter, and recorded history of both. GRDP at current prices in
 * 2025 is 368,445 bn VND, population 1,400 thousand, the rate 25,300 VND per USD.
 */
export function declaredScenario(): Scenario {
  const rows: RowDef[] = [
    sectorRow('services', 140000, 0.1, { group: 'services', price: { 2026: 0.03 } }),
    sectorRow('agriculture', 17000, 0.03, { group: 'agriculture' }),
    sectorRow('manufacturing', 70000, 0.2, { group: 'industry', price: { 2026: -0.01 } }),
    sectorRow('other_industry', 100000, 0.04, { group: 'industry' }),
    sectorRow('taxes', 41445, 0.08, { group: 'taxes' }),
    {
      kind: 'series',
      id: 'population',
      label: 'Population',
      format: 'number',
      cells: { 2025: 1400, 2026: 1410, 2027: 1420, 2028: 1430, 2029: 1440, 2030: 1450 },
    },
    { kind: 'param', id: 'usd_rate', label: 'VND per USD', format: 'number', value: 25300 },
  ];
  return {
    meta: {
      name: 'declared',
      region: 'r',
      baseYear: 2025,
      horizon: 2030,
      unit: 'u',
      focus: 'manufacturing',
      perCapita: { population: 'population', usdRate: 'usd_rate' },
    },
    rows,
    history: {
      [BUILTIN.grdpGrowth]: { 2021: 0.1028, 2022: 0.1028, 2023: 0.1103, 2024: 0.0842, 2025: 0.1189 },
      [structureVar('industry')]: { 2024: 0.508 },
      [BUILTIN.grdpPerCapitaUsd]: { 2024: 10272 },
    },
  };
}

/**
 * The scenario with every formula made unique by a trailing comment ("=x[t-1] * 2 # 17"), so a model compiles each
 * formula cell on its own: the reference that formulas shared by text are checked against. A formula too long to take
 * the comment is left as it is.
 */
export function compiledAlone(scenario: Scenario, maxLength = 1000): Scenario {
  let n = 0;
  const alone = (input: CellInput): CellInput => {
    if (typeof input !== 'string' || !input.startsWith('=')) return input;
    const unique = `${input} # ${n++}`;
    return unique.length - 1 <= maxLength ? unique : input;
  };
  return { ...scenario, rows: scenario.rows.map((row) => mapInputs(row, alone)) };
}

/** Every cell of a model as text (value, error code or blank, recorded mark), to compare two models exactly. */
export function modelSnapshot(model: Model): string[] {
  const cell = (v: Variable, i: number): string => {
    const error = v.errors[i];
    if (error) return error.code;
    if (v.blank[i]) return 'blank';
    const x = v.values[i]!;
    return `${Object.is(x, -0) ? '-0' : x}${v.recorded[i] ? 'r' : ''}`;
  };
  return model.variables.map((v) => `${v.id}: ${Array.from(v.values, (_, i) => cell(v, i)).join(' ')}`);
}
