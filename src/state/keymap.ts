/** What a shortcut asks of the sheet. */
export type SheetCommand = 'undo' | 'redo' | 'fillRight' | 'first' | 'last' | 'present';

/** The keys a shortcut is read from. */
export type ShortcutKey = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/**
 * The app's one key map. In the grid: Ctrl+Z undo, Ctrl+Y or Ctrl+Shift+Z redo, Ctrl+R fill right, Ctrl+Home and
 * Ctrl+End the first and last cell (⌘ for Ctrl on a Mac). On the page outside the grid and text fields: undo, redo
 * and P for the presentation.
 */
export function commandFor(e: ShortcutKey, where: 'grid' | 'page'): SheetCommand | undefined {
  if (e.altKey) return undefined;
  if (!(e.ctrlKey || e.metaKey)) return where === 'page' && e.key.toLowerCase() === 'p' ? 'present' : undefined;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y') return 'redo';
  if (where === 'page') return undefined;
  if (key === 'r') return 'fillRight';
  if (e.key === 'Home') return 'first';
  if (e.key === 'End') return 'last';
  return undefined;
}
