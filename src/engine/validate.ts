import * as v from 'valibot';
import { isReserved } from './scenario';
import type { Scenario } from './types';

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
const Text = v.pipe(v.string(), v.maxLength(LIMITS.text));
const Label = v.union([Text, v.strictObject({ vi: Text, en: Text })]);
const Year = v.pipe(v.number(), v.integer(), v.minValue(LIMITS.firstYear), v.maxValue(LIMITS.lastYear));
const YearKey = v.pipe(v.string(), v.regex(/^\d{4}$/));
const Input = v.union([v.pipe(v.number(), v.finite()), v.pipe(v.string(), v.maxLength(LIMITS.input))]);
const YearCells = v.pipe(
  v.record(YearKey, Input),
  v.check((cells) => Object.keys(cells).length <= LIMITS.cellsPerRow),
);
const Format = v.picklist(['percent', 'number']);

const Row = v.variant('kind', [
  v.strictObject({
    kind: v.literal('sector'),
    id: Identifier,
    label: Label,
    base: Input,
    growth: YearCells,
    price: YearCells,
  }),
  v.strictObject({ kind: v.literal('series'), id: Identifier, label: Label, format: Format, cells: YearCells }),
  v.strictObject({ kind: v.literal('param'), id: Identifier, label: Label, format: Format, value: Input }),
  v.strictObject({
    kind: v.literal('target'),
    id: Identifier,
    label: Label,
    of: v.pipe(v.string(), v.maxLength(100)),
    cells: YearCells,
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

const ScenarioSchema = v.pipe(
  v.strictObject({
    meta: v.strictObject({
      name: Text,
      region: Label,
      baseYear: Year,
      horizon: v.pipe(Year, v.maxValue(LIMITS.maxHorizon)),
      unit: Label,
      focus: Identifier,
    }),
    rows: v.pipe(v.array(Row), v.maxLength(LIMITS.rows)),
    history: v.record(
      v.pipe(v.string(), v.maxLength(100)),
      v.pipe(
        v.record(YearKey, v.pipe(v.number(), v.finite())),
        v.check((h) => Object.keys(h).length <= LIMITS.cellsPerRow),
      ),
    ),
    uncertainty: v.optional(Uncertainty),
    seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff))),
  }),
  v.check((s) => s.meta.baseYear < s.meta.horizon, 'the base year must come before the horizon'),
  v.check((s) => new Set(s.rows.map((r) => r.id)).size === s.rows.length, 'row ids must be unique'),
  // A row named like a built-in (grdp, sum, t…) would clash with it when the model is built.
  v.check((s) => !s.rows.some((r) => isReserved(r.id)), 'a row id is reserved'),
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
