import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Model } from '../../src/engine/model';
import {
  deleteRow,
  drawModeOf,
  hasRanges,
  rangeAt,
  withDrawMode,
  withInput,
  withRange,
} from '../../src/engine/scenario';
import { validateScenario } from '../../src/engine/validate';
import { compiledAlone, modelSnapshot } from '../../src/engine/fixtures';
import { canonicalFormula, localFormula } from '../../src/engine/dialect';
import { FUNCTIONS, isCellError, MAX_FORMULA_LENGTH, MAX_NESTING, parseFormula } from '../../src/engine/parse-formula';
import { ErrorCode, type CellInput, type RowDef, type Scenario } from '../../src/engine/types';
import { quangNinh } from '../../src/templates/quang-ninh';

const CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));
const BASE = quangNinh.scenario;
const YEARS = Array.from({ length: BASE.meta.horizon - BASE.meta.baseYear + 1 }, (_, k) => BASE.meta.baseYear + k);

// The Quảng Ninh template with the formula in manufacturing.growth 2026 and every investment cell.
function scenarioWith(formula: string): Scenario {
  const rows = BASE.rows.map((row): RowDef => {
    if (row.kind === 'sector' && row.id === 'manufacturing')
      return { ...row, growth: { ...row.growth, 2026: formula } };
    if (row.kind === 'series' && row.id === 'investment')
      return { ...row, cells: Object.fromEntries(YEARS.map((y): [string, CellInput] => [String(y), formula])) };
    return row;
  });
  return { ...BASE, rows };
}

// Every cell is a finite number or an error with a known code.
function expectWellFormed(model: Model, formula: string): void {
  for (const v of model.variables) {
    model.years.forEach((year, i) => {
      const error = v.errors[i];
      if (error) {
        if (!CODES.has(error.code)) expect.fail(`${v.id} ${year}: unknown code ${error.code} for ${formula}`);
        expect(typeof error.key).toBe('string');
      } else if (!Number.isFinite(v.values[i])) {
        expect.fail(`${v.id} ${year}: ${v.values[i]} without an error for ${JSON.stringify(formula)}`);
      }
    });
  }
}

function snapshot(model: Model): string[] {
  return model.variables.map(
    (v) =>
      `${v.id}: ${Array.from(v.values, (x, i) => v.errors[i]?.code ?? (v.blank[i] ? 'blank' : String(x))).join(' ')}`,
  );
}

// Builds a model with the formula, then types it into two more cells of a clean model, which must
// match a model built with all three; the structural limits of the parser hold on the way.
function exercise(formula: string): void {
  const parsed = parseFormula(formula);
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  if (body.length > MAX_FORMULA_LENGTH) expect(parsed).toMatchObject({ code: ErrorCode.SYNTAX, key: 'tooLong' });
  if (!isCellError(parsed)) {
    expect(body.length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
    expect(nesting(body)).toBeLessThanOrEqual(MAX_NESTING);
  }

  const built = new Model(scenarioWith(formula));
  expectWellFormed(built, formula);

  const edited = new Model(BASE);
  edited.setInput('manufacturing.growth', 2026, formula);
  for (const year of YEARS) edited.setInput('investment', year, formula);
  expectWellFormed(edited, formula);
  expect(snapshot(edited)).toEqual(snapshot(built));

  // The cells holding the formula share one compiled closure; compiled cell by cell, they give the same cells.
  expect(modelSnapshot(new Model(compiledAlone(scenarioWith(formula))))).toEqual(modelSnapshot(built));
}

function nesting(s: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of s) {
    if ('([{'.includes(ch)) max = Math.max(max, ++depth);
    else if (')]}'.includes(ch)) depth--;
  }
  return max;
}

const ROWS = [
  'grdp',
  'grdp_nominal',
  'grdp_growth',
  'manufacturing',
  'manufacturing.growth',
  'manufacturing.share',
  'manufacturing.nominal',
  'services.price',
  'agriculture',
  'icor',
  'investment',
  'share_target',
  'nope',
  'manufacturing.nope',
];

const YEAR_EXPR = fc.oneof(
  fc.constant('t'),
  fc.integer({ min: -3, max: 3 }).map((k) => (k < 0 ? `t${k}` : `t+${k}`)),
  fc.integer({ min: 2018, max: 2033 }).map(String),
  fc.constantFrom('round(t/2)', 't/2', 't - 0.5', 't + -1', '2*t - 2026', 't + 1e16 - 1e16', '2023.5', 'icor'),
);

const NUMBER = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }).map(String),
  fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => String(x)),
  fc.constantFrom('0', '0.5', '.25', '1e3', '2.5e-2', '1e308', '1e999', '5%', '12.5%', '0.1%', 'true', 'false'),
);

// Excel's names the formula language also reads, in any case.
const EXCEL_NAMES = ['average', 'power', 'if', 'not', 'ln', 'log'];
const CASE = fc.boolean();

const formulaArb = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    NUMBER,
    fc.constantFrom(...ROWS, 't'),
    fc.tuple(fc.constantFrom(...ROWS), YEAR_EXPR).map(([r, y]) => `${r}[${y}]`),
    fc
      .tuple(fc.constantFrom('sum', 'mean', 'min', 'max', 'median'), fc.constantFrom(...ROWS), YEAR_EXPR, YEAR_EXPR)
      .map(([f, r, a, b]) => `${f}(${r}[${a}:${b}])`),
    fc
      .tuple(
        tie('expr'),
        fc.constantFrom(
          ...['+', '-', '*', '/', '^', ' mod ', '==', '!=', '<', '>', '<=', '>=', ' and ', ' or ', ' xor '],
          // Excel's comparisons.
          ...['<>', '=', ' = ', ' <> '],
        ),
        tie('expr'),
      )
      .map(([a, op, b]) => `${a}${op}${b}`),
    fc.tuple(fc.constantFrom('-', '+', 'not '), tie('expr')).map(([op, a]) => `${op}${a}`),
    tie('expr').map((a) => `(${a})`),
    tie('expr').map((a) => `(${a})%`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `${a} < ${b} <= ${c}`),
    fc
      .tuple(
        fc.constantFrom(...FUNCTIONS, ...EXCEL_NAMES, 'import', 'evaluate', 'unknown'),
        CASE,
        fc.array(tie('expr'), { maxLength: 3 }),
      )
      .map(([f, upper, args]) => `${upper ? f.toUpperCase() : f}(${args.join(', ')})`),
  ),
})).expr;

const NASTY = [
  '<script>alert(1)</script>',
  '=<script>alert(1)</script>',
  '=1e999',
  '=-1e999',
  '=10^10^10',
  '=10^-10^10',
  '=(((((((',
  '=)))))',
  '=[[[1',
  '=x[',
  '=grdp[2024:',
  '=sum(grdp[2030:2024])',
  '={',
  '="',
  "='",
  '=\u0000',
  '=1\u0000+2',
  '=\u202e1+2',
  '=\ud800',
  '=грдп + 1',
  '=国内生产总值',
  '=𝟙 + 1',
  '=🙂',
  '=NaN',
  '=Infinity - Infinity',
  '=0/0',
  '=import("fs")',
  '=evaluate("1")',
  '=constructor.constructor("return 1")()',
  '=__proto__',
  '=toString',
  '=grdp.constructor',
  '=1; 2',
  '=a = 1',
  '=f(x) = x',
  '=1 <> <> 2',
  '=IF(',
  '=IF()',
  '=IF(1;2;3;4)',
  '=if(1, 2, 3, 4)',
  '=AND()',
  '=NOT(1, 2)',
  '=LOG(0)',
  '=LN(-1)',
  '=LOG(1, 1)',
  '=1,2,3;;4',
  '==1=1==1',
  '=%',
  '=1%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%',
  '=' + '-'.repeat(999) + '1',
  '=' + '('.repeat(1000),
  '=' + 'grdp+'.repeat(199) + 'grdp',
  '=' + 'x'.repeat(5000),
  '\n=1',
  '= 1',
  '=1\n',
  '==1',
  '',
  ' ',
  '12,5',
];

// Characters formulas are made of, plus some that they never are.
const FORMULA_CHARS = fc.constantFrom(
  ...'0123456789+-*/^%()[]{}:;,.?<>=!&|~\'" \t\nteEgrdpmanufcturig_ ',
  '\u0000',
  '\u00a0',
  '\u2212',
  'é',
  '\u202e',
  '🙂',
);

const rawArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: FORMULA_CHARS, maxLength: 60 }).map((s) => '=' + s),
  fc.string({ unit: FORMULA_CHARS, minLength: 900, maxLength: 3000 }).map((s) => '=' + s),
  fc.string({ unit: 'grapheme', maxLength: 100 }).map((s) => '=' + s),
  fc.constantFrom(...NASTY),
  fc.tuple(fc.constantFrom(...NASTY), fc.constantFrom(...NASTY)).map(([a, b]) => a + b.replace(/^=/, '')),
);

describe('fuzzing the engine with formulas', () => {
  it('keeps every cell a finite number or a known error for plausible formulas', () => {
    fc.assert(
      fc.property(formulaArb, (f) => exercise('=' + f)),
      { numRuns: 1000 },
    );
  });

  it('reads a formula written the Vietnamese way (";" and decimal commas) back as the same formula', () => {
    fc.assert(
      fc.property(formulaArb, (f) => {
        const stored = '=' + f;
        const shown = localFormula(stored, 'vi');
        expect(canonicalFormula(shown, 'vi')).toBe(stored);
        expect(canonicalFormula(stored, 'en')).toBe(stored.replaceAll(';', ','));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps every cell a finite number or a known error for random text typed in Vietnamese', () => {
    fc.assert(
      fc.property(rawArb, (text) => exercise(canonicalFormula(text, 'vi'))),
      { numRuns: 500 },
    );
  });

  it('keeps every cell a finite number or a known error for random text', () => {
    fc.assert(
      fc.property(rawArb, (text) => exercise(text)),
      { numRuns: 1000 },
    );
  });

  it('reports #NUM where a built-in row overflows', () => {
    const model = new Model(scenarioWith('=1e308'));
    expectWellFormed(model, '=1e308');
    expect(model.get('grdp')!.errors[2030 - 2023]?.code).toBe(ErrorCode.NUM);
  });

  it.each(NASTY)('survives %j', (text) => {
    exercise(text);
  });

  it('evaluates adversarial formulas at the limits without blowing up', () => {
    // Each level is 1 because its middle operand is 0 or 1, so no comparison short-circuits.
    let chain = 'grdp';
    for (let k = 0; k < 20; k++) chain = `-1 < (${chain}) < 2`;
    const worst = [
      // Nested comparison chains: exponential if a chain read its middle operand twice.
      chain,
      // The longest aggregate the length cap allows, over every year, repeated.
      'sum(grdp[2023:2030]) + '.repeat(40) + '1',
      // Deep ternaries whose branches are all taken somewhere.
      't > 2024 ? '.repeat(60) + '1' + ' : 2'.repeat(60),
    ];
    for (const f of worst) {
      expect(('=' + f).length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH + 1);
      const started = performance.now();
      exercise('=' + f);
      // Generous: these take a few milliseconds; the exponential chain took minutes.
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });
});

// Every name a plain object answers without holding it: toString, toLocaleString, isPrototypeOf, __proto__…
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const RANGE = { kind: 'uniform', lo: 0.1, hi: 0.3 } as const;

describe('fuzzing rows named after every member of Object.prototype', () => {
  it('refuses a scenario from outside with a row, a range and a history named after any of them', () => {
    const accepted = PROTOTYPE_NAMES.filter((name) => {
      const data: unknown = JSON.parse(
        JSON.stringify({
          ...BASE,
          rows: [...BASE.rows, { kind: 'series', id: name, label: name, format: 'number', cells: { 2026: 1 } }],
          uncertainty: { [name]: { draw: 'run', cells: { 2026: RANGE } } },
          history: { ...BASE.history, [name]: { 2020: 1 } },
        }),
      );
      return validateScenario(data).ok;
    });
    expect(accepted).toEqual([]);
  });

  // A scenario built directly, bypassing validation, that already holds a range elsewhere: every lookup and edit
  // on the row must answer from the scenario's own data, never from an inherited member.
  it('handles edits and lookups in any order without throwing', () => {
    const ranged = withRange(BASE, 'manufacturing.growth', 2026, RANGE);
    const edit = fc.oneof(
      fc.tuple(fc.constant('input' as const), fc.constantFrom(...YEARS), fc.double({ min: -1, max: 1, noNaN: true })),
      fc.tuple(fc.constant('range' as const), fc.constantFrom(...YEARS), fc.constant(0)),
      fc.tuple(fc.constant('draw' as const), fc.constantFrom(...YEARS), fc.constant(0)),
    );
    fc.assert(
      fc.property(fc.constantFrom(...PROTOTYPE_NAMES), fc.array(edit, { maxLength: 6 }), (name, edits) => {
        const row: RowDef = { kind: 'series', id: name, label: name, format: 'number', cells: {} };
        let scenario: Scenario = { ...ranged, rows: [...ranged.rows, row], history: {} };
        for (const [kind, year, value] of edits) {
          const before = rangeAt(scenario, name, year);
          expect(before === undefined || typeof before === 'object').toBe(true);
          if (kind === 'input') scenario = withInput(scenario, name, year, value);
          else if (kind === 'range') scenario = withRange(scenario, name, year, RANGE);
          else scenario = withDrawMode(scenario, name, drawModeOf(scenario, name) === 'run' ? 'year' : 'run');
          expect(['run', 'year']).toContain(drawModeOf(scenario, name));
        }
        expect(hasRanges(scenario)).toBe(true);
        const model = new Model(scenario);
        expect(model.get(name)!.recorded.every((r) => r === 0)).toBe(true);
        expect(rangeAt(deleteRow(scenario, name), name, 2026)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
