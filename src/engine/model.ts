import { blankCell, depKey, FormulaCache, inputOfRow } from './cells';
import type { CompileEnv, Sink } from './compile';
import { buildPlan, type Plan } from './graph';
import { own } from './own';
import { cellError, ErrorCode, type CellError, type CellInput, type Format, type Scenario } from './types';
import { optionalTotals, sectorVariables, TOTALS, type BuiltRole, type VarRole } from './variables';
import { wire, type Variable, type VarState } from './wire';

export type { Variable } from './wire';

/** Years from the base year to the horizon, inclusive. */
export function yearsOf(scenario: Scenario): number[] {
  const { baseYear, horizon } = scenario.meta;
  return Array.from({ length: Math.max(1, horizon - baseYear + 1) }, (_, i) => baseYear + i);
}

/**
 * A scenario compiled for evaluation: variables over typed arrays, formulas compiled once,
 * and a dependency plan. Editing one input recompiles that cell and recomputes its dependants.
 */
export class Model {
  /** Years of the columns, base year first. */
  readonly years: readonly number[];
  readonly baseYear: number;
  readonly #vars: VarState[] = [];
  readonly #byId = new Map<string, VarState>();
  readonly #sink: Sink = { err: null };
  readonly #history: Scenario['history'];
  readonly #formulas: FormulaCache;
  #plan!: Plan;

  constructor(scenario: Scenario) {
    this.years = yearsOf(scenario);
    this.baseYear = scenario.meta.baseYear;
    const length = this.years.length;
    const env: CompileEnv = { baseYear: this.baseYear, length, resolve: (name) => this.#byId.get(name) };
    this.#formulas = new FormulaCache(env, this.#sink);
    this.#history = scenario.history;
    this.#declare(scenario);
    wire(scenario, this.#vars, (id) => this.#byId.get(id), this.#sink);
    const rows = new Map(scenario.rows.map((row) => [row.id, row]));
    for (const v of this.#vars) {
      const row = rows.get(v.rowId);
      v.inputs.forEach((cell, i) => {
        if (cell) this.#formulas.compileInto(cell, row && inputOfRow(row, this.baseYear, v, this.years[i]!));
      });
    }
    this.#replan();
    for (const step of this.#plan.steps) this.#run(step);
  }

  /** All variables in declaration order. */
  get variables(): readonly Variable[] {
    return this.#vars;
  }

  /** How many distinct formula texts the model has compiled: cells holding the same text share one. */
  get compiledFormulas(): number {
    return this.#formulas.size;
  }

  /** A variable by id ("grdp", "manufacturing.share"), or undefined. */
  get(id: string): Variable | undefined {
    return this.#byId.get(id);
  }

  /** Whether the cell of variable id in year is an input a user may edit. */
  isInput(id: string, year: number): boolean {
    return !!this.#byId.get(id)?.inputs[year - this.baseYear];
  }

  /**
   * Repeated what-ifs on input cells that hold plain numbers (Monte Carlo samples): write numbers into `inputs` (one
   * slot per cell, starting at the cells' numbers), then `recalculate()` puts them in the cells without recompiling
   * and recomputes only the rows they reach, from the earliest year each can change. Given `outputs`, only rows those
   * variables depend on are recomputed (the others go stale). Valid until the next setInput. Throws for a cell that
   * does not hold a plain number (inputOf tells), an unknown output and, on recalculating, a non-finite input.
   */
  sampler(
    cells: readonly { id: string; year: number }[],
    outputs?: readonly string[],
  ): { inputs: Float64Array; recalculate: () => void } {
    const length = this.years.length;
    const needed = outputs ? this.#precedents(outputs) : undefined;
    const from = new Int32Array(this.#vars.length).fill(length);
    const targets = cells.map(({ id, year }) => {
      const v = this.#byId.get(id);
      const i = year - this.baseYear;
      const cell = v?.inputs[i];
      if (!v || !cell || cell.fn || cell.error || cell.blank) throw new Error(`not a number input: ${id} ${year}`);
      from[v.index] = Math.min(from[v.index]!, i);
      return { cell, values: v.values, i };
    });
    // Each step as a row function and the year to start from (cell-by-cell steps from 0).
    const runs: ((from: number) => void)[] = [];
    const starts: number[] = [];
    for (const step of this.#plan.steps) {
      if (step.kind === 'row') {
        const start = from[step.v]!;
        if (start >= length) continue;
        const v = this.#vars[step.v]!;
        if (!this.#isLiteralRow(v) && (!needed || needed[step.v])) {
          runs.push(v.row);
          starts.push(start);
        }
        this.#reach(step.v, start, from);
      } else if (step.vars.some((v) => from[v]! < length) && (!needed || step.vars.some((v) => needed[v]))) {
        runs.push(() => this.#run(step));
        starts.push(0);
        for (const v of step.vars) this.#reach(v, 0, from);
      }
    }
    const inputs = Float64Array.from(targets, (t) => t.cell.literal);
    const recalculate = (): void => {
      for (let k = 0; k < targets.length; k++) {
        const { cell, values, i } = targets[k]!;
        const x = inputs[k]!;
        if (!Number.isFinite(x)) throw new Error(`not a finite input: ${cells[k]!.id} ${cells[k]!.year}`);
        cell.literal = x;
        // Rows of plain numbers are not recomputed, so their value is written here too.
        values[i] = x;
      }
      for (let k = 0; k < runs.length; k++) runs[k]!(starts[k]!);
    };
    return { inputs, recalculate };
  }

  /** Replaces one input cell and recomputes what depends on it. Throws for a cell that is not an input. */
  setInput(id: string, year: number, input: CellInput | undefined): void {
    const v = this.#byId.get(id);
    const cell = v?.inputs[year - this.baseYear];
    if (!v || !cell) throw new Error(`not an input cell: ${id} ${year}`);
    const before = depKey(cell.deps);
    this.#formulas.compileInto(cell, input);
    if (depKey(cell.deps) !== before) this.#replan();
    this.#recompute(v.index, year - this.baseYear);
  }

  /** Recomputes every variable. Rows of plain numbers only change when edited, so they are skipped. */
  recalculate(): void {
    for (const step of this.#plan.steps) {
      if (step.kind === 'row' && this.#isLiteralRow(this.#vars[step.v]!)) continue;
      this.#run(step);
    }
  }

  #isLiteralRow(v: VarState): boolean {
    return !v.kernel && v.inputs.every((cell) => !cell || !cell.fn);
  }

  // Recomputes only what an edit can reach: each dependant from the earliest year it can change.
  #recompute(changed: number, year: number): void {
    const length = this.years.length;
    const from = new Int32Array(this.#vars.length).fill(length);
    from[changed] = year;
    for (const step of this.#plan.steps) {
      if (step.kind === 'row') {
        const start = from[step.v]!;
        if (start >= length) continue;
        this.#run(step, start);
        this.#reach(step.v, start, from);
      } else if (step.vars.some((v) => from[v]! < length)) {
        this.#run(step);
        for (const v of step.vars) this.#reach(v, 0, from);
      }
    }
  }

  // Marks the variables the outputs read, directly or through others (the outputs included).
  #precedents(outputs: readonly string[]): Uint8Array {
    const length = this.years.length;
    const needed = new Uint8Array(this.#vars.length);
    const stack = outputs.map((id) => {
      const v = this.#byId.get(id);
      if (!v) throw new Error(`unknown output: ${id}`);
      return v.index;
    });
    for (const v of stack) needed[v] = 1;
    while (stack.length) {
      const state = this.#vars[stack.pop()!]!;
      for (let i = 0; i < length; i++) {
        for (const d of state.inputs[i]?.deps ?? state.kernelDeps(i)) {
          if (needed[d.v]) continue;
          needed[d.v] = 1;
          stack.push(d.v);
        }
      }
    }
    return needed;
  }

  #reach(v: number, start: number, from: Int32Array): void {
    for (const { v: d, shift } of this.#plan.readers[v]!) from[d] = Math.min(from[d]!, Math.max(0, start + shift));
  }

  #run(step: Plan['steps'][number], from = 0): void {
    const length = this.years.length;
    if (step.kind === 'row') {
      this.#vars[step.v]!.row(from);
      return;
    }
    const onCycle = new Set(step.onCycle);
    const cycle = cellError(ErrorCode.CYCLE, 'cycle');
    const readsCycle = cellError(ErrorCode.CYCLE, 'dependsOnCycle');
    for (const c of step.cyclic) {
      const v = this.#vars[Math.floor(c / length)]!;
      const i = c % length;
      v.values[i] = NaN;
      v.errors[i] = onCycle.has(c) ? cycle : readsCycle;
      v.blank[i] = 0;
      v.recorded[i] = 0;
    }
    for (const c of step.order) this.#vars[Math.floor(c / length)]!.cell(c % length);
  }

  #replan(): void {
    const length = this.years.length;
    const nodes = this.#vars.map((v) => ({
      deps: Array.from({ length }, (_, i) => v.inputs[i]?.deps ?? v.kernelDeps(i)),
    }));
    this.#plan = buildPlan(nodes, length);
  }

  #add(id: string, role: VarRole, format: Format, rowId: string, inputYears: (i: number) => boolean): VarState {
    if (this.#byId.has(id)) throw new Error(`duplicate variable id: ${id}`);
    const length = this.years.length;
    const v: VarState = {
      id,
      role,
      format,
      rowId,
      index: this.#vars.length,
      values: new Float64Array(length),
      errors: new Array<CellError | null>(length).fill(null),
      blank: new Uint8Array(length),
      recorded: new Uint8Array(length),
      history: Float64Array.from(this.years, (year) => own(this.#history, id)?.[year] ?? NaN),
      inputs: Array.from({ length }, (_, i) => (inputYears(i) ? blankCell() : null)),
      kernel: null,
      kernelDeps: () => [],
      cell: () => undefined,
      row: () => undefined,
    };
    this.#vars.push(v);
    this.#byId.set(id, v);
    return v;
  }

  #declare(scenario: Scenario): void {
    const all = (): boolean => true;
    const first = (i: number): boolean => i === 0;
    const afterFirst = (i: number): boolean => i > 0;
    const never = (): boolean => false;
    // The years in which each built variable takes input: a sector's base value, its rates after the base year.
    const inputYears: Record<BuiltRole, (i: number) => boolean> = {
      value: first,
      growth: afterFirst,
      price: afterFirst,
      nominal: never,
      share: never,
      grdp: never,
      grdpNominal: never,
      grdpGrowth: never,
      grdpPerCapita: never,
      grdpPerCapitaUsd: never,
      structure: never,
    };
    for (const row of scenario.rows) {
      if (row.kind !== 'sector') continue;
      for (const v of sectorVariables(row.id)) this.#add(v.id, v.role, v.format, row.id, inputYears[v.role]);
    }
    for (const v of [...TOTALS, ...optionalTotals(scenario)])
      this.#add(v.id, v.role, v.format, v.id, inputYears[v.role]);
    for (const row of scenario.rows) {
      if (row.kind === 'series') this.#add(row.id, 'series', row.format, row.id, all);
      else if (row.kind === 'param') this.#add(row.id, 'param', row.format, row.id, first);
      else if (row.kind === 'target')
        this.#add(row.id, 'target', this.#byId.get(row.of)?.format ?? 'percent', row.id, all);
    }
  }
}
