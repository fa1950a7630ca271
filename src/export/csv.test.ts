import { describe, expect, it } from 'vitest';
import { BOM, csvCell, toCsv } from './csv';
import { fileName } from './table';
import { testTable } from './test-table';

const MANUFACTURING = 'Công nghiệp chế biến, chế tạo';

// A CSV line split on the separator (no test field holds a quoted separator).
function csvRows(csv: string, separator: string): string[][] {
  return csv
    .slice(1)
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(separator));
}

describe('fileName', () => {
  it('makes a safe file name that keeps Vietnamese letters', () => {
    expect(fileName('Kịch bản: CBCT 20%/năm?', 'csv')).toBe('Kịch bản- CBCT 20%-năm.csv');
    expect(fileName('  ', 'xlsx')).toBe('scenario.xlsx');
  });
});

describe('toCsv', () => {
  it('starts with the BOM and keeps Vietnamese text intact', () => {
    const csv = toCsv(testTable('vi'), 'vi');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv).toContain(`Tăng trưởng ${MANUFACTURING}`);
  });

  it('uses ";" and decimal commas in Vietnamese, "," and decimal points in English', () => {
    const table = testTable('vi');
    const vi = csvRows(toCsv(table, 'vi'), ';');
    expect(vi[0]!.slice(0, 2)).toEqual(['Chỉ tiêu', 'Mã']);
    expect(vi[0]!.slice(2).map(Number)).toEqual(table.years);
    const growth = vi.find((r) => r[1] === 'manufacturing.growth')!;
    // 20.45% recorded in 2024, 17% assumed for 2025.
    expect(growth[2 + table.years.indexOf(2024)]).toBe('20,45%');
    const enTable = testTable('en');
    const en = csvRows(toCsv(enTable, 'en'), ',');
    expect(en[0]!.slice(0, 2)).toEqual(['Indicator', 'ID']);
    const enGrowth = en.find((r) => r[1] === 'manufacturing.growth')!;
    expect(enGrowth[2 + enTable.years.indexOf(2024)]).toBe('20.45%');
  });

  it('writes value rows as plain numbers that read back to the table value', () => {
    const table = testTable('vi');
    const rows = csvRows(toCsv(table, 'vi'), ';');
    const grdp = rows.find((r) => r[1] === 'grdp')!;
    const i = table.years.indexOf(2030);
    const value = table.rows.find((r) => r.id === 'grdp')!.cells[i] as number;
    expect(grdp[2 + i]).not.toContain('.');
    expect(Number(grdp[2 + i]!.replace(',', '.'))).toBeCloseTo(value, 8);
  });

  it('leaves blanks empty and writes an error as its code', () => {
    const table = testTable('vi');
    const icor = csvRows(toCsv(table, 'vi'), ';').find((r) => r[1] === 'icor')!;
    expect(icor.slice(2)).toEqual(['', '', '#NAME?', '4,5', '4,5']);
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
    const row = { id: 'x', label: '=HYPERLINK("a";"b")', format: 'number', group: 'custom', cells: [1] } as const;
    const csv = toCsv(testTable('vi', [row]), 'vi');
    expect(csv).toContain(`"'=HYPERLINK(""a"";""b"")";x;`);
  });
});
