import { create, parseDependencies, type MathNode } from 'mathjs';
import { cellError, ErrorCode, type CellError } from './types';

// The only mathjs we ship: its parser. Nothing is ever evaluated by mathjs; the AST is checked
// against a whitelist and compiled by compile.ts, so import, evaluate, units and the rest are unreachable.
const math = create({ parseDependencies: parseDependencies! });

/** Longest formula accepted, in characters. */
export const MAX_FORMULA_LENGTH = 1000;
/** Deepest bracket nesting accepted. */
export const MAX_NESTING = 32;

/** Binary operators of the formula language. */
export type BinaryOp =
  | 'add'
  | 'subtract'
  | 'multiply'
  | 'divide'
  | 'pow'
  | 'mod'
  | 'equal'
  | 'unequal'
  | 'smaller'
  | 'larger'
  | 'smallerEq'
  | 'largerEq'
  | 'and'
  | 'or'
  | 'xor';

/** Functions a formula may call. */
export const FUNCTIONS = [
  'abs',
  'ceil',
  'floor',
  'round',
  'sqrt',
  'exp',
  'log',
  'log10',
  'pow',
  'sign',
  'min',
  'max',
  'sum',
  'mean',
  'median',
] as const;

/** Name of an allowed function. */
export type FunctionName = (typeof FUNCTIONS)[number];

const FUNCTION_SET: ReadonlySet<string> = new Set(FUNCTIONS);
const BINARY: ReadonlySet<string> = new Set<BinaryOp>([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'mod',
  'equal',
  'unequal',
  'smaller',
  'larger',
  'smallerEq',
  'largerEq',
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
  | { readonly k: 'call'; readonly fn: FunctionName; readonly args: readonly Expr[] };

/** The name formulas use for the year of the cell being computed. */
export const YEAR_SYMBOL = 't';

class Rejected extends Error {
  constructor(readonly error: CellError) {
    super(error.key);
  }
}

/** Parses formula text (with or without the leading "=") into a checked expression or a cell error. */
export function parseFormula(text: string): Expr | CellError {
  const body = text.startsWith('=') ? text.slice(1) : text;
  if (body.length > MAX_FORMULA_LENGTH) return cellError(ErrorCode.SYNTAX, 'tooLong', { max: MAX_FORMULA_LENGTH });
  if (body.trim() === '') return cellError(ErrorCode.SYNTAX, 'syntax', { detail: '' });
  if (nestingDepth(body) > MAX_NESTING) return cellError(ErrorCode.SYNTAX, 'tooDeep', { max: MAX_NESTING });
  const source = rewritePercent(body);
  if (source === undefined) return cellError(ErrorCode.SYNTAX, 'syntax', { detail: '%' });
  let node: MathNode;
  try {
    node = math.parse(source);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return cellError(ErrorCode.SYNTAX, 'syntax', { detail });
  }
  try {
    return convert(node);
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

const NUMBER_TAIL = /(?<![\w.])(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

// Planners write "1%" for one percentage point. mathjs reads "x + 1%" as x·1.01 and "5%+x" as a
// modulo, so each "%" is rewritten to "/100" on the number or bracket just before it.
function rewritePercent(s: string): string | undefined {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const trimmed = out.trimEnd();
    const num = NUMBER_TAIL.exec(trimmed);
    let start: number;
    if (num) start = num.index;
    else if (trimmed.endsWith(')')) {
      start = matchingOpen(trimmed);
      if (start < 0) return undefined;
    } else return undefined;
    out = trimmed.slice(0, start) + '(' + trimmed.slice(start) + '/100)';
  }
  return out;
}

function matchingOpen(s: string): number {
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === ')') depth++;
    else if (s[i] === '(' && --depth === 0) return i;
  }
  return -1;
}

function reject(code: ErrorCode, key: CellError['key'], args?: Record<string, string | number>): never {
  throw new Rejected(cellError(code, key, args));
}

function convert(node: MathNode): Expr {
  switch (node.type) {
    case 'ConstantNode': {
      const value: unknown = (node as MathNode & { value: unknown }).value;
      if (typeof value === 'number') return { k: 'num', v: value };
      if (typeof value === 'boolean') return { k: 'num', v: value ? 1 : 0 };
      return reject(ErrorCode.SYNTAX, 'forbiddenSyntax', { what: typeof value === 'string' ? 'text' : String(value) });
    }
    case 'SymbolNode': {
      const name = (node as MathNode & { name: string }).name;
      return name === YEAR_SYMBOL ? { k: 'year' } : { k: 'ref', name };
    }
    case 'ParenthesisNode':
      return convert((node as MathNode & { content: MathNode }).content);
    case 'AccessorNode':
      return convertAccessor(node as AccessorLike);
    case 'OperatorNode':
      return convertOperator(node as MathNode & { fn: string; op: string; args: MathNode[] });
    case 'ConditionalNode': {
      const c = node as MathNode & { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
      return { k: 'if', c: convert(c.condition), a: convert(c.trueExpr), b: convert(c.falseExpr) };
    }
    case 'RelationalNode': {
      const r = node as MathNode & { conditionals: string[]; params: MathNode[] };
      const params = r.params.map(convert);
      let expr: Expr | undefined;
      r.conditionals.forEach((fn, i) => {
        if (!BINARY.has(fn)) reject(ErrorCode.SYNTAX, 'forbiddenSyntax', { what: fn });
        const cmp: Expr = { k: 'op', op: fn as BinaryOp, a: params[i]!, b: params[i + 1]! };
        expr = expr ? { k: 'op', op: 'and', a: expr, b: cmp } : cmp;
      });
      return expr ?? reject(ErrorCode.SYNTAX, 'syntax', { detail: '' });
    }
    case 'FunctionNode': {
      const f = node as MathNode & { fn: MathNode & { name?: string }; args: MathNode[] };
      const name = f.fn.type === 'SymbolNode' ? f.fn.name! : '';
      if (!FUNCTION_SET.has(name)) reject(ErrorCode.NAME, 'forbiddenFunction', { name: name || f.fn.type });
      return { k: 'call', fn: name as FunctionName, args: f.args.map(convert) };
    }
    default:
      return reject(ErrorCode.SYNTAX, 'forbiddenSyntax', { what: node.type });
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
  return reject(ErrorCode.SYNTAX, 'forbiddenSyntax', { what: node.type });
}

function convertAccessor(node: AccessorLike): Expr {
  if (node.index.dotNotation) return { k: 'ref', name: qualifiedName(node) };
  const name = qualifiedName(node.object);
  if (node.index.dimensions.length !== 1) reject(ErrorCode.SYNTAX, 'forbiddenSyntax', { what: 'matrix' });
  const dim = node.index.dimensions[0]!;
  if (dim.type === 'RangeNode') {
    const r = dim as MathNode & { start: MathNode; end: MathNode; step: MathNode | null };
    if (r.step) reject(ErrorCode.SYNTAX, 'forbiddenSyntax', { what: 'step' });
    return { k: 'range', name, from: convert(r.start), to: convert(r.end) };
  }
  return { k: 'ref', name, at: convert(dim) };
}

function convertOperator(node: MathNode & { fn: string; op: string; args: MathNode[] }): Expr {
  const args = node.args.map(convert);
  if (args.length === 1) {
    if (node.fn === 'unaryMinus') return { k: 'neg', a: args[0]! };
    if (node.fn === 'unaryPlus') return args[0]!;
    if (node.fn === 'not') return { k: 'not', a: args[0]! };
  }
  if (args.length === 2 && BINARY.has(node.fn)) return { k: 'op', op: node.fn as BinaryOp, a: args[0]!, b: args[1]! };
  return reject(ErrorCode.SYNTAX, 'forbiddenSyntax', { what: node.op });
}
