import { type BinaryOp, type CompareOp, type Expr, type FunctionName } from './parse-formula';
import { COMPARE, logBase, REDUCERS, roundTo, UNARY } from './functions';
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

const AGGREGATES: ReadonlySet<FunctionName> = new Set(['min', 'max', 'sum', 'mean', 'median', 'and', 'or']);

const ARITY: Partial<Record<FunctionName, readonly [number, number]>> = {
  abs: [1, 1],
  ceil: [1, 1],
  floor: [1, 1],
  round: [1, 2],
  sqrt: [1, 1],
  exp: [1, 1],
  ln: [1, 1],
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

  // Like a spreadsheet, the first step that leaves the finite numbers is #NUM: without this,
  // "sqrt(-1) > 0" or "1 / 10^400" would turn NaN or Infinity back into an ordinary number.
  const finite = (x: number): number => (x - x === 0 ? x : fail(ErrorCode.NUM, 'notFinite'));

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

  const direct = (s: Slot, relative: 0 | 1, offset: number): CellFn => {
    const values = s.values;
    const errors = s.errors;
    const length = env.length;
    const base = env.baseYear;
    const outside = (j: number): number => (sink.err ? NaN : fail(ErrorCode.REF, 'yearOutOfRange', { year: base + j }));
    const at = (j: number): number => {
      if (j < 0 || j >= length) return outside(j);
      const e = errors[j];
      if (e) {
        if (!sink.err) sink.err = e;
        return NaN;
      }
      return values[j]!;
    };
    return relative ? (i) => at(i + offset) : () => at(offset);
  };

  const scalar = (e: Expr): CellFn => {
    switch (e.k) {
      case 'num': {
        const v = e.v;
        return Number.isFinite(v) ? () => v : () => finite(v);
      }
      case 'year': {
        const base = env.baseYear;
        return (i) => base + i;
      }
      case 'ref': {
        const s = slot(e.name);
        addDep(s.index, e.at, e.at);
        const lin = e.at ? linear(e.at) : { t: 1 as const, c: 0 };
        // The common shapes x, x[t-1], x[2025] index the typed array directly, without a year closure.
        if (lin) return direct(s, lin.t, lin.t ? lin.c : lin.c - env.baseYear);
        const at = scalar(e.at!);
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
        return withConstant(e.op, e.a, e.b) ?? binary(e.op, scalar(e.a), scalar(e.b));
      case 'cmp':
        return chain(e.ops, e.args.map(scalar));
      case 'call':
        return call(e.fn, e.args, e.name);
    }
  };

  // x * 0.8, x + 0.01, x / 100: one closure call instead of two for the most common arithmetic.
  const withConstant = (op: BinaryOp, ea: Expr, eb: Expr): CellFn | undefined => {
    if (eb.k === 'num' && Number.isFinite(eb.v)) {
      const a = scalar(ea);
      const k = eb.v;
      if (op === 'add') return (i) => finite(a(i) + k);
      if (op === 'subtract') return (i) => finite(a(i) - k);
      if (op === 'multiply') return (i) => finite(a(i) * k);
      if (op === 'divide' && k !== 0) return (i) => finite(a(i) / k);
    } else if (ea.k === 'num' && Number.isFinite(ea.v)) {
      const b = scalar(eb);
      const k = ea.v;
      if (op === 'add') return (i) => finite(k + b(i));
      if (op === 'multiply') return (i) => finite(k * b(i));
      if (op === 'subtract') return (i) => finite(k - b(i));
    }
    return undefined;
  };

  const binary = (op: BinaryOp, a: CellFn, b: CellFn): CellFn => {
    switch (op) {
      case 'add':
        return (i) => finite(a(i) + b(i));
      case 'subtract':
        return (i) => finite(a(i) - b(i));
      case 'multiply':
        return (i) => finite(a(i) * b(i));
      case 'divide':
        return (i) => {
          const x = a(i);
          const y = b(i);
          return y === 0 ? fail(ErrorCode.DIV0, 'divByZero') : finite(x / y);
        };
      case 'mod':
        return (i) => {
          const x = a(i);
          const y = b(i);
          return y === 0 ? fail(ErrorCode.DIV0, 'divByZero') : finite(x - y * Math.floor(x / y));
        };
      case 'pow':
        return (i) => finite(Math.pow(a(i), b(i)));
      case 'equal':
      case 'unequal':
      case 'smaller':
      case 'larger':
      case 'smallerEq':
      case 'largerEq': {
        const cmp = COMPARE[op];
        return (i) => {
          const x = a(i);
          const y = b(i);
          return x !== x || y !== y ? NaN : +cmp(x, y);
        };
      }
      case 'and':
        return (i) => +(!!a(i) && !!b(i));
      case 'or':
        return (i) => +(!!a(i) || !!b(i));
      case 'xor':
        return (i) => +(!!a(i) !== !!b(i));
    }
  };

  // Evaluates each argument once, left to right, and stops at the first comparison that fails.
  const chain = (ops: readonly CompareOp[], args: readonly CellFn[]): CellFn => {
    const cmps = ops.map((op) => COMPARE[op]);
    return (i) => {
      let x = args[0]!(i);
      for (let k = 0; k < cmps.length; k++) {
        const y = args[k + 1]!(i);
        if (x !== x || y !== y) return NaN;
        if (!cmps[k]!(x, y)) return 0;
        x = y;
      }
      return 1;
    };
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

  const call = (fn: FunctionName, argExprs: readonly Expr[], name: string): CellFn => {
    if (AGGREGATES.has(fn)) {
      if (argExprs.length === 0) throw new CompileError(cellError(ErrorCode.VALUE, 'badArguments', { name }));
      const parts = argExprs.map(list);
      const reduce = REDUCERS[fn as keyof typeof REDUCERS];
      return (i) => {
        const values: number[] = [];
        for (const p of parts) p(i, values);
        if (sink.err) return NaN;
        return values.length ? finite(reduce(values)) : fail(ErrorCode.VALUE, 'badArguments', { name });
      };
    }
    const [min, max] = ARITY[fn]!;
    if (argExprs.length < min || argExprs.length > max) {
      throw new CompileError(cellError(ErrorCode.VALUE, 'badArguments', { name }));
    }
    const [a, b] = argExprs.map(scalar) as [CellFn, CellFn | undefined];
    switch (fn) {
      case 'round':
        return b ? (i) => finite(roundTo(a(i), b(i))) : (i) => finite(roundTo(a(i), 0));
      case 'log':
        // Excel's LOG: base 10 unless a base is given.
        return b
          ? (i) => {
              const x = a(i);
              const base = b(i);
              return base === 1 ? fail(ErrorCode.DIV0, 'divByZero') : finite(logBase(x, base));
            }
          : (i) => finite(Math.log10(a(i)));
      case 'pow':
        return (i) => finite(Math.pow(a(i), b!(i)));
      default: {
        const f = UNARY[fn as keyof typeof UNARY];
        return (i) => finite(f(a(i)));
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

// Reduces a year expression to t·year + c when it has that shape, so dependencies can be exact.
// Only whole constants below 2^31 count: then the run-time sum is exact and lands on the year the
// dependency names ("t + 1e16 - 1e16" would not), and anything else depends on the whole row.
function linear(e: Expr): { t: 0 | 1; c: number } | undefined {
  switch (e.k) {
    case 'num':
      return Number.isInteger(e.v) && Math.abs(e.v) < 2 ** 31 ? { t: 0, c: e.v } : undefined;
    case 'year':
      return { t: 1, c: 0 };
    case 'neg': {
      // "x[t + -1]" is x[t-1]; reading it as a whole row would make a false cycle.
      const a = linear(e.a);
      return a && a.t === 0 ? { t: 0, c: -a.c } : undefined;
    }
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
