import type { CompareOp } from './parse-formula';

// The numbers behind the formula language's functions and operators, apart from compiling.

/** Functions of one number, by formula name. */
export const UNARY = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  sqrt: Math.sqrt,
  exp: Math.exp,
  ln: Math.log,
  log10: Math.log10,
  sign: Math.sign,
} as const;

/** Comparison operators on two numbers. */
export const COMPARE: Record<CompareOp, (x: number, y: number) => boolean> = {
  equal: (x, y) => x === y,
  unequal: (x, y) => x !== y,
  smaller: (x, y) => x < y,
  larger: (x, y) => x > y,
  smallerEq: (x, y) => x <= y,
  largerEq: (x, y) => x >= y,
};

/** Functions over a list of numbers (ranges and argument lists), by formula name. */
export const REDUCERS = {
  min: (v: number[]) => Math.min(...v),
  max: (v: number[]) => Math.max(...v),
  sum: (v: number[]) => v.reduce((s, x) => s + x, 0),
  mean: (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length,
  // Excel's AND and OR: any non-zero number is true.
  and: (v: number[]) => +v.every((x) => x !== 0),
  or: (v: number[]) => +v.some((x) => x !== 0),
  median: (v: number[]) => {
    const s = [...v].sort((x, y) => x - y);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  },
} as const;

/** Excel's ROUND: half away from zero at a decimal digit (negative digits round left of the point). */
// Like Excel and mathjs, round(-2.5) is -3 and round(1.005, 2) is 1.01 although 1.005 × 100 is
// 100.49999999999999 in binary.
export function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(digits)) return NaN;
  // Excel drops the fraction of the digit count; beyond ±400 digits every double is already whole or 0.
  const d = Math.max(-400, Math.min(400, Math.trunc(digits)));
  const shifted = shift(Math.abs(x), d);
  // A double this large has no fraction to round; shifting back and forth would only add noise.
  if (!Number.isFinite(shifted) || shifted >= 2 ** 52) return x;
  // 15 significant digits undo the binary error of the shift (100.49999999999999 → 100.5).
  const r = Math.round(Number(shifted.toPrecision(15)));
  return Math.sign(x) * shift(r, -d);
}

// Multiplies by 10^d through the decimal exponent, which is exact where x × 10^d would round twice.
function shift(x: number, d: number): number {
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
  return Number(`${mantissa}e${Number(exponent) + d}`);
}

/** Logarithm of x in a base, exact for bases 10 and 2. */
// log(1000, 10) is 3, not the 2.9999999999999996 of ln 1000 / ln 10.
export function logBase(x: number, base: number): number {
  if (base === 10) return Math.log10(x);
  if (base === 2) return Math.log2(x);
  return Math.log(x) / Math.log(base);
}
