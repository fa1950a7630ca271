import type { MathNode } from 'mathjs';
import { calleeOf, excelOperators, type FunctionName } from './dialect';
import { parseMath } from './mathjs-parse';
import { cellError, ErrorCode, type CellError } from './types';

// The only mathjs we ship is its parser. Nothing is ever evaluated by mathjs; the AST is checked
// against a whitelist and compiled by compile.ts, so import, evaluate, units and the rest are unreachable.

/** Longest formula accepted, in characters. */
export const MAX_FORMULA_LENGTH = 1000;
/** Deepest bracket nesting accepted. */
export const MAX_NESTING = 32;
/** Deepest expression tree accepted (operators such as "----1" nest without brackets). */
export const MAX_DEPTH = 256;

/** Comparison operators, which mathjs lets a formula chain ("a < b < c"). */
export type CompareOp = 'equal' | 'unequal' | 'smaller' | 'larger' | 'smallerEq' | 'largerEq';

export { FUNCTIONS, type FunctionName } from './dialect';

/** Binary operators of the formula language. */
export type BinaryOp = 'add' | 'subtract' | 'multiply' | 'divide' | 'pow' | 'mod' | CompareOp | 'and' | 'or' | 'xor';

const COMPARE_OPS: readonly CompareOp[] = ['equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq'];
const COMPARE: ReadonlySet<string> = new Set(COMPARE_OPS);
const BINARY: ReadonlySet<string> = new Set<BinaryOp>([
  ...COMPARE_OPS,
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'mod',
  'and',
  'or',
  'xor',
]);

/** A checked formula expression, independent of mathjs. */
export type Expr =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'year' }
  | { readonly k: 'ref'; readonly name: string; readonly at?: Expr }
  | { readonly k: 'range'; readonly name: string; readonly from: Expr; readonly to: Expr }
  | { readonly k: 'op'; readonly op: BinaryOp; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'neg'; readonly a: Expr }
  | { readonly k: 'not'; readonly a: Expr }
  | { readonly k: 'if'; readonly c: Expr; readonly a: Expr; readonly b: Expr }
  /** A chain "a < b <= c": args[i] ops[i] args[i + 1] for every i, each argument evaluated once. */
  | { readonly k: 'cmp'; readonly ops: readonly CompareOp[]; readonly args: readonly Expr[] }
  /** A call of fn, written as name ("AVERAGE" for mean): errors name the function as the planner wrote it. */
  | { readonly k: 'call'; readonly fn: FunctionName; readonly name: string; readonly args: readonly Expr[] };

/** The name formulas use for the year of the cell being computed. */
export const YEAR_SYMBOL = 't';

class Rejected extends Error {
  constructor(readonly error: CellError) {
    super(error.key);
  }
}

/** Parses formula text (with or without the leading "=") into a checked expression or a cell error. */
export function parseFormula(text: string): Expr | CellError {
  // A filled row repeats one formula text in every year: parse it once. Results are immutable.
  let parsed = cache.get(text);
  if (parsed === undefined) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    parsed = parseUncached(text);
    cache.set(text, parsed);
  }
  return parsed;
}

const CACHE_SIZE = 5000;
const cache = new Map<string, Expr | CellError>();

function parseUncached(text: string): Expr | CellError {
  const body = text.startsWith('=') ? text.slice(1) : text;
  if (body.length > MAX_FORMULA_LENGTH) return cellError(ErrorCode.SYNTAX, 'tooLong', { max: MAX_FORMULA_LENGTH });
  if (body.trim() === '') return cellError(ErrorCode.SYNTAX, 'syntax');
  if (nestingDepth(body) > MAX_NESTING) return cellError(ErrorCode.SYNTAX, 'tooDeep', { max: MAX_NESTING });
  const excel = excelOperators(body);
  const source = rewritePercent(excel.text);
  if (source === undefined) return cellError(ErrorCode.SYNTAX, 'percentPlacement');
  // Each "%" adds a bracket level ("1%%%…"), so the rewritten text is checked again.
  if (nestingDepth(source) > MAX_NESTING) return cellError(ErrorCode.SYNTAX, 'tooDeep', { max: MAX_NESTING });
  let node: MathNode;
  try {
    node = parseMath(source);
  } catch (e) {
    return syntaxError(body, source === excel.text ? excel.origin : undefined, e);
  }
  try {
    return convert(node, 0);
  } catch (e) {
    if (e instanceof Rejected) return e.error;
    throw e;
  }
}

/** Whether a parse result is an error rather than an expression. */
export function isCellError<T extends object>(x: T | CellError): x is CellError {
  return 'code' in x && 'key' in x;
}

function nestingDepth(s: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of s) {
    if (ch === '(' || ch === '[' || ch === '{') max = Math.max(max, ++depth);
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return max;
}

const WORD = /[\p{L}\p{N}_$]/u;
const SPACE = /\s/;
// Words mathjs reads as binary operators; "5% mod 3" keeps them, "5% x" is refused.
const OPERATOR_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'xor', 'mod', 'to', 'in']);

// Planners write "1%" for one percentage point. mathjs reads "x + 1%" as x·1.01 and "5%+x" as a
// modulo, so each "%" is rewritten to "/100" on the operand just before it: a number, a name, a
// function call, an indexed name such as "grdp[t-1]" or a bracket. A "%" followed directly by an
// operand ("10 % 3") is refused: mathjs would read it as 10% × 3 where the planner meant a modulo.
function rewritePercent(s: string): string | undefined {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    if (operandFollows(s, i + 1)) return undefined;
    const trimmed = out.trimEnd();
    const start = operandStart(trimmed);
    if (start < 0) return undefined;
    out = trimmed.slice(0, start) + '(' + trimmed.slice(start) + '/100)';
  }
  return out;
}

function operandFollows(s: string, from: number): boolean {
  let i = from;
  while (i < s.length && SPACE.test(s[i]!)) i++;
  const ch = s[i];
  if (ch === undefined) return false;
  if (ch === '(' || ch === '[' || ch === '{' || ch === '.') return true;
  if (!WORD.test(ch)) return false;
  let end = i;
  while (end < s.length && WORD.test(s[end]!)) end++;
  return !OPERATOR_WORDS.has(s.slice(i, end));
}

// Start of the operand that ends s, or -1. Scans backwards so that each "%" costs one pass at most.
function operandStart(s: string): number {
  const last = s[s.length - 1];
  if (last === undefined) return -1;
  if (last === ')' || last === ']') {
    const open = matchingOpen(s);
    if (open < 0) return -1;
    // "sqrt(4)%" and "grdp[t]%" take the function or row name along with the bracket.
    let i = open;
    while (i > 0 && SPACE.test(s[i - 1]!)) i--;
    const name = wordStart(s, i);
    return name < i && !/^[\d.]/.test(s.slice(name, i)) && !OPERATOR_WORDS.has(s.slice(name, i)) ? name : open;
  }
  if (!WORD.test(last) && last !== '.') return -1;
  let start = wordStart(s, s.length);
  // An exponent sign splits a number in two: "1.5e-3" ends in "3" after a "-".
  const sign = s[start - 1];
  if ((sign === '-' || sign === '+') && /^\d/.test(s.slice(start))) {
    const mantissa = wordStart(s, start - 1);
    if (/^(?:\d+\.?\d*|\.\d+)[eE]$/.test(s.slice(mantissa, start - 1))) start = mantissa;
  }
  return start;
}

// Start of the run of name characters and dots that ends at end.
function wordStart(s: string, end: number): number {
  let i = end;
  while (i > 0 && (WORD.test(s[i - 1]!) || s[i - 1] === '.')) i--;
  return i;
}

// Index of the bracket that the closing bracket ending s opens, or -1.
function matchingOpen(s: string): number {
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const ch = s[i];
    if (ch === ')' || ch === ']' || ch === '}') depth++;
    else if ((ch === '(' || ch === '[' || ch === '{') && --depth === 0) return i;
  }
  return -1;
}

// mathjs explains in English; the cell gets our own message with the position where parsing stopped, in the text as
// typed (origin maps the parser's text back to it; without one, where a "%" was rewritten, no position is given).
function syntaxError(body: string, origin: readonly number[] | undefined, e: unknown): CellError {
  const at = typeof e === 'object' && e !== null && 'char' in e ? (e as { char: unknown }).char : undefined;
  if (typeof at !== 'number' || origin === undefined) return cellError(ErrorCode.SYNTAX, 'syntax');
  // mathjs counts from 1; past the end of the text stays past its end.
  const char = at >= 1 && at <= origin.length ? origin[at - 1]! + 1 : body.length + Math.max(1, at - origin.length);
  // "0,8" in a Vietnamese planner's formula: mathjs stops at the comma between two digits.
  if (body[char - 1] === ',' && /\d/.test(body[char - 2] ?? '') && /\d/.test(body[char] ?? '')) {
    return cellError(ErrorCode.SYNTAX, 'decimalComma', { at: char });
  }
  return cellError(ErrorCode.SYNTAX, 'syntaxAt', { at: char });
}

// Names for the syntax a formula may not use, translated by the UI ("what" in forbiddenSyntax).
const NODE_WORDS: Readonly<Record<string, string>> = {
  AssignmentNode: 'assignment',
  FunctionAssignmentNode: 'functionDefinition',
  BlockNode: 'statements',
  ArrayNode: 'matrix',
  IndexNode: 'matrix',
  ObjectNode: 'object',
  RangeNode: 'range',
  AccessorNode: 'property',
};

function forbidden(what: string): never {
  return reject(ErrorCode.SYNTAX, 'forbiddenSyntax', { what: NODE_WORDS[what] ?? what });
}

function reject(code: ErrorCode, key: CellError['key'], args?: Record<string, string | number>): never {
  throw new Rejected(cellError(code, key, args));
}

function convert(node: MathNode, depth: number): Expr {
  // Compiling and evaluating recurse as deep as the tree; the cap keeps them far from the stack limit.
  if (depth > MAX_DEPTH) reject(ErrorCode.SYNTAX, 'tooDeep', { max: MAX_DEPTH });
  const d = depth + 1;
  switch (node.type) {
    case 'ConstantNode': {
      const value: unknown = (node as MathNode & { value: unknown }).value;
      // "1e999", "Infinity" and "NaN" are constants to mathjs; a spreadsheet reads them as #NUM.
      if (typeof value === 'number')
        return Number.isFinite(value) ? { k: 'num', v: value } : reject(ErrorCode.NUM, 'notFinite');
      if (typeof value === 'boolean') return { k: 'num', v: value ? 1 : 0 };
      // A formula that is only a comment ("=# note") parses to an undefined constant.
      if (value === undefined) return reject(ErrorCode.SYNTAX, 'syntax');
      return forbidden(typeof value === 'string' ? 'text' : String(value));
    }
    case 'SymbolNode': {
      const name = (node as MathNode & { name: string }).name;
      return name === YEAR_SYMBOL ? { k: 'year' } : { k: 'ref', name };
    }
    case 'ParenthesisNode':
      return convert((node as MathNode & { content: MathNode }).content, d);
    case 'AccessorNode':
      return convertAccessor(node as AccessorLike, d);
    case 'OperatorNode':
      return convertOperator(node as MathNode & { fn: string; op: string; args: MathNode[] }, d);
    case 'ConditionalNode': {
      const c = node as MathNode & { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
      return { k: 'if', c: convert(c.condition, d), a: convert(c.trueExpr, d), b: convert(c.falseExpr, d) };
    }
    case 'RelationalNode': {
      // Kept as one chain: rewriting "a < b < c" as (a < b) and (b < c) evaluates b twice, and nested
      // chains then cost 2^depth evaluations.
      const r = node as MathNode & { conditionals: string[]; params: MathNode[] };
      for (const fn of r.conditionals) if (!COMPARE.has(fn)) forbidden(fn);
      if (r.conditionals.length === 0 || r.params.length !== r.conditionals.length + 1)
        reject(ErrorCode.SYNTAX, 'syntax');
      return { k: 'cmp', ops: r.conditionals as CompareOp[], args: r.params.map((p) => convert(p, d)) };
    }
    case 'FunctionNode': {
      const f = node as MathNode & { fn: MathNode & { name?: string }; args: MathNode[] };
      const name = f.fn.type === 'SymbolNode' ? f.fn.name! : '';
      const callee = calleeOf(name);
      if (callee === undefined) return reject(ErrorCode.NAME, 'forbiddenFunction', { name: name || f.fn.type });
      const args = f.args.map((a) => convert(a, d));
      // IF and NOT are forms of the language, not functions: IF evaluates only the branch it takes.
      if (callee === 'if') {
        if (args.length < 2 || args.length > 3) reject(ErrorCode.VALUE, 'badArguments', { name });
        return { k: 'if', c: args[0]!, a: args[1]!, b: args[2] ?? { k: 'num', v: 0 } };
      }
      if (callee === 'not') {
        if (args.length !== 1) reject(ErrorCode.VALUE, 'badArguments', { name });
        return { k: 'not', a: args[0]! };
      }
      return { k: 'call', fn: callee, name, args };
    }
    default:
      return forbidden(node.type);
  }
}

type AccessorLike = MathNode & {
  object: MathNode;
  index: MathNode & { dimensions: MathNode[]; dotNotation: boolean };
};

// "manufacturing.growth[t-1]": dotted names joined into one row name, then at most one year index.
function qualifiedName(node: MathNode): string {
  if (node.type === 'SymbolNode') return (node as MathNode & { name: string }).name;
  if (node.type === 'AccessorNode') {
    const a = node as AccessorLike;
    const prop = a.index.dimensions[0] as (MathNode & { value?: unknown }) | undefined;
    if (a.index.dotNotation && prop && typeof prop.value === 'string')
      return qualifiedName(a.object) + '.' + prop.value;
  }
  return forbidden(node.type);
}

function convertAccessor(node: AccessorLike, depth: number): Expr {
  if (node.index.dotNotation) return { k: 'ref', name: qualifiedName(node) };
  const name = qualifiedName(node.object);
  if (node.index.dimensions.length !== 1) forbidden('matrix');
  const dim = node.index.dimensions[0]!;
  if (dim.type === 'RangeNode') {
    const r = dim as MathNode & { start: MathNode; end: MathNode; step: MathNode | null };
    if (r.step) forbidden('step');
    return { k: 'range', name, from: convert(r.start, depth), to: convert(r.end, depth) };
  }
  return { k: 'ref', name, at: convert(dim, depth) };
}

function convertOperator(node: MathNode & { fn: string; op: string; args: MathNode[] }, depth: number): Expr {
  const args = node.args.map((a) => convert(a, depth));
  if (args.length === 1) {
    if (node.fn === 'unaryMinus') return { k: 'neg', a: args[0]! };
    if (node.fn === 'unaryPlus') return args[0]!;
    if (node.fn === 'not') return { k: 'not', a: args[0]! };
  }
  if (args.length === 2 && BINARY.has(node.fn)) return { k: 'op', op: node.fn as BinaryOp, a: args[0]!, b: args[1]! };
  return forbidden(node.op);
}
