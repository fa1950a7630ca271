import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, validateScenario } from '../engine';
import { translateTableImport } from '../i18n/table-import';
import { importTable, type ImportResult } from './import-table';
import { TABLE_LIMITS } from './table-layout';

const read = (cells: unknown): ImportResult => importTable(cells, { locale: 'vi', id: 'imported' });
const HEADER = ['Chỉ tiêu', 'Ngành', 2025, 2026, 'Nguồn', 'Giả định'];
const sector = (name: unknown, base: unknown = 100, growth: unknown = 0.05) => [
  ['Giá trị tăng thêm', name, base],
  ['Tốc độ tăng trưởng', name, null, growth],
];
const table = (...rows: unknown[][]) => [HEADER, ['Năm gốc', 2025], ...rows];

// What an import must always give, whatever the sheet: problems whose messages have all their arguments, at cells as
// Excel names them, and a
// template only when it is a valid scenario that evaluates.
function expectWellFormed(result: ImportResult): void {
  for (const p of result.problems) {
    // Every placeholder of the message has its argument: "Ô {cell}" never reaches a planner.
    expect(translateTableImport('vi', p.key, p.args)).not.toMatch(/\{\w+\}/);
    if (p.cell !== undefined) expect(p.cell).toMatch(/^[A-Z]{1,3}\d{1,5}$/);
  }
  if (result.template) {
    expect(validateScenario(result.template.scenario)).toEqual({ ok: true, scenario: result.template.scenario });
    expect(evaluate(result.template.scenario)).toBeDefined();
  }
}

describe('importTable on hostile input', () => {
  it.each([
    ['null', null],
    ['a number', 42],
    ['text', 'Chỉ tiêu;Ngành'],
    ['an object', { 0: HEADER, length: 1 }],
    ['rows that are not arrays', [1, 'two', null, { a: 1 }]],
    ['no rows', []],
    ['an empty row', [[]]],
    ['blank cells only', [[null, '', '   ', undefined]]],
  ])('reads %s as an empty sheet', (_, cells) => {
    expect(read(cells)).toEqual({
      problems: [{ key: 'tableImport.empty', level: 'error', args: {} }],
      preview: { years: [], sectors: [], rows: [] },
    });
  });

  it('never throws, whatever the cells hold', () => {
    const names = ['Chỉ tiêu', 'Ngành', 'Nguồn', 'Giả định', 'Khu vực', 'Năm gốc', 'Năm cuối', 'Ngành trọng tâm'];
    const indicators = ['Giá trị tăng thêm', 'Tốc độ tăng trưởng', 'Tăng giá', 'Tỷ trọng', 'GRDP', 'Dân số', 'Tỷ giá'];
    const more = ['Cơ cấu kinh tế', 'Mục tiêu tỷ trọng', 'Mục tiêu tăng trưởng GRDP', 'GRDP bình quân đầu người (USD)'];
    const odd = ['__proto__', 'constructor', 'toString', 'sum', 'II', 'x', '=1+1', "'=cmd|' /C calc'!A0", '\u202e', ''];
    const cell = fc.oneof(
      fc.constantFrom(...names, ...indicators, ...more, ...odd, 2024, 2025, 2026, 2030),
      fc.string({ maxLength: 12 }),
      fc.double(),
      fc.integer({ min: 1890, max: 2110 }),
      fc.boolean(),
      fc.constant(null),
      fc.date({ noInvalidDate: false }),
      fc.object({ maxDepth: 1 }),
    );
    const sheet = fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 25 });
    fc.assert(
      fc.property(fc.boolean(), sheet, (headed, rows) => {
        expectWellFormed(read(headed ? [HEADER, ['Năm gốc', 2025], ...rows] : rows));
      }),
      { numRuns: 400 },
    );
  });

  it('turns cells that are objects, invalid dates, NaN and Infinity into problems at their cells', () => {
    const throwing = {
      toString() {
        throw new Error('no');
      },
    };
    const cells = [Object.create(null), throwing, new Date(NaN), NaN, Infinity, -Infinity, true, new Date(2025, 0, 1)];
    const result = read(
      table(['Giá trị tăng thêm', 'A', 100], ...cells.map((c) => ['Tốc độ tăng trưởng', 'A', null, c])),
    );
    expect(result.problems.map((p) => [p.key, p.cell])).toEqual(
      cells.map((_, i) => ['tableImport.badNumber', `D${4 + i}`]).concat([['tableImport.missingGrowth', 'B3']]),
    );
    expectWellFormed(result);
  });

  it('makes safe identifiers of names that are members of every object or names of the formula language', () => {
    const names = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'sum', 'grdp', 't', 'population', '2030'];
    const result = read(table(...names.flatMap((name) => sector(name))));
    expect(result.problems).toEqual([expect.objectContaining({ key: 'tableImport.focusDefault' })]);
    expect(result.template!.scenario.rows.filter((r) => r.kind === 'sector').map((r) => r.id)).toEqual([
      'proto',
      'constructor_2',
      'prototype_2',
      'hasownproperty',
      'sum_2',
      'grdp_2',
      't_2',
      'population_2',
      'sector_2030',
    ]);
    expect(({} as Record<string, unknown>).base).toBeUndefined();
    expectWellFormed(result);
  });

  it('cleans bidi overrides and control characters from names and sources', () => {
    const result = read(
      table(['Giá trị tăng thêm', 'Khai\u202e kho\u0000áng\u2066', 100, null, 'Cục\u200f Thống kê\u0007']),
    );
    const row = result.template!.scenario.rows[0]!;
    expect(row.label).toBe('Khai khoáng');
    expect(row.id).toBe('khai_khoang');
    expect(result.template!.sources['khai_khoang@2025']).toEqual({ text: 'Cục Thống kê' });
  });

  it('never reads a formula typed as text, with or without the apostrophe that keeps it text in Excel', () => {
    const formulas = ['=SUM(1;2)', "'=1+1", "=cmd|' /C calc'!A0", '@SUM(A1)'];
    const result = read(
      table(['Giá trị tăng thêm', 'A', 100], ...formulas.map((f) => ['Tốc độ tăng trưởng', 'A', null, f])),
    );
    expect(result.problems.slice(0, 4).map((p) => [p.key, p.cell])).toEqual([
      ['tableImport.formula', 'D4'],
      ['tableImport.formula', 'D5'],
      ['tableImport.formula', 'D6'],
      ['tableImport.badNumber', 'D7'],
    ]);
  });

  it('refuses 1e308 and its like as numbers or text, and reads figures close to zero', () => {
    const result = read(
      table(
        ['Giá trị tăng thêm', 'A', 1e308],
        ['Tốc độ tăng trưởng', 'A', null, '-1e308'],
        ['Tăng giá', 'A', null, 1e-300],
      ),
    );
    expect(result.problems.map((p) => [p.key, p.cell])).toEqual([
      ['tableImport.outOfRange', 'C3'],
      ['tableImport.outOfRange', 'D4'],
      ['tableImport.missingBase', 'B3'],
      ['tableImport.missingGrowth', 'B3'],
    ]);
    expect(result.template).toBeUndefined();
  });

  it(`reads only the first ${TABLE_LIMITS.rows} rows and ${TABLE_LIMITS.columns} columns of a huge sheet, and says so`, () => {
    const wide = Array.from({ length: 400 }, (_, i) => `x${i}`);
    const rows: unknown[][] = Array.from({ length: 5000 }, (_, i) =>
      i === 0 ? [...HEADER, ...wide] : ['Ghi chú', ...wide],
    );
    rows[1] = ['Năm gốc', 2025];
    rows.splice(2, 0, ...sector('A'));
    // Rows past the limit are not read at all: one that would be a problem (a growth that is not a number) and a
    // sector that would be added are left out (was a timed assertion, which a loaded machine could fail).
    rows[TABLE_LIMITS.rows + 10] = ['Tốc độ tăng trưởng', 'A', null, Number.NaN];
    rows.splice(TABLE_LIMITS.rows + 20, 0, ...sector('B'));
    const result = read(rows);
    const rowOf = (cell: string | undefined) => Number(/\d+$/.exec(cell ?? '')?.[0] ?? 0);
    expect(result.problems.filter((p) => rowOf(p.cell) > TABLE_LIMITS.rows)).toEqual([]);
    expect(result.preview.sectors.map((sector) => sector.name)).toEqual(['A']);
    expect(result.problems[0]).toEqual({
      key: 'tableImport.tooLarge',
      level: 'warning',
      args: { rows: TABLE_LIMITS.rows, columns: TABLE_LIMITS.columns },
    });
    expect(result.preview.rows).toHaveLength(2);
    expect(result.template).toBeDefined();
  });

  it('looks for the header only in the first rows, so a sheet of notes is not searched to its end', () => {
    const notes = Array.from({ length: TABLE_LIMITS.headerSearch }, () => ['Ghi chú']);
    expect(read([...notes, ...table(...sector('A'))]).problems).toEqual([
      { key: 'tableImport.noHeader', level: 'error', args: {} },
    ]);
  });
});
