/** Options of the root finder. */
export interface BrentOptions {
  /** Converged when the root lies within relTol · max(1, |x|) of x (default 1e-9): absolute near 0, relative beyond. */
  readonly relTol?: number;
  /** Evaluations after the two end points before giving up (default 100). */
  readonly maxIterations?: number;
}

/** What the root finder found: a root, no sign change between the end points, or a stop (NaN, too many steps). */
export type BrentResult =
  | { readonly status: 'found'; readonly x: number; readonly fx: number; readonly iterations: number }
  | { readonly status: 'noBracket'; readonly fa: number; readonly fb: number }
  | {
      readonly status: 'failed';
      readonly reason: 'notANumber' | 'maxIterations';
      readonly x: number;
      readonly iterations: number;
    };

/**
 * Brent's method (Brent 1973, the zeroin algorithm): inverse quadratic interpolation or secant steps while they
 * shrink the bracket fast enough, bisection otherwise. f(a) and f(b) must differ in sign. A value that is not a
 * finite number inside the bracket stops the search ('failed'), since its sign cannot say which half to keep.
 */
export function brent(f: (x: number) => number, a: number, b: number, options: BrentOptions = {}): BrentResult {
  const relTol = options.relTol ?? 1e-9;
  const maxIterations = options.maxIterations ?? 100;
  if (!Number.isFinite(a) || !Number.isFinite(b) || !(relTol > 0)) throw new Error(`bad bracket ${a}..${b}`);
  let fa = f(a);
  let fb = f(b);
  if (!Number.isFinite(fa) || !Number.isFinite(fb) || (fa > 0 && fb > 0) || (fa < 0 && fb < 0)) {
    return { status: 'noBracket', fa, fb };
  }
  if (fa === 0) return { status: 'found', x: a, fx: fa, iterations: 0 };
  // b is the best estimate, c the other end of the bracket, a the previous b.
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iterations = 0; ; iterations++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = e = b - a;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      [a, b, c] = [b, c, b];
      [fa, fb, fc] = [fb, fc, fb];
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * relTol * Math.max(1, Math.abs(b));
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return { status: 'found', x: b, fx: fb, iterations };
    if (iterations >= maxIterations) return { status: 'failed', reason: 'maxIterations', x: b, iterations };
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const r = fb / fc;
        const t = fa / fc;
        p = s * (2 * m * t * (t - r) - (b - a) * (r - 1));
        q = (t - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      // Interpolate only when the step stays well inside the bracket and shrinks faster than the one before.
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else d = e = m;
    } else d = e = m;
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
    if (!Number.isFinite(fb)) return { status: 'failed', reason: 'notANumber', x: b, iterations: iterations + 1 };
  }
}
