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

/**
 * A name put inside a phrase: its first letter lower-cased ("Công nghiệp chế biến, chế tạo" → "công nghiệp chế biến,
 * chế tạo"), kept for an acronym or capitals ("GRDP", "CN CBCT", "FDI") and for a proper name whose every word is
 * capitalised ("Quảng Ninh").
 */
export function inSentence(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const capital = (word: string) => word === word.toLocaleUpperCase();
  const proper = (word: string) => capital([...word][0] ?? '');
  if (words.length === 0 || capital(words[0]!) || (words.length > 1 && words.every(proper))) return name;
  const first = [...name][0]!;
  return first.toLocaleLowerCase() + name.slice(first.length);
}

/** A text put at the start of a sentence or a line: its first letter capitalised ("ngày 29 tháng 11" → "Ngày 29 tháng 11"). */
export function sentenceStart(text: string): string {
  const first = [...text][0] ?? '';
  return first.toLocaleUpperCase() + text.slice(first.length);
}

// Stands for the name while a text is filled, to see where the name falls; no dictionary text holds it.
const NAME_MARK = '\u0000';

/**
 * Fills a text around a sector or row name ({name}): the name lower-cased inside the phrase ("Tỷ trọng công nghiệp
 * chế biến, chế tạo"), as written where it opens the text ("Manufacturing share").
 */
export function withName<K>(
  translate: (key: K, args?: Readonly<Record<string, string | number>>) => string,
  key: K,
  args: Readonly<Record<string, string | number>> & { readonly name: string },
): string {
  const text = translate(key, { ...args, name: NAME_MARK });
  const name = text.startsWith(NAME_MARK) ? args.name : inSentence(args.name);
  return text.replaceAll(NAME_MARK, () => name);
}
