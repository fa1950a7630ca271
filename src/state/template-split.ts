import {
  splitVarId,
  withRowId,
  type CellInput,
  type Distribution,
  type Label,
  type RowDef,
  type Scenario,
  type SectorRow,
  type UncertainRow,
} from '../engine';

// The arithmetic of splitting a sector into parts so that every total stays as it was.

/** A sector a split makes: its row id, label and fraction of the whole. */
export interface SplitInto {
  readonly id: string;
  readonly label: Label;
  readonly fraction: number;
}

/** Whether fractions cannot split a sector: fewer than two, one not between 0 and 100%, or a sum other than 100%. */
export function badFractions(fractions: readonly number[]): boolean {
  const sum = fractions.reduce((a, b) => a + b, 0);
  return fractions.length < 2 || fractions.some((f) => !(f > 0 && f < 1)) || !(Math.abs(sum - 1) <= 1e-6);
}

/** A value split by fractions; the last part takes what is left, so the parts add up to the whole. */
export function splitValue(whole: number, fractions: readonly number[]): number[] {
  const parts = fractions.slice(0, -1).map((f) => whole * f);
  return [...parts, parts.reduce((rest, part) => rest - part, whole)];
}

/** Whether a variable is a level (value, current prices, share), split by the fraction; rates (growth, price) are copied. */
export const isLevel = (variable: string): boolean => {
  const { part } = splitVarId(variable);
  return part === undefined || part === 'nominal' || part === 'share';
};

function scaled(d: Distribution, f: number): Distribution {
  switch (d.kind) {
    case 'uniform':
      return { kind: 'uniform', lo: d.lo * f, hi: d.hi * f };
    case 'normal':
      return { kind: 'normal', mean: d.mean * f, sd: d.sd * f };
    case 'triangular':
      return { kind: 'triangular', lo: d.lo * f, mode: d.mode * f, hi: d.hi * f };
  }
}

const mapValues = <T>(cells: Readonly<Record<string, T>>, f: (x: T) => T): Record<string, T> =>
  Object.fromEntries(Object.entries(cells).map(([year, x]) => [year, f(x)]));

// Each entry of a by-variable map that belongs to the whole sector becomes one entry per part.
function splitEntries<T>(
  all: Readonly<Record<string, T>>,
  wholeId: string,
  parts: readonly SplitInto[],
  split: (x: T, variable: string, fraction: number) => T,
): Record<string, T> {
  return Object.fromEntries(
    Object.entries(all).flatMap(([variable, x]) =>
      splitVarId(variable).rowId === wholeId
        ? parts.map((p) => [withRowId(variable, p.id), split(x, variable, p.fraction)] as const)
        : [[variable, x] as const],
    ),
  );
}

/**
 * The scenario with one sector replaced, in its place, by parts: the base value split by their fractions (the last
 * takes the rest), growth, price changes and group copied, so every total stays as it was. Recorded levels (value,
 * current prices, share) and their ranges are split by the fractions, recorded rates copied. The caller checks that
 * the whole is a sector with a number (or blank) base that nothing else refers to, and the parts' ids.
 */
export function splitScenario(scenario: Scenario, wholeId: string, parts: readonly SplitInto[]): Scenario {
  const whole = scenario.rows.find((r): r is SectorRow => r.kind === 'sector' && r.id === wholeId);
  if (!whole || (typeof whole.base !== 'number' && whole.base !== '')) throw new Error(`cannot split ${wholeId}`);
  const fractions = parts.map((p) => p.fraction);
  const bases: CellInput[] = typeof whole.base === 'number' ? splitValue(whole.base, fractions) : parts.map(() => '');
  const rows = scenario.rows.flatMap((row): RowDef[] =>
    row === whole ? parts.map((p, k) => ({ ...whole, id: p.id, label: p.label, base: bases[k]! })) : [row],
  );
  const history = splitEntries(scenario.history, wholeId, parts, (cells, variable, f) =>
    isLevel(variable) ? mapValues(cells, (x) => x * f) : cells,
  );
  if (!scenario.uncertainty) return { ...scenario, rows, history };
  const uncertainty = splitEntries<UncertainRow>(scenario.uncertainty, wholeId, parts, (row, variable, f) =>
    isLevel(variable) ? { ...row, cells: mapValues(row.cells, (d) => scaled(d, f)) } : row,
  );
  return { ...scenario, rows, history, uncertainty };
}
