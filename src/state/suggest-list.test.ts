import { describe, expect, it } from 'vitest';
import { SuggestList } from './suggest-list.svelte';

const key = (k: string) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false });

function editor(initial: string) {
  let text = initial;
  const list = new SuggestList(
    () => text,
    (next) => (text = next),
    () => ['manufacturing', 'manufacturing.growth', 'services.growth'],
  );
  list.typed(text.length);
  return { list, text: () => text };
}

describe('SuggestList', () => {
  it('moves the pick with the arrows, round the ends', () => {
    const { list } = editor('=m');
    expect(list.current?.items.map((s) => s.name)).toEqual([
      'MIN',
      'MAX',
      'MEDIAN',
      'manufacturing',
      'manufacturing.growth',
    ]);
    expect(list.keydown(key('ArrowUp'))).toBe(true);
    expect(list.pick).toBe(4);
    list.keydown(key('ArrowDown'));
    list.keydown(key('ArrowDown'));
    expect(list.pick).toBe(1);
  });

  it('puts the picked name in with Tab or Enter and moves the caret after it', () => {
    const { list, text } = editor('=manu');
    list.keydown(key('ArrowDown'));
    expect(list.keydown(key('Enter'))).toBe(true);
    expect(text()).toBe('=manufacturing.growth');
    expect(list.caret).toBe(text().length);
    expect(list.current).toBeUndefined();
  });

  it('closes with Escape until the planner types again, and leaves other keys to the editor', () => {
    const { list } = editor('=ma');
    expect(list.keydown(key('Escape'))).toBe(true);
    expect(list.current).toBeUndefined();
    expect(list.keydown(key('Enter'))).toBe(false);
    list.typed(3);
    expect(list.current).toBeDefined();
    expect(list.keydown(key('a'))).toBe(false);
    expect(list.keydown({ ...key('Enter'), ctrlKey: true })).toBe(false);
  });
});
