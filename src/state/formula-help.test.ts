import { describe, expect, it } from 'vitest';
import { canonicalFormula, FUNCTION_DOCS, isCellError, Model, parseFormula, withInput } from '../engine';
import { helpDictionaries, translateHelp, type HelpKey } from '../i18n/help';
import { TEMPLATES } from '../templates';
import {
  argumentKey,
  EXAMPLES,
  functionKey,
  functionLines,
  INTRO_EXAMPLE,
  localLine,
  OPERATORS,
  REFERENCES,
  signature,
  type HelpLine,
} from './formula-help';

const vi = (key: HelpKey) => translateHelp('vi', key);
const en = (key: HelpKey) => translateHelp('en', key);
const doc = (name: string) => FUNCTION_DOCS.find((d) => d.name === name)!;

// A cell of the default template where any of the help's formulas can stand: the exchange rate of the last year,
// which no other row's numbers feed into GRDP, so no formula of the help makes a loop through it.
const template = TEMPLATES[0]!;
const ROW = 'usd_rate';
const YEAR = template.scenario.meta.horizon;

function evaluated(formula: string): { value: number; error: unknown } {
  const text = formula.startsWith('=') ? formula : `=${formula}`;
  const model = new Model(withInput(template.scenario, ROW, YEAR, text));
  const v = model.get(ROW)!;
  const i = YEAR - model.baseYear;
  return { value: v.values[i]!, error: v.errors[i] };
}

// Every line of the help that is a formula rather than a list of symbols.
const FORMULAS: readonly HelpLine[] = [
  { code: INTRO_EXAMPLE, key: 'help.intro' },
  ...OPERATORS.filter((line) => line.key !== 'help.op.arithmetic' && line.key !== 'help.op.compare'),
  ...REFERENCES,
  ...EXAMPLES,
];

describe('signature', () => {
  it("writes SUM's signature with ';' in Vietnamese and ',' in English", () => {
    expect(signature(doc('SUM'), 'vi', vi)).toBe('SUM(a; b; …)');
    expect(signature(doc('SUM'), 'en', en)).toBe('SUM(a, b, …)');
  });

  it('names word arguments in the language and puts optional ones in square brackets, as Excel does', () => {
    expect(signature(doc('IF'), 'en', en)).toBe('IF(condition, a, [b])');
    expect(signature(doc('IF'), 'vi', vi)).toBe(`IF(${vi('help.arg.condition')}; a; [b])`);
    expect(signature(doc('LOG'), 'en', en)).toBe('LOG(x, [base])');
  });
});

describe('functionLines', () => {
  it('lists every function of the formula language, each with a description in both languages', () => {
    for (const locale of ['vi', 'en'] as const) {
      const lines = functionLines(locale, (key) => translateHelp(locale, key));
      expect(lines.map((l) => l.name)).toEqual(FUNCTION_DOCS.map((d) => d.name));
      for (const line of lines) expect(line.description, line.name).not.toMatch(/^help\./);
    }
  });

  it('has a dictionary entry for every function and every argument written as a word', () => {
    for (const d of FUNCTION_DOCS) {
      const keys = [functionKey(d), ...d.args.flatMap((a) => argumentKey(a) ?? [])];
      for (const key of keys) {
        expect(helpDictionaries.vi, key).toHaveProperty([key]);
        expect(helpDictionaries.en, key).toHaveProperty([key]);
      }
    }
  });
});

describe('the help’s formulas', () => {
  it.each(FORMULAS.map((line) => [line.code, line]))('%s is a valid formula for the default template', (_, line) => {
    for (const code of [line.code, line.fix ?? line.code]) {
      expect(isCellError(parseFormula(code)), code).toBe(false);
      const { value, error } = evaluated(code);
      expect(error, code).toBeNull();
      expect(Number.isFinite(value), code).toBe(true);
    }
  });

  it('every example reads back to its stored form from the Vietnamese text the help shows', () => {
    for (const line of FORMULAS) {
      const shown = localLine(line, 'vi');
      expect(canonicalFormula(shown.code, 'vi')).toBe(line.code);
    }
  });

  it("writes examples with ';' and decimal commas in Vietnamese, unchanged in English", () => {
    expect(localLine({ code: INTRO_EXAMPLE, key: 'help.intro' }, 'vi').code).toBe('=IF(t >= 2027; 0,065; 0,07)');
    expect(localLine({ code: INTRO_EXAMPLE, key: 'help.intro' }, 'en').code).toBe(INTRO_EXAMPLE);
    const round = EXAMPLES.find((l) => l.code.startsWith('=ROUND'))!;
    expect(localLine(round, 'vi').code).toBe('=ROUND(grdp[t-1] * 1,08; 0)');
  });

  it('gives the numbers the operator rules promise: -2^2 is -4, 2^3^2 is 512, 7 mod 3 is 1', () => {
    expect(evaluated('-2^2').value).toBe(-4);
    expect(evaluated('(-2)^2').value).toBe(4);
    expect(evaluated('2^3^2').value).toBe(512);
    expect(evaluated('(2^3)^2').value).toBe(64);
    expect(evaluated('7 mod 3').value).toBe(1);
    expect(evaluated('1 + 1%').value).toBeCloseTo(1.01, 12);
  });
});
