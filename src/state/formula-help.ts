import { argumentSeparator, FUNCTION_DOCS, localFormula, type FunctionDoc, type Locale } from '../engine';
import type { HelpKey } from '../i18n/help';

// What the formula help shows, kept out of the component: every formula in it is written once, in the stored
// (English) form, and shown in the planner's language by localFormula, so the two languages cannot drift apart.

/** A piece of formula and the text that explains it; `fix` is how to write what Excel means, where they differ. */
export interface HelpLine {
  readonly code: string;
  readonly key: HelpKey;
  readonly fix?: string;
}

/** A function of the help as a line of its table: the signature in the planner's language and what it does. */
export interface FunctionLine {
  readonly name: string;
  readonly signature: string;
  readonly description: string;
}

/** The example of the introduction: a rate that changes from 2027, with decimals and several arguments. */
export const INTRO_EXAMPLE = '=IF(t >= 2027, 0.065, 0.07)';

/** The operators and the rules where the sheet and Excel read the same text differently. */
export const OPERATORS: readonly HelpLine[] = [
  { code: '+ - * / ^', key: 'help.op.arithmetic' },
  { code: '= <> < > <= >=', key: 'help.op.compare' },
  { code: 'services.growth + 1%', key: 'help.op.percent' },
  { code: '7 mod 3', key: 'help.op.mod' },
  { code: 't >= 2027 ? 0.065 : 0.07', key: 'help.op.conditional' },
  { code: '-2^2', key: 'help.op.negativePower', fix: '(-2)^2' },
  { code: '2^3^2', key: 'help.op.powerChain', fix: '(2^3)^2' },
];

/** How a formula names a row and a year. */
export const REFERENCES: readonly HelpLine[] = [
  { code: 'manufacturing.growth', key: 'help.ref.row' },
  { code: 't', key: 'help.ref.year' },
  { code: 'grdp[t-1]', key: 'help.ref.lastYear' },
  { code: 'grdp[2025]', key: 'help.ref.fixedYear' },
  { code: 'SUM(grdp[2026:2030])', key: 'help.ref.range' },
];

/** Worked examples a planner can copy into a cell of the default template. */
export const EXAMPLES: readonly HelpLine[] = [
  { code: '=manufacturing.growth[t-1] + 0.5%', key: 'help.ex.lastYear' },
  { code: '=IF(t <= 2027, 0.08, 0.1)', key: 'help.ex.ifYear' },
  { code: '=AVERAGE(services.growth[2026:2028])', key: 'help.ex.average' },
  { code: '=ROUND(grdp[t-1] * 1.08, 0)', key: 'help.ex.round' },
];

/** The i18n key of a function's one-line description ("help.fn.SUM"). */
export function functionKey(doc: FunctionDoc): HelpKey {
  return `help.fn.${doc.name}` as HelpKey;
}

/** The i18n key of an argument written as a word ("help.arg.condition"); letters and "…" need none. */
export function argumentKey(arg: string): HelpKey | undefined {
  const name = arg.replace(/\?$/, '');
  return name.length > 1 && name !== '…' ? (`help.arg.${name}` as HelpKey) : undefined;
}

/**
 * A function's signature as a language writes it: "IF(điều kiện; a; [b])" in Vietnamese, "IF(condition, a, [b])"
 * in English. Optional arguments go in square brackets, as Excel's own tooltips show them.
 */
export function signature(doc: FunctionDoc, locale: Locale, t: (key: HelpKey) => string): string {
  const args = doc.args.map((arg) => {
    const key = argumentKey(arg);
    const name = key ? t(key) : arg.replace(/\?$/, '');
    return arg.endsWith('?') ? `[${name}]` : name;
  });
  return `${doc.name}(${args.join(`${argumentSeparator(locale)} `)})`;
}

/** Every function of the help, in FUNCTION_DOCS order, as its table shows it in a language. */
export function functionLines(locale: Locale, t: (key: HelpKey) => string): FunctionLine[] {
  return FUNCTION_DOCS.map((doc) => ({
    name: doc.name,
    signature: signature(doc, locale, t),
    description: t(functionKey(doc)),
  }));
}

/** A help line's formulas in a language (the stored form is English). */
export function localLine(line: HelpLine, locale: Locale): { code: string; fix?: string } {
  return {
    code: localFormula(line.code, locale),
    ...(line.fix === undefined ? {} : { fix: localFormula(line.fix, locale) }),
  };
}
