import { parseLocaleNumber, type Format, type Locale } from '../engine';
import { cellText, isBlank } from './table-layout';

/** What a figure cell holds: nothing, a number, or why it cannot be read. */
export type Figure =
  | { readonly kind: 'blank' }
  | { readonly kind: 'number'; readonly value: number }
  | {
      readonly kind: 'problem';
      readonly key: 'tableImport.badNumber' | 'tableImport.formula' | 'tableImport.outOfRange';
    };

// Beyond these a figure is surely a mistake (a value of a billion billion VND, a growth rate of 10,000%), and the
// model would overflow to #NUM cells anyway.
const LARGEST: Readonly<Record<Format, number>> = { number: 1e12, percent: 100 };

/**
 * Reads a figure as Excel would show it. A percent row reads a number like Excel's percent entry: under 1 in size it
 * is a fraction (0.065 is 6.5%), else percentage points (6.5 is 6.5%); text in the planner's locale ("6,5%",
 * "315.800" in Vietnamese). A formula typed as text is not read: the model has its own formulas, by row names.
 */
export function readFigure(cell: unknown, format: Format, locale: Locale): Figure {
  if (isBlank(cell)) return { kind: 'blank' };
  let value: number | undefined;
  if (typeof cell === 'number') {
    value = !Number.isFinite(cell) ? undefined : format === 'percent' ? excelPercent(cell) : cell;
  } else if (typeof cell === 'string') {
    const text = cellText(cell);
    if (text.startsWith('=')) return { kind: 'problem', key: 'tableImport.formula' };
    value = parseLocaleNumber(text, locale, format, 'excel');
  }
  if (value === undefined) return { kind: 'problem', key: 'tableImport.badNumber' };
  if (Math.abs(value) > LARGEST[format]) return { kind: 'problem', key: 'tableImport.outOfRange' };
  return { kind: 'number', value };
}

// Shifting the decimal exponent reads 6.5 as exactly 0.065 (6.5 / 100 is 0.065000000000000002); the number is
// finite and at most LARGEST in size here, or under 1, so its text is a plain decimal or has an exponent of its own.
function excelPercent(x: number): number {
  if (Math.abs(x) < 1) return x;
  const [mantissa, exponent = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent) - 2}`);
}

/** A whole year from a cell: 2025 or "2025"; undefined for anything else. */
export function readYear(cell: unknown): number | undefined {
  const year = typeof cell === 'number' ? cell : /^\d{4}$/.test(cellText(cell)) ? Number(cellText(cell)) : NaN;
  return Number.isInteger(year) ? year : undefined;
}
