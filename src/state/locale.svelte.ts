import { formatValue, type Label, type Locale } from '../engine';
import { hasDictionary, isLocale, labelText, loadDictionary, translate, type MessageKey } from '../i18n';

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

/** The interface language: chosen by URL or switch, remembered across visits, shown only once its texts are loaded. */
export class LocaleState {
  current = $state<Locale>('vi');
  #loadFailed = $state(false);
  readonly #opening: Locale;
  // Counts the languages asked for: a slow load that another choice has overtaken must not switch afterwards.
  #asked = 0;

  constructor(search = globalThis.location?.search ?? '') {
    this.#opening = initialLocale(search, readRemembered());
    // Until open() has loaded the texts of the language asked for, the page shows one whose texts are here.
    this.current = hasDictionary(this.#opening) ? this.#opening : 'vi';
  }

  /** Loads the language the page opens in (?lang= or remembered) and shows it; awaited before the app mounts. */
  async open(): Promise<void> {
    if (await this.#ready(this.#opening)) this.current = this.#opening;
  }

  /** Switches language once its texts have loaded, remembers it and keeps a ?lang= in the address in step. */
  async set(locale: Locale): Promise<void> {
    if (!(await this.#ready(locale))) return;
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

  /** Whether the last language asked for could not load (offline before its texts were cached); the page kept its own. */
  get loadFailed(): boolean {
    return this.#loadFailed;
  }

  /** Hides the message that a language could not load. */
  dismissLoadFailure(): void {
    this.#loadFailed = false;
  }

  // Loads a language's texts; false when they did not load or the planner has chosen again since (that choice decides).
  async #ready(locale: Locale): Promise<boolean> {
    const asked = ++this.#asked;
    let loaded = true;
    try {
      await loadDictionary(locale);
    } catch {
      loaded = false;
    }
    if (asked !== this.#asked) return false;
    // On a failure the page stays in a language it has every text of, and says why it did not switch.
    this.#loadFailed = !loaded;
    return loaded;
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

  /** A date as the current language writes it: 'long' ("ngày 29 tháng 11 năm 2026") or 'short' with the time. */
  date = (value: Date | number, style: 'long' | 'dateTime'): string => formatDate(value, this.current, style);
}

const DATE_STYLES = {
  long: { dateStyle: 'long' },
  dateTime: { dateStyle: 'short', timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

// Building an Intl formatter is costly and the library list formats a date per row: one per style (English).
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A date as a language writes it; the one date formatter of the app. A long Vietnamese date reads as official
 * documents write it, "ngày 29 tháng 11 năm 2026" (Intl gives "29 tháng 11, 2026"), lower-case for inside a sentence;
 * with the time, "14:05 ngày 29/11/2026".
 */
export function formatDate(value: Date | number, locale: Locale, style: keyof typeof DATE_STYLES): string {
  if (locale === 'vi') {
    const date = new Date(value);
    const [day, month, year] = [date.getDate(), date.getMonth() + 1, date.getFullYear()];
    if (style === 'long') return `ngày ${day} tháng ${month} năm ${year}`;
    // "14:05 ngày 29/11/2026" rather than Intl's "14:05 29/11/26": the year in full, the date introduced.
    const two = (n: number) => String(n).padStart(2, '0');
    return `${two(date.getHours())}:${two(date.getMinutes())} ngày ${two(day)}/${two(month)}/${year}`;
  }
  let format = formatters.get(style);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', DATE_STYLES[style]);
    formatters.set(style, format);
  }
  return format.format(value);
}
