import { describe, expect, it } from 'vitest';
import { LocaleState } from '../state/locale.svelte';
import { Sheet } from '../state/sheet.svelte';
import { quangNinh } from '../templates/quang-ninh';
import { BOM, csvCell, toCsv } from './csv';
import { buildTable, fileName } from './table';

const MANUFACTURING = 'Công nghiệp chế biến, chế tạo';

function setup(lang: 'vi' | 'en' = 'vi') {
  const sheet = new Sheet(quangNinh);
  const locale = new LocaleState(`?lang=${lang}`);
  return { sheet, locale, table: buildTable(sheet, locale) };
}

// A CSV line split on the separator (no test field holds a quoted separator).
function csvRows(csv: string, separator: string): string[][] {
  return csv
    .slice(1)
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(separator));
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

  it('makes a safe file name that keeps Vietnamese letters', () => {
    expect(fileName('Kịch bản: CBCT 20%/năm?', 'csv')).toBe('Kịch bản- CBCT 20%-năm.csv');
    expect(fileName('  ', 'xlsx')).toBe('scenario.xlsx');
  });
});

describe('toCsv', () => {
  it('starts with the BOM and keeps Vietnamese text intact', () => {
    const { table } = setup();
    const csv = toCsv(table, 'vi');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv).toContain(`Tăng trưởng ${MANUFACTURING}`);
  });

  it('uses ";" and decimal commas in Vietnamese, "," and decimal points in English', () => {
    const { sheet, locale } = setup();
    const vi = csvRows(toCsv(buildTable(sheet, locale), 'vi'), ';');
    expect(vi[0]!.slice(0, 2)).toEqual(['Chỉ tiêu', 'Mã']);
    expect(vi[0]!.slice(2).map(Number)).toEqual(buildTable(sheet, locale).years);
    const growth = vi.find((r) => r[1] === 'manufacturing.growth')!;
    // 20.45% recorded in 2024, 17% assumed for 2025.
    expect(growth[2 + buildTable(sheet, locale).years.indexOf(2024)]).toBe('20,45%');
    const enTable = buildTable(sheet, new LocaleState('?lang=en'));
    const en = csvRows(toCsv(enTable, 'en'), ',');
    expect(en[0]!.slice(0, 2)).toEqual(['Indicator', 'ID']);
    const enGrowth = en.find((r) => r[1] === 'manufacturing.growth')!;
    expect(enGrowth[2 + enTable.years.indexOf(2024)]).toBe('20.45%');
  });

  it('writes value rows as plain numbers that read back to the model value', () => {
    const { sheet, table } = setup();
    const rows = csvRows(toCsv(table, 'vi'), ';');
    const grdp = rows.find((r) => r[1] === 'grdp')!;
    const i = table.years.indexOf(2030);
    const model = sheet.model.get('grdp')!.values[2030 - sheet.model.baseYear]!;
    expect(grdp[2 + i]).not.toContain('.');
    expect(Number(grdp[2 + i]!.replace(',', '.'))).toBeCloseTo(model, 8);
  });

  it('formats single cells: no exponent, no -0, error codes as text, blanks empty', () => {
    expect(csvCell(1e-7, 'number', 'en')).toBe('0.0000001');
    expect(csvCell(-0.00000000001, 'number', 'vi')).toBe('0');
    expect(csvCell(0.123, 'percent', 'vi')).toBe('12,3%');
    expect(csvCell(315800, 'number', 'vi')).toBe('315800');
    expect(csvCell('#DIV/0!', 'number', 'vi')).toBe('#DIV/0!');
    expect(csvCell(null, 'percent', 'en')).toBe('');
  });

  it('quotes separators and neutralises formula-like text', () => {
    const { sheet, locale } = setup();
    sheet.addCustomRow({ kind: 'param', id: 'x', label: '=HYPERLINK("a";"b")', format: 'number', value: '1' }, 'vi');
    const csv = toCsv(buildTable(sheet, locale), 'vi');
    expect(csv).toContain(`"'=HYPERLINK(""a"";""b"")";x;`);
  });
});
