import { describe, expect, it } from 'vitest';
import { dictionaries, translate } from './index';

describe('dictionaries', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(Object.keys(dictionaries.en).sort()).toEqual(Object.keys(dictionaries.vi).sort());
  });

  it('use the same placeholders for each key in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(dictionaries.vi) as (keyof typeof dictionaries.vi)[]) {
      expect(placeholders(dictionaries.en[key]), key).toEqual(placeholders(dictionaries.vi[key]));
    }
  });

  it('have no empty texts', () => {
    for (const dict of Object.values(dictionaries)) {
      for (const [key, text] of Object.entries(dict)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('fills placeholders', () => {
    expect(translate('en', 'cards.share', { name: 'Manufacturing', year: 2030 })).toBe('Manufacturing share in 2030');
    expect(translate('vi', 'row.growth', { name: 'Dịch vụ' })).toBe('Tăng trưởng Dịch vụ');
  });
});
