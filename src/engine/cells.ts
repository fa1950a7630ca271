import { compileExpr, type CompileEnv, type Compiled, type Dep, type Sink } from './compile';
import { isCellError, parseFormula } from './parse-formula';
import { setRecordedOrBlank, type Series } from './project';
import { cellError, ErrorCode, type CellError, type CellInput, type RowDef, type Scenario } from './types';
import type { VarRole } from './variables';

/** One input cell as compiled: a blank, a number, a formula (shared by the cells holding its text) or an error. */
export interface InputCell {
  literal: number;
  fn: ((i: number) => number) | null;
  error: CellError | null;
  blank: boolean;
  deps: readonly Dep[];
}

/** An input cell that holds a blank until something is compiled into it. */
export function blankCell(): InputCell {
  return { literal: 0, fn: null, error: null, blank: true, deps: [] };
}

/**
 * Formulas of one model compiled by text. A compiled formula takes the year index as its argument, so every cell
 * holding the same text (a row's cells usually hold one formula for every year) shares one closure and one deps
 * list; offsets like x[t-1] stay relative to the cell that runs it. Valid while the model's variables are fixed.
 */
export class FormulaCache {
  readonly #compiled = new Map<string, Compiled | CellError>();
  readonly #env: CompileEnv;
  readonly #sink: Sink;

  constructor(env: CompileEnv, sink: Sink) {
    this.#env = env;
    this.#sink = sink;
  }

  /** Number of distinct formula texts compiled so far. */
  get size(): number {
    return this.#compiled.size;
  }

  /** Compiles an input into a cell, reusing the compiled formula of an identical text. */
  compileInto(cell: InputCell, input: CellInput | undefined): void {
    cell.fn = null;
    cell.error = null;
    cell.deps = [];
    cell.blank = false;
    cell.literal = 0;
    if (input === undefined || input === '') {
      cell.blank = true;
    } else if (typeof input === 'number') {
      if (Number.isFinite(input)) cell.literal = input;
      else cell.error = cellError(ErrorCode.NUM, 'notFinite');
    } else if (!input.startsWith('=')) {
      cell.error = cellError(ErrorCode.VALUE, 'notANumber', { text: input.slice(0, 40) });
    } else {
      const compiled = this.#compile(input);
      if (isCellError(compiled)) cell.error = compiled;
      else {
        cell.fn = compiled.fn;
        cell.deps = compiled.deps;
      }
    }
  }

  #compile(formula: string): Compiled | CellError {
    let compiled = this.#compiled.get(formula);
    if (!compiled) {
      const expr = parseFormula(formula);
      compiled = isCellError(expr) ? expr : compileExpr(expr, this.#env, this.#sink);
      this.#compiled.set(formula, compiled);
    }
    return compiled;
  }
}

/** Evaluates one year of a row's input cells into its series; years with no input cell show the recorded value. */
export function inputCellEvaluator(
  out: Series,
  inputs: readonly (InputCell | null)[],
  history: Float64Array,
  sink: Sink,
): (i: number) => void {
  return (i) => {
    const cell = inputs[i];
    if (!cell) return setRecordedOrBlank(out, i, history[i]!);
    out.errors[i] = null;
    out.blank[i] = 0;
    out.recorded[i] = 0;
    if (cell.blank) {
      out.values[i] = 0;
      out.blank[i] = 1;
    } else if (cell.error) {
      out.values[i] = NaN;
      out.errors[i] = cell.error;
    } else if (cell.fn) {
      sink.err = null;
      const x = cell.fn(i);
      if (sink.err) {
        out.values[i] = NaN;
        out.errors[i] = sink.err;
      } else if (!Number.isFinite(x)) {
        out.values[i] = NaN;
        out.errors[i] = cellError(ErrorCode.NUM, 'notFinite');
      } else out.values[i] = x;
    } else out.values[i] = cell.literal;
  };
}

/** A key that changes when a cell's dependencies change (a shared deps list compares as equal). */
export function depKey(deps: readonly Dep[]): string {
  return deps.map((d) => `${d.v}:${+d.rel}:${d.lo}:${d.hi}`).join(',');
}

/** What inputOf needs to know of a variable: which row it comes from and its role there. */
export type VariableSource = { readonly role: VarRole; readonly rowId: string };

/** The input a scenario holds for a variable's cell in a year, or undefined for a blank. */
export function inputOf(scenario: Scenario, v: VariableSource, year: number): CellInput | undefined {
  const row = scenario.rows.find((r) => r.id === v.rowId);
  return row && inputOfRow(row, scenario.meta.baseYear, v, year);
}

/** The input a row holds for a variable's cell in a year (inputOf with the row already found). */
export function inputOfRow(row: RowDef, baseYear: number, v: VariableSource, year: number): CellInput | undefined {
  const key = String(year);
  switch (row.kind) {
    case 'sector':
      if (v.role === 'value') return year === baseYear ? row.base : undefined;
      if (v.role === 'growth') return row.growth[key];
      if (v.role === 'price') return row.price[key];
      return undefined;
    case 'param':
      return year === baseYear ? row.value : undefined;
    case 'series':
    case 'target':
      return row.cells[key];
  }
}
