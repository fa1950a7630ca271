import { describe, expect, it } from 'vitest';
import { legendValue, niceTicks, targetLabel } from './kit';

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

describe('legendValue', () => {
  const years = [2020, 2021, 2022, 2023];
  const fmt = (v: number): string => String(v);

  it('formats the hovered index and marks a missing value', () => {
    expect(legendValue(years, [1, 2, null, 4], 1, fmt)).toBe('2');
    expect(legendValue(years, [1, 2, null, 4], 2, fmt)).toBe('–');
  });

  it('shows the last value when idle, with its year when that is before the last year', () => {
    expect(legendValue(years, [1, 2, 3, 4], null, fmt)).toBe('4');
    expect(legendValue(years, [1, 2, null, null], null, fmt)).toBe('2 (2021)');
    expect(legendValue(years, [null, null, null, null], null, fmt)).toBe('–');
  });
});

describe('targetLabel', () => {
  const words = { labels: { target: 'Mục tiêu' }, formatPercent: (v: number) => `${Math.round(v * 100)}%` };

  it('names a target by its figure and year, and a range by both ends', () => {
    expect(targetLabel(words, 2030, 0.3)).toBe('Mục tiêu 30% (2030)');
    expect(targetLabel(words, 2030, 0.47, 0.48)).toBe('Mục tiêu 47%–48% (2030)');
  });
});
