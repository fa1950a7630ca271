import { describe, expect, it } from 'vitest';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import { dropSources, renameSources, scenarioSources, splitSources } from './template-sources';

const base = quangNinh2025;

describe('sources', () => {
  const sources = {
    'mining@2025': { text: { vi: 'Cục Thống kê', en: 'Statistics Office' } },
    'mining.growth': { text: 'giả định', assumption: true },
    'mining.share@2024': { text: 'GSO' },
    mining_old: { text: 'other row' },
    'services.growth': { text: 'x' },
  };

  it('copies a split sector’s sources to each part as assumptions that say how', () => {
    const parts = [
      { id: 'coal', label: { vi: 'Than', en: 'Coal' }, fraction: 0.125 },
      { id: 'rest', label: 'Khác', fraction: 0.875 },
    ];
    const split = splitSources(sources, { id: 'mining', label: { vi: 'Khai khoáng', en: 'Mining' } }, parts);
    expect(Object.keys(split).sort()).toEqual(
      [
        'coal@2025',
        'coal.growth',
        'coal.share@2024',
        'rest@2025',
        'rest.growth',
        'rest.share@2024',
        'mining_old',
        'services.growth',
      ].sort(),
    );
    expect(split['coal@2025']).toEqual({
      text: {
        vi: 'tách từ “Khai khoáng” theo tỷ lệ 12,5%: Cục Thống kê',
        en: 'split from “Mining” at 12.5%: Statistics Office',
      },
      assumption: true,
    });
    expect(split['rest.growth']!.text).toEqual({
      vi: 'tách từ “Khai khoáng”, giả định biến động như ngành gốc: giả định',
      en: 'split from “Mining”, assumed to move with it: giả định',
    });
    expect(split['services.growth']).toBe(sources['services.growth']);
  });

  it('cuts a split source to the length a template’s source may have', () => {
    const long = { 'mining@2025': { text: 'x'.repeat(1000) } };
    const split = splitSources(long, { id: 'mining', label: 'Khai khoáng' }, [
      { id: 'a', label: 'A', fraction: 0.5 },
      { id: 'b', label: 'B', fraction: 0.5 },
    ]);
    const text = split['a@2025']!.text as { vi: string };
    expect(text.vi).toHaveLength(1000);
    expect(text.vi.endsWith('…')).toBe(true);
  });

  it('moves the sources of a renamed row and drops those of a removed one, leaving rows of similar names', () => {
    const renamed = renameSources(sources, 'mining', 'khai_khoang');
    expect(Object.keys(renamed)).toEqual([
      'khai_khoang@2025',
      'khai_khoang.growth',
      'khai_khoang.share@2024',
      'mining_old',
      'services.growth',
    ]);
    expect(Object.keys(dropSources(sources, 'mining'))).toEqual(['mining_old', 'services.growth']);
  });

  it('marks the inputs a scenario changed from its template as that scenario’s assumptions', () => {
    const growth = base.scenario.rows.map((r) =>
      r.kind === 'sector' && r.id === 'services' ? { ...r, growth: { ...r.growth, 2027: 0.15 } } : r,
    );
    const scenario = { ...base.scenario, meta: { ...base.scenario.meta, name: 'Dịch vụ mạnh' }, rows: growth };
    const sources = scenarioSources(base, scenario);
    expect(sources['services.growth@2027']).toMatchObject({ assumption: true });
    expect((sources['services.growth@2027']!.text as { vi: string }).vi).toContain('“Dịch vụ mạnh”');
    expect(sources['services.growth@2028']).toBeUndefined();
    expect(sources['services.growth']).toBe(base.sources['services.growth']);
    expect(Object.keys(sources)).toHaveLength(Object.keys(base.sources).length + 1);
  });
});
