import { formatForEdit, formatRange, localFormula, type SheetColumn, type SheetRow } from '../engine';
import type { LocaleState } from './locale.svelte';
import { commandFor, type SheetCommand, type ShortcutKey } from './keymap';
import { readCellText, refusedCellText, type CellChange, type Sheet, type Status } from './sheet.svelte';
import { SuggestList } from './suggest-list.svelte';

/** A rectangle of cells by row and column index, inclusive. */
export interface Range {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** Parses tab-separated text (as Excel copies it) into rows of cells. */
export function parseTsv(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}

/** Selection, editing, keyboard behaviour and status line of the sheet grid. */
export class GridState {
  /** The sheet the grid shows and edits. */
  readonly sheet: Sheet;
  /** The language cells are read and written in. */
  readonly locale: LocaleState;
  #row = $state(0);
  #col = $state(0);
  #anchorRow = $state(0);
  #anchorCol = $state(0);
  #editing = $state(false);
  #status = $state.raw<Status | null>(null);
  /** The text being typed into the active cell (bound to the editor). */
  draft = $state('');
  /** The names offered while a formula is typed in the editor. */
  readonly suggestions = new SuggestList(
    () => this.draft,
    (text) => (this.draft = text),
    () => this.sheet.rows.map((r) => r.id),
  );

  constructor(sheet: Sheet, locale: LocaleState) {
    this.sheet = sheet;
    this.locale = locale;
    // Start on the first editable projection cell, where a planner begins.
    const col = sheet.columns.findIndex((c) => c.kind === 'projection');
    const row = sheet.rows.findIndex((r) => r.role === 'growth');
    this.#moveTo(Math.max(row, 0), Math.max(col, 0), false);
  }

  /** Whether the active cell's editor is open. */
  get editing(): boolean {
    return this.#editing;
  }

  /** The last outcome to tell the planner about (read-only cell, pasted, undone…). */
  get status(): Status | null {
    return this.#status;
  }

  /** Active row index, kept inside the sheet when rows come and go. */
  get row(): number {
    return Math.min(this.#row, this.sheet.rows.length - 1);
  }

  /** Active column index. */
  get col(): number {
    return Math.min(this.#col, this.sheet.columns.length - 1);
  }

  /** The row of the active cell. */
  get activeRow(): SheetRow | undefined {
    return this.sheet.rows[this.row];
  }

  /** The column of the active cell. */
  get activeColumn(): SheetColumn | undefined {
    return this.sheet.columns[this.col];
  }

  /** The selected rectangle (the active cell alone unless extended with Shift). */
  get selection(): Range {
    const anchorRow = Math.min(this.#anchorRow, this.sheet.rows.length - 1);
    const anchorCol = Math.min(this.#anchorCol, this.sheet.columns.length - 1);
    return {
      top: Math.min(this.row, anchorRow),
      bottom: Math.max(this.row, anchorRow),
      left: Math.min(this.col, anchorCol),
      right: Math.max(this.col, anchorCol),
    };
  }

  /** Whether a cell is inside the selection. */
  isSelected(row: number, col: number): boolean {
    const s = this.selection;
    return row >= s.top && row <= s.bottom && col >= s.left && col <= s.right;
  }

  /** Moves the active cell, optionally extending the selection. */
  select(row: number, col: number, extend = false): void {
    if (this.editing) this.commit();
    this.#moveTo(row, col, extend);
  }

  #moveTo(row: number, col: number, extend: boolean): void {
    this.#row = Math.max(0, Math.min(this.sheet.rows.length - 1, row));
    this.#col = Math.max(0, Math.min(this.sheet.columns.length - 1, col));
    if (!extend) {
      this.#anchorRow = this.#row;
      this.#anchorCol = this.#col;
    }
  }

  #isActiveInput(): boolean {
    const r = this.activeRow;
    const c = this.activeColumn;
    return !!r && !!c && this.sheet.isInput(r.id, c.year);
  }

  /** The text the editor starts from: the range or formula, or the number as the locale writes it. */
  editText(): string {
    const r = this.activeRow;
    const c = this.activeColumn;
    if (!r || !c) return '';
    const input = this.sheet.inputAt(r.id, c.year);
    if (input === undefined) return '';
    const range = this.sheet.rangeAt(r.id, c.year);
    if (range) return formatRange(range, this.locale.current, r.format);
    if (typeof input === 'number') return formatForEdit(input, this.locale.current, r.format);
    return input.startsWith('=') ? localFormula(input, this.locale.current) : input;
  }

  /** Starts editing the active cell, with its content or with a typed first character. */
  startEdit(initial?: string): boolean {
    if (!this.#isActiveInput()) {
      this.#status = { key: 'status.readOnly' };
      return false;
    }
    this.draft = initial ?? this.editText();
    this.suggestions.typed(this.draft.length);
    this.#editing = true;
    return true;
  }

  /** Writes the draft into the active cell (Enter, Tab, leaving the editor, the page going away). */
  commit(): void {
    if (!this.#editing) return;
    this.#editing = false;
    const r = this.activeRow;
    const c = this.activeColumn;
    if (!r || !c) return;
    if (this.draft === this.editText()) return;
    const refused = this.sheet.setCellText(r.id, c.year, this.draft, this.locale.current);
    if (refused) this.#status = refused;
  }

  /** Leaves the editor without changing the cell. */
  cancel(): void {
    this.#editing = false;
  }

  /** Resets the selected input cells to the template (the Delete key). */
  resetSelection(): void {
    this.#resetCells(this.#selectedInputs());
  }

  /** Resets the active cell to the template. */
  resetActive(): void {
    const r = this.activeRow;
    const c = this.activeColumn;
    if (r && c) this.#resetCells([{ id: r.id, year: c.year }]);
  }

  #resetCells(cells: readonly { id: string; year: number }[]): void {
    const { reset, missing } = this.sheet.resetCells(cells);
    this.#status = missing
      ? { key: 'status.noTemplateValue', args: { count: missing } }
      : { key: 'status.reset', args: { count: reset } };
  }

  /** Copies the active cell's input across the rest of its row (Ctrl+R). */
  fillRight(): void {
    const r = this.activeRow;
    const c = this.activeColumn;
    if (!r || !c) return;
    const count = this.sheet.fillRight(r.id, c.year);
    this.#status = count ? { key: 'status.filled', args: { count } } : { key: 'status.nothingToFill' };
  }

  /** Undoes the sheet's last edit. */
  undo(): void {
    if (this.sheet.undo()) this.#status = { key: 'status.undone' };
  }

  /** Redoes the sheet's last undone edit. */
  redo(): void {
    if (this.sheet.redo()) this.#status = { key: 'status.redone' };
  }

  /** Moves the base year (the toolbar's field), saying why when it cannot. */
  setBaseYear(year: number): void {
    const refused = this.sheet.setBaseYear(year);
    if (refused) this.#status = refused;
  }

  /** Runs a command of the key map; false for one the grid does not handle. */
  run(command: SheetCommand, extend = false): boolean {
    if (command === 'undo') this.undo();
    else if (command === 'redo') this.redo();
    else if (command === 'fillRight') this.fillRight();
    else if (command === 'first') this.#moveTo(0, 0, extend);
    else if (command === 'last') this.#moveTo(this.sheet.rows.length - 1, this.sheet.columns.length - 1, extend);
    else return false;
    return true;
  }

  #selectedInputs(): { id: string; year: number }[] {
    const s = this.selection;
    const cells: { id: string; year: number }[] = [];
    for (let r = s.top; r <= s.bottom; r++) {
      for (let c = s.left; c <= s.right; c++) {
        const id = this.sheet.rows[r]!.id;
        const year = this.sheet.columns[c]!.year;
        if (this.sheet.isInput(id, year)) cells.push({ id, year });
      }
    }
    return cells;
  }

  /** The selection as tab-separated values, numbers written the locale's way at full precision. */
  copyText(): string {
    const s = this.selection;
    const lines: string[] = [];
    for (let r = s.top; r <= s.bottom; r++) {
      const row = this.sheet.rows[r]!;
      const cells: string[] = [];
      for (let c = s.left; c <= s.right; c++) {
        const view = this.sheet.view(row, this.sheet.columns[c]!, this.locale.current);
        if (view.error) cells.push(view.error.code);
        else if (view.value === undefined || view.kind === 'empty') cells.push('');
        else cells.push(formatForEdit(view.value, this.locale.current, row.format));
      }
      lines.push(cells.join('\t'));
    }
    this.#status = { key: 'status.copied', args: { count: (s.bottom - s.top + 1) * (s.right - s.left + 1) } };
    return lines.join('\n');
  }

  /** Pastes tab-separated text at the selection; one value pasted into a larger selection fills it. */
  paste(text: string): void {
    // An empty clipboard (or one holding only an image) must not clear the selection.
    if (text === '') return;
    const s = this.selection;
    // Only what fits in the sheet can land; the rest of a huge paste is counted, not parsed.
    const maxRows = this.sheet.rows.length - s.top;
    const maxCols = this.sheet.columns.length - s.left;
    const lines = parseTsv(text);
    const block = lines.slice(0, maxRows).map((line) => line.slice(0, maxCols));
    let outside = 0;
    for (let r = 0; r < lines.length; r++) outside += Math.max(0, lines[r]!.length - (r < maxRows ? maxCols : 0));
    const single = lines.length === 1 && lines[0]!.length === 1;
    let width = 0;
    for (const line of block) width = Math.max(width, line.length);
    const height = single ? s.bottom - s.top + 1 : block.length;
    if (single) width = s.right - s.left + 1;
    const changes: CellChange[] = [];
    let skipped = 0;
    for (let dr = 0; dr < height; dr++) {
      for (let dc = 0; dc < width; dc++) {
        const cellText = single ? block[0]![0]! : block[dr]![dc];
        if (cellText === undefined) continue;
        const row = this.sheet.rows[s.top + dr];
        const column = this.sheet.columns[s.left + dc];
        if (
          !row ||
          !column ||
          !this.sheet.isInput(row.id, column.year) ||
          refusedCellText(cellText, this.locale.current, row.format)
        ) {
          skipped++;
          continue;
        }
        changes.push({ id: row.id, year: column.year, input: readCellText(cellText, this.locale.current, row.format) });
      }
    }
    skipped += outside;
    const count = this.sheet.setCells(changes);
    this.#status = skipped
      ? { key: 'status.pasteSkipped', args: { count, skipped } }
      : { key: 'status.pasted', args: { count } };
    if (!single) this.#moveTo(s.top + height - 1, s.left + width - 1, true);
  }

  /** Handles a key press on the grid (not in the editor); returns true when it used the key. */
  keydown(e: ShortcutKey): boolean {
    const key = e.key;
    if (e.ctrlKey || e.metaKey) {
      const command = commandFor(e, 'grid');
      return command !== undefined && this.run(command, e.shiftKey);
    }
    switch (key) {
      case 'ArrowUp':
        this.#moveTo(this.row - 1, this.col, e.shiftKey);
        return true;
      case 'ArrowDown':
        this.#moveTo(this.row + 1, this.col, e.shiftKey);
        return true;
      case 'ArrowLeft':
        this.#moveTo(this.row, this.col - 1, e.shiftKey);
        return true;
      case 'ArrowRight':
        this.#moveTo(this.row, this.col + 1, e.shiftKey);
        return true;
      case 'Home':
        this.#moveTo(this.row, 0, e.shiftKey);
        return true;
      case 'End':
        this.#moveTo(this.row, this.sheet.columns.length - 1, e.shiftKey);
        return true;
      case 'Tab': {
        // At the first or last column Tab leaves the grid, so keyboard users can reach what follows.
        const col = this.col + (e.shiftKey ? -1 : 1);
        if (col < 0 || col >= this.sheet.columns.length) return false;
        this.#moveTo(this.row, col, false);
        return true;
      }
      case 'Enter':
      case 'F2':
        this.startEdit();
        return true;
      case 'Delete':
      case 'Backspace':
        this.resetSelection();
        return true;
      case 'Escape':
        this.#moveTo(this.row, this.col, false);
        return true;
    }
    if (key.length === 1 && !e.altKey) return this.startEdit(key);
    return false;
  }

  /** Handles a key press inside the cell editor; returns true when it used the key. */
  editorKeydown(e: ShortcutKey): boolean {
    // Ctrl+R would reload the page in the browser: in the editor it commits and fills right.
    if (commandFor(e, 'grid') === 'fillRight') {
      this.commit();
      this.fillRight();
      return true;
    }
    switch (e.key) {
      case 'Enter':
        this.commit();
        this.#moveTo(this.row + (e.shiftKey ? -1 : 1), this.col, false);
        return true;
      case 'Tab':
        this.commit();
        this.#moveTo(this.row, this.col + (e.shiftKey ? -1 : 1), false);
        return true;
      case 'Escape':
        this.cancel();
        return true;
    }
    return false;
  }
}
