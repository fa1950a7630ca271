import { evaluate, type Evaluation } from './evaluate';
import { fullPeriods, type Headline } from './summary';
import type { Scenario } from './types';
import { BUILTIN, focusShare } from './variables';

/** One scenario to compare, under the name it is shown by. */
export interface CompareItem {
  readonly name: string;
  readonly scenario: Scenario;
}

/** A key output across the compared scenarios, with each one's difference from the first. */
export interface CompareRow {
  readonly key: 'share' | 'growth' | 'periodGrdp' | 'periodFocus' | 'firstYear' | 'grdp' | 'perCapita';
  /** The target year for share rows, the last year for GRDP and per capita, the last year of a plan period. */
  readonly year?: number;
  /** The first year of a plan period's rows. */
  readonly from?: number;
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

function row(
  key: CompareRow['key'],
  format: CompareRow['format'],
  values: (number | undefined)[],
  year?: number,
  from?: number,
): CompareRow {
  const first = values[0];
  const diffs = values.map((v) => (v === undefined || first === undefined ? undefined : v - first));
  return {
    key,
    format,
    values,
    diffs,
    ...(year === undefined ? {} : { year }),
    ...(from === undefined ? {} : { from }),
  };
}

// The plan periods of the first scenario (of two years or more), each compared over the same years.
function periodRows(headlines: readonly Headline[]): CompareRow[] {
  const periods = fullPeriods(headlines[0]!.periods);
  const pick = (h: Headline, from: number) => h.periods.find((p) => p.from === from);
  return periods.flatMap(({ from, to }) => [
    row(
      'periodGrdp',
      'percent',
      headlines.map((h) => pick(h, from)?.grdp),
      to,
      from,
    ),
    row(
      'periodFocus',
      'percent',
      headlines.map((h) => pick(h, from)?.focus),
      to,
      from,
    ),
  ]);
}

/** Lines up scenarios year by year and tabulates their key outputs against the first; unbuildable ones are left out. */
export function compareScenarios(items: readonly CompareItem[]): Comparison {
  const evaluated = items.flatMap((item) => {
    const evaluation = evaluate(item.scenario);
    return evaluation ? [{ ...item, evaluation, shareId: focusShare(item.scenario.meta) }] : [];
  });
  if (evaluated.length === 0) return { years: [], names: [], share: [], grdp: [], targets: [], rows: [] };
  const last = (e: Evaluation): number => e.years[e.years.length - 1]!;
  const from = Math.min(...evaluated.map((c) => c.evaluation.baseYear));
  const to = Math.max(...evaluated.map((c) => last(c.evaluation)));
  const years = Array.from({ length: to - from + 1 }, (_, k) => from + k);
  const share = evaluated.map((c) => years.map((y) => c.evaluation.value(c.shareId, y) ?? null));
  const grdp = evaluated.map((c) => years.map((y) => c.evaluation.value(BUILTIN.grdpNominal, y) ?? null));
  const headlines = evaluated.map((c) => c.evaluation.headline);
  // The first scenario's share targets set the years the table looks at.
  const shareTargets = headlines[0]!.shareTargets;
  const targetYears = shareTargets.map((t) => t.year);
  const targets = years.map((y) => shareTargets.find((t) => t.year === y)?.threshold ?? null);
  const rows: CompareRow[] = [
    ...targetYears.map((year) =>
      row(
        'share',
        'percent',
        evaluated.map((c) => c.evaluation.value(c.shareId, year)),
        year,
      ),
    ),
    row(
      'growth',
      'percent',
      headlines.map((h) => h.growth.value),
    ),
    ...periodRows(headlines),
    row(
      'firstYear',
      'year',
      headlines.map((h) => h.firstYearFinalTargetMet),
    ),
    row(
      'grdp',
      'number',
      evaluated.map((c) => c.evaluation.value(BUILTIN.grdpNominal, to)),
      to,
    ),
    ...(headlines.some((h) => h.perCapita)
      ? [
          row(
            'perCapita',
            'number',
            evaluated.map((c) => c.evaluation.value(BUILTIN.grdpPerCapitaUsd, to)),
            to,
          ),
        ]
      : []),
  ];
  return { years, names: evaluated.map((c) => c.name), share, grdp, targets, rows };
}
