import type { Format } from './types';

/** Interface languages; each reads and writes numbers its own way. */
export type Locale = 'vi' | 'en';

const SEPARATORS: Record<Locale, { decimal: string; group: string }> = {
  vi: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', en: 'en-US' };

// Spaces a planner or Excel may put between digit groups: space, no-break space, narrow no-break space.
const GROUP_SPACE = /[ \u00a0\u202f]/;
// "1 234 567,5": groups of three after the first, then an optional decimal part after either mark.
const SPACE_GROUPED = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?:[.,](\d*))?$/;

/**
 * How a percent field reads a bare number: as percentage points ("12,5" is 12,5%, "0,5" is 0,5%), or as Excel's
 * automatic percent entry does in a cell ("12,5" is 12,5%, but a number under 1 is a fraction: "0,2045" is 20,45%).
 */
export type PercentEntry = 'points' | 'excel';

/**
 * Reads a number as a planner types it in the given locale: "12,5%", "38.843", "38,843.5", "-1.5e3".
 * A percent field reads a bare number by `entry`; a typed "%" always means percent. Returns undefined if
 * the text is not a number.
 */
export function parseLocaleNumber(
  text: string,
  locale: Locale,
  format: Format = 'number',
  entry: PercentEntry = 'points',
): number | undefined {
  let s = text.trim();
  let sign = 1;
  if (/^[-\u2212]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  const typedPercent = s.endsWith('%');
  if (typedPercent) s = s.slice(0, -1).trimEnd();
  let exponent = 0;
  const exp = /[eE]([-+]?\d+)$/.exec(s);
  if (exp) {
    // Clamped so that the exponent stays a plain integer in the text below; the value is 0 or ∞ anyway.
    exponent = Math.max(-1000, Math.min(1000, Number(exp[1])));
    s = s.slice(0, exp.index);
  }
  let plain: string | undefined;
  if (GROUP_SPACE.test(s)) {
    const grouped = SPACE_GROUPED.exec(s);
    plain = grouped ? grouped[1]!.replace(/\D/g, '') + '.' + (grouped[2] ?? '') : undefined;
  } else if (/^(\d|[.,]\d)[\d.,]*$/.test(s)) {
    plain = normaliseSeparators(s, locale);
  }
  if (plain === undefined) return undefined;
  const fraction = entry === 'excel' && Math.abs(Number(`${plain}e${exponent}`)) < 1;
  const percent = typedPercent || (format === 'percent' && !fraction);
  // Shifting the decimal exponent rather than dividing by 100 reads "1,1%" as exactly 0.011
  // (1.1 / 100 is 0.011000000000000001).
  const value = sign * Number(`${plain}e${exponent - (percent ? 2 : 0)}`);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Whether text is a number written with the locale's thousands separator ("38.843" or "1.234,5" in Vietnamese,
 * "38,843" in English): in a percent cell that is surely a mistyped decimal, not thousands of percent.
 */
export function isThousandsGrouped(text: string, locale: Locale): boolean {
  const s = text
    .trim()
    .replace(/^[-+\u2212]/, '')
    .replace(/%$/, '')
    .trimEnd();
  return GROUPED[locale].test(s) || SPACE_GROUPED.test(s);
}

const GROUPED: Record<Locale, RegExp> = {
  vi: /^\d{1,3}(?:\.\d{3})+(?:,\d*)?$/,
  en: /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/,
};

// Turns "38.843,5" (vi) or "38,843.5" (en) into "38843.5"; undefined when the separators make no sense.
function normaliseSeparators(s: string, locale: Locale): string | undefined {
  const dots = count(s, '.');
  const commas = count(s, ',');
  if (dots && commas) {
    // Both kinds: whichever comes last is the decimal mark, whatever the locale.
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if (count(s, decimal) > 1) return undefined;
    const [int, frac] = s.split(decimal) as [string, string];
    if (!isGrouped(int, group)) return undefined;
    return int.split(group).join('') + '.' + frac;
  }
  if (!dots && !commas) return s;
  const mark = dots ? '.' : ',';
  if (count(s, mark) > 1) return isGrouped(s, mark) ? s.split(mark).join('') : undefined;
  const [int, frac] = s.split(mark) as [string, string];
  const { decimal } = SEPARATORS[locale];
  // A lone locale group mark followed by exactly three digits is a thousands separator ("38.843" in vi);
  // otherwise it is a decimal mark typed in the other convention ("12.5" in vi).
  const isThousands = mark !== decimal && frac.length === 3 && /^[1-9]\d{0,2}$/.test(int);
  return isThousands ? int + frac : (int || '0') + '.' + frac;
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

function isGrouped(int: string, group: string): boolean {
  const parts = int.split(group);
  return parts.length === 1 || (/^\d{1,3}$/.test(parts[0]!) && parts.slice(1).every((p) => /^\d{3}$/.test(p)));
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    formatters.set(key, f);
  }
  return f;
}

/** Formats a value for display: percent with one decimal ("12,3%"), numbers grouped ("315.800"). */
export function formatValue(value: number, locale: Locale, format: Format, digits = 1): string {
  // Beyond a trillion trillion a cell would print dozens of digits: scientific notation fits the column.
  if (Math.abs(format === 'percent' ? value * 100 : value) >= 1e15) {
    const text = formatter(locale, { notation: 'scientific', maximumFractionDigits: 3 }).format(
      format === 'percent' ? value * 100 : value,
    );
    return format === 'percent' ? text + '%' : text;
  }
  // signDisplay 'negative' writes -0 and -0.00001 as "0" rather than "-0".
  if (format === 'percent') {
    return formatter(locale, {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: 'negative',
    }).format(value);
  }
  const abs = Math.abs(value);
  const decimals = abs >= 100 || abs === 0 ? 0 : abs >= 1 ? 2 : 4;
  return formatter(locale, { maximumFractionDigits: decimals, signDisplay: 'negative' }).format(value);
}

/** Formats a stored number for the cell editor so that parseLocaleNumber reads it back unchanged. */
export function formatForEdit(value: number, locale: Locale, format: Format): string {
  const shown = format === 'percent' ? value * 100 : value;
  // 12 significant digits drop binary noise such as 12.499999999999998 without losing typed precision.
  const text = formatter(locale, { maximumSignificantDigits: 12, useGrouping: false }).format(
    Number(shown.toPrecision(12)),
  );
  return format === 'percent' ? text + '%' : text;
}

/** Formats a difference of shares in percentage points with one decimal: 0.0413 → "4,1" (vi). */
export function formatPoints(value: number, locale: Locale): string {
  return formatter(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'negative' }).format(
    value * 100,
  );
}
