import { checkIdentifier, cleanText, LIMITS, type Label, type Locale } from '../engine';
import type { Template } from '../templates/types';

// Ids and labels of templates and their rows: transliterated from the Vietnamese label, cleaned, named as copies.

// The words of a text in plain ASCII: "Khai khoáng" → ["khai", "khoang"]; đ has no decomposition, so it is mapped.
function asciiWords(text: string): string[] {
  return text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

// The first of base, base_2, base_3… (or base-2…) that isFree accepts, within maxLength.
function firstFree(base: string, join: string, maxLength: number, isFree: (id: string) => boolean): string {
  const cut = (s: string, n: number) => s.slice(0, n).replace(/[_-]+$/, '');
  if (isFree(cut(base, maxLength))) return cut(base, maxLength);
  for (let k = 2; ; k++) {
    const id = `${cut(base, maxLength - `${join}${k}`.length)}${join}${k}`;
    if (isFree(id)) return id;
  }
}

/** The text of a label in a language (a plain string reads the same in both). */
export function labelIn(label: Label, locale: Locale): string {
  return typeof label === 'string' ? label : label[locale];
}

/**
 * A row id from a label, free as isFree says: the Vietnamese label transliterated ("Khai khoáng" → "khai_khoang"),
 * "row" when nothing of it is left, "_2", "_3"… appended when the id is taken or reserved.
 */
export function rowIdFrom(label: Label, isFree: (id: string) => boolean): string {
  const base = asciiWords(labelIn(label, 'vi')).join('_') || 'row';
  return firstFree(/^[0-9]/.test(base) ? `n_${base}` : base, '_', 40, isFree);
}

/** Whether an id can name a new row of the template: the engine's rules, and no target set has a row of that id. */
export function rowIdFree(template: Template, id: string, except?: string): boolean {
  const inSets = (template.targetSets ?? []).some((set) => set.rows.some((r) => r.id === id && r.id !== except));
  return checkIdentifier(template.scenario, id, except) === undefined && !inSets;
}

/** A template id from a label ("Quảng Ninh (bản sao)" → "quang-ninh-ban-sao") that is not taken. */
export function templateIdFrom(label: Label, taken: (id: string) => boolean): string {
  return firstFree(asciiWords(labelIn(label, 'vi')).join('-') || 'template', '-', 63, (id) => !taken(id));
}

/** A label as typed, cleaned and trimmed; 'empty' or 'long' when a language's text is blank or too long. */
export function cleanLabel(label: Label, max: number = LIMITS.text): Label | 'empty' | 'long' {
  const clean = (typeof label === 'string' ? [label] : [label.vi, label.en]).map((t) => cleanText(t).trim());
  if (clean.some((t) => !t)) return 'empty';
  if (clean.some((t) => t.length > max)) return 'long';
  return typeof label === 'string' ? clean[0]! : { vi: clean[0]!, en: clean[1]! };
}

/** A copy's label: "(bản sao)" / "(copy)" after the name, cut so the whole fits the label limit. */
export function copyLabel(label: Label): Label {
  const add = (text: string, suffix: string) => `${text.slice(0, LIMITS.text - suffix.length)}${suffix}`;
  return typeof label === 'string'
    ? add(label, ' (bản sao)')
    : { vi: add(label.vi, ' (bản sao)'), en: add(label.en, ' (copy)') };
}
