import { describe, expect, it } from 'vitest';
import { checkIdentifier, type Scenario } from '../engine';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import { cleanLabel, copyLabel, rowIdFrom, templateIdFrom } from './template-ids';

const base = quangNinh2025;
const free = (scenario: Scenario) => (id: string) => checkIdentifier(scenario, id) === undefined;

describe('row and template ids from labels', () => {
  it('transliterates a Vietnamese label into an identifier the engine accepts', () => {
    const isFree = free(base.scenario);
    expect(rowIdFrom('Khai khoáng', isFree)).toBe('khai_khoang');
    expect(rowIdFrom({ vi: 'Điện, nước', en: 'Electricity and water' }, isFree)).toBe('dien_nuoc');
    expect(rowIdFrom('Xây dựng', isFree)).toBe('xay_dung');
    expect(rowIdFrom('Ngành 2', isFree)).toBe('nganh_2');
  });

  it('makes an id free where the label gives a taken, reserved or odd one', () => {
    const isFree = free(base.scenario);
    expect(rowIdFrom('Dịch vụ', isFree)).toBe('dich_vu');
    expect(rowIdFrom('Services', isFree)).toBe('services_2');
    expect(rowIdFrom('Sum', isFree)).toBe('sum_2');
    expect(rowIdFrom('2030 target', isFree)).toBe('n_2030_target');
    expect(rowIdFrom('—', isFree)).toBe('row');
    const long = rowIdFrom('Công nghiệp chế biến, chế tạo và các ngành liên quan khác', isFree);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(checkIdentifier(base.scenario, long)).toBeUndefined();
  });

  it('makes a template id of plain words, avoiding the ones taken', () => {
    const taken = new Set(['quang-ninh-ban-sao']);
    expect(templateIdFrom('Quảng Ninh (năm gốc 2025) (bản sao)', () => false)).toBe('quang-ninh-nam-goc-2025-ban-sao');
    expect(templateIdFrom('Quảng Ninh (bản sao)', (id) => taken.has(id))).toBe('quang-ninh-ban-sao-2');
    expect(templateIdFrom('***', () => false)).toBe('template');
  });
});

describe('labels', () => {
  it('cleans and trims a label, and says when it is empty or too long', () => {
    expect(cleanLabel('  Khai khoáng\u202e ')).toBe('Khai khoáng');
    expect(cleanLabel({ vi: ' Xây dựng', en: 'Construction ' })).toEqual({ vi: 'Xây dựng', en: 'Construction' });
    expect(cleanLabel({ vi: 'Xây dựng', en: '  ' })).toBe('empty');
    expect(cleanLabel('x'.repeat(201))).toBe('long');
  });

  it('names a copy in both languages within the label limit', () => {
    expect(copyLabel({ vi: 'Quảng Ninh', en: 'Quảng Ninh' })).toEqual({
      vi: 'Quảng Ninh (bản sao)',
      en: 'Quảng Ninh (copy)',
    });
    expect((copyLabel('x'.repeat(200)) as string).length).toBe(200);
  });
});
