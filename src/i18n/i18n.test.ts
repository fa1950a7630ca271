import { describe, expect, it } from 'vitest';
import { dictionaries, translate } from './index';
import { helpDictionaries, translateHelp } from './help';

// The start dictionaries and the formula help's, which loads with its dialog: each pair has the same keys.
const PAIRS = { start: dictionaries, help: helpDictionaries } as const;

describe.each(Object.entries(PAIRS))('the %s dictionaries', (_, pair) => {
  const vi: Record<string, string> = pair.vi;
  const en: Record<string, string> = pair.en;

  it('have the same keys in Vietnamese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('use the same placeholders for each key in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi)) expect(placeholders(en[key]!), key).toEqual(placeholders(vi[key]!));
  });

  it('have no empty texts', () => {
    for (const dict of [vi, en]) {
      for (const [key, text] of Object.entries(dict)) expect(text.trim(), key).not.toBe('');
    }
  });
});

describe('dictionaries', () => {
  it('keep the formula help’s texts out of the start dictionaries, where every visit would load them', () => {
    const start = new Set(Object.keys(dictionaries.vi));
    expect(Object.keys(helpDictionaries.vi).filter((key) => start.has(key))).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(translate('en', 'cards.share', { name: 'Manufacturing', year: 2030 })).toBe('Manufacturing share in 2030');
    expect(translate('vi', 'row.growth', { name: 'Dịch vụ' })).toBe('Tăng trưởng Dịch vụ');
    expect(translateHelp('vi', 'help.start', { separator: ';' })).toContain('“;”');
  });
});
