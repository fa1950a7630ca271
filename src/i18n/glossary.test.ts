import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../templates';
import { GLOSSARY } from './glossary';
import { ALL_DICTIONARIES } from '../../tests/unit/dictionaries';

// Every Vietnamese dictionary: the start's and each part's.
const VIETNAMESE: Record<string, Readonly<Record<string, string>>> = Object.fromEntries(
  Object.entries(ALL_DICTIONARIES).map(([name, pair]) => [name, pair.vi]),
);

// The Vietnamese text of every label in a template: names, preset descriptions, target sets, source notes.
function vietnameseOf(value: unknown, at: string): [string, string][] {
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.vi === 'string' && typeof record.en === 'string') return [[at, record.vi]];
  return Object.entries(record).flatMap(([k, v]) => vietnameseOf(v, `${at}.${k}`));
}

const RULES = GLOSSARY.flatMap((term) => term.rejected.map((pattern) => ({ term: term.vi, pattern })));

describe('the Vietnamese texts follow the glossary', () => {
  it.each(Object.entries(VIETNAMESE))('in the %s dictionary', (_, dictionary) => {
    const found = Object.entries(dictionary).flatMap(([key, text]) =>
      RULES.filter((r) => new RegExp(r.pattern.source, 'i').test(text)).map((r) => `${key}: ${r.pattern} (${r.term})`),
    );
    expect(found).toEqual([]);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('in the %s template', (_, template) => {
    const found = vietnameseOf(template, template.id).flatMap(([at, text]) =>
      RULES.filter((r) => new RegExp(r.pattern.source, 'i').test(text)).map((r) => `${at}: ${r.pattern} (${r.term})`),
    );
    expect(found).toEqual([]);
  });

  it('finds a rejected variant', () => {
    const hits = (text: string) => RULES.filter((r) => new RegExp(r.pattern.source, 'i').test(text)).length;
    expect(hits('Seed mới')).toBeGreaterThan(0);
    expect(hits('Ngày 29 tháng 11, 2026')).toBeGreaterThan(0);
    expect(hits('Mã khởi tạo ngẫu nhiên mới')).toBe(0);
    expect(hits('ngày 29 tháng 11 năm 2026')).toBe(0);
  });

  it('gives every term its English and where it is used', () => {
    for (const term of GLOSSARY) expect([term.vi, term.en, term.where].every((s) => s.length > 0)).toBe(true);
  });
});
