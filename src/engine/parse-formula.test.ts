import { describe, expect, it } from 'vitest';
import { isCellError, MAX_DEPTH, MAX_FORMULA_LENGTH, MAX_NESTING, parseFormula, type Expr } from './parse-formula';
import { ErrorCode, type CellError } from './types';

function expr(text: string): Expr {
  const result = parseFormula(text);
  if (isCellError(result)) throw new Error(`${text}: ${result.code} ${result.key} ${JSON.stringify(result.args)}`);
  return result;
}

function error(text: string): CellError {
  const result = parseFormula(text);
  if (!isCellError(result)) throw new Error(`${text} parsed as ${JSON.stringify(result)}`);
  return result;
}

// Evaluates an expression without rows, so that tests can state what a formula means as a number.
function value(text: string, t = 2026): number {
  const run = (e: Expr): number => {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'year':
        return t;
      case 'neg':
        return -run(e.a);
      case 'not':
        return run(e.a) ? 0 : 1;
      case 'if':
        return run(e.c) ? run(e.a) : run(e.b);
      case 'op': {
        const a = run(e.a);
        const b = run(e.b);
        const ops: Record<string, number> = {
          add: a + b,
          subtract: a - b,
          multiply: a * b,
          divide: a / b,
          pow: a ** b,
          mod: a % b,
          equal: +(a === b),
          unequal: +(a !== b),
          smaller: +(a < b),
          larger: +(a > b),
          smallerEq: +(a <= b),
          largerEq: +(a >= b),
          and: +(!!a && !!b),
          or: +(!!a || !!b),
          xor: +(!!a !== !!b),
        };
        return ops[e.op]!;
      }
      default:
        throw new Error(`cannot evaluate ${e.k} without rows`);
    }
  };
  return run(expr(text));
}

const ref = (name: string, at?: Expr): Expr => (at ? { k: 'ref', name, at } : { k: 'ref', name });
const num = (v: number): Expr => ({ k: 'num', v });
const op = (o: Extract<Expr, { k: 'op' }>['op'], a: Expr, b: Expr): Expr => ({ k: 'op', op: o, a, b });
const YEAR: Expr = { k: 'year' };

describe('the restricted mathjs instance', () => {
  const forbidden = [
    'import({}, {})',
    'createUnit("foo")',
    'evaluate("1+1")',
    'parse("1")',
    'simplify("x+x")',
    'derivative("x^2", "x")',
    'resolve(x)',
    'compile("1")',
    'help(sqrt)',
    'chain(3)',
    'typed("f", {})',
    'config({number: "BigNumber"})',
    'reviver()',
    'matrix([1, 2])',
    'unit("5 cm")',
    'string(1)',
    'print("$a", {a: 1})',
    'format(1)',
    'sin(1)',
    'f(x)',
    'constructor(1)',
    '__proto__(1)',
  ];
  it.each(forbidden)('refuses %s as #NAME?', (text) => {
    const e = error(`=${text}`);
    expect(e.code).toBe(ErrorCode.NAME);
    expect(e.key).toBe('forbiddenFunction');
    expect(e.args?.name).toBe(text.slice(0, text.indexOf('(')));
  });

  it('refuses a function reached through a property ("math.evaluate(1)")', () => {
    expect(error('=math.evaluate(1)').code).toBe(ErrorCode.NAME);
  });

  const refusedSyntax: [string, string][] = [
    ['[1,2]', 'matrix'],
    ['"abc"', 'string'],
    ["'abc'", 'string'],
    ['"a" + 1', 'string in a sum'],
    ['1; 2', 'block'],
    ['1\n2', 'block on two lines'],
    ['{a: 1}', 'object'],
    ['x["a"]', 'property by string'],
    ['x[1, 2]', 'two indices'],
    ['x[1:2:3]', 'range with a step'],
    ['x[t][t]', 'double index'],
    ['1:2', 'range outside an index'],
    ['5!', 'factorial'],
    ["x'", 'transpose'],
    ['1 & 2', 'bitwise and'],
    ['1 | 2', 'bitwise or'],
    ['~1', 'bitwise not'],
    ['1 << 2', 'shift'],
    ['5 cm to inch', 'unit conversion'],
    ['x in y', 'in'],
    ['null', 'null'],
    ['undefined', 'undefined'],
    ['a ? b', 'half a ternary'],
    ['1 +', 'dangling operator'],
    ['(1', 'unbalanced bracket'],
    ['1)', 'unbalanced bracket'],
    ['', 'empty formula'],
    ['   ', 'blank formula'],
    ['#', 'comment only'],
  ];
  it.each(refusedSyntax)('returns #SYNTAX for %j (%s) without throwing', (text, _what) => {
    expect(() => parseFormula(`=${text}`)).not.toThrow();
    expect(error(`=${text}`).code).toBe(ErrorCode.SYNTAX);
  });

  it('reads "5 cm" as 5 × a row named cm, which compiles to #NAME?', () => {
    expect(expr('=5 cm')).toEqual(op('multiply', num(5), ref('cm')));
  });

  it('reads "1e999", "Infinity" and "NaN" as #NUM rather than as numbers', () => {
    for (const text of ['=1e999', '=Infinity', '=-Infinity', '=NaN', '=x[t] + 1e999']) {
      expect(error(text).code).toBe(ErrorCode.NUM);
    }
  });

  it('reads true and false as 1 and 0', () => {
    expect(value('=true + true + false')).toBe(2);
  });
});

describe('limits', () => {
  it(`accepts ${MAX_FORMULA_LENGTH} characters after "=" and refuses one more as #SYNTAX`, () => {
    const longest = '1 + 2'.padEnd(MAX_FORMULA_LENGTH, ' ');
    expect(value(`=${longest}`)).toBe(3);
    const e = error(`=${longest} `);
    expect(e).toEqual({ code: ErrorCode.SYNTAX, key: 'tooLong', args: { max: MAX_FORMULA_LENGTH } });
  });

  it('refuses a formula of a million characters by its length, before parsing it', () => {
    expect(error('=' + '1+'.repeat(500_000) + '1').key).toBe('tooLong');
    expect(error('=' + '('.repeat(1_000_000)).key).toBe('tooLong');
  });

  it(`accepts ${MAX_NESTING} nested brackets and refuses ${MAX_NESTING + 1} as #SYNTAX`, () => {
    const nested = (n: number): string => '('.repeat(n) + '1' + ')'.repeat(n);
    expect(value(`=${nested(MAX_NESTING)}`)).toBe(1);
    expect(error(`=${nested(MAX_NESTING + 1)}`)).toEqual({
      code: ErrorCode.SYNTAX,
      key: 'tooDeep',
      args: { max: MAX_NESTING },
    });
  });

  it('counts square and curly brackets towards the nesting cap', () => {
    expect(error(`=${'x['.repeat(MAX_NESTING + 1)}t${']'.repeat(MAX_NESTING + 1)}`).key).toBe('tooDeep');
    expect(error(`=${'{'.repeat(MAX_NESTING + 1)}`).key).toBe('tooDeep');
  });

  it('counts the brackets that percent signs add ("1%%%…")', () => {
    expect(value('=100%%')).toBeCloseTo(0.01, 15);
    expect(error(`=1${'%'.repeat(MAX_NESTING + 1)}`).key).toBe('tooDeep');
    expect(error(`=1${'%'.repeat(MAX_FORMULA_LENGTH - 1)}`).key).toBe('tooDeep');
  });

  it('refuses operator chains deeper than MAX_DEPTH without brackets', () => {
    expect(value(`=${'-'.repeat(MAX_DEPTH - 1)}1`)).toBe(-1);
    expect(error(`=${'-'.repeat(MAX_DEPTH + 1)}1`).code).toBe(ErrorCode.SYNTAX);
    expect(error(`=${'-'.repeat(MAX_FORMULA_LENGTH - 1)}1`).code).toBe(ErrorCode.SYNTAX);
  });
});

describe('percent signs', () => {
  it('reads "x + 1%" as x + 0.01, not as mathjs’s x × 1.01', () => {
    expect(expr('=x + 1%')).toEqual(op('add', ref('x'), op('divide', num(1), num(100))));
    expect(value('=10 + 1%')).toBeCloseTo(10.01, 12);
  });

  it('reads "5%+x" as 0.05 + x, not as a modulo', () => {
    expect(expr('=5%+x')).toEqual(op('add', op('divide', num(5), num(100)), ref('x')));
  });

  it('applies a percent sign to a whole bracket: "(1+2)%" is 0.03', () => {
    expect(value('=(1+2)%')).toBeCloseTo(0.03, 15);
    expect(value('=((1+2)*2)%')).toBeCloseTo(0.06, 15);
  });

  it('binds a percent sign tighter than division: "1/2%" is 1 / 0.02 = 50', () => {
    expect(value('=1/2%')).toBeCloseTo(50, 12);
  });

  it('applies a percent sign to a function call, not to its argument: "sqrt(4)%" is 0.02', () => {
    expect(expr('=sqrt(4)%')).toEqual(op('divide', { k: 'call', fn: 'sqrt', name: 'sqrt', args: [num(4)] }, num(100)));
    expect(expr('=max (1, 2)%')).toEqual(
      op('divide', { k: 'call', fn: 'max', name: 'max', args: [num(1), num(2)] }, num(100)),
    );
  });

  it('applies a percent sign to a row reference, with or without a year', () => {
    expect(expr('=icor%')).toEqual(op('divide', ref('icor'), num(100)));
    expect(expr('=manufacturing.growth[t-1]%')).toEqual(
      op('divide', ref('manufacturing.growth', op('subtract', YEAR, num(1))), num(100)),
    );
  });

  it('applies a percent sign to a whole number literal, including decimals and exponents', () => {
    expect(value('=12.5%')).toBeCloseTo(0.125, 15);
    expect(value('=.5%')).toBeCloseTo(0.005, 15);
    expect(value('=1.5e2%')).toBeCloseTo(1.5, 15);
    expect(value('=1e-2%')).toBeCloseTo(0.0001, 15);
    expect(value('=2 - 1e-2%')).toBeCloseTo(1.9999, 15);
    expect(value('=50 %')).toBeCloseTo(0.5, 15);
  });

  it('applies a percent sign after a minus to the number only: "-5%" is -0.05', () => {
    expect(value('=-5%')).toBeCloseTo(-0.05, 15);
    expect(value('=3-5%')).toBeCloseTo(2.95, 15);
  });

  it('reads "1%%" as a hundredth of a percent, like Excel', () => {
    expect(value('=1%%')).toBeCloseTo(0.0001, 15);
  });

  it('keeps operator words after a percent sign: "5% mod 3", "x > 5% and y"', () => {
    expect(expr('=5% mod 3')).toEqual(op('mod', op('divide', num(5), num(100)), num(3)));
    expect(expr('=x > 5% and y')).toEqual(op('and', op('larger', ref('x'), op('divide', num(5), num(100))), ref('y')));
  });

  it.each(['10 % 3', 'x % 3', '5%x', '5% (1)', '5%2', '%', '(%)', '1 + %', '"a"%', 'x % y'])(
    'refuses %j as #SYNTAX instead of guessing a modulo or a product',
    (text) => {
      expect(error(`=${text}`)).toEqual({ code: ErrorCode.SYNTAX, key: 'percentPlacement' });
    },
  );
});

describe('the formula language', () => {
  it('reads the leading "=" as optional', () => {
    expect(expr('=1 + 2')).toEqual(expr('1 + 2'));
  });

  it('follows the usual precedence', () => {
    expect(value('=1 + 2 * 3 ^ 2')).toBe(19);
    expect(value('=-2 ^ 2')).toBe(-4);
    expect(value('=2 ^ 3 ^ 2')).toBe(512);
    expect(value('=(1 + 2) * 3')).toBe(9);
    expect(value('=7 mod 4')).toBe(3);
  });

  it('reads implicit multiplication ("2t")', () => {
    expect(value('=2t', 2030)).toBe(4060);
  });

  it('reads comparisons as 1 or 0', () => {
    expect(value('=1 < 2')).toBe(1);
    expect(value('=2 <= 1')).toBe(0);
    expect(value('=2 >= 2')).toBe(1);
    expect(value('=1 == 1')).toBe(1);
    expect(value('=1 != 1')).toBe(0);
    expect(value('=3 > 2 and not 0')).toBe(1);
    expect(value('=0 or 0 xor 1')).toBe(1);
  });

  it('keeps a comparison chain as one node so that each operand is read once', () => {
    expect(expr('=a < b <= c')).toEqual({
      k: 'cmp',
      ops: ['smaller', 'smallerEq'],
      args: [ref('a'), ref('b'), ref('c')],
    });
  });

  it('reads the ternary "c ? a : b", nested to the right', () => {
    expect(expr('=t > 2025 ? 1 : 2')).toEqual({ k: 'if', c: op('larger', YEAR, num(2025)), a: num(1), b: num(2) });
    expect(value('=t < 2025 ? 1 : t < 2028 ? 2 : 3', 2026)).toBe(2);
  });

  it('reads t as the year of the cell', () => {
    expect(expr('=t')).toEqual(YEAR);
  });

  it('joins dotted names into one row name: manufacturing.growth[t-1]', () => {
    expect(expr('=manufacturing.growth[t-1]')).toEqual(ref('manufacturing.growth', op('subtract', YEAR, num(1))));
    expect(expr('=manufacturing.share')).toEqual(ref('manufacturing.share'));
    expect(expr('=grdp[2024]')).toEqual(ref('grdp', num(2024)));
  });

  it('reads a year range inside brackets: grdp[2024:2030]', () => {
    expect(expr('=sum(grdp[2024:2030])')).toEqual({
      k: 'call',
      fn: 'sum',
      name: 'sum',
      args: [{ k: 'range', name: 'grdp', from: num(2024), to: num(2030) }],
    });
    expect(expr('=grdp[t-2:t]')).toEqual({
      k: 'range',
      name: 'grdp',
      from: op('subtract', YEAR, num(2)),
      to: YEAR,
    });
  });

  it('reads a dynamic year index', () => {
    expect(expr('=x[round(t/2)]')).toEqual(
      ref('x', { k: 'call', fn: 'round', name: 'round', args: [op('divide', YEAR, num(2))] }),
    );
  });

  it('reads every allowed function', () => {
    expect(expr('=abs(ceil(floor(round(sqrt(exp(log(log10(pow(sign(1), 2)))))))))')).toMatchObject({ k: 'call' });
    expect(expr('=min(1) + max(1) + sum(1) + mean(1) + median(1)')).toMatchObject({ k: 'op' });
  });
});

describe('parse cache', () => {
  it('parses a repeated formula text once and returns the same result', () => {
    const a = parseFormula('=icor * (grdp[t] - grdp[t-1])');
    expect(parseFormula('=icor * (grdp[t] - grdp[t-1])')).toBe(a);
    expect(parseFormula('=icor * (grdp[t] - grdp[t-2])')).not.toBe(a);
  });

  it('caches errors as well as expressions', () => {
    const e = parseFormula('=1 +');
    expect(isCellError(e)).toBe(true);
    expect(parseFormula('=1 +')).toBe(e);
  });
});

describe('syntax messages a planner can act on', () => {
  it('points at the character where parsing stopped', () => {
    expect(parseFormula('=1 +')).toEqual({ code: ErrorCode.SYNTAX, key: 'syntaxAt', args: { at: 4 } });
  });

  it('tells a Vietnamese decimal comma apart from an argument separator', () => {
    expect(parseFormula('=x * 0,8')).toEqual({ code: ErrorCode.SYNTAX, key: 'decimalComma', args: { at: 6 } });
    expect(isCellError(parseFormula('=max(1,8)'))).toBe(false);
  });

  it.each([
    ['=1; 2', 'statements'],
    ['=[1, 2]', 'matrix'],
    ['={a: 1}', 'object'],
    ['="abc"', 'text'],
  ])('names what %s uses in words, not mathjs node types', (formula, what) => {
    expect(parseFormula(formula)).toEqual({ code: ErrorCode.SYNTAX, key: 'forbiddenSyntax', args: { what } });
  });
});
