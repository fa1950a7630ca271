import { cellError, ErrorCode, type CellError } from './types';

/** A variable's storage: numbers, error values, blank flags and recorded-value flags, one slot per year. */
export interface Series {
  readonly values: Float64Array;
  readonly errors: (CellError | null)[];
  readonly blank: Uint8Array;
  /** 1 where the value is a recorded actual (history) rather than computed or typed. */
  readonly recorded: Uint8Array;
}

/** A built-in row's computation: one year (for cell-by-cell plans) or the row from a year on. */
export interface Kernel {
  readonly cell: (i: number) => void;
  readonly row: (from: number) => void;
}

// Each kernel gets its own loop so the call inside stays monomorphic and V8 can inline the cell step;
// one shared loop over every kernel's cell function would be megamorphic.
function kernel(out: Series, cell: (i: number) => void, loop: (from: number, to: number) => void): Kernel {
  const length = out.values.length;
  return { cell, row: (from) => loop(from, length) };
}

// Growth compounding can overflow (a rate of 1e308): that is a #NUM cell, never a silent Infinity.
function set(out: Series, i: number, value: number): void {
  if (!Number.isFinite(value)) return setError(out, i, cellError(ErrorCode.NUM, 'notFinite'));
  out.values[i] = value;
  out.errors[i] = null;
  out.blank[i] = 0;
  out.recorded[i] = 0;
}

function setError(out: Series, i: number, e: CellError): void {
  out.values[i] = NaN;
  out.errors[i] = e;
  out.blank[i] = 0;
  out.recorded[i] = 0;
}

/** Fills a cell that has no input and no formula: the recorded actual if there is one (NaN if none), else blank. */
export function setRecordedOrBlank(out: Series, i: number, recorded: number): void {
  out.errors[i] = null;
  if (recorded === recorded) {
    out.values[i] = recorded;
    out.blank[i] = 0;
    out.recorded[i] = 1;
  } else {
    out.values[i] = 0;
    out.blank[i] = 1;
    out.recorded[i] = 0;
  }
}

/** Constant-price value: V(t) = V(t−1) × (1 + g(t)); year 0 is the base-year input. */
export function compoundKernel(out: Series, growth: Series): Kernel {
  const v = out.values;
  const g = growth.values;
  const cell = (i: number): void => {
    const e = out.errors[i - 1] ?? growth.errors[i];
    if (e) setError(out, i, e);
    else set(out, i, v[i - 1]! * (1 + g[i]!));
  };
  return kernel(out, cell, (from, to) => {
    for (let i = from; i < to; i++) cell(i);
  });
}

/** Current-price value: N(0) = V(0), N(t) = N(t−1) × (1 + g(t)) × (1 + p(t)). */
export function nominalKernel(out: Series, real: Series, growth: Series, price: Series): Kernel {
  const n = out.values;
  const g = growth.values;
  const p = price.values;
  const cell = (i: number): void => {
    if (i === 0) {
      const e = real.errors[0];
      if (e) setError(out, 0, e);
      else set(out, 0, real.values[0]!);
      return;
    }
    const e = out.errors[i - 1] ?? growth.errors[i] ?? price.errors[i];
    if (e) setError(out, i, e);
    else set(out, i, n[i - 1]! * (1 + g[i]!) * (1 + p[i]!));
  };
  return kernel(out, cell, (from, to) => {
    for (let i = from; i < to; i++) cell(i);
  });
}

/** Sum of several rows, year by year. */
export function sumKernel(out: Series, parts: readonly Series[]): Kernel {
  const cell = (i: number): void => {
    let total = 0;
    for (const part of parts) {
      const e = part.errors[i];
      if (e) return setError(out, i, e);
      total += part.values[i]!;
    }
    set(out, i, total);
  };
  return kernel(out, cell, (from, to) => {
    for (let i = from; i < to; i++) cell(i);
  });
}

/** Share of a part in a total, year by year. */
export function shareKernel(out: Series, part: Series, total: Series): Kernel {
  const cell = (i: number): void => {
    const e = part.errors[i] ?? total.errors[i];
    if (e) return setError(out, i, e);
    const t = total.values[i]!;
    if (t === 0) return setError(out, i, cellError(ErrorCode.DIV0, 'divByZero'));
    set(out, i, part.values[i]! / t);
  };
  return kernel(out, cell, (from, to) => {
    for (let i = from; i < to; i++) cell(i);
  });
}

/** Sum of several rows as a share of a total, year by year: an economic group's share of GRDP. */
export function sumShareKernel(out: Series, parts: readonly Series[], total: Series): Kernel {
  const cell = (i: number): void => {
    let sum = 0;
    for (const part of parts) {
      const e = part.errors[i];
      if (e) return setError(out, i, e);
      sum += part.values[i]!;
    }
    const e = total.errors[i];
    if (e) return setError(out, i, e);
    const t = total.values[i]!;
    if (t === 0) return setError(out, i, cellError(ErrorCode.DIV0, 'divByZero'));
    set(out, i, sum / t);
  };
  return kernel(out, cell, (from, to) => {
    for (let i = from; i < to; i++) cell(i);
  });
}

/** A row divided by another and scaled, year by year: GRDP per person, then per person in USD. */
export function ratioKernel(out: Series, numerator: Series, denominator: Series, scale: number): Kernel {
  const cell = (i: number): void => {
    const e = numerator.errors[i] ?? denominator.errors[i];
    if (e) return setError(out, i, e);
    const d = denominator.values[i]!;
    // A blank population or rate reads as zero, as a blank cell does in a formula.
    if (d === 0) return setError(out, i, cellError(ErrorCode.DIV0, 'divByZero'));
    set(out, i, (numerator.values[i]! * scale) / d);
  };
  return kernel(out, cell, (from, to) => {
    for (let i = from; i < to; i++) cell(i);
  });
}

/** Every year an error: a row computed from a row that does not exist. */
export function errorKernel(out: Series, error: CellError): Kernel {
  const cell = (i: number): void => setError(out, i, error);
  return kernel(out, cell, (from, to) => {
    for (let i = from; i < to; i++) cell(i);
  });
}

/** Growth rate of a row over the previous year; in year 0 the recorded rate (NaN if none, then blank). */
export function growthKernel(out: Series, of: Series, first: number): Kernel {
  const cell = (i: number): void => {
    if (i === 0) {
      setRecordedOrBlank(out, 0, first);
      return;
    }
    const e = of.errors[i] ?? of.errors[i - 1];
    if (e) return setError(out, i, e);
    const prev = of.values[i - 1]!;
    if (prev === 0) return setError(out, i, cellError(ErrorCode.DIV0, 'divByZero'));
    set(out, i, of.values[i]! / prev - 1);
  };
  return kernel(out, cell, (from, to) => {
    for (let i = from; i < to; i++) cell(i);
  });
}

/** Repeats year 0 across the row: a parameter is one value for every year. */
export function fillKernel(out: Series): Kernel {
  const cell = (i: number): void => {
    const e = out.errors[0];
    if (e) setError(out, i, e);
    else set(out, i, out.values[0]!);
    out.blank[i] = out.blank[0]!;
  };
  return kernel(out, cell, (from, to) => {
    for (let i = from; i < to; i++) cell(i);
  });
}
