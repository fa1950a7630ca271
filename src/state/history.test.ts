import { describe, expect, it } from 'vitest';
import { UndoHistory } from './history.svelte';

describe('UndoHistory', () => {
  it('hands back steps last first on undo and in order on redo', () => {
    const history = new UndoHistory<string>();
    history.push('a');
    history.push('b');
    expect(history.undo()).toBe('b');
    expect(history.undo()).toBe('a');
    expect(history.undo()).toBeUndefined();
    expect(history.redo()).toBe('a');
    expect(history.redo()).toBe('b');
    expect(history.redo()).toBeUndefined();
  });

  it('says whether there is anything to undo or redo', () => {
    const history = new UndoHistory<number>();
    expect([history.canUndo, history.canRedo]).toEqual([false, false]);
    history.push(1);
    expect([history.canUndo, history.canRedo]).toEqual([true, false]);
    history.undo();
    expect([history.canUndo, history.canRedo]).toEqual([false, true]);
  });

  it('forgets the undone steps when a new step is recorded', () => {
    const history = new UndoHistory<string>();
    history.push('a');
    history.push('b');
    history.undo();
    history.push('c');
    expect(history.canRedo).toBe(false);
    expect(history.undo()).toBe('c');
    expect(history.undo()).toBe('a');
  });

  it('keeps only the newest steps up to its limit', () => {
    const history = new UndoHistory<number>(3);
    for (let k = 1; k <= 5; k++) history.push(k);
    expect([history.undo(), history.undo(), history.undo(), history.undo()]).toEqual([5, 4, 3, undefined]);
  });

  it('refuses a limit that holds no step', () => {
    expect(() => new UndoHistory(0)).toThrow(RangeError);
  });
});
