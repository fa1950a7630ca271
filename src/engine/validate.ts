import * as v from 'valibot';
import { isReserved } from './scenario';
import { cleanText } from './text';
import type { Scenario } from './types';
import { ECONOMIC_GROUPS, OPTIONAL_TOTAL_IDS, optionalTotals, SECTOR_PARTS, TOTALS, variableIds } from './variables';

/** Largest things a scenario from outside (a link, a file, storage) may hold. */
export const LIMITS = {
  text: 200,
  input: 2000,
  rows: 300,
  cellsPerRow: 120,
  firstYear: 1900,
  lastYear: 2100,
  maxHorizon: 2050,
} as const;

const Identifier = v.pipe(v.string(), v.regex(/^(?!__)[A-Za-z_][A-Za-z0-9_]{0,39}$/));
// Anything shown as a name or label: a link, a file or storage can never show a control or bidi override.
const Text = v.pipe(v.string(), v.maxLength(LIMITS.text), v.transform(cleanText));
const Label = v.union([Text, v.strictObject({ vi: Text, en: Text })]);
const Year = v.pipe(v.number(), v.integer(), v.minValue(LIMITS.firstYear), v.maxValue(LIMITS.lastYear));
const YEAR_KEY = /^\d{4}$/;
const YearKey = v.pipe(v.string(), v.regex(YEAR_KEY));
const Input = v.union([v.pipe(v.number(), v.finite()), v.pipe(v.string(), v.maxLength(LIMITS.input))]);
const isFiniteNumber = (x: unknown): x is number => Number.isFinite(x);
const isInput = (x: unknown): x is number | string =>
  typeof x === 'string' ? x.length <= LIMITS.input : Number.isFinite(x);

// Whether data is cells as JSON and storage give them: a plain object of at most cellsPerRow year keys, each value
// passing isValue. Such data passes the record schema unchanged (it reads only own keys, as Object.keys gives them).
function plainCells(data: unknown, isValue: (x: unknown) => boolean): boolean {
  if (typeof data !== 'object' || data === null || Object.getPrototypeOf(data) !== Object.prototype) return false;
  const keys = Object.keys(data);
  if (keys.length > LIMITS.cellsPerRow) return false;
  return keys.every((key) => YEAR_KEY.test(key) && isValue((data as Record<string, unknown>)[key]));
}

// Cells by year with values of one schema. Plain cells are taken as they are: copying an object keyed by years
// costs several times checking it, and a scenario holds dozens. Anything else goes through the record schema, which
// says what is wrong, or copies what it reads and leaves out what it ignores.
function yearCells<T>(value: v.GenericSchema<unknown, T>, isValue: (x: unknown) => x is T) {
  const checked = v.pipe(
    v.record(YearKey, value),
    v.check((cells) => Object.keys(cells).length <= LIMITS.cellsPerRow),
  );
  const plain = v.custom<Record<string, T>>(() => true);
  return v.lazy((data): v.GenericSchema<unknown, Record<string, T>> => (plainCells(data, isValue) ? plain : checked));
}

const YearCells = yearCells(Input, isInput);
// Upper bounds of a target (the model does not evaluate them) and recorded history: the rules of YearCells, numbers
// only.
const NumberCells = yearCells(v.pipe(v.number(), v.finite()), isFiniteNumber);
const Format = v.picklist(['percent', 'number']);

const Row = v.variant('kind', [
  v.strictObject({
    kind: v.literal('sector'),
    id: Identifier,
    label: Label,
    base: Input,
    growth: YearCells,
    price: YearCells,
    group: v.optional(v.picklist(ECONOMIC_GROUPS)),
  }),
  v.strictObject({ kind: v.literal('series'), id: Identifier, label: Label, format: Format, cells: YearCells }),
  v.strictObject({ kind: v.literal('param'), id: Identifier, label: Label, format: Format, value: Input }),
  v.strictObject({
    kind: v.literal('target'),
    id: Identifier,
    label: Label,
    of: v.pipe(v.string(), v.maxLength(100)),
    cells: YearCells,
    upper: v.optional(NumberCells),
  }),
]);

const Finite = v.pipe(v.number(), v.finite());
const Distribution = v.variant('kind', [
  v.pipe(
    v.strictObject({ kind: v.literal('uniform'), lo: Finite, hi: Finite }),
    v.check((d) => d.lo <= d.hi, 'a range must not end below its start'),
  ),
  v.strictObject({ kind: v.literal('normal'), mean: Finite, sd: v.pipe(Finite, v.gtValue(0)) }),
  v.pipe(
    v.strictObject({ kind: v.literal('triangular'), lo: Finite, mode: Finite, hi: Finite }),
    v.check((d) => d.lo <= d.mode && d.mode <= d.hi, 'the most likely value must lie within the range'),
  ),
]);
const Uncertainty = v.pipe(
  v.record(
    v.pipe(v.string(), v.maxLength(100)),
    v.strictObject({
      draw: v.picklist(['run', 'year']),
      cells: v.pipe(
        v.record(YearKey, Distribution),
        v.check((cells) => Object.keys(cells).length <= LIMITS.cellsPerRow),
      ),
    }),
  ),
  v.check((u) => Object.keys(u).length <= LIMITS.rows * 3),
);

// As many series as a scenario of the most rows can have variables; counted before each one is read.
const MAX_SERIES = LIMITS.rows * (1 + SECTOR_PARTS.length) + TOTALS.length + OPTIONAL_TOTAL_IDS.length;
const History = v.pipe(
  v.custom<unknown>(
    (h) => typeof h !== 'object' || h === null || Object.keys(h).length <= MAX_SERIES,
    `at most ${MAX_SERIES} history series`,
  ),
  v.record(v.pipe(v.string(), v.maxLength(100)), NumberCells),
);

type Parsed = Pick<Scenario, 'meta' | 'rows' | 'history'>;
const reservedRow = (s: Parsed): string | undefined => s.rows.find((r) => isReserved(r.id))?.id;
const unknownSeries = (s: Parsed): string | undefined => {
  const known = variableIds(s.rows, s.meta);
  return Object.keys(s.history).find((id) => !known.has(id));
};
// A row may carry the name of an optional built-in (saved before it existed) only while the scenario does not build it.
const builtInRow = (s: Parsed): string | undefined => {
  const built = new Set(optionalTotals(s).map((b) => b.id));
  return s.rows.find((r) => built.has(r.id))?.id;
};
// Per capita divides by two rows of the scenario, each a series or a parameter.
const perCapitaProblem = (s: Parsed): string | undefined => {
  const names = s.meta.perCapita;
  if (!names) return undefined;
  for (const [what, id] of [
    ['population', names.population],
    ['usdRate', names.usdRate],
  ] as const) {
    const row = s.rows.find((r) => r.id === id);
    if (!row) return `meta.perCapita.${what}: no row ${id}`;
    if (row.kind !== 'series' && row.kind !== 'param')
      return `meta.perCapita.${what}: row ${id} is a ${row.kind}, not a series or a parameter`;
  }
  return undefined;
};

const ScenarioSchema = v.pipe(
  v.strictObject({
    meta: v.strictObject({
      name: Text,
      region: Label,
      baseYear: Year,
      horizon: v.pipe(Year, v.maxValue(LIMITS.maxHorizon)),
      unit: Label,
      focus: Identifier,
      perCapita: v.optional(v.strictObject({ population: Identifier, usdRate: Identifier })),
      // An id, never shown as it is: no control or bidi character, so it reads back unchanged through cleanText.
      targetSet: v.optional(
        v.pipe(
          v.string(),
          v.minLength(1),
          v.maxLength(100),
          v.check((id) => cleanText(id) === id, 'no control characters'),
        ),
      ),
    }),
    rows: v.pipe(v.array(Row), v.maxLength(LIMITS.rows)),
    history: History,
    uncertainty: v.optional(Uncertainty),
    seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff))),
  }),
  v.check((s) => s.meta.baseYear < s.meta.horizon, 'the base year must come before the horizon'),
  v.check((s) => new Set(s.rows.map((r) => r.id)).size === s.rows.length, 'row ids must be unique'),
  // A row named like a built-in (grdp, sum, t…) would clash with it when the model is built; one named like a
  // member of every object (toLocaleString…) could be mistaken for one.
  v.check(
    (s) => reservedRow(s) === undefined,
    (issue) => `row id ${reservedRow(issue.input)} is reserved`,
  ),
  v.check(
    (s) => builtInRow(s) === undefined,
    (issue) => `row id ${builtInRow(issue.input)} is the name of a built-in row this scenario has`,
  ),
  v.check(
    (s) => perCapitaProblem(s) === undefined,
    (issue) => perCapitaProblem(issue.input) ?? 'meta.perCapita',
  ),
  // Only what the model shows can have a history: a link cannot carry thousands of series nobody sees.
  v.check(
    (s) => unknownSeries(s) === undefined,
    (issue) => `history of ${unknownSeries(issue.input)}: no row makes such a variable`,
  ),
);

/** Outcome of checking data from outside: the scenario, or what is wrong with it. */
export type ScenarioCheck = { ok: true; scenario: Scenario } | { ok: false; issues: string[] };

/** Checks that unknown data (from a link, a file or storage) is a well-formed scenario within the limits. */
export function validateScenario(data: unknown): ScenarioCheck {
  const result = v.safeParse(ScenarioSchema, data);
  if (result.success) return { ok: true, scenario: result.output as Scenario };
  return {
    ok: false,
    issues: result.issues.slice(0, 5).map((issue) => {
      const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
      return path ? `${path}: ${issue.message}` : issue.message;
    }),
  };
}
