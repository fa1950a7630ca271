import { type BinaryOp, type Expr, type FunctionName } from './parse-formula';
import { cellError, ErrorCode, type CellError } from './types';

/** The evaluated numbers and errors of one variable, one slot per year. */
export interface Slot {
  readonly index: number;
  readonly values: Float64Array;
  readonly errors: (CellError | null)[];
}

/** What a formula can see while compiling: the years and the variables by name. */
export interface CompileEnv {
  readonly baseYear: number;
  readonly length: number;
  resolve(name: string): Slot | undefined;
}

/** Where a running formula reports the first error it meets. */
export interface Sink {
  err: CellError | null;
}

/** A compiled formula: year index in, number out (NaN with sink.err set on error). */
export type CellFn = (i: number) => number;

/** A dependency on variable v at year indices lo..hi, relative to the cell's own year when rel. */
export interface Dep {
  readonly v: number;
  readonly rel: boolean;
  readonly lo: number;
  readonly hi: number;
}

/** A compiled formula with the cells it reads. */
export interface Compiled {
  readonly fn: CellFn;
  readonly deps: readonly Dep[];
}

type ListFn = (i: number, out: number[]) => void;

const AGGREGATES: ReadonlySet<FunctionName> = new Set(['min', 'max', 'sum', 'mean', 'median']);

const ARITY: Partial<Record<FunctionName, readonly [number, number]>> = {
  abs: [1, 1],
  ceil: [1, 1],
  floor: [1, 1],
  round: [1, 2],
  sqrt: [1, 1],
  exp: [1, 1],
  log: [1, 2],
  log10: [1, 1],
  pow: [2, 2],
  sign: [1, 1],
};

class CompileError extends Error {
  constructor(readonly error: CellError) {
    super(error.key);
  }
}

/** Compiles a checked expression into a closure over the variables' typed arrays. */
export function compileExpr(expr: Expr, env: CompileEnv, sink: Sink): Compiled | CellError {
  const deps: Dep[] = [];
  const fail = (code: ErrorCode, key: CellError['key'], args?: Record<string, string | number>): number => {
    if (!sink.err) sink.err = cellError(code, key, args);
    return NaN;
  };

  const slot = (name: string): Slot => {
    const s = env.resolve(name);
    if (!s) throw new CompileError(cellError(ErrorCode.NAME, 'unknownName', { name }));
    return s;
  };

  const addDep = (v: number, from: Expr | undefined, to: Expr | undefined): void => {
    const a = from ? linear(from) : { t: 1, c: 0 };
    const b = to ? linear(to) : a;
    if (a && b && a.t === b.t && Number.isInteger(a.c) && Number.isInteger(b.c)) {
      const off = a.t ? 0 : -env.baseYear;
      deps.push({ v, rel: a.t === 1, lo: a.c + off, hi: b.c + off });
    } else {
      // A year that only run time knows: depend on the whole row.
      deps.push({ v, rel: false, lo: 0, hi: env.length - 1 });
    }
  };

  const yearIndex = (at: CellFn, i: number): number => {
    const year = at(i);
    const j = year - env.baseYear;
    if (!Number.isInteger(j) || j < 0 || j >= env.length) {
      return sink.err
        ? NaN
        : fail(ErrorCode.REF, 'yearOutOfRange', { year: Number.isFinite(year) ? year : String(year) });
    }
    return j;
  };

  const read = (s: Slot, j: number): number => {
    const e = s.errors[j];
    if (e) {
      if (!sink.err) sink.err = e;
      return NaN;
    }
    return s.values[j]!;
  };

  const scalar = (e: Expr): CellFn => {
    switch (e.k) {
      case 'num': {
        const v = e.v;
        return () => v;
      }
      case 'year': {
        const base = env.baseYear;
        return (i) => base + i;
      }
      case 'ref': {
        const s = slot(e.name);
        addDep(s.index, e.at, e.at);
        if (!e.at) return (i) => read(s, i);
        const at = scalar(e.at);
        return (i) => {
          const j = yearIndex(at, i);
          return j === j ? read(s, j) : NaN;
        };
      }
      case 'range':
        throw new CompileError(cellError(ErrorCode.VALUE, 'rangeOutsideAggregate', { name: e.name }));
      case 'neg': {
        const a = scalar(e.a);
        return (i) => -a(i);
      }
      case 'not': {
        const a = scalar(e.a);
        return (i) => (a(i) ? 0 : 1);
      }
      case 'if': {
        const c = scalar(e.c);
        const a = scalar(e.a);
        const b = scalar(e.b);
        return (i) => {
          const v = c(i);
          return v !== v ? NaN : v ? a(i) : b(i);
        };
      }
      case 'op':
        return binary(e.op, scalar(e.a), scalar(e.b));
      case 'call':
        return call(e.fn, e.args);
    }
  };

  const binary = (op: BinaryOp, a: CellFn, b: CellFn): CellFn => {
    switch (op) {
      case 'add':
        return (i) => a(i) + b(i);
      case 'subtract':
        return (i) => a(i) - b(i);
      case 'multiply':
        return (i) => a(i) * b(i);
      case 'divide':
        return (i) => {
          const x = a(i);
          const y = b(i);
          return y === 0 ? fail(ErrorCode.DIV0, 'divByZero') : x / y;
        };
      case 'mod':
        return (i) => {
          const x = a(i);
          const y = b(i);
          return y === 0 ? fail(ErrorCode.DIV0, 'divByZero') : x - y * Math.floor(x / y);
        };
      case 'pow':
        return (i) => Math.pow(a(i), b(i));
      case 'equal':
        return (i) => +(a(i) === b(i));
      case 'unequal':
        return (i) => +(a(i) !== b(i));
      case 'smaller':
        return (i) => +(a(i) < b(i));
      case 'larger':
        return (i) => +(a(i) > b(i));
      case 'smallerEq':
        return (i) => +(a(i) <= b(i));
      case 'largerEq':
        return (i) => +(a(i) >= b(i));
      case 'and':
        return (i) => +(!!a(i) && !!b(i));
      case 'or':
        return (i) => +(!!a(i) || !!b(i));
      case 'xor':
        return (i) => +(!!a(i) !== !!b(i));
    }
  };

  const list = (e: Expr): ListFn => {
    if (e.k !== 'range') {
      const f = scalar(e);
      return (i, out) => void out.push(f(i));
    }
    const s = slot(e.name);
    addDep(s.index, e.from, e.to);
    const from = scalar(e.from);
    const to = scalar(e.to);
    return (i, out) => {
      const lo = yearIndex(from, i);
      const hi = yearIndex(to, i);
      for (let j = lo; j <= hi; j++) out.push(read(s, j));
    };
  };

  const call = (fn: FunctionName, argExprs: readonly Expr[]): CellFn => {
    if (AGGREGATES.has(fn)) {
      if (argExprs.length === 0) throw new CompileError(cellError(ErrorCode.VALUE, 'badArguments', { name: fn }));
      const parts = argExprs.map(list);
      const reduce = REDUCERS[fn as keyof typeof REDUCERS];
      return (i) => {
        const values: number[] = [];
        for (const p of parts) p(i, values);
        return values.length ? reduce(values) : fail(ErrorCode.VALUE, 'badArguments', { name: fn });
      };
    }
    const [min, max] = ARITY[fn]!;
    if (argExprs.length < min || argExprs.length > max) {
      throw new CompileError(cellError(ErrorCode.VALUE, 'badArguments', { name: fn }));
    }
    const [a, b] = argExprs.map(scalar) as [CellFn, CellFn | undefined];
    switch (fn) {
      case 'round':
        return b ? (i) => roundTo(a(i), b(i)) : (i) => Math.round(a(i));
      case 'log':
        return b ? (i) => Math.log(a(i)) / Math.log(b(i)) : (i) => Math.log(a(i));
      case 'pow':
        return (i) => Math.pow(a(i), b!(i));
      default: {
        const f = UNARY[fn as keyof typeof UNARY];
        return (i) => f(a(i));
      }
    }
  };

  try {
    const fn = scalar(expr);
    return { fn, deps };
  } catch (e) {
    if (e instanceof CompileError) return e.error;
    throw e;
  }
}

const UNARY = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  sqrt: Math.sqrt,
  exp: Math.exp,
  log10: Math.log10,
  sign: Math.sign,
} as const;

const REDUCERS = {
  min: (v: number[]) => Math.min(...v),
  max: (v: number[]) => Math.max(...v),
  sum: (v: number[]) => v.reduce((s, x) => s + x, 0),
  mean: (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length,
  median: (v: number[]) => {
    const s = [...v].sort((x, y) => x - y);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  },
} as const;

function roundTo(x: number, digits: number): number {
  const f = Math.pow(10, Math.round(digits));
  return Math.round(x * f) / f;
}

// Reduces a year expression to t·year + c when it has that shape, so dependencies can be exact.
function linear(e: Expr): { t: 0 | 1; c: number } | undefined {
  switch (e.k) {
    case 'num':
      return { t: 0, c: e.v };
    case 'year':
      return { t: 1, c: 0 };
    case 'op': {
      if (e.op !== 'add' && e.op !== 'subtract') return undefined;
      const a = linear(e.a);
      const b = linear(e.b);
      if (!a || !b) return undefined;
      const t = e.op === 'add' ? a.t + b.t : a.t - b.t;
      if (t !== 0 && t !== 1) return undefined;
      return { t, c: e.op === 'add' ? a.c + b.c : a.c - b.c };
    }
    default:
      return undefined;
  }
}
