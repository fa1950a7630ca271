import { describe, expect, it } from 'vitest';
import { commandFor, type ShortcutKey } from './keymap';

const press = (key: string, mods: Partial<ShortcutKey> = {}): ShortcutKey => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('commandFor', () => {
  it.each([
    [press('z', { ctrlKey: true }), 'undo'],
    [press('Z', { metaKey: true }), 'undo'],
    [press('y', { ctrlKey: true }), 'redo'],
    [press('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    [press('r', { ctrlKey: true }), 'fillRight'],
    [press('Home', { ctrlKey: true }), 'first'],
    [press('End', { metaKey: true }), 'last'],
  ] as const)('maps %j in the grid to %s', (e, command) => {
    expect(commandFor(e, 'grid')).toBe(command);
  });

  it('gives the page undo, redo and P, but not the grid’s own moves', () => {
    expect(commandFor(press('z', { ctrlKey: true }), 'page')).toBe('undo');
    expect(commandFor(press('y', { ctrlKey: true }), 'page')).toBe('redo');
    expect(commandFor(press('p'), 'page')).toBe('present');
    expect(commandFor(press('P'), 'page')).toBe('present');
    expect(commandFor(press('r', { ctrlKey: true }), 'page')).toBeUndefined();
    expect(commandFor(press('Home', { ctrlKey: true }), 'page')).toBeUndefined();
  });

  it('leaves plain typing, P in the grid, Ctrl+P (print) and Alt combinations alone', () => {
    expect(commandFor(press('z'), 'grid')).toBeUndefined();
    expect(commandFor(press('p'), 'grid')).toBeUndefined();
    expect(commandFor(press('p', { ctrlKey: true }), 'page')).toBeUndefined();
    expect(commandFor(press('z', { ctrlKey: true, altKey: true }), 'grid')).toBeUndefined();
  });
});
