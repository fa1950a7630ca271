import { describe, expect, it } from 'vitest';
import { checkIdentifier, sectorVar, type Scenario } from '../engine';
import { translateTemplate } from '../i18n/template';
import type { TemplateIssueKey } from '../templates';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import type { Template } from '../templates/types';
import {
  badFractions,
  cleanLabel,
  copyLabel,
  dropSources,
  issueStatus,
  moveSectorRow,
  referencesTo,
  renameSources,
  rowIdFrom,
  scenarioSources,
  splitSources,
  splitValue,
  templateIdFrom,
  templateWithin,
} from './template-draft';

const base = quangNinh2025;
const free = (scenario: Scenario) => (id: string) => checkIdentifier(scenario, id) === undefined;
const ids = (t: Template | Scenario) => ('scenario' in t ? t.scenario : t).rows.map((r) => r.id);

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

describe('split arithmetic', () => {
  it('splits a value so the parts add up to the whole exactly', () => {
    const parts = splitValue(125057.3, [0.5, 0.2, 0.3]);
    expect(parts[0]).toBeCloseTo(62528.65, 9);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(125057.3);
  });

  it('refuses fractions that are fewer than two, not above 0 or do not add up to 100%', () => {
    expect(badFractions([0.5, 0.2, 0.3])).toBe(false);
    expect(badFractions([1])).toBe(true);
    expect(badFractions([0.5, 0.4])).toBe(true);
    expect(badFractions([1.2, -0.2])).toBe(true);
    expect(badFractions([0.5, Number.NaN])).toBe(true);
  });
});

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

describe('rows', () => {
  it('finds the rows whose formulas or targets refer to a row', () => {
    const rows = [
      ...base.scenario.rows,
      {
        kind: 'series' as const,
        id: 'coal',
        label: 'Than',
        format: 'number' as const,
        cells: { 2026: '=services * 0.1' },
      },
    ];
    const scenario = { ...base.scenario, rows };
    expect(referencesTo(scenario, 'services')).toEqual(['coal']);
    expect(referencesTo(scenario, 'manufacturing')).toEqual(['share_target']);
    expect(referencesTo(scenario, 'agriculture')).toEqual([]);
  });

  it('moves a sector among the sectors, stopping at the ends, and leaves other rows in place', () => {
    const rows = base.scenario.rows;
    expect(ids({ ...base.scenario, rows: moveSectorRow(rows, 'services', -2) }).slice(0, 6)).toEqual([
      'agriculture',
      'services',
      'manufacturing',
      'other_industry',
      'taxes',
      'share_target',
    ]);
    expect(moveSectorRow(rows, 'taxes', 3)).toBe(rows);
    expect(ids({ ...base.scenario, rows: moveSectorRow(rows, 'agriculture', 99) }).slice(0, 5)).toEqual([
      'manufacturing',
      'other_industry',
      'services',
      'taxes',
      'agriculture',
    ]);
  });
});

describe('templateWithin', () => {
  it('drops input cells outside the years, in the scenario and the target sets, and counts each once', () => {
    const [within, dropped] = templateWithin(base, 2025, 2028);
    const services = within.scenario.rows.find((r) => r.id === 'services');
    expect(services?.kind === 'sector' && Object.keys(services.growth)).toEqual(['2026', '2027', '2028']);
    expect(dropped.years).toEqual([2029, 2030]);
    const congress = within.targetSets!.find((s) => s.id === 'congress')!;
    expect(congress.rows.every((r) => !('2030' in r.cells))).toBe(true);
    // 5 sectors × 2 parts × 2 years, population, usd_rate, investment and the growth target × 2 years, the share
    // target's 2030 (the scenario's and its set's, counted once) and the other sets' cells and ceilings of 2029–2030.
    const sets = base.targetSets!.slice(1).flatMap((s) => s.rows);
    const inSets = sets.flatMap((r) => [
      ...Object.keys(r.cells).filter((y) => Number(y) > 2028),
      ...Object.keys(r.upper ?? {}).filter((y) => Number(y) > 2028),
    ]).length;
    expect(dropped.count).toBe(20 + 8 + 1 + inSets);
  });

  it('keeps a sector’s growth only after the base year', () => {
    const [within] = templateWithin(base, 2027, 2030);
    const row = within.scenario.rows.find((r) => r.id === 'manufacturing');
    expect(row?.kind === 'sector' && Object.keys(row.growth)).toEqual(['2028', '2029', '2030']);
    expect(within.scenario.history[sectorVar('manufacturing', 'growth')]).toEqual(
      base.scenario.history[sectorVar('manufacturing', 'growth')],
    );
  });
});

describe('issueStatus', () => {
  it('gives every issue a message in both languages, an error as an error', () => {
    const keys: TemplateIssueKey[] = [
      'noSectors',
      'focusNotSector',
      'baseMissing',
      'structureSum',
      'sharesSum',
      'targetOnNothing',
      'growthMissing',
      'unsourced',
    ];
    for (const key of keys) {
      const status = issueStatus({ key, field: 'rows', severity: 'warning' });
      expect(translateTemplate('vi', status.key)).not.toBe(translateTemplate('en', status.key));
      expect(status.tone).toBeUndefined();
    }
    const error = issueStatus({
      key: 'structureSum',
      field: 'rows',
      severity: 'error',
      args: { sum: 1, grdp: 2, year: 2025 },
    });
    expect(error).toEqual({ key: 'template.issue.structureSum', args: { sum: 1, grdp: 2, year: 2025 }, tone: 'error' });
    expect(translateTemplate('en', error.key, error.args)).toBe(
      'The sectors add up to 1, not the 2025 GRDP at current prices of 2.',
    );
  });
});
