// Every timed function returns a number that is summed here and printed, so V8 cannot drop the work.
let sum = 0;

/** The running sum of every result the timed functions returned. */
export function checksum(): number {
  return sum;
}

/** The q-quantile (0..1) of a list of numbers, by nearest rank. */
export function quantile(xs: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(xs).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Nanoseconds per call: median, 10th and 90th percentile over batches of calls. */
export interface PerCall {
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
}

function runBatch(fn: () => number, calls: number): number {
  let acc = 0;
  const start = process.hrtime.bigint();
  for (let k = 0; k < calls; k++) acc += fn();
  const ns = Number(process.hrtime.bigint() - start);
  sum += acc;
  return ns;
}

/** Times fn in batches long enough for the clock (the sizing doubles as warm-up); for calls well under 1 ms. */
export function perCallInBatches(fn: () => number, batches = 40, batchMs = 10, warmupMs = 300): PerCall {
  let calls = 1;
  while (runBatch(fn, calls) < batchMs * 1e6) calls *= 2;
  const warmEnd = performance.now() + warmupMs;
  while (performance.now() < warmEnd) runBatch(fn, calls);
  const perCall = Array.from({ length: batches }, () => runBatch(fn, calls) / calls);
  return { median: quantile(perCall, 0.5), p10: quantile(perCall, 0.1), p90: quantile(perCall, 0.9) };
}

/** Nanoseconds of each of `runs` single calls of fn, after `warmup` untimed calls; for calls of 10 µs or more. */
export function eachCall(fn: () => number, runs: number, warmup: number): Float64Array {
  for (let k = 0; k < warmup; k++) sum += fn();
  const ns = new Float64Array(runs);
  for (let k = 0; k < runs; k++) {
    const start = process.hrtime.bigint();
    sum += fn();
    ns[k] = Number(process.hrtime.bigint() - start);
  }
  return ns;
}

/** Largest absolute and relative differences between pairs of rows; throws beyond a relative tolerance. */
export function assertSame(
  what: string,
  pairs: [string, ArrayLike<number>, ArrayLike<number>][],
  tol = 1e-6,
): { maxAbs: number; maxRel: number } {
  let maxAbs = 0;
  let maxRel = 0;
  for (const [id, got, want] of pairs) {
    if (got.length !== want.length) throw new Error(`${what}: ${id} has ${got.length} years, expected ${want.length}`);
    for (let i = 0; i < want.length; i++) {
      const a = got[i]!;
      const b = want[i]!;
      const diff = Math.abs(a - b);
      const rel = diff === 0 ? 0 : diff / Math.max(Math.abs(a), Math.abs(b));
      if (!(rel <= tol)) throw new Error(`${what}: ${id}[${i}] engine ${a} ≠ hand-written ${b} (relative ${rel})`);
      maxAbs = Math.max(maxAbs, diff);
      maxRel = Math.max(maxRel, rel);
    }
  }
  return { maxAbs, maxRel };
}
