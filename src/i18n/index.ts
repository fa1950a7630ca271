import type { Label, Locale } from '../engine';
import { en } from './en';
import { fillPlaceholders } from './fill';
import { vi } from './vi';

/** Every interface text key. */
export type MessageKey = keyof typeof vi;

/** A full set of interface texts for one language. */
export type Dictionary = Record<MessageKey, string>;

/** Interface text per language; both have the same keys (checked by the type and a test). */
export const dictionaries: Record<Locale, Dictionary> = { vi, en };

/** Languages in the order the switch shows them. */
export const LOCALES: readonly Locale[] = ['vi', 'en'];

/** Whether a string names a supported language. */
export function isLocale(x: unknown): x is Locale {
  return x === 'vi' || x === 'en';
}

/** Looks up a text and fills its {placeholders}. */
export function translate(locale: Locale, key: MessageKey, args?: Readonly<Record<string, string | number>>): string {
  return fillPlaceholders(dictionaries[locale][key], args);
}

/** Picks the text of a label in a language. */
export function labelText(label: Label, locale: Locale): string {
  return typeof label === 'string' ? label : label[locale];
}
