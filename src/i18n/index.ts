import type { Label, Locale } from '../engine';
// vi before fill: with fill first the bundler splits fill out of the start into a file of its own.
import { vi } from './vi';
import { fillPlaceholders } from './fill';

export { inSentence, sentenceStart, withName } from './fill';

/** Every interface text key. */
export type MessageKey = keyof typeof vi;

/** A full set of interface texts for one language. */
export type Dictionary = Record<MessageKey, string>;

// Vietnamese, the default, comes with the start; English loads when the page opens in it or the planner switches
// to it, so a Vietnamese visit does not download its texts (about 7 KB gzip).
const loaded: Partial<Record<Locale, Dictionary>> = { vi };

const LOADERS: Record<Locale, () => Promise<Dictionary>> = {
  vi: () => Promise.resolve(vi),
  en: async () => (await import('./en')).en,
};

/** Languages in the order the switch shows them. */
export const LOCALES: readonly Locale[] = ['vi', 'en'];

/** Whether a string names a supported language. */
export function isLocale(x: unknown): x is Locale {
  return x === 'vi' || x === 'en';
}

/** Whether a string is an interface text key. */
export function isMessageKey(x: string): x is MessageKey {
  return x in vi;
}

/** Whether a language's texts are here, so it can be shown. */
export function hasDictionary(locale: Locale): boolean {
  return loaded[locale] !== undefined;
}

/** Loads a language's texts (once); rejects when they cannot be fetched, e.g. offline before they were cached. */
export async function loadDictionary(locale: Locale): Promise<void> {
  loaded[locale] ??= await LOADERS[locale]();
}

/** Looks up a text and fills its {placeholders}; the language's texts must have been loaded (loadDictionary). */
export function translate(locale: Locale, key: MessageKey, args?: Readonly<Record<string, string | number>>): string {
  const dictionary = loaded[locale];
  // Showing a language before its texts are here is a bug; failing loudly beats blank or mixed-language text.
  if (!dictionary) throw new Error(`the ${locale} texts are not loaded`);
  return fillPlaceholders(dictionary[key], args);
}

/** Picks the text of a label in a language. */
export function labelText(label: Label, locale: Locale): string {
  return typeof label === 'string' ? label : label[locale];
}
