import { describe, expect, it } from 'vitest';
import { badFractions, splitValue } from './template-split';

describe('split arithmetic', () => {
  it('splits a value so the parts add up to the whole exactly', () => {
    const parts = splitValue(125057.3, [0.5, 0.2, 0.3]);
    expect(parts[0]).toBeCloseTo(62528.65, 9);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(125057.3);
  });

  it('refuses fractions that are fewer than two, not above 0 or do not add up to 100%', () => {
    expect(badFractions([0.5, 0.2, 0.3])).toBe(false);
    expect(badFractions([1])).toBe(true);
    expect(badFractions([0.5, 0.4])).toBe(true);
    expect(badFractions([1.2, -0.2])).toBe(true);
    expect(badFractions([0.5, Number.NaN])).toBe(true);
  });
});
