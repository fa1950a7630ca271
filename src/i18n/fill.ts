import type { Locale } from '../engine';

/** Puts each argument in place of its {name} in a text; a placeholder without an argument stays as it is. */
export function fillPlaceholders(text: string, args?: Readonly<Record<string, string | number>>): string {
  return args ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in args ? String(args[name]) : m)) : text;
}

/** A lookup over a pair of dictionaries with the same keys, for texts that load with their part of the interface. */
export function textPart<K extends string>(
  dictionaries: Readonly<Record<Locale, Readonly<Record<K, string>>>>,
): (locale: Locale, key: K, args?: Readonly<Record<string, string | number>>) => string {
  return (locale, key, args) => fillPlaceholders(dictionaries[locale][key], args);
}
