import { describe, expect, it } from 'vitest';
import { quangNinh } from '../templates/quang-ninh';
import { buildTable, exportInput, pngTexts } from './export-input';
import { chartInput } from './labels';
import { LocaleState } from './locale.svelte';
import { Sheet } from './sheet.svelte';

const MANUFACTURING = 'Công nghiệp chế biến, chế tạo';

function setup(lang: 'vi' | 'en' = 'vi') {
  const sheet = new Sheet(quangNinh);
  const locale = new LocaleState(`?lang=${lang}`);
  return { sheet, locale, table: buildTable(sheet, locale) };
}

describe('buildTable', () => {
  it('has one row per variable, price rows included, and one column per year, history included', () => {
    const { sheet, table } = setup();
    const { baseYear, horizon } = sheet.scenario.meta;
    expect(table.years.at(-1)).toBe(horizon);
    expect(table.years).toContain(baseYear);
    expect(table.columnKinds).toContain('history');
    expect(table.years[0]).toBeLessThan(baseYear);
    expect(table.rows.map((r) => r.id)).toEqual(
      expect.arrayContaining(['manufacturing', 'manufacturing.price', 'grdp']),
    );
    for (const row of table.rows) expect(row.cells).toHaveLength(table.years.length);
  });

  it('holds the model values as numbers, fractions on percent rows, with translated labels', () => {
    const { sheet, table } = setup();
    const i = table.years.indexOf(2026);
    const growth = table.rows.find((r) => r.id === 'manufacturing.growth')!;
    expect(growth.format).toBe('percent');
    expect(growth.label).toBe(`Tăng trưởng ${MANUFACTURING}`);
    expect(growth.cells[i]).toBeCloseTo(
      sheet.model.get('manufacturing.growth')!.values[2026 - sheet.model.baseYear]!,
      12,
    );
    const grdp = table.rows.find((r) => r.id === 'grdp')!;
    expect(grdp.format).toBe('number');
    expect(grdp.cells[i]).toBe(sheet.model.get('grdp')!.values[2026 - sheet.model.baseYear]);
    expect(setup('en').table.rows.find((r) => r.id === 'manufacturing.growth')!.label).toMatch(/Manufacturing/);
  });

  it('leaves blanks empty and writes an error as its code', () => {
    const { sheet, locale } = setup();
    sheet.setCellText('manufacturing.growth', 2027, '=nothing_here', 'vi');
    const table = buildTable(sheet, locale);
    const growth = table.rows.find((r) => r.id === 'manufacturing.growth')!;
    expect(growth.cells[table.years.indexOf(2027)]).toBe('#NAME?');
    expect(table.rows.some((r) => r.cells.includes(null))).toBe(true);
  });

  it('lists each sourced cell with its text and whether it is an assumption', () => {
    const { table } = setup();
    const cited = table.sources.find((s) => s.key === 'manufacturing@2023')!;
    expect(cited.text).toContain('12,3% × 315.800');
    expect(cited.assumption).toBe(false);
    expect(table.sources.find((s) => s.key === 'manufacturing.growth@2025')?.assumption).toBe(true);
  });

  it('has the headings of the language', () => {
    expect(setup('vi').table.headings).toMatchObject({ variable: 'Chỉ tiêu', id: 'Mã', sheetData: 'Kịch bản' });
    expect(setup('en').table.headings).toMatchObject({ variable: 'Indicator', id: 'ID', sheetSources: 'Sources' });
  });
});

describe('chart image input', () => {
  const { sheet, locale } = setup();

  it('has a translated title, the scenario name and a source line', () => {
    const texts = pngTexts(sheet, locale);
    expect(texts.title).toBe('GRDP theo ngành và tỷ trọng Công nghiệp chế biến, chế tạo');
    expect(texts.subtitle).toBe(sheet.scenario.meta.name);
    expect(texts.source).toMatch(/^Nguồn: .*Quảng Ninh/);
  });

  it('shows the chart of the sheet with translated sector names', () => {
    const input = chartInput(sheet.scenario, sheet.chart, locale);
    expect(input.data).toEqual(sheet.chart);
    expect(input.sectorLabels).toContain(MANUFACTURING);
    expect(input.formatPercent(0.123)).toBe('12,3%');
  });
});

describe('exportInput', () => {
  it('names the files after the scenario and builds the table and chart of the sheet', () => {
    const { sheet, locale } = setup();
    const input = exportInput(sheet, locale);
    expect(input.name).toBe(sheet.scenario.meta.name);
    expect(input.table).toEqual(buildTable(sheet, locale));
    expect(input.texts).toEqual(pngTexts(sheet, locale));
    expect(input.chart.labels).toEqual(chartInput(sheet.scenario, sheet.chart, locale).labels);
  });
});
