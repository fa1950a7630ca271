import { describe, expect, it } from 'vitest';
import { formatDate } from './locale.svelte';

describe('dates', () => {
  const day = new Date(2026, 10, 29, 14, 5);

  it('writes a long Vietnamese date as official documents do', () => {
    expect(formatDate(day, 'vi', 'long')).toBe('ngày 29 tháng 11 năm 2026');
    expect(formatDate(new Date(2027, 0, 3), 'vi', 'long')).toBe('ngày 3 tháng 1 năm 2027');
  });

  it('writes a long English date day first', () => {
    expect(formatDate(day, 'en', 'long')).toBe('29 November 2026');
  });

  it('writes a date with its time short in both languages', () => {
    expect(formatDate(day, 'vi', 'dateTime')).toBe('14:05 ngày 29/11/2026');
    expect(formatDate(day, 'en', 'dateTime')).toContain('29/11/2026');
  });
});
