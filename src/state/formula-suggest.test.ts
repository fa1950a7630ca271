import { describe, expect, it } from 'vitest';
import { acceptSuggestion, MAX_SUGGESTIONS, suggest } from './formula-suggest';

const ROWS = ['grdp', 'grdp_growth', 'manufacturing', 'manufacturing.growth', 'services.growth', 'taxes', 'icor'];
const names = (text: string, caret = text.length) => suggest(text, caret, ROWS)?.items.map((s) => s.name);

describe('suggest', () => {
  it('offers functions by their Excel name whatever the case typed', () => {
    expect(names('=su')).toEqual(['SUM']);
    expect(names('=AV')).toEqual(['AVERAGE']);
    expect(names('=1 + lo')).toEqual(['LOG', 'LOG10']);
  });

  it('offers rows whose id starts with the word, then rows with a part that does', () => {
    expect(names('=manu')).toEqual(['manufacturing', 'manufacturing.growth']);
    expect(names('=x * grow')).toEqual(['manufacturing.growth', 'services.growth']);
    expect(names('=m')).toEqual(['MIN', 'MAX', 'MEDIAN', 'manufacturing', 'manufacturing.growth']);
  });

  it('offers nothing outside a formula, in a number, or for a name typed in full', () => {
    expect(suggest('su', 2, ROWS)).toBeUndefined();
    expect(suggest('=12', 3, ROWS)).toBeUndefined();
    expect(suggest('=1 + ', 5, ROWS)).toBeUndefined();
    expect(suggest('=grdp', 5, ROWS)).toBeUndefined();
    expect(suggest('=t', 2, ROWS)).toBeUndefined();
    expect(suggest('=zzz', 4, ROWS)).toBeUndefined();
  });

  it('completes the word at the caret, also in the middle of a formula', () => {
    const s = suggest('=SU + 1', 3, ROWS)!;
    expect(s).toMatchObject({ from: 1, to: 3 });
    expect(acceptSuggestion('=SU + 1', s, s.items[0]!)).toEqual({ text: '=SUM( + 1', caret: 5 });
  });

  it('replaces the whole word and does not double a bracket already typed', () => {
    const s = suggest('=aver(x)', 3, ROWS)!;
    expect(acceptSuggestion('=aver(x)', s, s.items[0]!)).toEqual({ text: '=AVERAGE(x)', caret: 9 });
    const row = suggest('=icor_x', 3, ['icor_x2'])!;
    expect(acceptSuggestion('=icor_x', row, row.items[0]!)).toEqual({ text: '=icor_x2', caret: 8 });
  });

  it(`offers at most ${MAX_SUGGESTIONS} names`, () => {
    const many = Array.from({ length: 30 }, (_, k) => `row${k}`);
    expect(suggest('=ro', 3, many)!.items).toHaveLength(MAX_SUGGESTIONS);
  });
});
