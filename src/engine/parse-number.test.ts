import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatForEdit,
  formatPoints,
  formatValue,
  isThousandsGrouped,
  parseLocaleNumber,
  type Locale,
} from './parse-number';
import type { Format } from './types';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const MINUS = '\u2212';

// [text, locale, format, expected]: how planners type numbers and what each must read as.
const typed: [string, Locale, Format, number | undefined][] = [
  // Percent signs, either decimal mark.
  ['12.5%', 'vi', 'number', 0.125],
  ['12.5%', 'en', 'number', 0.125],
  ['12,5%', 'vi', 'number', 0.125],
  ['12,5%', 'en', 'number', 0.125],
  ['12,5 %', 'vi', 'number', 0.125],
  ['12,5\u00a0%', 'vi', 'number', 0.125],
  // Plain integers.
  ['38843', 'vi', 'number', 38843],
  ['38843', 'en', 'number', 38843],
  // One dot: thousands in Vietnamese, decimal in English.
  ['38.843', 'vi', 'number', 38843],
  ['38.843', 'en', 'number', 38.843],
  // One comma: decimal in Vietnamese, thousands in English.
  ['38,843', 'vi', 'number', 38.843],
  ['38,843', 'en', 'number', 38843],
  // Both marks: the last one is the decimal mark whatever the locale.
  ['38,843.5', 'vi', 'number', 38843.5],
  ['38,843.5', 'en', 'number', 38843.5],
  ['38.843,5', 'vi', 'number', 38843.5],
  ['38.843,5', 'en', 'number', 38843.5],
  ['1.000.000,50', 'vi', 'number', 1000000.5],
  ['1,000,000.50', 'en', 'number', 1000000.5],
  // Repeated group marks.
  ['1.234.567', 'vi', 'number', 1234567],
  ['1.234.567', 'en', 'number', 1234567],
  ['1,234,567', 'en', 'number', 1234567],
  ['1,234,567', 'vi', 'number', 1234567],
  // A mark that cannot be a thousands separator is a decimal mark typed in the other convention.
  ['0.125', 'vi', 'number', 0.125],
  ['12.5', 'vi', 'number', 12.5],
  ['1234.567', 'vi', 'number', 1234.567],
  ['0,125', 'en', 'number', 0.125],
  ['12,34', 'en', 'number', 12.34],
  ['.5', 'en', 'number', 0.5],
  [',5', 'vi', 'number', 0.5],
  // Signs, including the unicode minus that word processors insert.
  ['-12,5', 'vi', 'number', -12.5],
  ['-12.5', 'en', 'number', -12.5],
  [`${MINUS}12,5`, 'vi', 'number', -12.5],
  [`${MINUS}1.234`, 'vi', 'number', -1234],
  [`${MINUS}0,5%`, 'vi', 'number', -0.005],
  ['+5', 'en', 'number', 5],
  // Spaces, no-break spaces and narrow no-break spaces between digit groups.
  ['1 234 567', 'vi', 'number', 1234567],
  ['1 234 567', 'en', 'number', 1234567],
  [`1${NBSP}234${NBSP}567`, 'vi', 'number', 1234567],
  [`1${NNBSP}234,5`, 'vi', 'number', 1234.5],
  ['1 234.5', 'en', 'number', 1234.5],
  [`${MINUS}12 345`, 'vi', 'number', -12345],
  ['  12,5  ', 'vi', 'number', 12.5],
  // Exponents.
  ['1e3', 'vi', 'number', 1000],
  ['1E-3', 'en', 'number', 0.001],
  ['1,5e3', 'vi', 'number', 1500],
  ['1.5e+3', 'en', 'number', 1500],
  ['-2e2', 'en', 'number', -200],
  // Percent rows read a bare number as a percentage, like Excel; a typed "%" is not applied twice.
  ['12.5', 'en', 'percent', 0.125],
  ['12,5', 'vi', 'percent', 0.125],
  ['12,5%', 'vi', 'percent', 0.125],
  ['12.5%', 'en', 'percent', 0.125],
  ['-3', 'vi', 'percent', -0.03],
  ['0', 'vi', 'percent', 0],
  ['150', 'en', 'percent', 1.5],
  ['1e3', 'en', 'percent', 10],
  // Not numbers.
  ['abc', 'vi', 'number', undefined],
  ['abc', 'en', 'percent', undefined],
  ['1..2', 'vi', 'number', undefined],
  ['1..2', 'en', 'number', undefined],
  ['1,2,3', 'vi', 'number', undefined],
  ['1,2,3', 'en', 'number', undefined],
  ['1.2.3', 'vi', 'number', undefined],
  ['12,34,567', 'en', 'number', undefined],
  ['1,234.5,6', 'en', 'number', undefined],
  ['1.234,567.8', 'vi', 'number', undefined],
  ['', 'vi', 'number', undefined],
  ['   ', 'en', 'number', undefined],
  ['%', 'vi', 'number', undefined],
  ['%', 'en', 'percent', undefined],
  ['-', 'vi', 'number', undefined],
  ['-%', 'vi', 'number', undefined],
  ['12%%', 'en', 'number', undefined],
  ['1 2', 'vi', 'number', undefined],
  ['12 34', 'en', 'number', undefined],
  ['1  234', 'vi', 'number', undefined],
  ['1e', 'en', 'number', undefined],
  ['e3', 'en', 'number', undefined],
  ['1e999', 'en', 'number', undefined],
  ['Infinity', 'en', 'number', undefined],
  ['NaN', 'en', 'number', undefined],
  ['0x10', 'en', 'number', undefined],
  ['(12)', 'en', 'number', undefined],
  ['=1+1', 'en', 'number', undefined],
  ['--5', 'en', 'number', undefined],
];

describe('parseLocaleNumber', () => {
  it.each(typed)('reads %j (%s, %s) as %s', (text, locale, format, expected) => {
    expect(parseLocaleNumber(text, locale, format)).toBe(expected);
  });

  it('reads 38.843 as 38843 in Vietnamese', () => {
    expect(parseLocaleNumber('38.843', 'vi')).toBe(38843);
  });

  it('reads 0.125 in Vietnamese as a decimal, not as 125', () => {
    expect(parseLocaleNumber('0.125', 'vi')).toBe(0.125);
  });

  it('reads a one-digit group "1 2" as text rather than 12', () => {
    expect(parseLocaleNumber('1 2', 'vi')).toBeUndefined();
  });

  it('reads percentages as the exact decimal typed (1,1% is 0.011, not 0.011000000000000001)', () => {
    expect(parseLocaleNumber('1,1%', 'vi')).toBe(0.011);
    expect(parseLocaleNumber('1,1', 'vi', 'percent')).toBe(0.011);
    expect(parseLocaleNumber('38.843', 'en', 'percent')).toBe(0.38843);
    expect(parseLocaleNumber('0,07', 'vi', 'percent')).toBe(0.0007);
  });

  it('reads the same value in either locale when both marks are present', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999 }), fc.integer({ min: 0, max: 99 }), (int, frac) => {
        const en = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(int + frac / 100);
        const vi = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2 }).format(int + frac / 100);
        const expected = Number(`${int}.${String(frac).padStart(2, '0')}`);
        expect(parseLocaleNumber(en, 'en')).toBe(expected);
        expect(parseLocaleNumber(en, 'vi')).toBe(expected);
        expect(parseLocaleNumber(vi, 'vi')).toBe(expected);
        expect(parseLocaleNumber(vi, 'en')).toBe(expected);
      }),
    );
  });

  it('never throws and returns undefined or a finite number for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom<Locale>('vi', 'en'), (text, locale) => {
        for (const format of ['number', 'percent'] as const) {
          const value = parseLocaleNumber(text, locale, format);
          if (value !== undefined) expect(Number.isFinite(value)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("Excel's automatic percent entry", () => {
  it.each([
    ['12,5', 'vi', 0.125],
    ['1', 'vi', 0.01],
    ['0,2045', 'vi', 0.2045],
    ['0.2045', 'en', 0.2045],
    ['-0,05', 'vi', -0.05],
    ['0', 'vi', 0],
    ['0,5%', 'vi', 0.005],
    ['0.5%', 'en', 0.005],
    ['150', 'en', 1.5],
    ['1e-1', 'en', 0.1],
  ] as const)('reads %s (%s) in a percent cell as %d', (text, locale, expected) => {
    expect(parseLocaleNumber(text, locale, 'percent', 'excel')).toBe(expected);
  });

  it('leaves number cells and percentage-point fields as they were', () => {
    expect(parseLocaleNumber('0,5', 'vi', 'number', 'excel')).toBe(0.5);
    expect(parseLocaleNumber('0,5', 'vi', 'percent')).toBe(0.005);
  });
});

describe('isThousandsGrouped', () => {
  it.each([
    ['38.843', 'vi', true],
    ['1.234.567', 'vi', true],
    ['38.843,5', 'vi', true],
    ['-38.843%', 'vi', true],
    ['1 234', 'vi', true],
    ['38,843', 'en', true],
    ['38.843', 'en', false],
    ['38,843', 'vi', false],
    ['12.5', 'vi', false],
    ['12,5', 'vi', false],
    ['3843', 'vi', false],
  ] as const)('says %s (%s) is written with thousands separators: %s', (text, locale, expected) => {
    expect(isThousandsGrouped(text, locale)).toBe(expected);
  });
});

describe('formatValue', () => {
  it('writes 12,3% and 315.800 in Vietnamese', () => {
    expect(formatValue(0.123, 'vi', 'percent')).toBe('12,3%');
    expect(formatValue(315800, 'vi', 'number')).toBe('315.800');
  });

  it('writes 12.3% and 315,800 in English', () => {
    expect(formatValue(0.123, 'en', 'percent')).toBe('12.3%');
    expect(formatValue(315800, 'en', 'number')).toBe('315,800');
  });

  it('shows more decimals for small numbers and none for large ones', () => {
    expect(formatValue(4.1, 'vi', 'number')).toBe('4,1');
    expect(formatValue(0.12345, 'en', 'number')).toBe('0.1235');
    expect(formatValue(123.456, 'en', 'number')).toBe('123');
    expect(formatValue(0.12345, 'en', 'percent', 2)).toBe('12.35%');
  });

  it('writes negative zero and negatives that round to zero without a minus sign', () => {
    expect(formatValue(-0, 'vi', 'number')).toBe('0');
    expect(formatValue(-0.00001, 'en', 'number')).toBe('0');
    expect(formatValue(-0.00001, 'vi', 'percent')).toBe('0,0%');
    expect(formatValue(-0.05, 'en', 'percent')).toBe('-5.0%');
  });
});

describe('formatForEdit', () => {
  it('writes values for the editor without grouping', () => {
    expect(formatForEdit(38843.5, 'vi', 'number')).toBe('38843,5');
    expect(formatForEdit(38843.5, 'en', 'number')).toBe('38843.5');
    expect(formatForEdit(0.125, 'vi', 'percent')).toBe('12,5%');
    expect(formatForEdit(0.07, 'en', 'percent')).toBe('7%');
    expect(formatForEdit(0.1 + 0.2, 'en', 'number')).toBe('0.3');
  });

  const locales = fc.constantFrom<Locale>('vi', 'en');
  const formats = fc.constantFrom<Format>('number', 'percent');
  // Decimals a planner could type: up to 12 significant digits at any scale.
  const typedValue = fc
    .tuple(fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }), fc.integer({ min: -20, max: 15 }))
    .map(([mantissa, exponent]) => Number(`${mantissa}e${exponent}`));

  it('reads back exactly the typed decimals it writes, in both locales and formats', () => {
    fc.assert(
      fc.property(typedValue, locales, formats, (value, locale, format) => {
        const text = formatForEdit(value, locale, format);
        expect(parseLocaleNumber(text, locale, format)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back any computed double to 12 significant digits', () => {
    const computed = fc
      .double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true })
      // Subnormals carry too few digits for a relative bound.
      .filter((v) => v === 0 || Math.abs(v) > 1e-300);
    fc.assert(
      fc.property(computed, locales, formats, (value, locale, format) => {
        const back = parseLocaleNumber(formatForEdit(value, locale, format), locale, format);
        expect(back).toBeDefined();
        expect(Math.abs(back! - value)).toBeLessThanOrEqual(Math.abs(value) * 5e-12);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([0.125, 38843, -0.001, 0.2045, 4.1, 315800, 1e-7, 1e21, 0.3])(
    'round-trips %s in every locale and format',
    (value) => {
      for (const locale of ['vi', 'en'] as const) {
        for (const format of ['number', 'percent'] as const) {
          expect(parseLocaleNumber(formatForEdit(value, locale, format), locale, format)).toBe(value);
        }
      }
    },
  );
});

describe('formatValue for huge magnitudes', () => {
  it('writes 1e300 in scientific notation instead of 300 digits', () => {
    expect(formatValue(1e300, 'en', 'number')).toBe('1E300');
    expect(formatValue(-2.5e20, 'vi', 'number')).toBe('-2,5E20');
    expect(formatValue(1e20, 'en', 'percent')).toBe('1E22%');
    expect(formatValue(123456, 'en', 'number')).toBe('123,456');
  });
});

describe('formatPoints', () => {
  it('writes share differences in percentage points with one decimal', () => {
    expect(formatPoints(0.04127, 'vi')).toBe('4,1');
    expect(formatPoints(0.002543, 'en')).toBe('0.3');
    expect(formatPoints(-0.0000001, 'en')).toBe('0.0');
  });
});
