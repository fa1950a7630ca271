import { own } from './own';
import { calleeOf, hasLogarithmCall, upgradeLogCalls } from './dialect';
import { YEAR_SYMBOL } from './parse-formula';
import type {
  CellInput,
  Distribution,
  DrawMode,
  PerCapitaRows,
  RowDef,
  Scenario,
  ScenarioMeta,
  UncertainRow,
  YearCells,
} from './types';
import { centralValue } from './uncertainty';
import { OPTIONAL_TOTAL_IDS, splitVarId, TOTALS, variableIds, withRowId } from './variables';

const IDENTIFIER = /^(?!__)[A-Za-z_][A-Za-z0-9_]{0,39}$/;
const RESERVED: ReadonlySet<string> = new Set([
  YEAR_SYMBOL,
  // Only the totals every scenario has: a row saved before per capita and the structure existed may carry one of
  // their names, and stays readable as long as its scenario does not declare them.
  ...TOTALS.map((v) => v.id),
  // The functions of the first release. Validation refuses a scenario whose rows take a reserved name, so the list
  // never grows: a function added later ("ln", "average") is kept from new rows by checkIdentifier alone, and a
  // row saved with that name stays readable (a call and a reference never look alike).
  'abs',
  'ceil',
  'floor',
  'round',
  'sqrt',
  'exp',
  'log',
  'log10',
  'pow',
  'sign',
  'min',
  'max',
  'sum',
  'mean',
  'median',
  'and',
  'or',
  'not',
  'xor',
  'mod',
  'to',
  'in',
  'true',
  'false',
  'null',
  'undefined',
  'end',
  // Constants to the mathjs parser, so a row with these names could never be referenced.
  'Infinity',
  'NaN',
  'prototype',
  // Names every JavaScript object answers (toString, toLocaleString, isPrototypeOf…): a row never takes one, so
  // even a lookup that forgot Object.hasOwn could not mistake a member of Object.prototype for a row's data.
  ...Object.getOwnPropertyNames(Object.prototype),
]);

/** Whether a name is kept for built-ins, functions and the formula language, so no row may take it. */
export function isReserved(id: string): boolean {
  return RESERVED.has(id);
}

/** Why an identifier cannot name a new row, or undefined if it can. */
export type IdentifierProblem = 'format' | 'reserved' | 'taken';

/** Checks a proposed row identifier against the syntax, reserved words and existing rows. */
export function checkIdentifier(scenario: Scenario, id: string, except?: string): IdentifierProblem | undefined {
  if (!IDENTIFIER.test(id)) return 'format';
  // A new row never takes an optional built-in's name either, so declaring one later cannot clash with it.
  if (RESERVED.has(id) || OPTIONAL_TOTAL_IDS.includes(id) || calleeOf(id) !== undefined) return 'reserved';
  if (scenario.rows.some((r) => r.id === id && r.id !== except)) return 'taken';
  return undefined;
}

/** Address of an input cell: a variable id and a year. */
export interface CellAddress {
  readonly id: string;
  readonly year: number;
}

function setYear(cells: YearCells, year: number, input: CellInput | undefined): YearCells {
  const next: Record<string, CellInput> = { ...cells };
  if (input === undefined) delete next[year];
  else next[year] = input;
  return next;
}

/** Returns a copy of the scenario with one input cell replaced (undefined clears it); a range it held goes. */
export function withInput(scenario: Scenario, id: string, year: number, input: CellInput | undefined): Scenario {
  return withCell(withoutRange(scenario, id, year), id, year, input);
}

/** The range an input cell holds, if any. */
export function rangeAt(scenario: Scenario, id: string, year: number): Distribution | undefined {
  const row = own(scenario.uncertainty, id);
  return row && Object.hasOwn(row.cells, year) ? row.cells[year] : undefined;
}

/** Whether any input cell of the scenario holds a range. */
export function hasRanges(scenario: Scenario): boolean {
  return Object.keys(scenario.uncertainty ?? {}).length > 0;
}

/** How a variable's ranges are drawn in a Monte Carlo run ('run' unless set). */
export function drawModeOf(scenario: Scenario, id: string): DrawMode {
  return own(scenario.uncertainty, id)?.draw ?? 'run';
}

/** Returns a copy of the scenario where one input cell holds a range; the cell's number is the range's centre. */
export function withRange(scenario: Scenario, id: string, year: number, range: Distribution): Scenario {
  const next = withCell(scenario, id, year, centralValue(range));
  const row = own(scenario.uncertainty, id);
  const cells = { ...row?.cells, [year]: range };
  return { ...next, uncertainty: { ...scenario.uncertainty, [id]: { draw: row?.draw ?? 'run', cells } } };
}

/** Returns a copy of the scenario with a variable's ranges drawn once per run or independently each year. */
export function withDrawMode(scenario: Scenario, id: string, draw: DrawMode): Scenario {
  const row = own(scenario.uncertainty, id);
  if (!row || row.draw === draw) return scenario;
  return { ...scenario, uncertainty: { ...scenario.uncertainty, [id]: { ...row, draw } } };
}

/** Returns a copy of the scenario with the Monte Carlo seed set (an unsigned 32-bit integer). */
export function withSeed(scenario: Scenario, seed: number): Scenario {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`not a 32-bit seed: ${seed}`);
  return { ...scenario, seed };
}

function withoutRange(scenario: Scenario, id: string, year: number): Scenario {
  const row = own(scenario.uncertainty, id);
  if (!row || !Object.hasOwn(row.cells, year)) return scenario;
  const cells: Record<string, Distribution> = { ...row.cells };
  delete cells[year];
  return withUncertainty(scenario, (all) => {
    if (Object.keys(cells).length > 0) all.set(id, { ...row, cells });
    else all.delete(id);
  });
}

// Applies a change to a copy of the ranges; a scenario left without any loses the field altogether.
// A Map, because assigning a key such as "__proto__" to a plain object would not store it.
function withUncertainty(scenario: Scenario, change: (all: Map<string, UncertainRow>) => void): Scenario {
  const all = new Map(Object.entries(scenario.uncertainty ?? {}));
  change(all);
  const { uncertainty: _, ...rest } = scenario;
  return all.size > 0 ? { ...rest, uncertainty: Object.fromEntries(all) } : rest;
}

function withCell(scenario: Scenario, id: string, year: number, input: CellInput | undefined): Scenario {
  const { rowId, part } = splitVarId(id);
  const rows = scenario.rows.map((row): RowDef => {
    if (row.id !== rowId) return row;
    switch (row.kind) {
      case 'sector':
        if (part === undefined) return { ...row, base: input ?? 0 };
        if (part === 'growth') return { ...row, growth: setYear(row.growth, year, input) };
        if (part === 'price') return { ...row, price: setYear(row.price, year, input) };
        throw new Error(`not an input: ${id}`);
      case 'param':
        return { ...row, value: input ?? 0 };
      case 'series':
      case 'target':
        return { ...row, cells: setYear(row.cells, year, input) };
    }
  });
  return { ...scenario, rows };
}

// Numbers are matched first so that "2icor" reads as 2 × icor, while "x2icor" stays one name.
const TOKENS = /(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)/g;

// Renames a row reference: a whole name that is not a property (".growth") and not a function call.
function renameInFormula(input: CellInput, from: string, to: string): CellInput {
  if (typeof input !== 'string' || !input.startsWith('=')) return input;
  return input.replace(TOKENS, (token: string, number: string | undefined, name: string | undefined, at: number) => {
    if (number !== undefined || name !== from) return token;
    const before = input.slice(0, at).trimEnd();
    const after = input.slice(at + token.length).trimStart();
    return before.endsWith('.') || after.startsWith('(') ? token : to;
  });
}

/** The row with every input (number, text or formula) passed through f; the row itself is not changed. */
export function mapInputs(row: RowDef, f: (input: CellInput) => CellInput): RowDef {
  const mapCells = (cells: YearCells): YearCells =>
    Object.fromEntries(Object.entries(cells).map(([year, input]) => [year, f(input)]));
  switch (row.kind) {
    case 'sector':
      return { ...row, base: f(row.base), growth: mapCells(row.growth), price: mapCells(row.price) };
    case 'param':
      return { ...row, value: f(row.value) };
    case 'series':
    case 'target':
      return { ...row, cells: mapCells(row.cells) };
  }
}

/**
 * The scenario with its formulas written for today's formula language: a formula saved when "log(x)" was the natural
 * logarithm reads "ln(x)", so it keeps its numbers now that LOG is Excel's (base 10).
 */
export function upgradeFormulas(scenario: Scenario): Scenario {
  const upgrade = (input: CellInput): CellInput =>
    typeof input === 'string' && input.startsWith('=') ? upgradeLogCalls(input) : input;
  return { ...scenario, rows: scenario.rows.map((row) => mapInputs(row, upgrade)) };
}

/** Whether any formula of the scenario calls LOG or LN, so a link must say which meaning of "log" it holds. */
export function callsLogarithm(scenario: Scenario): boolean {
  let found = false;
  for (const row of scenario.rows) {
    mapInputs(row, (input) => {
      if (typeof input === 'string' && hasLogarithmCall(input)) found = true;
      return input;
    });
  }
  return found;
}

/** Renames a row and rewrites every formula that references it. The caller checks the new id first. */
export function renameRow(scenario: Scenario, from: string, to: string): Scenario {
  const problem = checkIdentifier(scenario, to, from);
  if (problem) throw new Error(`cannot rename ${from} to ${to}: ${problem}`);
  const rows = scenario.rows.map((row) => {
    const renamed = mapInputs(row, (input) => renameInFormula(input, from, to));
    const withId = row.id === from ? { ...renamed, id: to } : renamed;
    return withId.kind === 'target' && splitVarId(withId.of).rowId === from
      ? { ...withId, of: withRowId(withId.of, to) }
      : withId;
  });
  const history = Object.fromEntries(
    Object.entries(scenario.history).map(([id, h]) => {
      const { rowId } = splitVarId(id);
      return [rowId === from ? withRowId(id, to) : id, h];
    }),
  );
  const meta = renameInMeta(scenario.meta, from, to);
  const renamed = { ...scenario, meta, rows, history };
  return withUncertainty(renamed, (all) => {
    for (const [id, row] of [...all]) {
      if (splitVarId(id).rowId !== from) continue;
      all.delete(id);
      all.set(withRowId(id, to), row);
    }
  });
}

// The settings name rows too: the focus sector and the rows per capita is computed from.
function renameInMeta(meta: ScenarioMeta, from: string, to: string): ScenarioMeta {
  const rename = (id: string): string => (id === from ? to : id);
  const perCapita: PerCapitaRows | undefined = meta.perCapita && {
    population: rename(meta.perCapita.population),
    usdRate: rename(meta.perCapita.usdRate),
  };
  return { ...meta, focus: rename(meta.focus), ...(perCapita ? { perCapita } : {}) };
}

/** Adds a row at the end. The caller checks the id first. */
export function addRow(scenario: Scenario, row: RowDef): Scenario {
  const problem = checkIdentifier(scenario, row.id);
  if (problem) throw new Error(`cannot add row ${row.id}: ${problem}`);
  return { ...scenario, rows: [...scenario.rows, row] };
}

/**
 * Removes a row with its ranges and history; formulas that referenced it show #NAME? until fixed. Removing a row per
 * capita is computed from removes per capita (`meta.perCapita`); removing the last sector of an economic group removes
 * that group's structure row; either takes its history along.
 */
export function deleteRow(scenario: Scenario, id: string): Scenario {
  const rows = scenario.rows.filter((r) => r.id !== id);
  const { perCapita, ...rest } = scenario.meta;
  const meta: ScenarioMeta =
    perCapita && (perCapita.population === id || perCapita.usdRate === id) ? rest : scenario.meta;
  // A history of a variable no row makes would have the scenario refused when it is read back.
  const known = variableIds(rows, meta);
  const history = Object.fromEntries(Object.entries(scenario.history).filter(([key]) => known.has(key)));
  return withUncertainty({ ...scenario, meta, rows, history }, (all) => {
    for (const key of [...all.keys()]) if (splitVarId(key).rowId === id) all.delete(key);
  });
}

/** Key for per-cell maps such as sources: "manufacturing.growth@2026". */
export function cellKey(id: string, year: number): string {
  return `${id}@${year}`;
}
