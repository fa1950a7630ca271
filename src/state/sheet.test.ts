import { describe, expect, it } from 'vitest';
import { MonteCarloRun } from '../engine';
import { quangNinh } from '../templates/quang-ninh';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import { GridState, parseTsv } from './grid.svelte';
import { LocaleState } from './locale.svelte';
import { Sheet } from './sheet.svelte';

const growth = (sheet: Sheet, year: number) =>
  sheet.model.get('manufacturing.growth')!.values[year - sheet.model.baseYear];

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

  it('takes a typed range: the cell holds its centre, the scenario the range, one undoable edit', () => {
    const sheet = new Sheet(quangNinh);
    expect(sheet.setCellText('manufacturing.growth', 2026, 'triangular(14%; 18%; 26%)', 'vi')).toBeUndefined();
    expect(growth(sheet, 2026)).toBeCloseTo(0.18, 12);
    expect(sheet.rangeAt('manufacturing.growth', 2026)).toEqual({ kind: 'triangular', lo: 0.14, mode: 0.18, hi: 0.26 });
    expect(sheet.hasRanges).toBe(true);
    const column = sheet.columns.find((c) => c.year === 2026)!;
    const row = sheet.rows.find((r) => r.id === 'manufacturing.growth')!;
    expect(sheet.view(row, column, 'vi').range).toBe('triangular(14%; 18%; 26%)');
    expect(sheet.view(row, column, 'en').range).toBe('triangular(14%, 18%, 26%)');
    sheet.undo();
    expect(sheet.rangeAt('manufacturing.growth', 2026)).toBeUndefined();
    expect(sheet.hasRanges).toBe(false);
    expect(growth(sheet, 2026)).toBeCloseTo(0.2, 12);
  });

  it('replaces a range by a typed number, even one equal to its centre', () => {
    const sheet = new Sheet(quangNinh);
    sheet.setCellText('manufacturing.growth', 2026, '16%..24%', 'vi');
    sheet.setCellText('manufacturing.growth', 2026, '20%', 'vi');
    expect(sheet.rangeAt('manufacturing.growth', 2026)).toBeUndefined();
    expect(sheet.canUndo).toBe(true);
  });

  it('refuses a mistyped range with its reason and leaves the cell as it was', () => {
    const sheet = new Sheet(quangNinh);
    expect(sheet.setCellText('manufacturing.growth', 2026, 'normal(20%)', 'vi')).toMatchObject({
      key: 'status.badRange',
      tone: 'error',
      error: { code: '#SYNTAX' },
    });
    expect(sheet.setCellText('manufacturing.growth', 2026, '24%..16%', 'vi')?.error?.key).toBe('rangeOrder');
    expect(growth(sheet, 2026)).toBeCloseTo(0.2, 12);
    expect(sheet.canUndo).toBe(false);
  });

  it('sets the draw mode and the seed as undoable edits that leave the numbers alone', () => {
    const sheet = new Sheet(quangNinh);
    sheet.setCellText('manufacturing.growth', 2026, '16%..24%', 'vi');
    expect(sheet.drawMode('manufacturing.growth')).toBe('run');
    sheet.setDrawMode('manufacturing.growth', 'year');
    sheet.setSeed(42);
    expect(sheet.drawMode('manufacturing.growth')).toBe('year');
    expect(sheet.scenario.seed).toBe(42);
    sheet.undo();
    sheet.undo();
    expect(sheet.drawMode('manufacturing.growth')).toBe('run');
    expect(sheet.scenario.seed).toBeUndefined();
    expect(growth(sheet, 2026)).toBeCloseTo(0.2, 12);
  });

  it('treats a growth figure with a published source as a fact: the first assumed year comes after it', () => {
    const sheet = new Sheet(quangNinh);
    expect(sheet.firstAssumedYear('manufacturing.growth')).toBe(2025);
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
    expect(sheet.setCellText('grdp', 2026, '1', 'vi')?.key).toBe('status.readOnly');
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

  it('rebases sectors on current prices when the base year moves forward, leaving the projection unchanged', () => {
    const sheet = new Sheet(quangNinh);
    // Unequal price changes make constant and current prices differ before the new base year.
    sheet.setCells([
      { id: 'manufacturing.price', year: 2024, input: 0.05 },
      { id: 'services.price', year: 2025, input: -0.02 },
    ]);
    const share2028 = sheet.model.get('manufacturing.share')!.values[2028 - 2023]!;
    const nominal2028 = sheet.model.get('grdp_nominal')!.values[2028 - 2023]!;
    expect(sheet.setBaseYear(2025)).toBeUndefined();
    expect(sheet.model.baseYear).toBe(2025);
    expect(sheet.model.get('manufacturing.share')!.values[2028 - 2025]).toBeCloseTo(share2028, 12);
    expect(sheet.model.get('grdp_nominal')!.values[2028 - 2025]).toBeCloseTo(nominal2028, 6);
    sheet.undo();
    expect(sheet.model.baseYear).toBe(2023);
  });

  it('keeps real GRDP growth through a rebase when there are no relative price changes', () => {
    // With price changes, real growth is re-weighted at the new base year's prices, as in official rebasing.
    const sheet = new Sheet(quangNinh);
    const growth2028 = sheet.model.get('grdp_growth')!.values[2028 - 2023]!;
    sheet.setBaseYear(2026);
    expect(sheet.model.get('grdp_growth')!.values[2028 - 2026]).toBeCloseTo(growth2028, 12);
  });

  it('refuses to move the base year back or to a non-number', () => {
    const sheet = new Sheet(quangNinh);
    expect(sheet.setBaseYear(2021)).toMatchObject({ key: 'status.baseYearRange', args: { from: 2023, to: 2029 } });
    // A non-number is ignored without a message: nothing to refuse, and nothing changes (checked below).
    expect(sheet.setBaseYear(NaN)).toBeUndefined();
    sheet.setHorizon(NaN);
    expect(sheet.model.baseYear).toBe(2023);
    expect(sheet.model.years.at(-1)).toBe(2030);
    expect(sheet.canUndo).toBe(false);
  });

  it('never resets a base value to 0 when the template has none for the new base year', () => {
    const sheet = new Sheet(quangNinh);
    sheet.setBaseYear(2025);
    const base = sheet.inputAt('manufacturing', 2025);
    expect(sheet.resetCells([{ id: 'manufacturing', year: 2025 }])).toEqual({ reset: 0, missing: 1 });
    expect(sheet.inputAt('manufacturing', 2025)).toBe(base);
  });

  it('continues filled rows into new horizon years and leaves sparse targets blank', () => {
    const sheet = new Sheet(quangNinh);
    sheet.setCellText('services.growth', 2030, '7', 'vi');
    sheet.setHorizon(2033);
    expect(sheet.inputAt('services.growth', 2033)).toBeCloseTo(0.07, 12);
    expect(sheet.inputAt('manufacturing.growth', 2032)).toBeCloseTo(0.2, 12);
    expect(sheet.inputAt('growth_target', 2033)).toBeCloseTo(0.1, 12);
    expect(sheet.inputAt('investment', 2033)).toBe('=icor * (grdp[t] - grdp[t-1])');
    expect(sheet.inputAt('share_target', 2031)).toBeUndefined();
    expect(sheet.model.get('grdp_growth')!.values[2033 - 2023]).toBeGreaterThan(0.05);
    expect(sheet.headline.shareTargets.map((c) => c.year)).toEqual([2025, 2030]);
  });

  it('counts structural changes for "reset to template"', () => {
    const sheet = new Sheet(quangNinh);
    expect(sheet.canReset).toBe(false);
    sheet.setHorizon(2035);
    expect(sheet.editCount).toBeGreaterThan(0);
    expect(sheet.canReset).toBe(true);
    sheet.resetAll();
    expect(sheet.canReset).toBe(false);
  });

  it('keeps the scenario’s own name through "reset to template"', () => {
    const sheet = new Sheet(quangNinh, {
      ...quangNinh.scenario,
      meta: { ...quangNinh.scenario.meta, name: 'Kế hoạch' },
    });
    expect(sheet.canReset).toBe(false);
    sheet.setCellText('services.growth', 2027, '5', 'vi');
    sheet.setName('FDI tăng mạnh');
    sheet.resetAll();
    expect(sheet.scenario.meta.name).toBe('FDI tăng mạnh');
    expect(sheet.inputAt('services.growth', 2027)).toBeCloseTo(0.1, 12);
    expect(sheet.canReset).toBe(false);
  });

  it('adds no undo step for an edit that changes nothing', () => {
    const sheet = new Sheet(quangNinh);
    sheet.resetCells([{ id: 'manufacturing.growth', year: 2026 }]);
    sheet.setCellText('manufacturing.growth', 2026, '20%', 'vi');
    expect(sheet.canUndo).toBe(false);
  });

  it('lets formulas read the recorded value shown in the base-year column', () => {
    const sheet = new Sheet(quangNinh);
    sheet.setCellText('manufacturing.growth', 2024, '=manufacturing.growth[t-1] + 1%', 'vi');
    expect(sheet.model.get('manufacturing.growth')!.values[1]).toBeCloseTo(0.164 + 0.01, 12);
    sheet.setCellText('services.growth', 2024, '=grdp_growth[t-1]', 'vi');
    expect(sheet.model.get('services.growth')!.values[1]).toBeCloseTo(0.1103, 12);
  });

  it('lists each source note once, assumptions flagged', () => {
    const notes = new Sheet(quangNinh).sourceNotes('en');
    expect(new Set(notes.map((n) => n.text)).size).toBe(notes.length);
    expect(notes.find((n) => n.text.startsWith('slow growth'))?.assumption).toBe(true);
    expect(notes.some((n) => n.text.includes('Decision 80/QĐ-TTg') && !n.assumption)).toBe(true);
  });

  it('reads sources only from the template’s own keys', () => {
    const sheet = new Sheet(quangNinh);
    expect(sheet.sourceOf('constructor', 2025)).toBeUndefined();
    expect(sheet.checkId('constructor')).toBe('reserved');
    expect(sheet.checkId('Infinity')).toBe('reserved');
    expect(sheet.checkId('__proto__')).toBe('format');
  });

  it('renames and deletes only the planner’s own rows', () => {
    const sheet = new Sheet(quangNinh);
    expect(sheet.renameRow('icor', 'k')).toBe(false);
    expect(sheet.deleteRow('investment')).toBe(false);
    expect(sheet.addCustomRow({ kind: 'series', id: 'icor', label: '', format: 'number' }, 'vi')).toBe(false);
    expect(sheet.canUndo).toBe(false);
  });

  it('adds a formula row over the projection years and a parameter read in the locale', () => {
    const sheet = new Sheet(quangNinh);
    sheet.addCustomRow({ kind: 'param', id: 'rate', label: '', format: 'percent', value: '2,5' }, 'vi');
    const formula = ' =MAX(rate * 100; 0,5) ';
    sheet.addCustomRow({ kind: 'formula', id: 'f', label: 'F', format: 'number', formula }, 'vi');
    expect(sheet.inputAt('rate', 2023)).toBeCloseTo(0.025, 12);
    expect(sheet.inputAt('f', 2023)).toBeUndefined();
    expect(sheet.inputAt('f', 2024)).toBe('=MAX(rate * 100, 0.5)');
    expect(sheet.model.get('f')!.values[2030 - 2023]).toBeCloseTo(2.5, 12);
    expect(sheet.rows.find((r) => r.id === 'rate')?.label).toBe('rate');
  });

  it('adds, renames and deletes a custom row with its references', () => {
    const sheet = new Sheet(quangNinh);
    sheet.addRow({ kind: 'param', id: 'k', label: 'k', format: 'number', value: 2 });
    sheet.addRow({ kind: 'series', id: 'y', label: 'y', format: 'number', cells: { 2025: '=k * 10 + 2k - k2k' } });
    sheet.addRow({ kind: 'param', id: 'k2k', label: 'k2k', format: 'number', value: 4 });
    expect(sheet.model.get('y')!.values[2]).toBe(20);
    expect(sheet.checkId('k')).toBe('taken');
    expect(sheet.renameRow('k', 'factor')).toBe(true);
    expect(sheet.model.get('y')!.values[2]).toBe(20);
    // "2k" is 2 × k and is renamed; "k2k" is another row's name and is not.
    expect(sheet.inputAt('y', 2025)).toBe('=factor * 10 + 2factor - k2k');
    sheet.deleteRow('factor');
    expect(sheet.model.get('y')!.errors[2]?.code).toBe('#NAME?');
    sheet.undo();
    expect(sheet.model.get('y')!.values[2]).toBe(20);
  });

  it('shows a simulation’s odds only while its scenario is the one open', () => {
    const sheet = new Sheet(quangNinh);
    sheet.setCellText('manufacturing.growth', 2026, '16%..24%', 'vi');
    const ranged = sheet.scenario;
    const run = new MonteCarloRun(ranged, { samples: 200 });
    run.step(200);
    const result = run.result();
    sheet.setOdds(ranged, result);
    expect(sheet.odds).toBe(result);
    sheet.setCellText('manufacturing.growth', 2027, '21%', 'vi');
    expect(sheet.odds).toBeNull();
    sheet.undo();
    expect(sheet.odds).toBe(result);
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
    grid.editorKeydown({ key: 'Enter', shiftKey: false, ctrlKey: false, metaKey: false, altKey: false });
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

  it('ignores an empty clipboard and survives a huge paste', () => {
    const { grid, sheet, at } = setup();
    at('services.growth', 2025);
    grid.paste('');
    expect(sheet.canUndo).toBe(false);
    grid.paste(Array.from({ length: 300_000 }, () => '1%\t2%').join('\n'));
    expect(sheet.inputAt('services.growth', 2025)).toBeCloseTo(0.01, 12);
    expect(grid.status?.key).toBe('status.pasteSkipped');
  });

  it("reads a typed or pasted number in a percent row as Excel's percent entry does", () => {
    const { grid, sheet, at } = setup();
    at('services.growth', 2026);
    grid.startEdit('0,2045');
    grid.commit();
    expect(sheet.inputAt('services.growth', 2026)).toBeCloseTo(0.2045, 12);
    at('services.growth', 2027);
    grid.startEdit('12,5');
    grid.commit();
    expect(sheet.inputAt('services.growth', 2027)).toBeCloseTo(0.125, 12);
    at('services.growth', 2028);
    grid.startEdit('0,5%');
    grid.commit();
    expect(sheet.inputAt('services.growth', 2028)).toBeCloseTo(0.005, 12);
    // Fractions copied from Excel read the same way.
    at('taxes.growth', 2026);
    grid.paste('0,07\t8\n');
    expect(sheet.inputAt('taxes.growth', 2026)).toBeCloseTo(0.07, 12);
    expect(sheet.inputAt('taxes.growth', 2027)).toBeCloseTo(0.08, 12);
    // A range of fractions is a range of percents.
    at('services.growth', 2029);
    grid.startEdit('0,06..0,1');
    grid.commit();
    expect(sheet.rangeAt('services.growth', 2029)).toEqual({ kind: 'uniform', lo: 0.06, hi: 0.1 });
  });

  it('refuses a percent written with thousands separators and says why, keeping the cell', () => {
    const { grid, sheet, at } = setup();
    at('services.growth', 2026);
    const before = sheet.inputAt('services.growth', 2026);
    grid.startEdit('38.843');
    grid.commit();
    expect(grid.status).toEqual({ key: 'status.percentThousands', tone: 'error' });
    expect(sheet.inputAt('services.growth', 2026)).toBe(before);
    expect(sheet.canUndo).toBe(false);
    grid.paste('38.843');
    expect(sheet.inputAt('services.growth', 2026)).toBe(before);
    expect(grid.status?.key).toBe('status.pasteSkipped');
    // A number row takes thousands separators as usual.
    at('investment', 2026);
    grid.startEdit('38.843');
    grid.commit();
    expect(sheet.inputAt('investment', 2026)).toBe(38843);
  });

  it('shows a formula the Vietnamese way and stores it in the one form both languages read', () => {
    const { grid, sheet, at } = setup();
    at('services.growth', 2026);
    grid.startEdit('=IF(t > 2025; 0,05; 0,06)');
    grid.commit();
    expect(sheet.inputAt('services.growth', 2026)).toBe('=IF(t > 2025, 0.05, 0.06)');
    expect(grid.editText()).toBe('=IF(t > 2025; 0,05; 0,06)');
    const row = sheet.rows.find((r) => r.id === 'services.growth')!;
    const column = sheet.columns.find((c) => c.year === 2026)!;
    expect(sheet.view(row, column, 'vi').formula).toBe('=IF(t > 2025; 0,05; 0,06)');
    expect(sheet.view(row, column, 'en').formula).toBe('=IF(t > 2025, 0.05, 0.06)');
    expect(sheet.view(row, column, 'vi').value).toBeCloseTo(0.05, 12);
  });

  it('says on the status line why an edit was refused and what a command did', () => {
    const { grid, sheet, at } = setup();
    at('grdp', 2026);
    expect(grid.startEdit()).toBe(false);
    expect(grid.editing).toBe(false);
    expect(grid.status?.key).toBe('status.readOnly');
    at('manufacturing.growth', 2026);
    grid.startEdit('normal(20%)');
    grid.commit();
    expect(grid.status).toMatchObject({ key: 'status.badRange', tone: 'error', error: { code: '#SYNTAX' } });
    expect(sheet.canUndo).toBe(false);
    grid.setBaseYear(2021);
    expect(grid.status?.key).toBe('status.baseYearRange');
    at('services.growth', 2027);
    grid.fillRight();
    expect(grid.status?.key).toBe('status.nothingToFill');
    grid.startEdit('6');
    grid.commit();
    grid.fillRight();
    expect(grid.status).toEqual({ key: 'status.filled', args: { count: 3 } });
    grid.undo();
    expect(grid.status?.key).toBe('status.undone');
    grid.redo();
    expect(grid.status?.key).toBe('status.redone');
    grid.setBaseYear(2025);
    at('manufacturing', 2025);
    grid.resetActive();
    expect(grid.status).toEqual({ key: 'status.noTemplateValue', args: { count: 1 } });
  });

  it('lets Tab leave the grid at its last column', () => {
    const { grid, at } = setup();
    at('services.growth', 2030);
    const key = { ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
    expect(grid.keydown({ ...key, key: 'Tab' })).toBe(false);
    expect(grid.keydown({ ...key, key: 'Tab', shiftKey: true })).toBe(true);
  });

  it('fills right with Ctrl+R from the editor instead of letting the browser reload', () => {
    const { grid, sheet, at } = setup();
    at('services.growth', 2027);
    grid.startEdit('6');
    // Shaped like a browser's KeyboardEvent: its fields are getters on the prototype, not own properties.
    class Press {
      get key() {
        return 'r';
      }
      get ctrlKey() {
        return true;
      }
      get metaKey() {
        return false;
      }
      get shiftKey() {
        return false;
      }
      get altKey() {
        return false;
      }
    }
    expect(grid.editorKeydown(new Press())).toBe(true);
    for (const y of [2027, 2028, 2029, 2030]) expect(sheet.inputAt('services.growth', y)).toBeCloseTo(0.06, 12);
  });

  it('copies the selection as tab-separated values', () => {
    const { grid, at } = setup();
    at('services.growth', 2025);
    grid.select(grid.row + 1, grid.col + 1, true);
    // Taxes: 40,107 × 1.0506 (2024) × 1.08 (2025), then × 1.08 again; full precision, Vietnamese decimal comma.
    expect(grid.copyText()).toBe('10%\t10%\n45507,327336\t49147,9135229');
  });
});

describe('target sets', () => {
  it('checks the scenario against another set as one undoable edit, and says which set it is', () => {
    const sheet = new Sheet(quangNinh2025);
    expect(sheet.targetSets.map((s) => s.id)).toEqual(['users', 'congress', 'decision80', 'resolution01']);
    expect(sheet.targetSet).toBe('users');
    expect(sheet.headline.shareTargets.map((c) => [c.year, c.threshold])).toEqual([
      [2025, 0.15],
      [2030, 0.3],
    ]);
    expect(sheet.setTargetSet('congress')).toBe(true);
    expect(sheet.targetSet).toBe('congress');
    expect(sheet.scenario.meta.targetSet).toBe('congress');
    expect(sheet.headline.shareTargets.map((c) => [c.year, c.threshold])).toEqual([[2030, 0.18]]);
    // Compounded, so that 13% then 12% a year meets it exactly.
    expect(sheet.headline.growth.target).toBeCloseTo((1.13 * 1.12 ** 4) ** (1 / 5) - 1, 12);
    const perCapita = sheet.headline.targets.filter((c) => c.of === 'grdp_per_capita_usd');
    expect(perCapita.map((c) => [c.year, c.threshold])).toEqual([
      [2026, 11800],
      [2030, 20000],
    ]);
    // The other rows stay where they were.
    expect(sheet.scenario.rows.filter((r) => r.kind !== 'target')).toEqual(
      quangNinh2025.scenario.rows.filter((r) => r.kind !== 'target'),
    );
    sheet.undo();
    expect(sheet.targetSet).toBe('users');
    expect(sheet.scenario).toBe(quangNinh2025.scenario);
  });

  it('checks the structure against the master plan’s ranges', () => {
    const sheet = new Sheet(quangNinh2025);
    sheet.setTargetSet('decision80');
    const bands = sheet.headline.targets.filter((c) => c.of.startsWith('structure_'));
    expect(bands.map((c) => [c.of, c.threshold, c.upper])).toEqual([
      ['structure_agriculture', 0.03, 0.04],
      ['structure_industry', 0.47, 0.48],
      ['structure_services', 0.38, 0.39],
      ['structure_taxes', 0.09, 0.1],
    ]);
    for (const band of bands) expect(band.met).toBe(band.value! >= band.threshold && band.value! <= band.upper!);
  });

  it('refuses a set the template does not have, and the 2023 template offers none', () => {
    expect(new Sheet(quangNinh2025).setTargetSet('nope')).toBe(false);
    const old = new Sheet(quangNinh);
    expect(old.targetSets).toEqual([]);
    expect(old.targetSet).toBeUndefined();
  });
});

describe('the chart line', () => {
  it('shows GRDP per capita in USD with its history and targets when asked, the share otherwise', () => {
    const sheet = new Sheet(quangNinh2025);
    expect(sheet.chartLine).toBe('share');
    const share2030 = sheet.chart.share[sheet.chart.years.indexOf(2030)]!;
    expect(share2030).toBeCloseTo(sheet.model.get('manufacturing.share')!.values[2030 - 2025]!, 12);
    sheet.setTargetSet('congress');
    sheet.setChartLine('perCapita');
    const { years, share, shareHistory, shareTargets } = sheet.chart;
    expect(share[years.indexOf(2030)]).toBeCloseTo(sheet.model.get('grdp_per_capita_usd')!.values[2030 - 2025]!, 6);
    expect(shareHistory[years.indexOf(2024)]).toBe(10272);
    expect(shareTargets[years.indexOf(2026)]).toBe(11800);
    expect(shareTargets[years.indexOf(2030)]).toBe(20000);
  });

  it('keeps to the share where the scenario has no per capita', () => {
    const sheet = new Sheet(quangNinh);
    sheet.setChartLine('perCapita');
    expect(sheet.chartLine).toBe('share');
  });
});

describe('a range target on the chart', () => {
  it('carries its upper end beside the lower one, for the chart to draw a band', () => {
    const sheet = new Sheet(quangNinh2025);
    sheet.setTargetSet('decision80');
    sheet.setChartLine('perCapita');
    const { years, shareTargets, shareTargetsUpper } = sheet.chart;
    expect(shareTargets[years.indexOf(2030)]).toBe(19000);
    expect(shareTargetsUpper[years.indexOf(2030)]).toBe(20000);
    expect(shareTargetsUpper.filter((v) => v !== null)).toHaveLength(1);
  });
});
