import { describe, expect, it } from 'vitest';
import { compileExpr, type CompileEnv, type Compiled, type Dep, type Sink, type Slot } from './compile';
import { isCellError, parseFormula } from './parse-formula';
import { cellError, ErrorCode, type CellError } from './types';

const BASE = 2020;
const LENGTH = 6; // 2020…2025

// x: 1, 2, 4, 8, 16, 32; y: 10 … 60 with a #DIV/0 in 2022; z: all zeros.
function env(): CompileEnv & { slots: Map<string, Slot> } {
  const slots = new Map<string, Slot>();
  const add = (name: string, values: number[], errors: (CellError | null)[] = []): void => {
    slots.set(name, {
      index: slots.size,
      values: Float64Array.from(values),
      errors: Array.from({ length: LENGTH }, (_, i) => errors[i] ?? null),
    });
  };
  add('x', [1, 2, 4, 8, 16, 32]);
  add('y', [10, 20, NaN, 40, 50, 60], [null, null, cellError(ErrorCode.DIV0, 'divByZero')]);
  add('z', [0, 0, 0, 0, 0, 0]);
  add('manufacturing.growth', [0.1, 0.2, 0.2, 0.2, 0.2, 0.2]);
  return { baseYear: BASE, length: LENGTH, resolve: (name) => slots.get(name), slots };
}

function compile(formula: string, sink: Sink = { err: null }): Compiled | CellError {
  const expr = parseFormula(formula);
  return isCellError(expr) ? expr : compileExpr(expr, env(), sink);
}

// The value or error of a formula in one year, as a model cell would show it.
function evaluate(formula: string, year = 2023): number | CellError {
  const sink: Sink = { err: null };
  const compiled = compile(formula, sink);
  if (isCellError(compiled)) return compiled;
  const value = compiled.fn(year - BASE);
  return sink.err ?? value;
}

function code(formula: string, year = 2023): string | undefined {
  const result = evaluate(formula, year);
  return typeof result === 'number' ? undefined : result.code;
}

function deps(formula: string): readonly Dep[] {
  const compiled = compile(formula);
  if (isCellError(compiled)) throw new Error(`${formula}: ${compiled.code}`);
  return compiled.deps;
}

const X = 0;
const Y = 1;

describe('values', () => {
  it.each([
    ['=x', 2023, 8],
    ['=x[t-1]', 2023, 4],
    ['=x[2020] + x[2025]', 2023, 33],
    ['=t', 2024, 2024],
    ['=-x + 1', 2021, -1],
    ['=x ^ 2', 2022, 16],
    ['=7 mod 3', 2023, 1],
    ['=-7 mod 3', 2023, 2],
    ['=7 mod -3', 2023, -2],
    ['=manufacturing.growth[t-1] + 1%', 2021, 0.11],
    ['=abs(-3) + ceil(1.2) + floor(1.8) + sign(-5)', 2023, 5],
    ['=sqrt(16) + exp(0) + log(1) + log10(1000)', 2023, 8],
    ['=pow(2, 10)', 2023, 1024],
    ['=log(8, 2) + log(1000, 10)', 2023, 6],
    ['=log(81, 3)', 2023, 4],
  ])('evaluates %s in %i to %d', (formula, year, expected) => {
    expect(evaluate(formula, year)).toBeCloseTo(expected, 12);
  });

  it('computes log(1000, 10) as exactly 3', () => {
    expect(evaluate('=log(1000, 10)')).toBe(3);
    expect(evaluate('=log(1024, 2)')).toBe(10);
  });

  it('rounds half away from zero like Excel and mathjs', () => {
    expect(evaluate('=round(2.5)')).toBe(3);
    expect(evaluate('=round(-2.5)')).toBe(-3);
    expect(evaluate('=round(1.005, 2)')).toBe(1.01);
    expect(evaluate('=round(2.675, 2)')).toBe(2.68);
    expect(evaluate('=round(-1.005, 2)')).toBe(-1.01);
    expect(evaluate('=round(1234.5678, -2)')).toBe(1200);
    expect(evaluate('=round(2.46, 1)')).toBe(2.5);
    expect(evaluate('=round(0.1 + 0.2, 10)')).toBe(0.3);
  });

  it('drops the fraction of round’s digit count like Excel and keeps huge digit counts harmless', () => {
    expect(evaluate('=round(2.567, 1.9)')).toBe(2.6);
    expect(evaluate('=round(1.5, 400)')).toBe(1.5);
    expect(evaluate('=round(123, -400)')).toBe(0);
    expect(evaluate('=round(1e300, 2)')).toBe(1e300);
  });

  it('reads comparisons, logic and chains as 1 or 0', () => {
    expect(evaluate('=x > 4 and x < 10')).toBe(1);
    expect(evaluate('=x[2020] < x[2021] < x[2022]')).toBe(1);
    expect(evaluate('=1 < 3 < 2')).toBe(0);
    expect(evaluate('=2 == 2 != 0')).toBe(1);
    expect(evaluate('=not x')).toBe(0);
    expect(evaluate('=z or 0')).toBe(0);
    expect(evaluate('=1 xor 1')).toBe(0);
  });
});

describe('error values', () => {
  it('gives #DIV/0 for division and modulo by zero', () => {
    expect(evaluate('=1 / 0')).toEqual({ code: ErrorCode.DIV0, key: 'divByZero' });
    expect(code('=x / z')).toBe(ErrorCode.DIV0);
    expect(code('=0 / 0')).toBe(ErrorCode.DIV0);
    expect(code('=5 mod 0')).toBe(ErrorCode.DIV0);
    expect(code('=log(5, 1)')).toBe(ErrorCode.DIV0);
  });

  it('gives #REF for a year outside the columns', () => {
    expect(evaluate('=x[2019]')).toEqual({ code: ErrorCode.REF, key: 'yearOutOfRange', args: { year: 2019 } });
    expect(code('=x[2026]')).toBe(ErrorCode.REF);
    expect(code('=x[t-1]', 2020)).toBe(ErrorCode.REF);
    expect(code('=x[t+1]', 2025)).toBe(ErrorCode.REF);
    expect(code('=sum(x[2019:2021])')).toBe(ErrorCode.REF);
  });

  it('gives #REF for a year that is not a whole number', () => {
    expect(evaluate('=x[2020.5]')).toEqual({ code: ErrorCode.REF, key: 'yearOutOfRange', args: { year: 2020.5 } });
    expect(code('=x[t/2]')).toBe(ErrorCode.REF);
  });

  it('gives #NAME? for an unknown row, at compile time', () => {
    expect(compile('=nope + 1')).toEqual({ code: ErrorCode.NAME, key: 'unknownName', args: { name: 'nope' } });
    expect(code('=5 cm')).toBe(ErrorCode.NAME);
    expect(code('=x.growth')).toBe(ErrorCode.NAME);
    expect(code('=sum(nope[2020:2021])')).toBe(ErrorCode.NAME);
    expect(code('=t[2020]')).toBe(ErrorCode.NAME);
  });

  it('gives #NAME? for an unknown row even in a branch that is never taken', () => {
    expect(code('=1 ? 2 : nope')).toBe(ErrorCode.NAME);
  });

  it.each(['=abs()', '=abs(1, 2)', '=sqrt(1, 2)', '=pow(2)', '=pow(1, 2, 3)', '=round(1, 2, 3)', '=log()', '=sum()'])(
    'gives #VALUE for the wrong number of arguments in %s',
    (formula) => {
      const result = compile(formula);
      expect(result).toMatchObject({ code: ErrorCode.VALUE, key: 'badArguments' });
    },
  );

  it('gives #VALUE for a range outside an aggregate', () => {
    expect(compile('=x[2020:2022]')).toEqual({
      code: ErrorCode.VALUE,
      key: 'rangeOutsideAggregate',
      args: { name: 'x' },
    });
    expect(code('=sum(x[2020:2022] + 1)')).toBe(ErrorCode.VALUE);
    expect(code('=abs(x[2020:2022])')).toBe(ErrorCode.VALUE);
  });

  it('gives #VALUE for an aggregate over an empty range', () => {
    expect(evaluate('=sum(x[2022:2021])')).toEqual({
      code: ErrorCode.VALUE,
      key: 'badArguments',
      args: { name: 'sum' },
    });
  });

  it('propagates the error of a referenced cell, keeping its code', () => {
    expect(evaluate('=y[2022] + 1')).toEqual({ code: ErrorCode.DIV0, key: 'divByZero' });
    expect(code('=y', 2022)).toBe(ErrorCode.DIV0);
    expect(code('=y[t-1] * 2', 2023)).toBe(ErrorCode.DIV0);
    expect(code('=sum(y[2020:2025])')).toBe(ErrorCode.DIV0);
    expect(code('=y[2022] > 0')).toBe(ErrorCode.DIV0);
    expect(code('=y[2022] ? 1 : 2')).toBe(ErrorCode.DIV0);
    expect(evaluate('=y[2021] + 1')).toBe(21);
  });

  it('reports the first error met', () => {
    expect(code('=x[1990] + 1/0')).toBe(ErrorCode.REF);
    expect(code('=1/0 + x[1990]')).toBe(ErrorCode.DIV0);
  });

  it('gives #NUM as soon as a step leaves the finite numbers, even if later steps return to them', () => {
    for (const formula of [
      '=sqrt(-1)',
      '=sqrt(-1) > 0',
      '=sqrt(-1) == sqrt(-1)',
      '=not sqrt(-1)',
      '=sqrt(-1) ? 1 : 2',
      '=1 / 10 ^ 400',
      '=10 ^ 400 > 1',
      '=sign(exp(1000))',
      '=min(10 ^ 400, 1)',
      '=median(sqrt(-1), 1, 2)',
      '=log(0) < 0',
      '=1e308 * 10 - 1e308 * 10',
      '=round(sqrt(-1))',
      '=10^10^10',
    ]) {
      expect(evaluate(formula), formula).toEqual({ code: ErrorCode.NUM, key: 'notFinite' });
    }
  });

  it('compiles without throwing for an expression built by hand with a non-finite number', () => {
    const sink: Sink = { err: null };
    const compiled = compileExpr({ k: 'num', v: Infinity }, env(), sink);
    if (isCellError(compiled)) throw new Error('unexpected compile error');
    expect(compiled.fn(0)).toBeNaN();
    expect(sink.err?.code).toBe(ErrorCode.NUM);
  });
});

describe('evaluation order', () => {
  it('evaluates only the chosen branch of the ternary', () => {
    expect(evaluate('=1 ? 2 : 1/0')).toBe(2);
    expect(evaluate('=0 ? x[1990] : 3')).toBe(3);
    expect(evaluate('=t > 2021 ? x[t-1] : 0', 2020)).toBe(0);
    expect(code('=t > 2019 ? x[t-1] : 0', 2020)).toBe(ErrorCode.REF);
  });

  it('evaluates the middle operand of a comparison chain once, however deeply chains nest', () => {
    // Reading the middle operand twice per level would read x 2^20 times here.
    let formula = 'x';
    for (let k = 0; k < 20; k++) formula = `0 < (${formula}) < 100`;
    const e = env();
    const x = e.slots.get('x')!;
    let reads = 0;
    const errors = new Proxy(x.errors, {
      get(target, key, receiver) {
        if (key === '3') reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const counting: CompileEnv = { ...e, resolve: (name) => (name === 'x' ? { ...x, errors } : e.resolve(name)) };
    const sink: Sink = { err: null };
    const expr = parseFormula(`=${formula}`);
    const compiled = isCellError(expr) ? expr : compileExpr(expr, counting, sink);
    if (isCellError(compiled)) throw new Error(compiled.code);
    expect(compiled.fn(3)).toBe(1);
    expect(reads).toBe(1);
  });

  it('stops a comparison chain at the first comparison that fails', () => {
    expect(evaluate('=2 < 1 < 1/0')).toBe(0);
  });
});

describe('aggregates', () => {
  it.each([
    ['=sum(x[2020:2023])', 15],
    ['=sum(x[t-2:t])', 14],
    ['=mean(x[2020:2021], 9)', 4],
    ['=min(x[2021:2025], 3)', 2],
    ['=max(x[2020:2025])', 32],
    ['=median(x[2020:2023])', 3],
    ['=median(x[2020:2024])', 4],
    ['=median(5, 1, 3)', 3],
    ['=sum(x, 1, x[2020])', 10],
    ['=sum(x[2023:2023])', 8],
  ])('evaluates %s in 2023 to %d', (formula, expected) => {
    expect(evaluate(formula)).toBeCloseTo(expected, 12);
  });

  it('reads ranges with a dynamic end at run time', () => {
    expect(evaluate('=sum(x[2020:t])', 2022)).toBe(7);
    expect(evaluate('=sum(x[2020:t])', 2025)).toBe(63);
  });
});

describe('dependencies', () => {
  it('records a plain reference as the same year, relative', () => {
    expect(deps('=x')).toEqual([{ v: X, rel: true, lo: 0, hi: 0 }]);
  });

  it('records t-1 as a relative offset', () => {
    expect(deps('=x[t-1]')).toEqual([{ v: X, rel: true, lo: -1, hi: -1 }]);
    expect(deps('=x[t + 2]')).toEqual([{ v: X, rel: true, lo: 2, hi: 2 }]);
    expect(deps('=x[(t) - 3 + 1]')).toEqual([{ v: X, rel: true, lo: -2, hi: -2 }]);
    expect(deps('=x[t + -1]')).toEqual([{ v: X, rel: true, lo: -1, hi: -1 }]);
    expect(deps('=x[t - t + t - 1]')).toEqual([{ v: X, rel: true, lo: -1, hi: -1 }]);
  });

  it('records a fixed year as an absolute year index', () => {
    expect(deps('=x[2022]')).toEqual([{ v: X, rel: false, lo: 2, hi: 2 }]);
    expect(deps('=x[2019]')).toEqual([{ v: X, rel: false, lo: -1, hi: -1 }]);
    expect(deps('=x[t - t + 2021]')).toEqual([{ v: X, rel: false, lo: 1, hi: 1 }]);
  });

  it('records ranges as spans, relative or absolute', () => {
    expect(deps('=sum(x[t-2:t])')).toEqual([{ v: X, rel: true, lo: -2, hi: 0 }]);
    expect(deps('=sum(x[2021:2024])')).toEqual([{ v: X, rel: false, lo: 1, hi: 4 }]);
  });

  it.each([
    '=x[round(t/2)]',
    '=x[2 * t - 2020]',
    '=x[t + t - 2020]',
    '=x[-t + 4040]',
    '=sum(x[2020:t])',
    '=x[y]',
    '=x[t + 0.5]',
  ])('records the whole row for a year only run time knows: %s', (formula) => {
    expect(deps(formula)).toContainEqual({ v: X, rel: false, lo: 0, hi: LENGTH - 1 });
  });

  it('records the whole row when constants are too large to add exactly', () => {
    // At 1e16 doubles are 2 apart, so t + 1e16 - 1e16 lands on an even year, not on t.
    expect(evaluate('=x[t + 1e16 - 1e16]', 2021)).not.toBe(2);
    expect(deps('=x[t + 1e16 - 1e16]')).toEqual([{ v: X, rel: false, lo: 0, hi: LENGTH - 1 }]);
  });

  it('records every row read, including the index of a dynamic year', () => {
    expect(deps('=x[y[t]] + y[2020] + manufacturing.growth')).toEqual([
      { v: X, rel: false, lo: 0, hi: LENGTH - 1 },
      { v: Y, rel: true, lo: 0, hi: 0 },
      { v: Y, rel: false, lo: 0, hi: 0 },
      { v: 3, rel: true, lo: 0, hi: 0 },
    ]);
  });

  it('records the rows of both ternary branches, since either may run', () => {
    expect(deps('=t > 2022 ? x : y').map((d) => d.v)).toEqual([X, Y]);
  });

  it('records nothing for a formula of constants and t', () => {
    expect(deps('=t * 2 + 1%')).toEqual([]);
  });
});
