import type { CellInput, ParamRow, Scenario, SeriesRow } from '../engine';

// The assumptions table of the template editor besides the sectors' growth: average population and the exchange
// rate GRDP per capita is worked out from, and the template's other series and parameters.

/** One of the rows GRDP per capita is computed from: where it is held (a series, a parameter, or not yet). */
export interface PerCapitaLine {
  readonly which: 'population' | 'usdRate';
  /** The row holding it; undefined until the first figure makes one. */
  readonly row: SeriesRow | ParamRow | undefined;
}

/** The template's other rows with figures: series by year, parameters with one value. */
export interface OtherInputs {
  readonly series: SeriesRow[];
  readonly params: ParamRow[];
}

/** The population and exchange-rate lines, each with the row that holds it where the scenario builds per capita. */
export function perCapitaLines(scenario: Pick<Scenario, 'rows' | 'meta'>): PerCapitaLine[] {
  const held = scenario.meta.perCapita;
  return (['population', 'usdRate'] as const).map((which) => {
    const row = scenario.rows.find((r) => r.id === held?.[which]);
    return { which, row: row?.kind === 'series' || row?.kind === 'param' ? row : undefined };
  });
}

/** A per-capita line's figure in a year: its series cell, or its parameter's value, which holds for every year. */
export function perCapitaInput(line: PerCapitaLine, year: number): CellInput | undefined {
  if (!line.row) return undefined;
  return line.row.kind === 'param' ? line.row.value : line.row.cells[year];
}

/** The series and parameters other than the per-capita ones, in the template's order. */
export function otherInputs(scenario: Pick<Scenario, 'rows' | 'meta'>): OtherInputs {
  const perCapita = new Set(Object.values(scenario.meta.perCapita ?? {}));
  const rows = scenario.rows.filter((r) => !perCapita.has(r.id));
  return {
    series: rows.filter((r): r is SeriesRow => r.kind === 'series'),
    params: rows.filter((r): r is ParamRow => r.kind === 'param'),
  };
}
