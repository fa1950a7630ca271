import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../templates/csv';
import { importTable } from '../templates/import-table';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import { readXlsx } from '../templates/read-xlsx';
import { differences } from '../templates/table-fixtures';
import { EXAMPLE_PERCENT_FORMAT, exampleCsv, templateExampleFile } from './template-example';

const LOCALES = ['vi', 'en'] as const;

describe('the example CSV of a template', () => {
  it('is UTF-8 with a byte-order mark, in the Vietnamese Excel convention: ";" and decimal commas', async () => {
    const file = await templateExampleFile(quangNinh2025, 'vi', 'csv');
    expect(file.name).toBe('Quảng Ninh (năm gốc 2025).csv');
    expect(file.blob.type).toBe('text/csv;charset=utf-8');
    // Blob.text() drops a byte-order mark: the bytes show it.
    expect([...new Uint8Array(await file.blob.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await file.blob.text();
    expect(text.split('\r\n')[0]).toBe(
      'Chỉ tiêu;Ngành;Khu vực;2020;2021;2022;2023;2024;2025;2026;2027;2028;2029;2030;Nguồn;Giả định',
    );
    expect(text).toContain('Năm gốc;2025;');
    expect(text).toContain('Tốc độ tăng trưởng (giá so sánh);Nông, lâm nghiệp và thủy sản;;;;;;0,08%;');
    expect(text).toContain('Dân số trung bình (nghìn người);;;;;1362,88;');
  });

  it.each(LOCALES)('in %s reads back as the same template: numbers in every year and sources', (locale) => {
    const result = importTable(readCsv(exampleCsv(quangNinh2025, locale)), { locale, id: 'imported' });
    expect(result.problems).toEqual([]);
    expect(differences(quangNinh2025, result.template!, locale)).toEqual([]);
  });
});

describe('the example workbook of a template', () => {
  it.each(LOCALES)('in %s reads back through the .xlsx reader as the same template', async (locale) => {
    const file = await templateExampleFile(quangNinh2025, locale, 'xlsx');
    expect(file.name).toBe(locale === 'vi' ? 'Quảng Ninh (năm gốc 2025).xlsx' : 'Quảng Ninh (base year 2025).xlsx');
    const read = await readXlsx(file.blob);
    expect(read.ok).toBe(true);
    const result = importTable(read.ok ? read.rows : [], { locale, id: 'imported' });
    expect(result.problems).toEqual([]);
    expect(differences(quangNinh2025, result.template!, locale)).toEqual([]);
  });

  it('holds numbers as numbers and shows rates in a percent format', async () => {
    const file = await templateExampleFile(quangNinh2025, 'vi', 'xlsx');
    const parts = unzipSync(new Uint8Array(await file.blob.arrayBuffer()));
    const styles = strFromU8(parts['xl/styles.xml']!);
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    const read = await readXlsx(file.blob);
    const rows = read.ok ? read.rows : [];
    const growth = rows.findIndex((r) => r[0] === 'Tốc độ tăng trưởng (giá so sánh)' && r[15] === 'x') + 1;
    // Column J is 2026 (A–C, then 2020…): the cell holds the fraction, in a style with the percent format.
    expect(rows[growth - 1]![9]).toBe(0.03);
    const style = new RegExp(`<c r="J${growth}"[^>]*?\\bs="(\\d+)"`).exec(sheet)![1]!;
    const xf = [...styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)![1]!.matchAll(/<xf\b([^>]*)>/g)][Number(style)]!;
    const id = /numFmtId="(\d+)"/.exec(xf[1]!)![1];
    expect(styles).toContain(`<numFmt numFmtId="${id}" formatCode="${EXAMPLE_PERCENT_FORMAT}"`);
  });
});
