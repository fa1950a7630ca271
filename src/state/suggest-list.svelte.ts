import { acceptSuggestion, suggest, type Suggestions } from './formula-suggest';
import type { ShortcutKey } from './keymap';

/** The list of names offered under the cell editor while a formula is typed, as in Excel. */
export class SuggestList {
  #caret = $state(0);
  #pick = $state(0);
  #dismissed = $state(false);
  readonly #text: () => string;
  readonly #replace: (text: string) => void;
  readonly #names: () => readonly string[];

  /** Reads and replaces the editor's text; names are the rows a formula may use. */
  constructor(text: () => string, replace: (text: string) => void, names: () => readonly string[]) {
    this.#text = text;
    this.#replace = replace;
    this.#names = names;
  }

  /** Where the caret is in the editor's text. */
  get caret(): number {
    return this.#caret;
  }

  /** The names offered now, or undefined when the list is closed. */
  get current(): Suggestions | undefined {
    return this.#dismissed ? undefined : suggest(this.#text(), this.#caret, this.#names());
  }

  /** The index of the highlighted name. */
  get pick(): number {
    const n = this.current?.items.length ?? 0;
    return n ? Math.min(this.#pick, n - 1) : 0;
  }

  /** The editor's text changed by typing: the list opens again on the first name. */
  typed(caret: number): void {
    this.#caret = caret;
    this.#pick = 0;
    this.#dismissed = false;
  }

  /** The caret moved without typing (arrow keys, a click). */
  moveCaret(caret: number): void {
    this.#caret = caret;
  }

  /** Puts a name in place of the word being typed. */
  accept(index = this.pick): void {
    const s = this.current;
    const item = s?.items[index];
    if (!s || !item) return;
    const next = acceptSuggestion(this.#text(), s, item);
    this.#replace(next.text);
    this.typed(next.caret);
  }

  /** Handles a key while the list is open (arrows move, Tab or Enter accept, Escape closes); true when used. */
  keydown(e: ShortcutKey): boolean {
    const s = this.current;
    if (!s || e.ctrlKey || e.metaKey || e.altKey) return false;
    const n = s.items.length;
    switch (e.key) {
      case 'ArrowDown':
        this.#pick = (this.pick + 1) % n;
        return true;
      case 'ArrowUp':
        this.#pick = (this.pick - 1 + n) % n;
        return true;
      case 'Tab':
      case 'Enter':
        this.accept();
        return true;
      case 'Escape':
        this.#dismissed = true;
        return true;
    }
    return false;
  }
}
