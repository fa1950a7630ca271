import { describe, expect, it } from 'vitest';
import { canonicalFormula, excelOperators, localFormula, upgradeLogCalls } from './dialect';
import { quangNinh } from '../templates/quang-ninh';
import { Model } from './model';
import { isCellError, parseFormula } from './parse-formula';
import { checkIdentifier, withInput } from './scenario';
import { ErrorCode } from './types';
import { validateScenario } from './validate';

// The value of a formula that reads no rows, computed by the engine in the manufacturing growth cell of 2027.
function value(formula: string): number | string {
  const model = new Model(withInput(quangNinh.scenario, 'manufacturing.growth', 2027, formula));
  const v = model.get('manufacturing.growth')!;
  const i = model.years.indexOf(2027);
  return v.errors[i]?.code ?? v.values[i]!;
}

describe("Excel's functions", () => {
  it.each([
    ['=SUM(1, 2)', 3],
    ['=sum(1, 2, 3)', 6],
    ['=Sum(1, 2)', 3],
    ['=AVERAGE(1, 2, 6)', 3],
    ['=MIN(4, 2)', 2],
    ['=MAX(4, 2)', 4],
    ['=MEDIAN(1, 9, 3)', 3],
    ['=ROUND(2.345, 2)', 2.35],
    ['=ABS(-2)', 2],
    ['=SQRT(9)', 3],
    ['=EXP(0)', 1],
    ['=LN(EXP(2))', 2],
    ['=LOG(100)', 2],
    ['=log(100)', 2],
    ['=LOG(8, 2)', 3],
    ['=LOG10(1000)', 3],
    ['=POWER(2, 10)', 1024],
    ['=IF(1 > 0, 5, 7)', 5],
    ['=IF(1 < 0, 5, 7)', 7],
    ['=if(1 < 0, 5)', 0],
    ['=AND(1, 2 > 1)', 1],
    ['=AND(1, 0)', 0],
    ['=OR(0, 0, 3)', 1],
    ['=OR(0, 0)', 0],
    ['=NOT(0)', 1],
    ['=not(2)', 0],
  ])('computes %s as %d', (formula, expected) => {
    expect(value(formula)).toBeCloseTo(expected, 12);
  });

  it('evaluates only the branch IF takes: a division by zero in the other branch is no error', () => {
    expect(value('=IF(1, 2, 1/0)')).toBe(2);
    expect(value('=IF(0, 1/0, 3)')).toBe(3);
  });

  it('names the function as the planner wrote it when its arguments are wrong', () => {
    expect(parseFormula('=IF(1)')).toEqual({ code: ErrorCode.VALUE, key: 'badArguments', args: { name: 'IF' } });
    expect(parseFormula('=NOT(1, 2)')).toEqual({ code: ErrorCode.VALUE, key: 'badArguments', args: { name: 'NOT' } });
    expect(value('=AVERAGE()')).toBe(ErrorCode.VALUE);
    const model = new Model(withInput(quangNinh.scenario, 'manufacturing.growth', 2027, '=Power(2)'));
    const i = model.years.indexOf(2027);
    expect(model.get('manufacturing.growth')!.errors[i]).toMatchObject({ args: { name: 'Power' } });
  });

  it('still says #NAME? for a function it does not know, in any case', () => {
    expect(parseFormula('=VLOOKUP(1, 2)')).toMatchObject({ code: ErrorCode.NAME, args: { name: 'VLOOKUP' } });
  });
});

describe('the operator rules the formula help warns of', () => {
  it('reads -2^2 as -4 and 2^3^2 as 512, as in mathematics (Excel reads 4 and 64)', () => {
    expect(value('=-2^2')).toBe(-4);
    expect(value('=(-2)^2')).toBe(4);
    expect(value('=2^3^2')).toBe(512);
    expect(value('=(2^3)^2')).toBe(64);
  });

  it('reads % as percentage points: 0.05 + 1% is 0.06', () => {
    expect(value('=0.05 + 1%')).toBeCloseTo(0.06, 15);
  });
});

describe("Excel's comparisons", () => {
  it.each([
    ['=1<>2', 1],
    ['=1 <> 1', 0],
    ['=1=1', 1],
    ['=1 = 2', 0],
    ['=1==1', 1],
    ['=1!=1', 0],
    ['=2>=2', 1],
    ['=2<=1', 0],
    ['=IF(t = 2027, 1, 2)', 1],
    ['=IF(t <> 2027, 1, 2)', 2],
  ])('reads %s as %d', (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });

  it('keeps the position of a syntax error in the text as typed', () => {
    expect(excelOperators('a=b<>c')).toEqual({ text: 'a==b!=c', origin: [0, 1, 1, 2, 3, 3, 5] });
    // "=1 = = 2": the parser stops at the second "=", the 5th character of "1 = = 2".
    expect(parseFormula('=1 = = 2')).toEqual({ code: ErrorCode.SYNTAX, key: 'syntaxAt', args: { at: 5 } });
  });
});

describe('formulas in each language', () => {
  it.each([
    ['=IF(x > 0,5; 1; 0)', '=IF(x > 0.5, 1, 0)'],
    ['=max(1;2)', '=max(1,2)'],
    ['=MAX(1,5; 2,25)', '=MAX(1.5, 2.25)'],
    ['=ROUND(x; 2)', '=ROUND(x, 2)'],
    ['=x * 0.8', '=x * 0.8'],
    ['=max(a, b)', '=max(a, b)'],
    ['=max(1, 2)', '=max(1, 2)'],
    ['=2,5e-3 + ,5', '=2.5e-3 + .5'],
    ['=grdp[t-1] * (1 + 6,5%)', '=grdp[t-1] * (1 + 6.5%)'],
    ['=manufacturing.growth[2025]', '=manufacturing.growth[2025]'],
    ['=row2.growth + x1', '=row2.growth + x1'],
  ])('reads Vietnamese %s as %s', (typed, stored) => {
    expect(canonicalFormula(typed, 'vi')).toBe(stored);
  });

  it('reads "1,2" in Vietnamese as one decimal number, as Vietnamese Excel does', () => {
    expect(canonicalFormula('=max(1,2)', 'vi')).toBe('=max(1.2)');
  });

  it.each([
    ['=IF(x > 0.5, 1, 0)', '=IF(x > 0,5; 1; 0)'],
    ['=max(1.5, 2.25)', '=max(1,5; 2,25)'],
    ['=2.5e-3 + .5 + 2.', '=2,5e-3 + ,5 + 2.'],
    ['=manufacturing.growth[t-1] * 1.1', '=manufacturing.growth[t-1] * 1,1'],
  ])('writes %s for a Vietnamese planner as %s, and reads it back', (stored, shown) => {
    expect(localFormula(stored, 'vi')).toBe(shown);
    expect(canonicalFormula(shown, 'vi')).toBe(stored);
  });

  it('writes and reads English as stored, with ";" also accepted between arguments', () => {
    expect(localFormula('=max(1.5, 2)', 'en')).toBe('=max(1.5, 2)');
    expect(canonicalFormula('=max(1.5, 2)', 'en')).toBe('=max(1.5, 2)');
    expect(canonicalFormula('=max(1.5; 2)', 'en')).toBe('=max(1.5, 2)');
    // A decimal comma stays what it was in English: an argument separator.
    expect(canonicalFormula('=max(1,5)', 'en')).toBe('=max(1,5)');
  });

  it('gives the same numbers for a formula typed in Vietnamese and in English', () => {
    const vi = value(canonicalFormula('=IF(t >= 2027; ROUND(1,2345; 2); 0)', 'vi'));
    const en = value(canonicalFormula('=IF(t >= 2027, ROUND(1.2345, 2), 0)', 'en'));
    expect(vi).toBe(1.23);
    expect(en).toBe(vi);
  });
});

describe('formulas saved when log(x) was the natural logarithm', () => {
  it.each([
    ['=log(x)', '=ln(x)'],
    ['=log (x) + 1', '=ln (x) + 1'],
    ['=log(8, 2)', '=log(8, 2)'],
    ['=log(max(1, 2))', '=ln(max(1, 2))'],
    ['=log(log(x), 2) + log(y)', '=log(ln(x), 2) + ln(y)'],
    ['=x.log + catalog(1) + LOG(10)', '=x.log + catalog(1) + LOG(10)'],
    ['=grdp[t-1] * 2', '=grdp[t-1] * 2'],
  ])('rewrites %s as %s', (old, upgraded) => {
    expect(upgradeLogCalls(old)).toBe(upgraded);
  });

  it('keeps the numbers of an old formula: log(x) then equals ln(x) now', () => {
    expect(value(upgradeLogCalls('=log(2) + log(8, 2)'))).toBeCloseTo(Math.log(2) + 3, 14);
  });
});

describe('names of functions and rows', () => {
  it('keeps new rows from taking a function name in any case', () => {
    for (const id of ['average', 'AVERAGE', 'ln', 'If', 'power', 'sum']) {
      expect(checkIdentifier(quangNinh.scenario, id)).toBe('reserved');
    }
  });

  it('still reads a saved scenario with a row named after a function added later', () => {
    const row = { kind: 'param', id: 'ln', label: { vi: 'ln', en: 'ln' }, format: 'number', value: 2 } as const;
    const scenario = { ...quangNinh.scenario, rows: [...quangNinh.scenario.rows, row] };
    expect(validateScenario(JSON.parse(JSON.stringify(scenario)))).toMatchObject({ ok: true });
    expect(isCellError(parseFormula('=ln(ln)'))).toBe(false);
  });
});
