import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Distribution } from './types';
import {
  centralValue,
  checkDistribution,
  formatRange,
  ln,
  normalQuantile,
  parseRange,
  quantile,
  Random,
  triangularQuantile,
} from './uncertainty';

const uniform = (lo: number, hi: number): Distribution => ({ kind: 'uniform', lo, hi });
const normal = (mean: number, sd: number): Distribution => ({ kind: 'normal', mean, sd });
const triangular = (lo: number, mode: number, hi: number): Distribution => ({ kind: 'triangular', lo, mode, hi });

describe('parseRange', () => {
  it.each([
    ['16%..24%', 'vi', 'percent', uniform(0.16, 0.24)],
    ['16%..24%', 'en', 'number', uniform(0.16, 0.24)],
    ['16..24', 'vi', 'percent', uniform(0.16, 0.24)],
    [' 16 % … 24 % ', 'en', 'percent', uniform(0.16, 0.24)],
    ['12,5%...17,5%', 'vi', 'percent', uniform(0.125, 0.175)],
    ['-5%..5%', 'en', 'percent', uniform(-0.05, 0.05)],
    ['38.843..40.000', 'vi', 'number', uniform(38843, 40000)],
    ['1,5..2,5', 'vi', 'number', uniform(1.5, 2.5)],
    ['3.8..4.4', 'en', 'number', uniform(3.8, 4.4)],
    ['uniform(16%; 24%)', 'vi', 'percent', uniform(0.16, 0.24)],
  ] as const)('reads %s (%s, %s row) as a uniform range', (text, locale, format, want) => {
    expect(parseRange(text, locale, format)).toEqual(want);
  });

  it.each([
    ['normal(20%, 3%)', 'vi', 'percent', normal(0.2, 0.03)],
    ['normal(20%,3%)', 'en', 'percent', normal(0.2, 0.03)],
    ['NORMAL ( 20 ; 3 )', 'vi', 'percent', normal(0.2, 0.03)],
    ['normal(20,5%; 3%)', 'vi', 'percent', normal(0.205, 0.03)],
    ['normal(20,5%, 3%)', 'vi', 'percent', normal(0.205, 0.03)],
    ['normal(4,1; 0,3)', 'vi', 'number', normal(4.1, 0.3)],
    ['normal(38,843; 1,000)', 'en', 'number', normal(38843, 1000)],
    ['triangular(14%, 20%, 24%)', 'en', 'percent', triangular(0.14, 0.2, 0.24)],
    ['Triangular(14; 20,5; 24)', 'vi', 'percent', triangular(0.14, 0.205, 0.24)],
    ['triangular(14%, 14%, 24%)', 'vi', 'percent', triangular(0.14, 0.14, 0.24)],
  ] as const)('reads %s (%s, %s row)', (text, locale, format, want) => {
    expect(parseRange(text, locale, format)).toEqual(want);
  });

  it.each([['12,5%'], ['38.843'], ['=a.growth[t-1] + 1%'], [''], ['abc'], ['1.5'], ['=sum(x[2024:2030])']])(
    'leaves %j to the number and formula readers',
    (text) => {
      expect(parseRange(text, 'vi', 'percent')).toBeUndefined();
    },
  );

  it.each([
    ['24%..16%', '#VALUE', 'rangeOrder'],
    ['triangular(14%, 25%, 24%)', '#VALUE', 'rangeOrder'],
    ['triangular(20%, 14%, 24%)', '#VALUE', 'rangeOrder'],
    ['normal(20%; 0%)', '#VALUE', 'rangeSpread'],
    ['normal(20%; -3%)', '#VALUE', 'rangeSpread'],
    ['normal(20%)', '#SYNTAX', 'badArguments'],
    ['normal(20,3)', '#SYNTAX', 'badArguments'],
    ['triangular(14%, 24%)', '#SYNTAX', 'badArguments'],
    ['normal()', '#SYNTAX', 'badArguments'],
    ['16%..x', '#VALUE', 'notANumber'],
    ['normal(20%; abc)', '#VALUE', 'notANumber'],
    ['16%..', '#SYNTAX', 'rangeSyntax'],
    ['1..2..3', '#SYNTAX', 'rangeSyntax'],
    ['lognormal(1; 2)', '#SYNTAX', 'rangeSyntax'],
    ['constructor(1; 2)', '#SYNTAX', 'rangeSyntax'],
    ['normal(20%;; 3%)', '#SYNTAX', 'badArguments'],
  ])('turns %j into the error %s (%s)', (text, code, key) => {
    expect(parseRange(text, 'vi', 'percent')).toMatchObject({ code, key });
  });

  it('accepts a range of a single value but not one that ends below its start', () => {
    expect(parseRange('20%..20%', 'en', 'percent')).toEqual(uniform(0.2, 0.2));
    expect(parseRange('20.1%..20%', 'en', 'percent')).toMatchObject({ key: 'rangeOrder' });
  });
});

describe('formatRange', () => {
  it('writes each kind in the locale’s convention', () => {
    expect(formatRange(uniform(0.16, 0.24), 'vi', 'percent')).toBe('16%..24%');
    expect(formatRange(normal(0.205, 0.03), 'vi', 'percent')).toBe('normal(20,5%; 3%)');
    expect(formatRange(normal(0.205, 0.03), 'en', 'percent')).toBe('normal(20.5%, 3%)');
    expect(formatRange(triangular(38843, 40000.5, 41000), 'vi', 'number')).toBe('triangular(38843; 40000,5; 41000)');
  });

  const distribution = fc.oneof(
    fc
      .tuple(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: 0, max: 5000 }))
      .map(([lo, w]) => uniform(lo / 1000, (lo + w) / 1000)),
    fc
      .tuple(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: 1, max: 5000 }))
      .map(([m, sd]) => normal(m / 1000, sd / 1000)),
    fc
      .tuple(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }))
      .map(([lo, a, b]) => triangular(lo / 1000, (lo + a) / 1000, (lo + a + b) / 1000)),
  );

  it('round-trips through parseRange in both locales and formats', () => {
    fc.assert(
      fc.property(
        distribution,
        fc.constantFrom('vi', 'en'),
        fc.constantFrom('percent', 'number'),
        (d, locale, format) => {
          const back = parseRange(formatRange(d, locale, format), locale, format);
          expect(back).toEqual(d);
        },
      ),
    );
  });
});

describe('centralValue and checkDistribution', () => {
  it('takes the uniform midpoint, the normal mean and the triangular mode', () => {
    expect(centralValue(uniform(0.16, 0.24))).toBeCloseTo(0.2, 15);
    expect(centralValue(normal(0.2, 0.03))).toBe(0.2);
    expect(centralValue(triangular(0.14, 0.2, 0.24))).toBe(0.2);
  });

  it('flags ends out of order, no spread and infinite parameters', () => {
    expect(checkDistribution(uniform(1, 2))).toBeUndefined();
    expect(checkDistribution(uniform(2, 1))?.key).toBe('rangeOrder');
    expect(checkDistribution(normal(0, 0))?.key).toBe('rangeSpread');
    expect(checkDistribution(normal(0, Infinity))?.key).toBe('rangeSpread');
    expect(checkDistribution(triangular(0, 3, 2))?.key).toBe('rangeOrder');
    expect(checkDistribution(uniform(0, Infinity))?.key).toBe('notFinite');
  });
});

// Φ⁻¹(p) to 20 digits (mpmath, 40-digit arithmetic), as text: a literal this long would be rounded anyway.
const NORMAL_QUANTILES: [number, number][] = (
  [
    [0.975, '1.9599639845400542355'],
    [0.9, '1.281551565544600467'],
    [0.3, '-0.52440051270804078404'],
    [0.075, '-1.4395314709384559153'],
    [0.0749, '-1.4402382675279636232'],
    [0.025, '-1.9599639845400542355'],
    [0.001, '-3.0902323061678135415'],
    [1e-5, '-4.2648907939228246285'],
    [1e-10, '-6.3613409024040562047'],
    [1e-12, '-7.0344838253011319298'],
    [2.220446049250313e-16, '-8.1258906647019068629'],
    [1.1102230246251565e-16, '-8.209536151601384254'],
  ] as const
).map(([p, z]) => [p, Number(z)]);

describe('normalQuantile', () => {
  it.each(NORMAL_QUANTILES)('Φ⁻¹(%s) = %s to 1e-14 relative', (p, want) => {
    expect(Math.abs(normalQuantile(p) - want)).toBeLessThanOrEqual(1e-14 * Math.abs(want));
  });

  it('is 0 at one half and odd about it', () => {
    expect(normalQuantile(0.5)).toBe(0);
    for (const p of [0.3, 0.075, 0.01, 1e-9]) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 8);
  });
});

describe('ln', () => {
  it('agrees with Math.log to a few units in the last place, from subnormals to huge numbers', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        const want = Math.log(x);
        expect(Math.abs(ln(x) - want)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, Math.abs(want)));
      }),
      { numRuns: 20_000 },
    );
    expect(ln(1)).toBe(0);
    expect(ln(2)).toBe(Math.LN2);
  });

  it('throws for zero, negatives and infinity', () => {
    for (const x of [0, -1, Infinity, NaN]) expect(() => ln(x)).toThrow();
  });
});

describe('quantile', () => {
  it('inverts each distribution', () => {
    expect(quantile(uniform(0.16, 0.24), 0.25)).toBeCloseTo(0.18, 15);
    expect(quantile(normal(0.2, 0.03), 0.975)).toBeCloseTo(0.2 + 0.03 * 1.959963984540054, 15);
    // Triangular 0..1..4: the mode sits at u = 1/4; the median at 4 − √6 (1 − F(x) = (4 − x)² / 12).
    expect(quantile(triangular(0, 1, 4), 0.25)).toBeCloseTo(1, 14);
    expect(quantile(triangular(0, 1, 4), 0.5)).toBeCloseTo(4 - Math.sqrt(6), 14);
    expect(quantile(triangular(0, 1, 4), 1 / 16)).toBeCloseTo(0.5, 14);
    expect(triangularQuantile(2, 2, 2, 0.7)).toBe(2);
  });

  it('throws for u outside the open interval (0, 1)', () => {
    for (const u of [0, 1, -0.1, NaN]) expect(() => quantile(uniform(0, 1), u)).toThrow();
  });

  // Kolmogorov–Smirnov: with n = 10,000 the largest CDF gap exceeds 1.63/√n with probability 1%.
  it.each([
    ['uniform', uniform(0.16, 0.24), (x: number) => (x - 0.16) / 0.08],
    ['triangular', triangular(0, 1, 4), (x: number) => (x <= 1 ? (x * x) / 4 : 1 - ((4 - x) * (4 - x)) / 12)],
  ] as const)('draws a %s distribution with the right CDF from the seeded stream', (_name, d, cdf) => {
    const n = 10_000;
    const random = new Random(12345);
    const xs = Float64Array.from({ length: n }, () => quantile(d, random.next())).sort();
    let gap = 0;
    xs.forEach((x, k) => {
      const f = cdf(x);
      gap = Math.max(gap, Math.abs(f - k / n), Math.abs(f - (k + 1) / n));
    });
    expect(gap).toBeLessThan(1.63 / Math.sqrt(n));
  });
});

describe('Random', () => {
  it('gives the same stream for a seed on every run (pinned values)', () => {
    const random = new Random(1);
    expect([random.uint32(), random.uint32(), random.uint32(), random.uint32(), random.uint32()]).toEqual([
      1828152527, 3394835397, 2967886022, 2251045104, 4148684523,
    ]);
    expect(new Random(1).next()).toBe(0.42564993784460003);
  });

  it('gives a different stream for a different seed', () => {
    const a = new Random(1);
    const b = new Random(2);
    const same = Array.from({ length: 100 }, () => a.uint32() === b.uint32()).filter(Boolean).length;
    expect(same).toBeLessThan(2);
  });

  it('draws doubles strictly between 0 and 1, evenly spread', () => {
    const random = new Random(0xffffffff);
    const bins = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let k = 0; k < n; k++) {
      const u = random.next();
      if (!(u > 0 && u < 1)) throw new Error(`draw ${k} is ${u}`);
      bins[Math.floor(u * 10)]!++;
    }
    // χ² with 9 degrees of freedom stays under 27.9 with probability 99.9%.
    const chi2 = bins.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.9);
  });

  it('refuses a seed that is not an unsigned 32-bit integer', () => {
    for (const seed of [-1, 1.5, 2 ** 32, NaN]) expect(() => new Random(seed)).toThrow();
  });
});
