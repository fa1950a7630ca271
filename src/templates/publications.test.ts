import { describe, expect, it } from 'vitest';
import { ALL_DICTIONARIES } from '../../tests/unit/dictionaries';
import { TEMPLATES } from './index';
import * as publications from './publications';
import { citation, type Citation } from './publications';

// Every string in a value: the texts a template or a dictionary can show.
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

// A path of this repository or of the files beside it, which a planner cannot look up.
const REPOSITORY_PATH = /(?:shared|seeds|src|tests|public|bench|node_modules)\/|domain\.md|README|\.tsx?\b|\.svelte\b/;

describe('what planners read never names a file of the repository', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('in the %s template', (_, template) => {
    const named = strings(template).filter((s) => REPOSITORY_PATH.test(s));
    expect(named).toEqual([]);
  });

  it.each(Object.entries(ALL_DICTIONARIES))('in the %s dictionaries', (_, pair) => {
    expect(strings(pair).filter((s) => REPOSITORY_PATH.test(s))).toEqual([]);
  });

  it('catches a path such as a seed file’s', () => {
    expect(REPOSITORY_PATH.test('TTXVN (shared/seeds/000)')).toBe(true);
    expect(REPOSITORY_PATH.test('antt.vn/che-bien-che-tao-371411.htm')).toBe(false);
  });
});

describe('the citations of the built-in templates', () => {
  const cited = Object.entries(publications).filter(
    (entry): entry is [string, Citation] => typeof entry[1] === 'object' && 'vi' in entry[1],
  );

  it.each(cited)('%s names what it is and when or where to find it, in both languages', (_, c) => {
    for (const text of [c.vi, c.en]) {
      expect(text.length).toBeGreaterThan(20);
      // A date (a year) or an address (a domain) to look it up by.
      expect(text).toMatch(/\b(19|20)\d\d\b|\b[\w-]+\.(vn|com)\b/);
    }
  });

  it('writes publisher, title in quotes, date and address in that order', () => {
    expect(citation({ publisher: 'P', title: 'T', date: { vi: 'năm 2024', en: '2024' }, address: 'a.vn' })).toEqual({
      vi: 'P, “T”, năm 2024, a.vn',
      en: 'P, “T”, 2024, a.vn',
    });
  });
});
