import { Model } from '../src/engine';
import { BASE_YEAR, editPlain, plainSheet, plainSheetRows, sheetScenario, xAt, YEARS } from './sheet';
import { assertSame, eachCall, perCallInBatches, quantile } from './timing';

/** What one size of the generated sheet measured: build, the edit that reaches every formula cell, memory. */
export interface SheetFigures {
  readonly rows: number;
  readonly cells: number;
  readonly compiled: number;
  /** ns */
  readonly firstBuild: number;
  /** ns per build, median */
  readonly build: number;
  /** ns per edit of x in the base year, median and p95 */
  readonly edit: number;
  readonly editP95: number;
  /** ns per edit of x in the last year, median (only the last column recomputes) */
  readonly lastYearEdit: number;
  /** ns per edit of the hand-written loop, median of batches */
  readonly editPlain: number;
  /** bytes of heap the built model holds, or undefined without --expose-gc */
  readonly heap: number | undefined;
  /** the bench's correctness checks, for the printout */
  readonly checks: readonly string[];
}

const gc = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

/** Checks a model against hand-written rows (throws beyond the tolerance); returns the line for the printout. */
export function compare(what: string, model: Model, rows: [string, Float64Array][]): string {
  const pairs = rows.map(([id, want]): [string, Float64Array, Float64Array] => {
    const v = model.get(id);
    if (!v) throw new Error(`engine has no variable ${id}`);
    return [id, v.values, want];
  });
  const { maxAbs, maxRel } = assertSame(what, pairs);
  const cells = rows.length * (rows[0]?.[1].length ?? 0);
  return `${what}: ${cells} cells, max abs diff ${maxAbs.toExponential(2)}, max rel diff ${maxRel.toExponential(2)}`;
}

/** Builds and edits the generated sheet of `rows` formula rows × 30 years, checked against the hand-written loop. */
export function benchSheet(rows: number, builds: number, edits: number): SheetFigures {
  const size = `Sheet ${rows.toLocaleString('en-US')}×${YEARS}`;
  const scenario = sheetScenario(rows);
  const before = gc ? heapUsed() : 0;
  const start = process.hrtime.bigint();
  const sheet = new Model(scenario);
  const firstBuild = Number(process.hrtime.bigint() - start);
  const heap = gc ? heapUsed() - before : undefined;
  const last = sheet.get(`r${rows - 1}`)!.values;
  const buildTimes = eachCall(() => new Model(scenario).get(`r${rows - 1}`)!.values[YEARS - 1]!, builds, 1);

  const cells = plainSheet(rows);
  editPlain(cells, 0, xAt(0));
  const checks = [compare(`${size} as built`, sheet, plainSheetRows(cells))];
  // Alternating values so every edit changes every formula cell.
  let flip = 0;
  const editTimes = eachCall(
    () => {
      flip ^= 1;
      sheet.setInput('x', BASE_YEAR, xAt(0) + flip);
      return last[YEARS - 1]!;
    },
    edits,
    Math.ceil(edits / 10),
  );
  let flipPlain = 0;
  const plain = perCallInBatches(() => {
    flipPlain ^= 1;
    return editPlain(cells, 0, xAt(0) + flipPlain);
  });
  const lastYear = BASE_YEAR + YEARS - 1;
  const lastYearTimes = eachCall(
    () => {
      flip ^= 1;
      sheet.setInput('x', lastYear, xAt(YEARS - 1) + flip);
      return last[YEARS - 1]!;
    },
    edits,
    Math.ceil(edits / 10),
  );
  sheet.setInput('x', BASE_YEAR, 12345);
  sheet.setInput('x', lastYear, xAt(YEARS - 1));
  editPlain(cells, 0, 12345);
  checks.push(compare(`${size} after timed edits`, sheet, plainSheetRows(cells)));
  return {
    rows,
    cells: rows * YEARS,
    compiled: sheet.compiledFormulas,
    firstBuild,
    build: quantile(buildTimes, 0.5),
    edit: quantile(editTimes, 0.5),
    editP95: quantile(editTimes, 0.95),
    lastYearEdit: quantile(lastYearTimes, 0.5),
    editPlain: plain.median,
    heap,
    checks,
  };
}
