import { FUNCTION_DOCS, YEAR_SYMBOL } from '../engine';

/** A name offered while a formula is typed: a function (inserted with its bracket), a row, or the year. */
export interface Suggestion {
  readonly kind: 'function' | 'row' | 'year';
  /** The name as offered: "AVERAGE", "manufacturing.growth", "t". */
  readonly name: string;
  /** The text put in place of the word being typed. */
  readonly insert: string;
}

/** The word being typed (from..to in the text) and the names that complete it, best first. */
export interface Suggestions {
  readonly from: number;
  readonly to: number;
  readonly items: readonly Suggestion[];
}

/** Most names offered at once, as Excel's list shows about as many. */
export const MAX_SUGGESTIONS = 8;

const NAME_CHAR = /[A-Za-z0-9_.]/;

/**
 * The names that complete the word at the caret of a formula ("=SU" → SUM, "=manu" → manufacturing.growth…), or
 * undefined where there is nothing to offer: not a formula, no word at the caret, a number, or a word already whole.
 */
export function suggest(text: string, caret: number, rowIds: readonly string[]): Suggestions | undefined {
  if (!text.startsWith('=') || caret < 1 || caret > text.length) return undefined;
  let from = caret;
  while (from > 1 && NAME_CHAR.test(text[from - 1]!)) from--;
  let to = caret;
  while (to < text.length && NAME_CHAR.test(text[to]!)) to++;
  const word = text.slice(from, caret);
  if (word === '' || !/^[A-Za-z_]/.test(word)) return undefined;
  const lower = word.toLowerCase();
  const functions: Suggestion[] = FUNCTION_DOCS.filter((f) => f.name.toLowerCase().startsWith(lower)).map((f) => ({
    kind: 'function',
    name: f.name,
    insert: `${f.name}(`,
  }));
  // Rows whose id starts with the word come first, then those with a part that does ("growth" → services.growth).
  const starts = rowIds.filter((id) => id.toLowerCase().startsWith(lower));
  const parts = rowIds.filter((id) => !starts.includes(id) && id.toLowerCase().includes('.' + lower));
  const rows: Suggestion[] = [...starts, ...parts].map((id) => ({ kind: 'row', name: id, insert: id }));
  const year: Suggestion[] = YEAR_SYMBOL.startsWith(lower)
    ? [{ kind: 'year', name: YEAR_SYMBOL, insert: YEAR_SYMBOL }]
    : [];
  const items = [...functions, ...rows, ...year];
  // A word typed in full ("=t", "=grdp") is left alone, so that Enter writes the cell rather than picking a name.
  const whole = text.slice(from, to).toLowerCase();
  if (items.length === 0 || items.some((s) => s.name.toLowerCase() === whole)) return undefined;
  return { from, to, items: items.slice(0, MAX_SUGGESTIONS) };
}

/** The text with a suggestion in place of the word being typed, and where the caret goes (after it). */
export function acceptSuggestion(text: string, s: Suggestions, item: Suggestion): { text: string; caret: number } {
  // A function's bracket is not doubled when the planner already typed it.
  const insert = item.kind === 'function' && text[s.to] === '(' ? item.name : item.insert;
  const caret = s.from + insert.length + (insert === item.name && item.kind === 'function' ? 1 : 0);
  return { text: text.slice(0, s.from) + insert + text.slice(s.to), caret };
}
