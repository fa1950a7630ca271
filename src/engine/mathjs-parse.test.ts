import fc from 'fast-check';
import { parse as fullParse } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { parseMath } from './mathjs-parse';

// The full mathjs build is the reference: the slim parser must read every text exactly as it does.
function outcome(parse: (s: string) => unknown, text: string): string {
  try {
    return 'tree ' + JSON.stringify(parse(text));
  } catch (e) {
    return 'error ' + (e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  }
}

const TOKENS = [
  'a',
  'b',
  't',
  'grdp',
  'manufacturing.growth',
  'cm',
  'pi',
  'e',
  'true',
  'null',
  'NaN',
  'Infinity',
  'undefined',
  '0',
  '1',
  '2.5',
  '.5',
  '1e3',
  '1e-3',
  '1e999',
  '0x1F',
  '0b101',
  '0o17',
  '0xffi8',
  '+',
  '-',
  '*',
  '/',
  '^',
  '%',
  'mod',
  'and',
  'or',
  'xor',
  'not',
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '?',
  ':',
  ',',
  '=',
  ';',
  "'",
  '!',
  'to',
  'in',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '"x"',
  '.',
  ' ',
  '\n',
  'max(',
  'if(',
  '# note',
];

describe('parseMath', () => {
  it('reads typical formulas into the same trees as the full mathjs build', () => {
    for (const text of [
      'grdp[t-1] * (1 + growth[t])',
      'manufacturing.va / grdp',
      'if(t <= 2025, 8/100, 10/100)',
      'a < b <= c',
      'max(a, b) + sum(x[2024:2030])',
      '0xffi8 + 0b101',
      'NaN + Infinity',
      '5 cm',
    ]) {
      expect(outcome(parseMath, text)).toBe(outcome(fullParse, text));
      expect(outcome(parseMath, text)).toMatch(/^tree /);
    }
  });

  it('gives the same tree or the same syntax error as the full mathjs build on random token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }), (tokens) => {
        const text = tokens.join('');
        expect(outcome(parseMath, text)).toBe(outcome(fullParse, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reports where parsing stopped, as the cell error message needs', () => {
    let char: unknown;
    try {
      parseMath('1 + (2');
    } catch (e) {
      char = (e as { char?: unknown }).char;
    }
    expect(char).toBe(7);
  });

  it('throws when a parsed tree is asked to evaluate itself, since mathjs evaluation is not built', () => {
    const node = parseMath('1 + 2') as unknown as { evaluate(): unknown };
    expect(() => node.evaluate()).toThrow();
  });
});
