import { formatValue, type Label, type Locale } from '../engine';
import { isLocale, labelText, translate, type MessageKey } from '../i18n';

const STORAGE_KEY = 'grdp-scenarios.lang';

/** Reads the language from ?lang=, then the remembered choice, else Vietnamese. */
export function initialLocale(search: string, remembered: string | null): Locale {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isLocale(fromUrl)) return fromUrl;
  return isLocale(remembered) ? remembered : 'vi';
}

function readRemembered(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked (private modes); the default language still works.
    return null;
  }
}

/** The interface language: chosen by URL or switch, remembered across visits. */
export class LocaleState {
  current = $state<Locale>('vi');

  constructor(search = globalThis.location?.search ?? '') {
    this.current = initialLocale(search, readRemembered());
  }

  /** Switches language, remembers it and keeps a ?lang= in the address in step. */
  set(locale: Locale): void {
    this.current = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Remembering is a convenience; the switch itself has worked.
    }
    const url = new URL(globalThis.location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', locale);
      history.replaceState(history.state, '', url);
    }
  }

  /** Translates a key in the current language. */
  t = (key: MessageKey, args?: Readonly<Record<string, string | number>>): string => translate(this.current, key, args);

  /** Picks a label's text in the current language. */
  label = (label: Label): string => labelText(label, this.current);

  /** A share or rate as the current language writes it: "12,3%" / "12.3%". */
  percent = (value: number, digits = 1): string => formatValue(value, this.current, 'percent', digits);
  /** A probability in whole percent, with a decimal under one percent ("0,4%" says more than a flat "0%"). */
  chance = (p: number): string => this.percent(p, p > 0 && p < 0.01 ? 1 : 0);

  /** A value in billions as the current language writes it: "315.800" / "315,800". */
  number = (value: number): string => formatValue(value, this.current, 'number');

  /** A date as the current language writes it: 'long' ("29 tháng 11, 2026") or 'short' with the time. */
  date = (value: Date | number, style: 'long' | 'dateTime'): string => formatDate(value, this.current, style);
}

const DATE_STYLES = {
  long: { dateStyle: 'long' },
  dateTime: { dateStyle: 'short', timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

// Building an Intl formatter is costly and the library list formats a date per row: one per language and style.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date as a language writes it; the one date formatter of the app. */
export function formatDate(value: Date | number, locale: Locale, style: keyof typeof DATE_STYLES): string {
  const key = `${locale}.${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', DATE_STYLES[style]);
    formatters.set(key, format);
  }
  return format.format(value);
}
