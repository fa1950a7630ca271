import { describe, expect, it } from 'vitest';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import {
  figureText,
  issueSector,
  issueSummary,
  projectionYears,
  readFigure,
  relabelIn,
  splitParts,
  splitTotal,
} from './template-dialog';

describe('the template dialog’s helpers', () => {
  it('read typed figures as the sheet does, in either language', () => {
    expect(readFigure('315.800', 'vi', 'number')).toEqual({ ok: true, input: 315800 });
    expect(readFigure('315,800', 'en', 'number')).toEqual({ ok: true, input: 315800 });
    expect(readFigure('12,5', 'vi', 'percent')).toEqual({ ok: true, input: 0.125 });
    expect(readFigure('0,2', 'vi', 'percent')).toEqual({ ok: true, input: 0.2 });
    expect(readFigure('', 'vi', 'percent')).toEqual({ ok: true, input: undefined });
    expect(readFigure('38.843', 'vi', 'percent')).toMatchObject({ ok: false, problem: { tone: 'error' } });
    expect(readFigure('=services.growth; ', 'vi', 'percent')).toMatchObject({ ok: true });
  });

  it('show figures and formulas the way the language writes them', () => {
    expect(figureText(315800, 'vi', 'number')).toBe('315.800');
    expect(figureText(0.125, 'en', 'percent')).toBe('12.5%');
    expect(figureText(undefined, 'vi', 'percent')).toBe('');
    expect(figureText('=IF(t >= 2027, 0.065, 0.07)', 'vi', 'percent')).toBe('=IF(t >= 2027; 0,065; 0,07)');
  });

  it('read the parts of a split as points of a percentage, leaving out empty rows', () => {
    const typed = [
      { name: 'Khai khoáng', percent: '50' },
      { name: 'Điện, nước', percent: '20%' },
      { name: 'Xây dựng', percent: '30' },
    ];
    expect(splitParts(typed, 'vi').map((p) => p.fraction)).toEqual([0.5, 0.2, 0.3]);
    expect(splitTotal(typed, 'vi')).toBeCloseTo(100, 12);
    expect(splitParts([...typed.slice(0, 2), { name: '', percent: '' }], 'vi')).toHaveLength(2);
    expect(splitParts([{ name: 'A', percent: 'x' }], 'vi')[0]!.fraction).toBeNaN();
  });

  it('relabel in one language and place issues at their sectors', () => {
    expect(relabelIn({ vi: 'Dịch vụ', en: 'Services' }, 'en', 'Trade')).toEqual({ vi: 'Dịch vụ', en: 'Trade' });
    expect(relabelIn('Dịch vụ', 'vi', 'Thương mại')).toBe('Thương mại');
    expect(issueSector('rows.mining.base', ['mining'])).toBe('mining');
    expect(issueSector('sources.mining@2025', ['mining'])).toBe('mining');
    expect(issueSector('sources.mining.growth', ['mining'])).toBe('mining');
    expect(issueSector('rows', ['mining'])).toBeUndefined();
    const summary = issueSummary(
      [
        { key: 'baseMissing', field: 'rows.mining.base', severity: 'error' },
        { key: 'unsourced', field: 'sources.mining@2025', severity: 'warning' },
      ],
      ['mining'],
    );
    expect(summary.error.map((e) => e.sector)).toEqual(['mining']);
    expect(summary.warning).toHaveLength(1);
  });

  it('list the projection years after the base year', () => {
    expect(projectionYears(quangNinh2025)).toEqual([2026, 2027, 2028, 2029, 2030]);
  });
});
