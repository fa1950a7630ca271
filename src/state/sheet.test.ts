import { describe, expect, it } from 'vitest';
import { quangNinh } from '../templates/quang-ninh';
import { GridState, parseTsv } from './grid.svelte';
import { LocaleState } from './locale.svelte';
import { readCellText, Sheet } from './sheet.svelte';

const growth = (sheet: Sheet, year: number) =>
  sheet.model.get('manufacturing.growth')!.values[year - sheet.model.baseYear];

describe('readCellText', () => {
  it.each([
    ['12,5', 'vi', 'percent', 0.125],
    ['12.5%', 'en', 'percent', 0.125],
    ['38.843', 'vi', 'number', 38843],
    ['38,843.5', 'en', 'number', 38843.5],
    ['=grdp * 2', 'vi', 'number', '=grdp * 2'],
    ['abc', 'vi', 'number', 'abc'],
    ['   ', 'vi', 'number', undefined],
  ] as const)('reads %j in %s (%s) as %j', (text, locale, format, expected) => {
    expect(readCellText(text, locale, format)).toEqual(expected);
  });

  it('keeps at most 2,000 characters of pasted text', () => {
    expect(String(readCellText('x'.repeat(50_000), 'vi', 'number')).length).toBe(2000);
  });
});

describe('Sheet', () => {
  it('applies an edit, undoes and redoes it', () => {
    const sheet = new Sheet(quangNinh);
    const share = sheet.headline.shareTargets.at(-1)!.value!;
    sheet.setCellText('manufacturing.growth', 2026, '30', 'vi');
    expect(growth(sheet, 2026)).toBeCloseTo(0.3, 12);
    expect(sheet.headline.shareTargets.at(-1)!.value!).toBeGreaterThan(share);
    expect(sheet.editCount).toBe(1);
    sheet.undo();
    expect(growth(sheet, 2026)).toBeCloseTo(0.2, 12);
    expect(sheet.headline.shareTargets.at(-1)!.value!).toBeCloseTo(share, 12);
    expect(sheet.editCount).toBe(0);
    sheet.redo();
    expect(growth(sheet, 2026)).toBeCloseTo(0.3, 12);
  });

  it('fills a rate right as one undoable edit', () => {
    const sheet = new Sheet(quangNinh);
    sheet.setCellText('services.growth', 2026, '7%', 'vi');
    expect(sheet.fillRight('services.growth', 2026)).toBe(4);
    const v = sheet.model.get('services.growth')!;
    expect(Array.from(v.values.slice(2026 - 2023))).toEqual([0.07, 0.07, 0.07, 0.07, 0.07]);
    sheet.undo();
    expect(v.values[2027 - 2023]).toBeCloseTo(0.1, 12);
    expect(v.values[2026 - 2023]).toBeCloseTo(0.07, 12);
  });

  it('resets a cell to the template and the whole scenario undoably', () => {
    const sheet = new Sheet(quangNinh);
    sheet.setCellText('manufacturing.growth', 2026, '30', 'vi');
    sheet.setCellText('services.growth', 2026, '1', 'vi');
    sheet.resetCells([{ id: 'manufacturing.growth', year: 2026 }]);
    expect(growth(sheet, 2026)).toBeCloseTo(0.2, 12);
    expect(sheet.editCount).toBe(1);
    sheet.resetAll();
    expect(sheet.editCount).toBe(0);
    sheet.undo();
    expect(sheet.editCount).toBe(1);
  });

  it('refuses to write into a computed cell', () => {
    const sheet = new Sheet(quangNinh);
    expect(sheet.setCellText('grdp', 2026, '1', 'vi')).toBe(false);
    expect(sheet.status?.key).toBe('status.readOnly');
    expect(sheet.canUndo).toBe(false);
  });

  it('extends the horizon and keeps edits', () => {
    const sheet = new Sheet(quangNinh);
    sheet.setCellText('manufacturing.growth', 2026, '30', 'vi');
    sheet.setHorizon(2035);
    expect(sheet.model.years.at(-1)).toBe(2035);
    expect(growth(sheet, 2026)).toBeCloseTo(0.3, 12);
    sheet.setHorizon(2100);
    expect(sheet.model.years.at(-1)).toBe(2050);
  });

  it('rebases sectors when the base year moves forward, leaving the projection unchanged', () => {
    const sheet = new Sheet(quangNinh);
    const before = sheet.model.get('grdp')!.values[2028 - 2023]!;
    const mfg2025 = sheet.model.get('manufacturing')!.values[2025 - 2023]!;
    sheet.setBaseYear(2025);
    expect(sheet.model.baseYear).toBe(2025);
    expect(sheet.inputAt('manufacturing', 2025)).toBeCloseTo(mfg2025, 9);
    expect(sheet.model.get('grdp')!.values[2028 - 2025]).toBeCloseTo(before, 6);
    sheet.undo();
    expect(sheet.model.baseYear).toBe(2023);
  });

  it('adds a formula row over the projection years and a parameter read in the locale', () => {
    const sheet = new Sheet(quangNinh);
    sheet.addCustomRow({ kind: 'param', id: 'rate', label: '', format: 'percent', value: '2,5' }, 'vi');
    sheet.addCustomRow({ kind: 'formula', id: 'f', label: 'F', format: 'number', formula: ' =rate * 100 ' }, 'vi');
    expect(sheet.inputAt('rate', 2023)).toBeCloseTo(0.025, 12);
    expect(sheet.inputAt('f', 2023)).toBeUndefined();
    expect(sheet.inputAt('f', 2024)).toBe('=rate * 100');
    expect(sheet.model.get('f')!.values[2030 - 2023]).toBeCloseTo(2.5, 12);
    expect(sheet.rows.find((r) => r.id === 'rate')?.label).toBe('rate');
  });

  it('adds, renames and deletes a custom row with its references', () => {
    const sheet = new Sheet(quangNinh);
    sheet.addRow({ kind: 'param', id: 'k', label: 'k', format: 'number', value: 2 });
    sheet.addRow({ kind: 'series', id: 'y', label: 'y', format: 'number', cells: { 2025: '=k * 10' } });
    expect(sheet.model.get('y')!.values[2]).toBe(20);
    expect(sheet.checkId('k')).toBe('taken');
    sheet.renameRow('k', 'factor');
    expect(sheet.model.get('y')!.values[2]).toBe(20);
    expect(sheet.inputAt('y', 2025)).toBe('=factor * 10');
    sheet.deleteRow('factor');
    expect(sheet.model.get('y')!.errors[2]?.code).toBe('#NAME?');
    sheet.undo();
    expect(sheet.model.get('y')!.values[2]).toBe(20);
  });
});

describe('GridState', () => {
  const setup = () => {
    const sheet = new Sheet(quangNinh);
    const grid = new GridState(sheet, new LocaleState('?lang=vi'));
    const at = (id: string, year: number) => {
      grid.select(
        sheet.rows.findIndex((r) => r.id === id),
        sheet.columns.findIndex((c) => c.year === year),
      );
    };
    return { sheet, grid, at };
  };

  it('parses tab-separated text as Excel copies it', () => {
    expect(parseTsv('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseTsv('x')).toEqual([['x']]);
  });

  it('starts editing on a typed character and commits on Enter', () => {
    const { grid, sheet, at } = setup();
    at('manufacturing.growth', 2027);
    expect(grid.keydown({ key: '2', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false })).toBe(true);
    expect(grid.editing).toBe(true);
    grid.draft = '25';
    grid.editorKeydown({ key: 'Enter', shiftKey: false });
    expect(sheet.inputAt('manufacturing.growth', 2027)).toBeCloseTo(0.25, 12);
    expect(grid.activeRow?.id).toBe('other_industry');
  });

  it('pastes a block at the active cell and one value across a selection', () => {
    const { grid, sheet, at } = setup();
    at('services.growth', 2025);
    grid.paste('1%\t2%\n');
    expect(sheet.inputAt('services.growth', 2025)).toBeCloseTo(0.01, 12);
    expect(sheet.inputAt('services.growth', 2026)).toBeCloseTo(0.02, 12);
    at('taxes.growth', 2025);
    grid.select(grid.row, grid.col + 3, true);
    grid.paste('5');
    for (const y of [2025, 2026, 2027, 2028]) expect(sheet.inputAt('taxes.growth', y)).toBeCloseTo(0.05, 12);
    expect(sheet.inputAt('taxes.growth', 2029)).toBeCloseTo(0.08, 12);
  });

  it('copies the selection as tab-separated values', () => {
    const { grid, at } = setup();
    at('services.growth', 2025);
    grid.select(grid.row + 1, grid.col + 1, true);
    // Taxes: 40,107 × 1.0506 (2024) × 1.08 (2025), then × 1.08 again; full precision, Vietnamese decimal comma.
    expect(grid.copyText()).toBe('10%\t10%\n45507,327336\t49147,9135229');
  });
});
