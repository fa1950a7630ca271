import { describe, expect, it } from 'vitest';
import { cleanText } from './text';

describe('cleanText', () => {
  it('drops every bidirectional mark, embedding, override and isolate', () => {
    const marks = '\u200E\u200F\u061C\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(cleanText(`a${marks}b`)).toBe('ab');
  });

  it('drops C0 and C1 controls and DEL', () => {
    expect(cleanText('a\u0000\u0007\u001B\u007F\u0080\u009Fb')).toBe('ab');
  });

  it('turns each run of tabs and line breaks into one space, even with controls between them', () => {
    expect(cleanText('a\tb\r\n\u0000\nc\u2028d\u0085e')).toBe('a b c d e');
  });

  it('leaves Vietnamese, emoji and ordinary spaces as they are', () => {
    const text = '  Công nghiệp chế biến, chế tạo 👩‍🏭 (2030) ';
    expect(cleanText(text)).toBe(text);
  });
});
