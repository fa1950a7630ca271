import { cellError, ErrorCode, type CellError } from './types';

/** A variable's storage: numbers, error values and blank flags, one slot per year. */
export interface Series {
  readonly values: Float64Array;
  readonly errors: (CellError | null)[];
  readonly blank: Uint8Array;
}

/** Computes one year of a built-in row; the same function serves whole-row loops and single cells. */
export type Kernel = (i: number) => void;

function set(out: Series, i: number, value: number): void {
  out.values[i] = value;
  out.errors[i] = null;
  out.blank[i] = 0;
}

function setError(out: Series, i: number, e: CellError): void {
  out.values[i] = NaN;
  out.errors[i] = e;
  out.blank[i] = 0;
}

/** Constant-price value: V(t) = V(t−1) × (1 + g(t)); year 0 is the base-year input. */
export function compoundKernel(out: Series, growth: Series): Kernel {
  const v = out.values;
  const g = growth.values;
  return (i) => {
    const e = out.errors[i - 1] ?? growth.errors[i];
    if (e) setError(out, i, e);
    else set(out, i, v[i - 1]! * (1 + g[i]!));
  };
}

/** Current-price value: N(0) = V(0), N(t) = N(t−1) × (1 + g(t)) × (1 + p(t)). */
export function nominalKernel(out: Series, real: Series, growth: Series, price: Series): Kernel {
  const n = out.values;
  const g = growth.values;
  const p = price.values;
  return (i) => {
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
}

/** Sum of several rows, year by year. */
export function sumKernel(out: Series, parts: readonly Series[]): Kernel {
  return (i) => {
    let total = 0;
    for (const part of parts) {
      const e = part.errors[i];
      if (e) return setError(out, i, e);
      total += part.values[i]!;
    }
    set(out, i, total);
  };
}

/** Share of a part in a total, year by year. */
export function shareKernel(out: Series, part: Series, total: Series): Kernel {
  return (i) => {
    const e = part.errors[i] ?? total.errors[i];
    if (e) return setError(out, i, e);
    const t = total.values[i]!;
    if (t === 0) return setError(out, i, cellError(ErrorCode.DIV0, 'divByZero'));
    set(out, i, part.values[i]! / t);
  };
}

/** Growth rate of a row over the previous year; blank in year 0. */
export function growthKernel(out: Series, of: Series): Kernel {
  return (i) => {
    if (i === 0) {
      set(out, 0, 0);
      out.blank[0] = 1;
      return;
    }
    const e = of.errors[i] ?? of.errors[i - 1];
    if (e) return setError(out, i, e);
    const prev = of.values[i - 1]!;
    if (prev === 0) return setError(out, i, cellError(ErrorCode.DIV0, 'divByZero'));
    set(out, i, of.values[i]! / prev - 1);
  };
}

/** Repeats year 0 across the row: a parameter is one value for every year. */
export function fillKernel(out: Series): Kernel {
  return (i) => {
    const e = out.errors[0];
    if (e) setError(out, i, e);
    else set(out, i, out.values[0]!);
    out.blank[i] = out.blank[0]!;
  };
}
