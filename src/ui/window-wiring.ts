import { commandFor, type SheetCommand } from '../state/keymap';

/** What the app does with what happens to its window. */
export interface WindowHandlers {
  /** A shortcut pressed on the page, outside the grid and text fields. */
  command(command: SheetCommand): boolean;
  /** The address's hash changed (a share link pasted into this tab). */
  hash(hash: string): void;
  /** Files were dropped anywhere on the page. */
  drop(files: FileList): void;
  /** The page is going away: save what is pending. */
  leave(): void;
  /** Whether leaving now would lose edits, so the browser should ask first. */
  unsafeToLeave(): boolean;
}

// Keys typed into these belong to them, not to the page's shortcuts.
const OWN_KEYS = 'input, textarea, select, [role="grid"], [contenteditable="true"]';

/** Connects the window's keys, drops, hash changes and unloading to the app; returns the disconnection. */
export function wireWindow(target: Window, on: WindowHandlers): () => void {
  const listeners: [string, EventListener][] = [
    [
      'keydown',
      (e) => {
        const key = e as KeyboardEvent;
        if (key.defaultPrevented || (key.target as Element | null)?.closest?.(OWN_KEYS)) return;
        const command = commandFor(key, 'page');
        if (command && on.command(command)) key.preventDefault();
      },
    ],
    ['hashchange', () => on.hash(target.location.hash)],
    // A file dropped anywhere is imported rather than opened by the browser in place of the app.
    [
      'dragover',
      (e) => {
        if ((e as DragEvent).dataTransfer?.types.includes('Files')) e.preventDefault();
      },
    ],
    [
      'drop',
      (e) => {
        const files = (e as DragEvent).dataTransfer?.files;
        // A drop the library panel took already is not imported twice.
        if (e.defaultPrevented || !files?.length) return;
        e.preventDefault();
        on.drop(files);
      },
    ],
    ['pagehide', () => on.leave()],
    [
      'beforeunload',
      (e) => {
        if (on.unsafeToLeave()) e.preventDefault();
      },
    ],
  ];
  for (const [type, listener] of listeners) target.addEventListener(type, listener);
  return () => {
    for (const [type, listener] of listeners) target.removeEventListener(type, listener);
  };
}
