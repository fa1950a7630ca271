import { describe, expect, it } from 'vitest';
import { fillPlaceholders, inSentence, sentenceStart, withName } from './fill';

describe('a text at the start of a line', () => {
  it('capitalises its first letter', () => {
    expect(sentenceStart('ngày 29 tháng 11 năm 2026')).toBe('Ngày 29 tháng 11 năm 2026');
    expect(sentenceStart('')).toBe('');
  });
});

describe('names in a phrase', () => {
  it('lower-cases a name’s first letter', () => {
    expect(inSentence('Công nghiệp chế biến, chế tạo')).toBe('công nghiệp chế biến, chế tạo');
    expect(inSentence('Tỷ trọng Công nghiệp chế biến, chế tạo')).toBe('tỷ trọng Công nghiệp chế biến, chế tạo');
    expect(inSentence('Manufacturing')).toBe('manufacturing');
  });

  it('keeps acronyms, capitals and proper names', () => {
    expect(inSentence('GRDP bình quân đầu người (USD)')).toBe('GRDP bình quân đầu người (USD)');
    expect(inSentence('CN CBCT')).toBe('CN CBCT');
    expect(inSentence('FDI')).toBe('FDI');
    expect(inSentence('Quảng Ninh')).toBe('Quảng Ninh');
    expect(inSentence('Đ')).toBe('Đ');
    expect(inSentence('')).toBe('');
  });

  it('lower-cases a name inside a text and keeps it where it opens the text', () => {
    const fill = (text: string) => (_key: string, args?: Record<string, string | number>) =>
      fillPlaceholders(text, args);
    const name = 'Công nghiệp chế biến, chế tạo';
    expect(withName(fill('Tỷ trọng {name} năm {year}'), 'k', { name, year: 2030 })).toBe(
      'Tỷ trọng công nghiệp chế biến, chế tạo năm 2030',
    );
    expect(withName(fill('{name} share'), 'k', { name: 'Manufacturing' })).toBe('Manufacturing share');
    expect(withName(fill('Tăng trưởng {name}'), 'k', { name: 'GRDP' })).toBe('Tăng trưởng GRDP');
  });
});
