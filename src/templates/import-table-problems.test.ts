import { describe, expect, it } from 'vitest';
import { tableImportDictionaries } from '../i18n/table-import';
import { importTable } from './import-table';

const HEADER = ['Chỉ tiêu', 'Ngành', 'Khu vực', 2024, 2025, 2026, 2027, 'Nguồn', 'Giả định'];
// Columns A–I as above; rows 1–8, so a row added by a case is row 9.
const BASE: readonly (readonly unknown[])[] = [
  HEADER,
  ['Tỉnh', 'Tỉnh mẫu'],
  ['Năm gốc', 2025],
  ['Ngành trọng tâm', 'Công nghiệp'],
  ['Giá trị tăng thêm', 'Nông nghiệp', 'I', null, 100, null, null, 'Cục Thống kê'],
  ['Giá trị tăng thêm', 'Công nghiệp', 'II', null, 200],
  ['Tốc độ tăng trưởng', 'Nông nghiệp', null, null, null, '3%', '3%'],
  ['Tốc độ tăng trưởng', 'Công nghiệp', null, null, null, '10%', '10%'],
];

const read = (cells: unknown) => importTable(cells, { locale: 'vi', id: 'imported' });
const withRows = (...rows: unknown[][]): unknown[][] => [...BASE.map((r) => [...r]), ...rows];
// The base table with one cell changed ("F7"), or a row taken out (value undefined for a row number alone).
function edited(ref: string, value: unknown): unknown[][] {
  const table = BASE.map((r) => [...r]);
  const [, letter, row] = /^([A-Z]?)(\d+)$/.exec(ref)!;
  if (!letter) return table.filter((_, i) => i !== Number(row) - 1);
  table[Number(row) - 1]![letter.charCodeAt(0) - 65] = value;
  return table;
}

type Case = readonly [string, unknown, string, string | undefined, 'error' | 'warning'];

const CASES: readonly Case[] = [
  [
    'an indicator it does not know',
    withRows(['Chỉ tiêu lạ', 'Nông nghiệp', null, 1]),
    'tableImport.unknownIndicator',
    'A9',
    'warning',
  ],
  ['a number it cannot read', edited('F7', 'ba phần trăm'), 'tableImport.badNumber', 'F7', 'warning'],
  ['a formula typed as text', edited('G8', '=F8*1,1'), 'tableImport.formula', 'G8', 'warning'],
  ['a number too large to be a figure', edited('F7', 1e308), 'tableImport.outOfRange', 'F7', 'warning'],
  ['a header that is not a year', [[...HEADER, 'Ghi chú'], ...BASE.slice(1)], 'tableImport.notYear', 'J1', 'warning'],
  ['a year column twice', [[...HEADER, 2027], ...BASE.slice(1)], 'tableImport.duplicate', 'J1', 'warning'],
  [
    'a figure given on two rows',
    withRows(['Tốc độ tăng trưởng', 'Nông nghiệp', null, null, null, '4%']),
    'tableImport.duplicate',
    'F9',
    'warning',
  ],
  ['a setting given twice', withRows(['Năm gốc', 2024]), 'tableImport.duplicate', 'B9', 'warning'],
  [
    'a sector row without a sector',
    withRows(['Tốc độ tăng trưởng', null, null, null, null, '1%']),
    'tableImport.noSector',
    'B9',
    'warning',
  ],
  ['a focus sector not in the table', edited('B4', 'Dịch vụ'), 'tableImport.unknownSector', 'B4', 'warning'],
  [
    'a share target of a sector not in the table',
    withRows(['Mục tiêu tỷ trọng', 'Dịch vụ', null, null, null, null, '30%']),
    'tableImport.unknownSector',
    'B9',
    'warning',
  ],
  [
    'a structure row of a group no sector is in',
    withRows(['Cơ cấu kinh tế', 'Khu vực III', null, '30%']),
    'tableImport.unknownSector',
    'B9',
    'warning',
  ],
  [
    'a structure row of no group',
    withRows(['Cơ cấu kinh tế', 'Khu vực IV', null, '30%']),
    'tableImport.unknownSector',
    'B9',
    'warning',
  ],
  [
    'a recorded figure in a year the model computes',
    withRows(['Tốc độ tăng trưởng GRDP', null, null, '8%', '9%', '10%']),
    'tableImport.computed',
    'F9',
    'warning',
  ],
  ['a group it cannot read', edited('C5', 'IV'), 'tableImport.badValue', 'C5', 'warning'],
  ['a sector given another group on another row', edited('C7', 'III'), 'tableImport.duplicate', 'C7', 'warning'],
  ['an assumption mark it cannot read', edited('I7', 'có lẽ'), 'tableImport.badValue', 'I7', 'warning'],
  [
    'a sector without a base-year value',
    withRows(['Tốc độ tăng trưởng', 'Dịch vụ', null, null, null, '5%', '5%']),
    'tableImport.missingBase',
    'B9',
    'error',
  ],
  ['a sector without growth in a projected year', edited('G8', null), 'tableImport.missingGrowth', 'B6', 'warning'],
  [
    'two sectors whose names differ only in marks',
    withRows(['Giá trị tăng thêm', 'Nong nghiep', null, null, 50]),
    'tableImport.similarSectors',
    'B9',
    'warning',
  ],
  ['no focus sector among several', edited('4', undefined), 'tableImport.focusDefault', undefined, 'warning'],
  [
    'a population without an exchange rate',
    withRows(['Dân số trung bình', null, null, null, 1000, 1010, 1020]),
    'tableImport.perCapita',
    undefined,
    'warning',
  ],
  [
    'a sector name too long',
    withRows(['Giá trị tăng thêm', 'N'.repeat(201), null, null, 5]),
    'tableImport.tooLong',
    'B9',
    'warning',
  ],
  ['a source too long', edited('H5', 'x'.repeat(1001)), 'tableImport.tooLong', 'H5', 'warning'],
  ['no base year', edited('3', undefined), 'tableImport.noBaseYear', undefined, 'error'],
  ['a base year it cannot read', edited('B3', 'năm ngoái'), 'tableImport.badValue', 'B3', 'error'],
  ['a last year before the base year', withRows(['Năm cuối', 2020]), 'tableImport.badValue', 'B9', 'error'],
  [
    'no year after the base year',
    [
      ['Chỉ tiêu', 'Ngành', 2024, 2025],
      ['Năm gốc', 2025],
      ['Giá trị tăng thêm', 'A', null, 1],
    ],
    'tableImport.noYears',
    undefined,
    'error',
  ],
  [
    'no sectors',
    [HEADER, ['Năm gốc', 2025], ['Tốc độ tăng trưởng GRDP', null, null, '8%']],
    'tableImport.noSectors',
    undefined,
    'error',
  ],
  [
    'no header row',
    [
      ['Ngành', 'Giá trị'],
      ['Nông nghiệp', 100],
    ],
    'tableImport.noHeader',
    undefined,
    'error',
  ],
  [
    'a header without a sector column',
    [
      ['Chỉ tiêu', 2025, 2026],
      ['Năm gốc', 2025],
    ],
    'tableImport.noHeader',
    undefined,
    'error',
  ],
  ['an empty sheet', [[null, '  '], []], 'tableImport.empty', undefined, 'error'],
  [
    'more rows than are read',
    withRows(...Array.from({ length: 1000 }, () => ['Ghi chú'])),
    'tableImport.tooLarge',
    undefined,
    'warning',
  ],
  [
    'more sectors than a scenario may hold',
    [
      HEADER,
      ['Năm gốc', 2025],
      ...Array.from({ length: 301 }, (_, i) => ['Giá trị tăng thêm', `Ngành ${i}`, null, null, 1, null, null]),
    ],
    'tableImport.invalid',
    undefined,
    'error',
  ],
];

describe('importTable: problems, each with its cell as Excel shows it', () => {
  it('reads the base table of these cases without a problem', () => {
    const result = read(BASE);
    expect(result.problems).toEqual([]);
    expect(result.template).toBeDefined();
  });

  it.each(CASES.map(([name, cells, key, cell, level]) => [name, key, cell ?? '—', level, cells] as const))(
    '%s: %s at %s (%s)',
    (_, key, at, level, cells) => {
      const cell = at === '—' ? undefined : at;
      const result = read(cells);
      expect(result.problems).toContainEqual(
        expect.objectContaining({ key, level, ...(cell ? { cell, args: expect.objectContaining({ cell }) } : {}) }),
      );
      // An error leaves no template; a warning never stops one.
      expect(result.template === undefined).toBe(result.problems.some((p) => p.level === 'error'));
      if (level === 'warning') expect(result.template).toBeDefined();
    },
  );

  it('names what it could not read in the message arguments', () => {
    expect(read(edited('F7', 'ba phần trăm')).problems[0]!.args).toEqual({ cell: 'F7', text: 'ba phần trăm' });
    const missing = read(withRows(['Tốc độ tăng trưởng', 'Dịch vụ', null, null, null, '5%', '5%'])).problems;
    expect(missing).toContainEqual(expect.objectContaining({ args: { cell: 'B9', sector: 'Dịch vụ', year: 2025 } }));
    const gaps = read(edited('F8', null)).problems.find((p) => p.key === 'tableImport.missingGrowth');
    expect(gaps?.args).toEqual({ cell: 'B6', sector: 'Công nghiệp', years: '2026' });
  });

  it('previews what it read even when there is an error', () => {
    const result = read(edited('3', undefined));
    expect(result.template).toBeUndefined();
    expect(result.preview.sectors.map((s) => s.name)).toEqual(['Nông nghiệp', 'Công nghiệp']);
    expect(result.preview.rows).toHaveLength(4);
  });

  it('has a message in both languages for every problem the cases and the .xlsx reader give, and no other', () => {
    const keys = new Set([
      ...CASES.map((c) => c.at(2)),
      'tableImport.unreadableFile',
      'tableImport.fileTooLarge',
      'tableImport.noSheet',
    ]);
    const messages = Object.keys(tableImportDictionaries.vi);
    expect([...keys].sort()).toEqual(messages.sort());
    for (const key of messages) expect(Object.keys(tableImportDictionaries.en)).toContain(key);
  });
});
