import type { RowDef, Scenario } from '../src/engine';

export const ROWS = 200;
export const BASE_YEAR = 2000;
export const HORIZON = 2029;
export const YEARS = HORIZON - BASE_YEAR + 1;
// Weights sum to 1 so values stay near x's scale down 200 rows instead of growing like 2^200.
const A = 0.6;
const B = 0.4;

/** The x input the sheet starts from in year index i. */
export function xAt(i: number): number {
  return 100 + i;
}

const rowId = (k: number): string => `r${k}`;

/** x (numbers) and r0..r{rows−1}, where r_k(t) = r_{k−1}(t)·A + r_k(t−1)·B and r_k(base) = r_{k−1}(base). */
export function sheetScenario(rows = ROWS): Scenario {
  const x: RowDef = {
    kind: 'series',
    id: 'x',
    label: 'x',
    format: 'number',
    cells: Object.fromEntries(Array.from({ length: YEARS }, (_, i) => [BASE_YEAR + i, xAt(i)])),
  };
  const formulaRows = Array.from({ length: rows }, (_, k): RowDef => {
    const prev = k === 0 ? 'x' : rowId(k - 1);
    const cells: Record<number, string> = { [BASE_YEAR]: `=${prev}[t]` };
    for (let y = BASE_YEAR + 1; y <= HORIZON; y++) cells[y] = `=${prev}[t] * ${A} + ${rowId(k)}[t-1] * ${B}`;
    return { kind: 'series', id: rowId(k), label: rowId(k), format: 'number', cells };
  });
  return {
    meta: { name: 'bench', region: 'bench', baseYear: BASE_YEAR, horizon: HORIZON, unit: 'u', focus: 'x' },
    rows: [x, ...formulaRows],
    history: {},
  };
}

/** The same sheet by hand: x then r0..r{rows−1} in one flat array, row k at k·YEARS (x is row 0). */
export function plainSheet(rows = ROWS): Float64Array {
  const cells = new Float64Array((rows + 1) * YEARS);
  for (let i = 0; i < YEARS; i++) cells[i] = xAt(i);
  return cells;
}

/** Sets x in year index i and recomputes every formula cell (6,000 in the 200-row sheet); returns the last cell. */
export function editPlain(cells: Float64Array, i: number, value: number): number {
  cells[i] = value;
  for (let row = YEARS; row < cells.length; row += YEARS) {
    const prev = row - YEARS;
    cells[row] = cells[prev]!;
    for (let t = 1; t < YEARS; t++) cells[row + t] = cells[prev + t]! * A + cells[row + t - 1]! * B;
  }
  return cells[cells.length - 1]!;
}

/** Engine variable ids paired with the hand-written row that must hold the same numbers. */
export function plainSheetRows(cells: Float64Array): [string, Float64Array][] {
  return Array.from({ length: cells.length / YEARS }, (_, k) => [
    k === 0 ? 'x' : rowId(k - 1),
    cells.subarray(k * YEARS, (k + 1) * YEARS),
  ]);
}
