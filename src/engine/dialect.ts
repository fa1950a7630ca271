import type { Locale } from './parse-number';

// The formula language as planners who live in Excel type it: Excel's function names in any case, "<>" and "="
// as comparisons, and in Vietnamese ";" between arguments with "," as the decimal mark. Formulas are stored in one
// canonical form ("," between arguments, "." for decimals) so that a link opens with the same numbers in either
// language; the sheet shows and reads them in the planner's own.

/** Functions the compiler knows, by their canonical (lower-case) name. */
export const FUNCTIONS = [
  'abs',
  'ceil',
  'floor',
  'round',
  'sqrt',
  'exp',
  'ln',
  'log',
  'log10',
  'pow',
  'sign',
  'min',
  'max',
  'sum',
  'mean',
  'median',
  'and',
  'or',
] as const;

/** Name of a function the compiler knows. */
export type FunctionName = (typeof FUNCTIONS)[number];

/** What a name written in a formula calls: a compiled function, or one of the forms built into the language. */
export type Callee = FunctionName | 'if' | 'not';

const CALLEES: ReadonlyMap<string, Callee> = new Map<string, Callee>([
  ...FUNCTIONS.map((f): [string, Callee] => [f, f]),
  ['average', 'mean'],
  ['power', 'pow'],
  ['if', 'if'],
  ['not', 'not'],
]);

/** The function a name calls, whatever its case ("SUM", "Average"), or undefined for an unknown name. */
export function calleeOf(name: string): Callee | undefined {
  return CALLEES.get(name.toLowerCase());
}

/** A function as the formula help and the suggestions show it: Excel's name and its arguments ("?" optional). */
export interface FunctionDoc {
  readonly name: string;
  readonly args: readonly string[];
}

/** The functions a planner is offered, by Excel's names, in the order of the formula help. */
export const FUNCTION_DOCS: readonly FunctionDoc[] = [
  { name: 'SUM', args: ['a', 'b', '…'] },
  { name: 'AVERAGE', args: ['a', 'b', '…'] },
  { name: 'MIN', args: ['a', 'b', '…'] },
  { name: 'MAX', args: ['a', 'b', '…'] },
  { name: 'MEDIAN', args: ['a', 'b', '…'] },
  { name: 'IF', args: ['condition', 'a', 'b?'] },
  { name: 'AND', args: ['a', 'b', '…'] },
  { name: 'OR', args: ['a', 'b', '…'] },
  { name: 'NOT', args: ['a'] },
  { name: 'ROUND', args: ['x', 'digits?'] },
  { name: 'ABS', args: ['x'] },
  { name: 'SQRT', args: ['x'] },
  { name: 'POWER', args: ['x', 'y'] },
  { name: 'EXP', args: ['x'] },
  { name: 'LN', args: ['x'] },
  { name: 'LOG', args: ['x', 'base?'] },
  { name: 'LOG10', args: ['x'] },
  { name: 'CEIL', args: ['x'] },
  { name: 'FLOOR', args: ['x'] },
  { name: 'SIGN', args: ['x'] },
];

/** The character between a function's arguments in a language: Vietnamese Excel uses ";". */
export function argumentSeparator(locale: Locale): ',' | ';' {
  return locale === 'vi' ? ';' : ',';
}

const WORD = /[\p{L}\p{N}_$]/u;
const DIGIT = /\d/;

/**
 * Rewrites Excel's comparisons into the parser's: "<>" to "!=" and a lone "=" to "==" ("<=", ">=", "==", "!=" are
 * left as they are). Returns the text and, for each of its characters, the index of the character it came from.
 */
export function excelOperators(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  const push = (s: string, at: number) => {
    out += s;
    for (let k = 0; k < s.length; k++) origin.push(at);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '<' && text[i + 1] === '>') {
      push('!=', i);
      i++;
    } else if (ch === '=' && !'<>!='.includes(text[i - 1] ?? '') && text[i + 1] !== '=') {
      push('==', i);
    } else {
      push(ch, i);
    }
  }
  return { text: out, origin };
}

// Walks a formula and calls `number` for each numeric literal (its start and end) and `other` for every other
// character, so that separators inside numbers and between arguments can be told apart. A literal starts at a digit
// (or a decimal mark before a digit) that does not continue a name: "x2.5" is a name and a number, "row2" a name.
function scan(
  text: string,
  decimal: ',' | '.',
  number: (from: number, to: number, mark: number) => void,
  other: (at: number) => void,
): void {
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const prev = text[i - 1] ?? '';
    const startsNumber =
      !WORD.test(prev) &&
      prev !== '.' &&
      (DIGIT.test(ch) || (ch === decimal && DIGIT.test(text[i + 1] ?? '') && !DIGIT.test(prev)));
    if (!startsNumber) {
      other(i++);
      continue;
    }
    let j = i;
    while (DIGIT.test(text[j] ?? '')) j++;
    let mark = -1;
    if ((text[j] === decimal || text[j] === '.') && DIGIT.test(text[j + 1] ?? '')) {
      mark = j++;
      while (DIGIT.test(text[j] ?? '')) j++;
    } else if (text[j] === '.' && !WORD.test(text[j + 1] ?? '')) {
      // "2." is a number to the parser as well.
      mark = j++;
    }
    const exp = /^[eE][-+]?\d+/.exec(text.slice(j));
    if (exp) j += exp[0].length;
    number(i, j, mark);
    i = j;
  }
}

/**
 * Reads a formula as typed in a language into the stored form: in Vietnamese "," is the decimal mark inside a
 * number ("0,5" → "0.5") and ";" separates arguments; a decimal point keeps working in both languages, and a ","
 * that is not inside a number stays an argument separator (formulas written before, or in English).
 */
export function canonicalFormula(text: string, locale: Locale): string {
  let out = '';
  scan(
    text,
    locale === 'vi' ? ',' : '.',
    (from, to, mark) => {
      const literal = text.slice(from, to);
      out += mark < 0 ? literal : literal.slice(0, mark - from) + '.' + literal.slice(mark - from + 1);
    },
    (at) => {
      const ch = text[at]!;
      out += ch === ';' ? ',' : ch;
    },
  );
  return out;
}

/** Writes a stored formula the way a language types it: the inverse of canonicalFormula for that language. */
export function localFormula(text: string, locale: Locale): string {
  if (locale !== 'vi') return text;
  let out = '';
  scan(
    text,
    '.',
    (from, to, mark) => {
      const literal = text.slice(from, to);
      // "2." keeps its point: "2," would read as 2 and an argument separator.
      const decimals = DIGIT.test(text[mark + 1] ?? '');
      out += mark < 0 || !decimals ? literal : literal.slice(0, mark - from) + ',' + literal.slice(mark - from + 1);
    },
    (at) => {
      const ch = text[at]!;
      out += ch === ',' ? ';' : ch;
    },
  );
  return out;
}

const LOG_CALL = /(?<![\p{L}\p{N}_$.])log(?=\s*\()/gu;

/**
 * Rewrites a formula written when "log(x)" was the natural logarithm so that it keeps its numbers now that LOG
 * follows Excel (base 10): a one-argument "log(" becomes "ln("; "log(x, base)" meant the same then and now.
 */
export function upgradeLogCalls(text: string): string {
  if (!text.includes('log')) return text;
  return text.replace(LOG_CALL, (name: string, at: number) =>
    hasSecondArgument(text, text.indexOf('(', at)) ? name : 'ln',
  );
}

/** Whether a formula calls LOG or LN in any case: a link that holds one says which meaning of "log" it was made with. */
export function hasLogarithmCall(text: string): boolean {
  return /(?<![\p{L}\p{N}_$.])(?:log|ln)\s*\(/iu.test(text);
}

// Whether the call whose "(" is at open has a "," at its own bracket depth before its ")".
function hasSecondArgument(text: string, open: number): boolean {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      if (--depth === 0) return false;
    } else if (ch === ',' && depth === 1) return true;
  }
  return false;
}
