import { own } from './own';
import { formatForEdit, parseLocaleNumber, type Locale, type PercentEntry } from './parse-number';
import { cellError, ErrorCode, type CellError, type Distribution, type Format } from './types';

// "16%..24%" (also "16%...24%" and "16%…24%"): the separator must not be read as a decimal mark.
const RANGE_SEPARATOR = /\.{2,3}|…/;
const CALL = /^([A-Za-z]+)\s*\(([^()]*)\)$/;
const ARITY: Readonly<Record<string, number>> = { uniform: 2, normal: 2, triangular: 3 };

/**
 * Reads a range as a planner types it: "16%..24%" (uniform), "normal(20%, 3%)", "triangular(14%, 20%, 24%)".
 * Numbers are read like parseLocaleNumber (in a percent row "16..24" is 16%..24%). Arguments are separated by
 * ";", or by "," followed by a space; in English also by a bare "," unless the text holds a ";" — so the
 * Vietnamese "normal(20,5%; 3%)" is a mean of 20.5%. With Excel's percent entry, a range whose bare numbers are all
 * under 1 holds fractions ("0,16..0,24" is 16%..24%); one number of 1 or more makes them all percentage points, so
 * "normal(20; 0,5)" is 20% ± 0.5%. Returns undefined when the text is not range syntax.
 */
export function parseRange(
  text: string,
  locale: Locale,
  format: Format,
  entry: PercentEntry = 'points',
): Distribution | CellError | undefined {
  const s = text.trim();
  if (s.startsWith('=')) return undefined;
  const call = CALL.exec(s);
  if (call) return parseCall(call[1]!.toLowerCase(), call[2]!, locale, format, entry);
  if (/[()]/.test(s) || !RANGE_SEPARATOR.test(s)) return undefined;
  const parts = s.split(RANGE_SEPARATOR);
  if (parts.length !== 2) return cellError(ErrorCode.SYNTAX, 'rangeSyntax');
  const bounds = readNumbers(parts, locale, format, entry);
  if (!Array.isArray(bounds)) return bounds;
  return checked({ kind: 'uniform', lo: bounds[0]!, hi: bounds[1]! });
}

function parseCall(
  name: string,
  body: string,
  locale: Locale,
  format: Format,
  entry: PercentEntry,
): Distribution | CellError {
  const arity = own(ARITY, name);
  if (arity === undefined) return cellError(ErrorCode.SYNTAX, 'rangeSyntax');
  const args = splitArguments(body, locale);
  if (args.length !== arity) return cellError(ErrorCode.SYNTAX, 'badArguments', { name });
  const x = readNumbers(args, locale, format, entry);
  if (!Array.isArray(x)) return x;
  if (name === 'normal') return checked({ kind: 'normal', mean: x[0]!, sd: x[1]! });
  if (name === 'triangular') return checked({ kind: 'triangular', lo: x[0]!, mode: x[1]!, hi: x[2]! });
  return checked({ kind: 'uniform', lo: x[0]!, hi: x[1]! });
}

// A comma is a decimal mark in Vietnamese ("20,5%"), so there it separates arguments only before a space.
function splitArguments(body: string, locale: Locale): string[] {
  if (body.trim() === '') return [];
  const bareComma = locale === 'en' && !body.includes(';');
  return body.split(bareComma ? /[;,]/ : /;|,(?=\s)/);
}

function readNumbers(
  parts: readonly string[],
  locale: Locale,
  format: Format,
  entry: PercentEntry,
): number[] | CellError {
  // One reading for the whole range, so that its numbers are all fractions or all percentage points.
  const fractions =
    entry === 'excel' &&
    format === 'percent' &&
    parts.every((p) => !p.trim().endsWith('%') && Math.abs(parseLocaleNumber(p, locale) ?? 1) < 1);
  const read: Format = fractions ? 'number' : format;
  const out: number[] = [];
  for (const part of parts) {
    const text = part.trim();
    if (text === '') return cellError(ErrorCode.SYNTAX, 'rangeSyntax');
    const x = parseLocaleNumber(text, locale, read);
    if (x === undefined) return cellError(ErrorCode.VALUE, 'notANumber', { text: text.slice(0, 40) });
    out.push(x);
  }
  return out;
}

function checked(d: Distribution): Distribution | CellError {
  return checkDistribution(d) ?? d;
}

/** The problem with a distribution's parameters (ends out of order, no spread), or undefined if it is usable. */
export function checkDistribution(d: Distribution): CellError | undefined {
  switch (d.kind) {
    case 'uniform':
      if (!Number.isFinite(d.lo) || !Number.isFinite(d.hi)) return cellError(ErrorCode.NUM, 'notFinite');
      return d.lo <= d.hi ? undefined : cellError(ErrorCode.VALUE, 'rangeOrder');
    case 'normal':
      if (!Number.isFinite(d.mean)) return cellError(ErrorCode.NUM, 'notFinite');
      return d.sd > 0 && Number.isFinite(d.sd) ? undefined : cellError(ErrorCode.VALUE, 'rangeSpread');
    case 'triangular':
      if (![d.lo, d.mode, d.hi].every(Number.isFinite)) return cellError(ErrorCode.NUM, 'notFinite');
      return d.lo <= d.mode && d.mode <= d.hi ? undefined : cellError(ErrorCode.VALUE, 'rangeOrder');
  }
}

/** Writes a range for the cell editor so that parseRange reads it back: "16%..24%", "normal(20%; 3%)" (vi). */
export function formatRange(d: Distribution, locale: Locale, format: Format): string {
  const f = (x: number): string => formatForEdit(x, locale, format);
  // "; " reads unambiguously next to Vietnamese decimal commas; English writes ", ".
  const sep = locale === 'vi' ? '; ' : ', ';
  switch (d.kind) {
    case 'uniform':
      return `${f(d.lo)}..${f(d.hi)}`;
    case 'normal':
      return `normal(${f(d.mean)}${sep}${f(d.sd)})`;
    case 'triangular':
      return `triangular(${f(d.lo)}${sep}${f(d.mode)}${sep}${f(d.hi)})`;
  }
}

/** The number a ranged cell holds for the deterministic model: uniform midpoint, normal mean, triangular mode. */
export function centralValue(d: Distribution): number {
  switch (d.kind) {
    case 'uniform':
      return (d.lo + d.hi) / 2;
    case 'normal':
      return d.mean;
    case 'triangular':
      return d.mode;
  }
}

/** The distribution moved by a constant: every value it can take, plus `by`. */
export function shiftDistribution(d: Distribution, by: number): Distribution {
  switch (d.kind) {
    case 'uniform':
      return { kind: 'uniform', lo: d.lo + by, hi: d.hi + by };
    case 'normal':
      return { kind: 'normal', mean: d.mean + by, sd: d.sd };
    case 'triangular':
      return { kind: 'triangular', lo: d.lo + by, mode: d.mode + by, hi: d.hi + by };
  }
}

/** The inverse cumulative distribution of d at u, for u strictly between 0 and 1. Throws outside. */
export function quantile(d: Distribution, u: number): number {
  if (!(u > 0 && u < 1)) throw new Error(`quantile needs 0 < u < 1, got ${u}`);
  switch (d.kind) {
    case 'uniform':
      return d.lo + (d.hi - d.lo) * u;
    case 'normal':
      return d.mean + d.sd * normalQuantile(u);
    case 'triangular':
      return triangularQuantile(d.lo, d.mode, d.hi, u);
  }
}

/** Inverse CDF of the triangular distribution lo ≤ mode ≤ hi at u in (0, 1). */
export function triangularQuantile(lo: number, mode: number, hi: number, u: number): number {
  const width = hi - lo;
  if (width === 0) return lo;
  const left = mode - lo;
  return u * width < left ? lo + Math.sqrt(u * width * left) : hi - Math.sqrt((1 - u) * width * (hi - mode));
}

// Wichura's algorithm AS241 (PPND16, Applied Statistics 37, 1988), about 1e-16 relative accuracy. Coefficients
// highest degree first, written as the doubles the published 20-digit values round to.
const A = [
  2509.0809287301227, 33430.57558358813, 67265.7709270087, 45921.95393154987, 13731.69376550946, 1971.5909503065513,
  133.14166789178438, 3.3871328727963665,
] as const;
const B = [
  5226.495278852854, 28729.085735721943, 39307.89580009271, 21213.794301586597, 5394.196021424751, 687.1870074920579,
  42.31333070160091, 1.0,
] as const;
const C = [
  0.0007745450142783414, 0.022723844989269184, 0.2417807251774506, 1.2704582524523684, 3.6478483247632045,
  5.769497221460691, 4.630337846156546, 1.4234371107496835,
] as const;
const D = [
  1.0507500716444169e-9, 0.0005475938084995345, 0.015198666563616457, 0.14810397642748008, 0.6897673349851,
  1.6763848301838038, 2.053191626637759, 1.0,
] as const;
const E = [
  2.0103343992922881e-7, 2.7115555687434876e-5, 0.0012426609473880784, 0.026532189526576124, 0.29656057182850487,
  1.7848265399172913, 5.463784911164114, 6.657904643501103,
] as const;
const F = [
  2.0442631033899397e-15, 1.421511758316446e-7, 1.8463183175100548e-5, 0.0007868691311456133, 0.014875361290850615,
  0.1369298809227358, 0.599832206555888, 1.0,
] as const;

function ratio(p: readonly number[], q: readonly number[], r: number): number {
  let n = p[0]!;
  let d = q[0]!;
  for (let k = 1; k < p.length; k++) {
    n = n * r + p[k]!;
    d = d * r + q[k]!;
  }
  return n / d;
}

// Only + − × ÷ and Math.sqrt, which IEEE 754 rounds correctly everywhere, plus ln() below: every JavaScript engine
// gives the same bits (Math.log is not required to).
/** Inverse of the standard normal CDF, Φ⁻¹(p), for p in (0, 1). */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) return q * ratio(A, B, 0.180625 - q * q);
  const r = Math.sqrt(-ln(q < 0 ? p : 1 - p));
  const x = r <= 5 ? ratio(C, D, r - 1.6) : ratio(E, F, r - 5);
  return q < 0 ? -x : x;
}

// ln 2 split so that e × LN2_HI is exact for |e| < 2^11 (fdlibm's constants).
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;

/**
 * Natural logarithm of a positive finite x by + − × ÷ only (Math.log may differ in the last bit between engines):
 * x = m · 2^e with m in [√½, √2) by exact scaling, then ln m = 2 atanh(s), s = (m − 1)/(m + 1), as a series.
 */
export function ln(x: number): number {
  if (!(x > 0 && x < Infinity)) throw new Error(`ln needs a positive finite number, got ${x}`);
  let m = x;
  let e = 0;
  // Scaling by powers of two is exact, subnormals included; the loops bring m into [1, 2).
  while (m < 1) {
    if (m < 1 / 65536) {
      m *= 65536;
      e -= 16;
    } else {
      m *= 2;
      e -= 1;
    }
  }
  while (m >= 2) {
    if (m >= 65536) {
      m /= 65536;
      e += 16;
    } else {
      m /= 2;
      e += 1;
    }
  }
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  // Σ z^k / (2k + 1) for k = 0..11: |s| ≤ 0.1716, so z^12 / 25 < 1e-19.
  let sum = 1 / 23;
  for (let k = 10; k >= 0; k--) sum = sum * z + 1 / (2 * k + 1);
  return e * LN2_HI + (e * LN2_LO + 2 * s * sum);
}

/**
 * A seeded random stream that is identical on every machine: sfc32 (32-bit integer arithmetic only), its state
 * filled from the seed by splitmix32. Doubles come from 52 random bits and never equal 0 or 1.
 */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  /** Starts the stream of an unsigned 32-bit seed. Throws for anything else. */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`not a 32-bit seed: ${seed}`);
    let state = seed | 0;
    const next = (): number => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) | 0;
    };
    this.#a = next();
    this.#b = next();
    this.#c = next();
    this.#d = next();
    // The first outputs of sfc32 are still close to its seeding; its author discards a dozen.
    for (let k = 0; k < 12; k++) this.uint32();
  }

  /** The next unsigned 32-bit integer. */
  uint32(): number {
    const a = this.#a;
    const b = this.#b;
    const c = this.#c;
    const t = (((a + b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = b ^ (b >>> 9);
    this.#b = (c + (c << 3)) | 0;
    this.#c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** The next double in the open interval (0, 1): (k + ½) / 2^52 for a random 52-bit k, exact in binary. */
  next(): number {
    const hi = this.uint32() >>> 6;
    const lo = this.uint32() >>> 6;
    return (hi * 67108864 + lo + 0.5) / 4503599627370496;
  }
}
