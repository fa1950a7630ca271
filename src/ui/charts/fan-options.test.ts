import { describe, expect, it } from 'vitest';
import { niceTicks } from './fan-options';

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten inside the span', () => {
    expect(niceTicks(0.204, 0.269)).toEqual([0.21, 0.22, 0.23, 0.24, 0.25, 0.26]);
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(3, 27)).toEqual([5, 10, 15, 20, 25]);
    expect(niceTicks(-0.013, 0.012)).toEqual([-0.01, -0.005, 0, 0.005, 0.01]);
  });

  it('gives no ticks for an empty or broken span', () => {
    expect(niceTicks(1, 1)).toEqual([]);
    expect(niceTicks(2, 1)).toEqual([]);
    expect(niceTicks(0, Number.NaN)).toEqual([]);
    expect(niceTicks(0, Infinity)).toEqual([]);
  });
});
