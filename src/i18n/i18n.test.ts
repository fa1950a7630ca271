import { describe, expect, it } from 'vitest';
import { translate } from './index';
import { vi } from './vi';
import { translateCompare } from './compare';
import { translateHelp } from './help';
import { translatePresent } from './present';
import { translateTableImport } from './table-import';
import { isTemplateKey, translateTemplate } from './template';
import { ALL_DICTIONARIES, TEXT_PARTS } from '../../tests/unit/dictionaries';

// The texts that load with their part of the interface (formula help, presentation, comparison, template editor,
// spreadsheet import, analysis tools, share dialog and update prompt), not at start.
const PARTS = TEXT_PARTS;

// The start dictionaries and those of each part: each pair has the same keys.
const PAIRS = ALL_DICTIONARIES;

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
  it.each(Object.entries(PARTS))(
    'keep the %s texts out of the start dictionaries, where every visit would load them',
    (_, part) => {
      const start = new Set(Object.keys(vi));
      expect(Object.keys(part.vi).filter((key) => start.has(key))).toEqual([]);
    },
  );

  it('fills placeholders', () => {
    expect(translate('en', 'cards.share', { name: 'Manufacturing', year: 2030 })).toBe('Manufacturing share in 2030');
    expect(translate('vi', 'row.growth', { name: 'Dịch vụ' })).toBe('Tăng trưởng Dịch vụ');
    expect(translateHelp('vi', 'help.start', { separator: ';' })).toContain('“;”');
    expect(translatePresent('en', 'present.date', { date: '1 January' })).toBe('Date: 1 January');
    expect(translateCompare('en', 'compare.points', { value: '1.5' })).toBe('1.5 pp');
    expect(translateTemplate('en', 'template.tooLong', { max: 200 })).toBe('Longer than 200 characters.');
    expect(translateTableImport('vi', 'tableImport.noSheet', { sheet: 'A' })).toBe('Không có trang tính “A”.');
  });

  it('tells the template editor’s keys from the start dictionaries’ and from inherited names', () => {
    expect(isTemplateKey('template.issue.unsourced')).toBe(true);
    expect(isTemplateKey('rows.problem.taken')).toBe(false);
    expect(isTemplateKey('constructor')).toBe(false);
    expect(isTemplateKey('toString')).toBe(false);
  });
});
