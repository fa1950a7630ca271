import { BUILTIN, type Model } from './model';
import { summarize } from './summary';
import type { Scenario } from './types';

/** One scenario to compare: its name, its scenario and its evaluated model. */
export interface CompareItem {
  readonly name: string;
  readonly scenario: Scenario;
  readonly model: Model;
}

/** A key output across the compared scenarios, with each one's difference from the first. */
export interface CompareRow {
  readonly key: 'share' | 'growth' | 'firstYear' | 'grdp';
  /** The target year for share rows, the last year for GRDP. */
  readonly year?: number;
  readonly format: 'percent' | 'number' | 'year';
  readonly values: readonly (number | undefined)[];
  readonly diffs: readonly (number | undefined)[];
}

/** Aligned series and key outputs of several scenarios. */
export interface Comparison {
  readonly years: readonly number[];
  readonly names: readonly string[];
  /** Focus-sector share per scenario, null outside its years or on errors. */
  readonly share: readonly (number | null)[][];
  /** GRDP at current prices per scenario. */
  readonly grdp: readonly (number | null)[][];
  /** The first scenario's share targets by year, null in years without one. */
  readonly targets: readonly (number | null)[];
  readonly rows: readonly CompareRow[];
}

function at(model: Model, id: string, year: number): number | undefined {
  const v = model.get(id);
  const i = year - model.baseYear;
  if (!v || i < 0 || i >= model.years.length || v.errors[i] || v.blank[i]) return undefined;
  return v.values[i];
}

function row(
  key: CompareRow['key'],
  format: CompareRow['format'],
  values: (number | undefined)[],
  year?: number,
): CompareRow {
  const first = values[0];
  const diffs = values.map((v) => (v === undefined || first === undefined ? undefined : v - first));
  return year === undefined ? { key, format, values, diffs } : { key, format, year, values, diffs };
}

/** Lines up scenarios year by year and tabulates their key outputs against the first. */
export function compareScenarios(items: readonly CompareItem[]): Comparison {
  if (items.length === 0) return { years: [], names: [], share: [], grdp: [], targets: [], rows: [] };
  const from = Math.min(...items.map((c) => c.model.baseYear));
  const to = Math.max(...items.map((c) => c.model.years[c.model.years.length - 1]!));
  const years = Array.from({ length: to - from + 1 }, (_, k) => from + k);
  const share = items.map((c) => years.map((y) => at(c.model, `${c.scenario.meta.focus}.share`, y) ?? null));
  const grdp = items.map((c) => years.map((y) => at(c.model, BUILTIN.grdpNominal, y) ?? null));
  const headlines = items.map((c) => summarize(c.model, c.scenario));
  // The first scenario's share targets set the years the table looks at.
  const shareTargets = headlines[0]!.shareTargets;
  const targetYears = shareTargets.map((t) => t.year);
  const targets = years.map((y) => shareTargets.find((t) => t.year === y)?.threshold ?? null);
  const rows: CompareRow[] = [
    ...targetYears.map((year) =>
      row(
        'share',
        'percent',
        items.map((c) => at(c.model, `${c.scenario.meta.focus}.share`, year)),
        year,
      ),
    ),
    row(
      'growth',
      'percent',
      headlines.map((h) => h.growth.value),
    ),
    row(
      'firstYear',
      'year',
      headlines.map((h) => h.firstYearFinalTargetMet),
    ),
    row(
      'grdp',
      'number',
      items.map((c) => at(c.model, BUILTIN.grdpNominal, to)),
      to,
    ),
  ];
  return { years, names: items.map((c) => c.name), share, grdp, targets, rows };
}
