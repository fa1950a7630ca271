import { describe, expect, it } from 'vitest';
import { BUILTIN, sectorVar, type RowDef } from '../engine';
import { sectorRow, targetRow } from '../engine/fixtures';
import { checkTemplate } from '../templates/check-template';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import type { SourceNote, Template } from '../templates/types';
import { figureSources, unsourcedCount, unsourcedKeys, withFigures, type RowSources } from './template-figure-sources';

const rows: RowDef[] = [
  sectorRow('mining', 1000, 0.05, { price: { 2027: 0.02 } }, [2026, 2027]),
  sectorRow('services', 2000, 0.08, {}, [2026]),
  { kind: 'series', id: 'population', label: 'Dân số', format: 'number', cells: { 2025: 1400, 2027: 1420 } },
  { kind: 'param', id: 'usd_rate', label: 'Tỷ giá', format: 'number', value: 25300 },
  { kind: 'param', id: 'blank_param', label: 'Trống', format: 'number', value: '' },
  targetRow('share_target', sectorVar('mining', 'share'), { 2027: 0.3 }, { 2027: 0.35, 2026: 0.4 }),
];

function template(sources: Record<string, SourceNote> = {}, extra: Partial<Template> = {}): Template {
  return {
    id: 't',
    label: 't',
    scenario: {
      meta: { name: 't', region: 'r', baseYear: 2025, horizon: 2027, unit: 'u', focus: 'mining' },
      rows,
      history: { [sectorVar('mining', 'growth')]: { 2024: 0.04, 2025: 0.045 }, [BUILTIN.grdpNominal]: { 2025: 3000 } },
    },
    sources,
    presets: [],
    ...extra,
  };
}

const byId = (all: readonly RowSources[], id: string) => all.find((r) => r.row.id === id)!;
const years = (r: RowSources) => r.figures.map((f) => f.year);

describe('figureSources', () => {
  it('lists the rows that hold figures in the sheet’s order, each with the years it has a figure in', () => {
    const all = figureSources(template());
    expect(all.map((r) => r.row.id)).toEqual([
      'mining',
      sectorVar('mining', 'growth'),
      sectorVar('mining', 'price'),
      'services',
      sectorVar('services', 'growth'),
      BUILTIN.grdpNominal,
      'share_target',
      'population',
      'usd_rate',
    ]);
    expect(years(byId(all, 'mining'))).toEqual([2025]);
    expect(years(byId(all, sectorVar('mining', 'growth')))).toEqual([2024, 2025, 2026, 2027]);
    expect(years(byId(all, 'population'))).toEqual([2025, 2027]);
  });

  it('gives recorded actuals and inputs apart, a target’s floor with its ceiling, and a parameter’s value on its row', () => {
    const all = figureSources(template());
    const growth = byId(all, sectorVar('mining', 'growth')).figures;
    expect(growth.map((f) => [f.year, f.value, f.recorded])).toEqual([
      [2024, 0.04, true],
      [2025, 0.045, true],
      [2026, 0.05, false],
      [2027, 0.05, false],
    ]);
    expect(byId(all, 'share_target').figures.map((f) => [f.year, f.value, f.ceiling])).toEqual([
      [2026, undefined, 0.4],
      [2027, 0.3, 0.35],
    ]);
    expect(byId(all, 'usd_rate')).toMatchObject({ value: 25300, figures: [], unsourced: 1 });
  });

  it('gives each figure its own source, else its row’s marked as inherited, and counts those without either', () => {
    const own = { text: 'Cục Thống kê' };
    const row = { text: { vi: 'giả định', en: 'assumed' }, assumption: true };
    const all = figureSources(template({ 'mining.growth@2026': own, 'mining.growth': row, usd_rate: row }));
    const [recorded, , first, second] = byId(all, sectorVar('mining', 'growth')).figures;
    expect(first).toMatchObject({ key: 'mining.growth@2026', own, source: own, inherited: false });
    expect(second).toMatchObject({ own: undefined, source: row, inherited: true });
    expect(recorded).toMatchObject({ source: row, inherited: true });
    expect(byId(all, sectorVar('mining', 'growth'))).toMatchObject({ note: row, unsourced: 0 });
    expect(byId(all, 'usd_rate').unsourced).toBe(0);
    expect(byId(all, 'mining').unsourced).toBe(1);
    // mining 2025, mining price 2027, services 2025 and 2026, GRDP 2025, the target's two years, population's two.
    expect(unsourcedCount(all)).toBe(9);
  });

  it('keeps the rows with a figure without a source, with only those figures, until the list is taken again', () => {
    const all = figureSources(template({ 'population@2025': { text: 'GSO' }, services: { text: 'GSO' } }));
    const keys = unsourcedKeys(all);
    expect(keys.size).toBe(unsourcedCount(all));
    expect(keys).toContain('usd_rate');
    const left = withFigures(all, keys);
    expect(left.map((r) => r.row.id)).not.toContain('services');
    expect(years(byId(left, 'population'))).toEqual([2027]);
    expect(byId(left, 'usd_rate')).toMatchObject({ value: 25300, figures: [] });
    // Sourced since: still listed under the same keys, now with their source.
    const later = figureSources(template({ 'population@2027': { text: 'GSO' } }));
    expect(withFigures(later, keys).find((r) => r.row.id === 'population')?.figures).toMatchObject([
      { year: 2027, source: { text: 'GSO' } },
    ]);
  });

  it('names and sources the target rows of every target set, not only the set in use', () => {
    const other = { ...targetRow('growth_target', BUILTIN.grdpGrowth, { 2027: 0.1 }), label: 'Mục tiêu tăng trưởng' };
    const sets = [
      { id: 'plan', label: 'Kế hoạch', rows: [targetRow('share_target', sectorVar('mining', 'share'), { 2027: 0.3 })] },
      { id: 'stretch', label: 'Phấn đấu', rows: [other] },
    ];
    const all = figureSources(template({ growth_target: { text: 'Nghị quyết' } }, { targetSets: sets }));
    expect(byId(all, 'growth_target')).toMatchObject({ row: { label: 'Mục tiêu tăng trưởng', format: 'percent' } });
    expect(byId(all, 'growth_target').figures).toMatchObject([{ year: 2027, value: 0.1, inherited: true }]);
  });

  it('finds without a source every figure checkTemplate warns about in the Quảng Ninh template', () => {
    const unsourced = { ...quangNinh2025, sources: {} };
    const all = figureSources(unsourced);
    const missing = new Set(all.flatMap((r) => r.figures.filter((f) => !f.source).map((f) => f.key)));
    for (const issue of checkTemplate(unsourced).filter((i) => i.key === 'unsourced')) {
      const field = issue.field.slice('sources.'.length);
      const keys = issue.args?.years
        ? String(issue.args.years)
            .split(', ')
            .map((y) => `${field}@${y}`)
        : [field];
      for (const key of keys) expect(missing).toContain(key);
    }
    expect(unsourcedCount(figureSources(quangNinh2025))).toBeLessThan(unsourcedCount(all));
  });
});
