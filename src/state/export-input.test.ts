import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { sheetColumns, sheetRows, type SheetColumn, type SheetRow } from '../engine';
import { BOM, toCsv } from '../export';
import { toXlsx } from '../export/xlsx';
import { TEMPLATES } from '../templates';
import { readCsv } from '../templates/csv';
import { quangNinh } from '../templates/quang-ninh';
import { buildTable, exportInput, pngTexts } from './export-input';
import { chartInput } from './labels';
import { LocaleState } from './locale.svelte';
import { Sheet } from './sheet.svelte';

const MANUFACTURING = 'Công nghiệp chế biến, chế tạo';
const DEFAULT_TEMPLATE = TEMPLATES[0]!;

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
    expect(growth.label).toBe('Tăng trưởng công nghiệp chế biến, chế tạo');
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
    expect(texts.title).toBe('GRDP theo ngành và tỷ trọng công nghiệp chế biến, chế tạo');
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

// The exports of a sheet read back from the files: each cell by row id and year, as the .xlsx reader and the CSV
// reader return it (null and '' for an empty cell).
async function readBack(sheet: Sheet, locale: LocaleState) {
  const table = buildTable(sheet, locale);
  const [data] = await readXlsxFile(Buffer.from(await (await toXlsx(table)).arrayBuffer()));
  const csv = readCsv(toCsv(table).slice(BOM.length));
  const find = (rows: unknown[][], id: string, year: number): unknown => {
    const row = rows.find((r) => r[1] === id);
    expect(row, id).toBeDefined();
    return row![2 + table.years.indexOf(year)];
  };
  return {
    xlsx: (id: string, year: number) => find(data!.data, id, year),
    csv: (id: string, year: number) => find(csv, id, year),
  };
}

function rowOf(sheet: Sheet, id: string): SheetRow {
  return sheetRows(sheet.scenario, { prices: true }).find((r) => r.id === id)!;
}

function columnOf(sheet: Sheet, year: number): SheetColumn {
  return sheetColumns(sheet.scenario, sheet.model).find((c) => c.year === year)!;
}

describe('exported files', () => {
  // The sheet with a genuine 0 or a blank in each kind of row the default template has, and a formula row added.
  function edited() {
    const sheet = new Sheet(DEFAULT_TEMPLATE);
    const locale = new LocaleState('?lang=vi');
    sheet.addCustomRow({ kind: 'formula', id: 'capex', label: 'Capex', format: 'number', formula: '=grdp*0,1' }, 'vi');
    sheet.addCustomRow({ kind: 'param', id: 'zero_rate', label: 'Zero', format: 'percent', value: '0' }, 'vi');
    expect(sheet.setCellText('capex', 2027, '', 'vi')).toBeUndefined();
    expect(sheet.setCellText('capex', 2028, '0', 'vi')).toBeUndefined();
    expect(sheet.setCellText('growth_target', 2027, '0', 'vi')).toBeUndefined();
    expect(sheet.setCellText('investment', 2026, '0', 'vi')).toBeUndefined();
    expect(sheet.setCellText('investment', 2027, '', 'vi')).toBeUndefined();
    expect(sheet.setCellText('manufacturing.price', 2026, '0', 'vi')).toBeUndefined();
    expect(sheet.setCellText('manufacturing.price', 2027, '', 'vi')).toBeUndefined();
    return { sheet, locale };
  }

  it('leaves the years without a target empty in the .xlsx and the CSV, and keeps the targets', async () => {
    const sheet = new Sheet(DEFAULT_TEMPLATE);
    const files = await readBack(sheet, new LocaleState('?lang=vi'));
    const blank = [2024, 2026, 2027, 2028, 2029];
    for (const year of blank)
      expect(sheet.view(rowOf(sheet, 'share_target'), columnOf(sheet, year), 'vi').text).toBe('');
    for (const year of blank) {
      expect(files.xlsx('share_target', year), `${year}`).toBeNull();
      expect(files.csv('share_target', year), `${year}`).toBe('');
    }
    expect(files.xlsx('share_target', 2030)).toBeCloseTo(0.3, 12);
    expect(files.csv('share_target', 2030)).toBe('30%');
  });

  it('leaves a blank empty in every kind of row and keeps a real 0 as 0', async () => {
    const { sheet, locale } = edited();
    const files = await readBack(sheet, locale);
    // 2025 is the default template's base year; 2022 a recorded year without a figure.
    const blanks: [string, number][] = [
      ['manufacturing.growth', 2022],
      ['growth_target', 2025],
      ['capex', 2027],
      ['investment', 2025],
      ['investment', 2027],
      ['manufacturing.price', 2027],
      ['icor', 2027],
    ];
    for (const [id, year] of blanks) {
      expect(files.xlsx(id, year), `${id} ${year}`).toBeNull();
      expect(files.csv(id, year), `${id} ${year}`).toBe('');
    }
    const zeros: [string, number, string][] = [
      ['growth_target', 2027, '0%'],
      ['capex', 2028, '0'],
      ['investment', 2026, '0'],
      ['manufacturing.price', 2026, '0%'],
      ['zero_rate', 2025, '0%'],
    ];
    for (const [id, year, text] of zeros) {
      expect(files.xlsx(id, year), `${id} ${year}`).toBe(0);
      expect(files.csv(id, year), `${id} ${year}`).toBe(text);
    }
  });

  it('has an empty cell exactly where the sheet shows one', async () => {
    const { sheet, locale } = edited();
    const files = await readBack(sheet, locale);
    const columns = sheetColumns(sheet.scenario, sheet.model);
    for (const row of sheetRows(sheet.scenario, { prices: true })) {
      for (const column of columns) {
        const shown = sheet.view(row, column, 'vi').text;
        expect(files.xlsx(row.id, column.year) === null, `${row.id} ${column.year}`).toBe(shown === '');
        expect(files.csv(row.id, column.year) === '', `${row.id} ${column.year}`).toBe(shown === '');
      }
    }
  });
});
