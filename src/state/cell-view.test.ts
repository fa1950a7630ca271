import { describe, expect, it } from 'vitest';
import { Model, sheetColumns, sheetRows, withInput, withRange, type Locale, type Scenario } from '../engine';
import { CAFEF_2024, KINHTEDOTHI_2021, VNBIZ } from '../templates/publications';
import { quangNinh } from '../templates/quang-ninh';
import {
  cellView,
  countEdits,
  firstAssumedYear,
  inputDigits,
  readCellText,
  sameInput,
  sourceNotes,
  sourceOf,
  type CellContext,
} from './cell-view';

const context = (scenario: Scenario = quangNinh.scenario): CellContext => ({
  scenario,
  model: new Model(scenario),
  template: quangNinh,
});

// What the grid shows for the cell of variable id in year, price rows included.
function view(ctx: CellContext, id: string, year: number, locale: Locale = 'vi') {
  const row = sheetRows(ctx.scenario, { prices: true }).find((r) => r.id === id)!;
  const column = sheetColumns(ctx.scenario, ctx.model).find((c) => c.year === year)!;
  return cellView(ctx, row, column, locale);
}

// The template with some inputs changed.
function edited(...changes: [id: string, year: number, input: string | number | undefined][]): Scenario {
  return changes.reduce((s, [id, year, input]) => withInput(s, id, year, input), quangNinh.scenario);
}

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

describe('cellView', () => {
  it('shows a template input with the digits it was typed with, unchanged', () => {
    const ctx = context();
    expect(view(ctx, 'manufacturing.growth', 2024)).toMatchObject({
      kind: 'input',
      text: '20,45%',
      value: 0.2045,
      error: undefined,
      formula: undefined,
      range: undefined,
      changed: false,
      templateText: undefined,
    });
    expect(view(ctx, 'manufacturing.growth', 2026, 'en')).toMatchObject({
      kind: 'input',
      text: '20.0%',
      changed: false,
    });
    expect(view(ctx, 'manufacturing', 2023)).toMatchObject({ kind: 'input', text: '38.843', value: 38843 });
  });

  it('shows a computed cell as the locale writes it (a share with one decimal), with no source', () => {
    const ctx = context();
    const grdp = ctx.model.get('grdp')!.values[2026 - 2023]!;
    expect(view(ctx, 'grdp', 2026)).toMatchObject({
      kind: 'computed',
      text: '401.916',
      value: grdp,
      error: undefined,
      changed: false,
      source: undefined,
    });
    expect(view(ctx, 'manufacturing.share', 2030, 'en')).toMatchObject({ kind: 'computed', text: '23.6%' });
  });

  it('shows a recorded figure in a history column and in the base-year column, with its source', () => {
    const ctx = context();
    expect(view(ctx, 'manufacturing.growth', 2021)).toMatchObject({
      kind: 'history',
      text: '32,2%',
      value: 0.3219,
      source: KINHTEDOTHI_2021.vi,
      assumption: false,
      changed: false,
    });
    expect(view(ctx, 'manufacturing.growth', 2023, 'en')).toMatchObject({
      kind: 'history',
      text: '16.4%',
      value: 0.164,
      source: `derived from: ${VNBIZ.en}`,
    });
  });

  it('leaves empty a year with no record, a parameter after the base year and a blank computed cell', () => {
    const ctx = context();
    const empty = {
      kind: 'empty',
      text: '',
      value: undefined,
      error: undefined,
      source: undefined,
      changed: false,
    };
    // No recorded manufacturing growth for 2022.
    expect(view(ctx, 'manufacturing.growth', 2022)).toMatchObject(empty);
    // A parameter holds one value, in the base year.
    expect(view(ctx, 'icor', 2023)).toMatchObject({ kind: 'input', text: '4,1' });
    expect(view(ctx, 'icor', 2024)).toMatchObject(empty);
    // Growth is not an input in the base year, and nothing is recorded for other industry then.
    expect(view(ctx, 'other_industry.growth', 2023)).toMatchObject(empty);
    expect(view(ctx, 'agriculture.price', 2023)).toMatchObject(empty);
  });

  it('shows a blank input cell as an empty input, not as zero', () => {
    expect(view(context(), 'share_target', 2027)).toMatchObject({ kind: 'input', text: '', changed: false });
  });

  it('shows a changed cell’s template figure with the digits it was typed with', () => {
    const ctx = context(edited(['manufacturing.growth', 2024, 0.25]));
    expect(view(ctx, 'manufacturing.growth', 2024)).toMatchObject({
      kind: 'input',
      text: '25,0%',
      changed: true,
      templateText: '20,45%',
    });
    expect(view(ctx, 'manufacturing.growth', 2024, 'en').templateText).toBe('20.45%');
  });

  it('writes a blank template figure as an empty text, and a cleared one as the figure it had', () => {
    const ctx = context(edited(['share_target', 2027, 0.2], ['share_target', 2025, undefined]));
    expect(view(ctx, 'share_target', 2027)).toMatchObject({ text: '20,0%', changed: true, templateText: '' });
    expect(view(ctx, 'share_target', 2025)).toMatchObject({ text: '', changed: true, templateText: '15,0%' });
  });

  it('shows a formula’s result with one decimal, whatever digits it computes', () => {
    const formula = '=manufacturing.growth[t-2] + 1%';
    const ctx = context(edited(['manufacturing.growth', 2026, formula]));
    // 20.45% + 1% = 21.45%, which an input would show with two decimals.
    expect(view(ctx, 'manufacturing.growth', 2026)).toMatchObject({
      kind: 'input',
      text: '21,5%',
      formula,
      changed: true,
      templateText: '20,0%',
    });
    expect(view(ctx, 'manufacturing.growth', 2026).value).toBeCloseTo(0.2145, 12);
  });

  it('shows a range by its central value, with the range as the planner types it', () => {
    const ranged = withRange(quangNinh.scenario, 'taxes.growth', 2026, { kind: 'uniform', lo: 0.2, hi: 0.3 });
    const ctx = context(ranged);
    expect(view(ctx, 'taxes.growth', 2026)).toMatchObject({
      kind: 'input',
      text: '25,0%',
      range: '20%..30%',
      changed: true,
      templateText: '8,0%',
    });
    expect(view(ctx, 'taxes.growth', 2026).value).toBeCloseTo(0.25, 12);
    const triangular = withRange(quangNinh.scenario, 'taxes.growth', 2026, {
      kind: 'triangular',
      lo: 0.14,
      mode: 0.18,
      hi: 0.26,
    });
    expect(view(context(triangular), 'taxes.growth', 2026, 'en').range).toBe('triangular(14%, 18%, 26%)');
    expect(view(context(triangular), 'taxes.growth', 2026, 'vi').range).toBe('triangular(14%; 18%; 26%)');
  });

  it('shows an error cell by its code, in the cell typed and in the cells computed from it', () => {
    const ctx = context(edited(['services.growth', 2026, 'abc']));
    expect(view(ctx, 'services.growth', 2026)).toMatchObject({
      kind: 'input',
      text: '#VALUE',
      value: undefined,
      error: { code: '#VALUE', key: 'notANumber' },
      changed: true,
      templateText: '10,0%',
    });
    expect(view(ctx, 'grdp', 2026)).toMatchObject({
      kind: 'computed',
      text: '#VALUE',
      value: undefined,
      error: { code: '#VALUE' },
    });
  });

  it('gives a template cell’s source and assumption flag in the view’s language', () => {
    const ctx = context();
    expect(view(ctx, 'services.growth', 2026, 'vi')).toMatchObject({
      source: 'du lịch và logistics tiếp tục tăng',
      assumption: true,
    });
    expect(view(ctx, 'services.growth', 2026, 'en')).toMatchObject({
      source: 'tourism and logistics keep growing',
      assumption: true,
    });
    // The cell's own note wins over its row's: 2024 is a published figure.
    expect(view(ctx, 'other_industry.growth', 2024, 'vi')).toMatchObject({ assumption: false });
    expect(view(ctx, 'other_industry.growth', 2024, 'vi').source).toMatch(/^tính từ: \(6,05% × 51,9/);
    expect(view(ctx, 'other_industry.growth', 2024, 'en').source).toMatch(/^derived: \(6\.05% × 51\.9/);
    expect(view(ctx, 'growth_target', 2026, 'en')).toMatchObject({ assumption: false });
    expect(view(ctx, 'growth_target', 2026, 'en').source).toContain('Decision 80/QĐ-TTg');
  });

  it('keeps describing the template’s figure once a cell is edited', () => {
    const ctx = context(edited(['services.growth', 2026, 0.05]));
    expect(view(ctx, 'services.growth', 2026, 'en')).toMatchObject({
      changed: true,
      source: 'tourism and logistics keep growing',
      assumption: true,
    });
  });
});

describe('sameInput', () => {
  it('takes numbers within 1e-12 as the same, and nothing else', () => {
    expect(sameInput(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameInput(0.3, 0.3 + 5e-13)).toBe(true);
    expect(sameInput(0.3, 0.3 + 1e-9)).toBe(false);
    expect(sameInput('=grdp', '=grdp')).toBe(true);
    expect(sameInput('=grdp', '=grdp ')).toBe(false);
    expect(sameInput(undefined, undefined)).toBe(true);
    expect(sameInput(0, undefined)).toBe(false);
    expect(sameInput(1, '1')).toBe(false);
  });
});

describe('inputDigits', () => {
  it.each([
    [0.2, 'percent', 1],
    [0.2045, 'percent', 2],
    [0.12345, 'percent', 3],
    [0.1 + 0.2, 'percent', 1],
    [38843, 'number', 1],
    [4.1, 'number', 1],
    [1.25, 'number', 2],
    [1.23456, 'number', 3],
  ] as const)('shows %d (%s) with %d decimals', (value, format, digits) => {
    expect(inputDigits(value, format)).toBe(digits);
  });
});

describe('sourceOf', () => {
  it('takes the cell’s own note, else its row’s', () => {
    expect(sourceOf(quangNinh, 'manufacturing.growth', 2025)).toBe(quangNinh.sources['manufacturing.growth@2025']);
    expect(sourceOf(quangNinh, 'manufacturing.growth', 2026)).toBe(quangNinh.sources['manufacturing.growth']);
    expect(sourceOf(quangNinh, 'manufacturing.growth', 2026)).toMatchObject({ assumption: true });
    expect(sourceOf(quangNinh, 'grdp', 2026)).toBeUndefined();
  });

  it('refuses inherited keys such as "constructor"', () => {
    expect(sourceOf(quangNinh, 'constructor', 2025)).toBeUndefined();
    expect(sourceOf(quangNinh, 'toString', 2025)).toBeUndefined();
    expect(sourceOf(quangNinh, '__proto__', 2025)).toBeUndefined();
  });
});

describe('countEdits', () => {
  it('counts input cells that differ from the template, not ones typed back to it', () => {
    expect(countEdits(context())).toBe(0);
    const two = edited(['manufacturing.growth', 2026, 0.3], ['services.growth', 2027, 0.05]);
    expect(countEdits(context(two))).toBe(2);
    expect(countEdits(context(withInput(two, 'services.growth', 2027, 0.1)))).toBe(1);
    expect(countEdits(context(edited(['manufacturing.growth', 2024, 0.2045 + 1e-14])))).toBe(0);
  });
});

describe('firstAssumedYear', () => {
  it('skips the years whose figure has a published source', () => {
    const ctx = context();
    // 2024 growth is published; 2025 on is the province's target, an assumption.
    expect(firstAssumedYear(ctx, 'manufacturing.growth')).toBe(2025);
    expect(firstAssumedYear(ctx, 'services.growth')).toBe(2025);
    // Price changes are assumed from the first projection year.
    expect(firstAssumedYear(ctx, 'manufacturing.price')).toBe(2024);
    // A figure with no note at all is assumed.
    expect(firstAssumedYear(ctx, 'grdp')).toBe(2024);
    // Targets backed by a published plan in every year: none is assumed, so the horizon.
    expect(firstAssumedYear(ctx, 'growth_target')).toBe(2030);
  });
});

describe('sourceNotes', () => {
  it('lists each note once, in the view’s language, assumptions flagged', () => {
    const ctx = context();
    const columns = sheetColumns(ctx.scenario, ctx.model);
    const notes = sourceNotes(ctx, columns, 'en');
    expect(new Set(notes.map((n) => n.text)).size).toBe(notes.length);
    // Five price rows share one note; several 2024 growth figures share one source.
    expect(notes.filter((n) => n.text === 'no relative price change')).toEqual([
      { text: 'no relative price change', assumption: true },
    ]);
    expect(notes.filter((n) => n.text === CAFEF_2024.en)).toHaveLength(1);
    expect(notes.find((n) => n.text === 'slow growth as in recent years')?.assumption).toBe(true);
    expect(notes.some((n) => n.text.includes('Decision 80/QĐ-TTg') && !n.assumption)).toBe(true);
    expect(sourceNotes(ctx, columns, 'vi').map((n) => n.text)).toContain('tăng chậm như các năm gần đây');
  });

  it('lists only the notes of the columns shown', () => {
    const ctx = context();
    const columns = sheetColumns(ctx.scenario, ctx.model).filter((c) => c.kind !== 'history');
    const texts = sourceNotes(ctx, columns, 'en').map((n) => n.text);
    // The 2021 recorded growth figures are cited only there.
    expect(texts).not.toContain(KINHTEDOTHI_2021.en);
    expect(texts).toContain(VNBIZ.en);
  });
});
