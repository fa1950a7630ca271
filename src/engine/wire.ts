import { inputCellEvaluator, type InputCell } from './cells';
import type { Dep, Sink, Slot } from './compile';
import {
  compoundKernel,
  errorKernel,
  fillKernel,
  growthKernel,
  nominalKernel,
  ratioKernel,
  shareKernel,
  sumKernel,
  sumShareKernel,
  type Kernel,
  type Series,
} from './project';
import { cellError, ErrorCode, type Format, type Scenario } from './types';
import { BUILTIN, optionalTotals, sectorVar, structureVar, type VarRole } from './variables';

/** A computed or input variable: one row of numbers over the years. */
export interface Variable extends Slot, Series {
  readonly id: string;
  readonly role: VarRole;
  readonly format: Format;
  /** The scenario row it comes from (the sector id for sector sub-rows). */
  readonly rowId: string;
}

/** A variable as the model holds it: its input cells, history and how it evaluates. */
export interface VarState extends Variable {
  /** Recorded actuals by year index (NaN where none), shown in cells that have no input or formula. */
  readonly history: Float64Array;
  /** Input cells by year index; null where the row is computed. */
  readonly inputs: (InputCell | null)[];
  kernel: Kernel | null;
  kernelDeps: (i: number) => Dep[];
  /** Evaluates one year: its input if it has one, else the kernel. */
  cell: (i: number) => void;
  /** Evaluates the row in year order from a year index on. */
  row: (from: number) => void;
}

const rel = (v: number, lo: number, hi = lo): Dep => ({ v, rel: true, lo, hi });
const abs = (v: number, at: number): Dep => ({ v, rel: false, lo: at, hi: at });

/**
 * Gives each variable its evaluation: built variables their kernel (compound growth, sums, shares, per capita,
 * structure), input rows their cells. `get` finds a declared variable; `vars` are all of them in order.
 */
export function wire(
  scenario: Scenario,
  vars: readonly VarState[],
  get: (id: string) => VarState | undefined,
  sink: Sink,
): void {
  const must = (id: string): VarState => get(id)!;
  const setKernel = (v: VarState, kernel: Kernel, deps: (i: number) => Dep[]): void =>
    attachKernel(v, kernel, deps, sink);
  const sectors = scenario.rows.filter((r) => r.kind === 'sector').map((r) => r.id);
  for (const s of sectors) {
    const [value, growth, price, nominal] = [
      s,
      sectorVar(s, 'growth'),
      sectorVar(s, 'price'),
      sectorVar(s, 'nominal'),
    ].map(must) as [VarState, VarState, VarState, VarState];
    setKernel(value, compoundKernel(value, growth), (i) => [rel(value.index, -1), abs(growth.index, i)]);
    setKernel(nominal, nominalKernel(nominal, value, growth, price), (i) =>
      i === 0 ? [abs(value.index, 0)] : [rel(nominal.index, -1), abs(growth.index, i), abs(price.index, i)],
    );
  }
  const grdp = must(BUILTIN.grdp);
  const grdpNominal = must(BUILTIN.grdpNominal);
  const values = sectors.map(must);
  const nominals = sectors.map((s) => must(sectorVar(s, 'nominal')));
  setKernel(grdp, sumKernel(grdp, values), (i) => values.map((p) => abs(p.index, i)));
  setKernel(grdpNominal, sumKernel(grdpNominal, nominals), (i) => nominals.map((p) => abs(p.index, i)));
  for (const s of sectors) {
    const share = must(sectorVar(s, 'share'));
    const nominal = must(sectorVar(s, 'nominal'));
    setKernel(share, shareKernel(share, nominal, grdpNominal), (i) => [
      abs(nominal.index, i),
      abs(grdpNominal.index, i),
    ]);
  }
  const growth = must(BUILTIN.grdpGrowth);
  setKernel(growth, growthKernel(growth, grdp, growth.history[0]!), (i) => (i === 0 ? [] : [rel(grdp.index, -1, 0)]));
  wirePerCapita(scenario, get, setKernel);
  wireStructure(scenario, get, setKernel);
  for (const v of vars) {
    if (v.role === 'param') setKernel(v, fillKernel(v), () => [abs(v.index, 0)]);
    if (!v.kernel) {
      const cell = inputCellEvaluator(v, v.inputs, v.history, sink);
      const length = v.values.length;
      v.cell = cell;
      v.row = (from) => {
        for (let i = from; i < length; i++) cell(i);
      };
    }
  }
}

type SetKernel = (v: VarState, kernel: Kernel, deps: (i: number) => Dep[]) => void;

// Per capita reads the rows the scenario names through the plan, so editing population recomputes it.
function wirePerCapita(scenario: Scenario, get: (id: string) => VarState | undefined, setKernel: SetKernel): void {
  const names = scenario.meta.perCapita;
  if (!names) return;
  const perCapita = get(BUILTIN.grdpPerCapita)!;
  const usd = get(BUILTIN.grdpPerCapitaUsd)!;
  // GRDP in billion VND over population in thousands is million VND a person; times 1e6 over VND per USD is USD.
  const steps: [VarState, VarState, string, number][] = [
    [perCapita, get(BUILTIN.grdpNominal)!, names.population, 1],
    [usd, perCapita, names.usdRate, 1e6],
  ];
  for (const [out, numerator, name, scale] of steps) {
    const denominator = get(name);
    // A scenario that did not pass validation may name a row it lacks: its cells say so, as a formula's would.
    if (!denominator) setKernel(out, errorKernel(out, cellError(ErrorCode.NAME, 'unknownName', { name })), () => []);
    else
      setKernel(out, ratioKernel(out, numerator, denominator, scale), (i) => [
        abs(numerator.index, i),
        abs(denominator.index, i),
      ]);
  }
}

function wireStructure(scenario: Scenario, get: (id: string) => VarState | undefined, setKernel: SetKernel): void {
  const grdpNominal = get(BUILTIN.grdpNominal)!;
  for (const v of optionalTotals(scenario)) {
    if (v.role !== 'structure') continue;
    const out = get(v.id)!;
    const nominals = scenario.rows
      .filter((r) => r.kind === 'sector' && r.group && structureVar(r.group) === v.id)
      .map((r) => get(sectorVar(r.id, 'nominal'))!);
    setKernel(out, sumShareKernel(out, nominals, grdpNominal), (i) => [
      ...nominals.map((p) => abs(p.index, i)),
      abs(grdpNominal.index, i),
    ]);
  }
}

// Kernel rows take input only in leading years (a sector's base value, a parameter's value).
function attachKernel(v: VarState, kernel: Kernel, deps: (i: number) => Dep[], sink: Sink): void {
  v.kernel = kernel;
  v.kernelDeps = deps;
  const input = inputCellEvaluator(v, v.inputs, v.history, sink);
  let leading = 0;
  while (v.inputs[leading]) leading++;
  if (v.inputs.slice(leading).some(Boolean)) throw new Error(`kernel row ${v.id} has inputs after computed years`);
  v.cell = (i) => (i < leading ? input(i) : kernel.cell(i));
  v.row = (from) => {
    for (let i = from; i < leading; i++) input(i);
    kernel.row(Math.max(from, leading));
  };
}
