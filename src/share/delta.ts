import * as v from 'valibot';
import {
  ECONOMIC_GROUPS,
  LIMITS,
  own,
  validateScenario,
  type CellInput,
  type Distribution,
  type RowDef,
  type Scenario,
  type UncertainRow,
  type YearCells,
} from '../engine';
import { fail, type ShareFailure } from './errors';

// Short keys keep links short. A delta holds: m meta changes (n name, r region, b base year, h horizon,
// u unit, f focus, p the per capita rows or null for none, t the target set's id or null for none); c changes to
// template rows by id (l label, f format, o target's variable, b sector base, e sector's economic group or null for
// none, v parameter value, and cell patches g growth, p price, c cells, x a target's upper bounds, where null clears
// a cell); a rows added,
// in full; d ids of template rows removed; o every row id in order, only when the order is not the
// template's followed by the added rows; h history series replaced, or null where removed; u every range
// (in full, null for none when the template has some) as variable id → { d draw mode, c year → [kind, …numbers] }
// with kind u uniform [lo, hi], n normal [mean, sd], t triangular [lo, mode, hi]; s the Monte Carlo seed.
// Values are only typed here: the limits are checked on the rebuilt scenario by validateScenario.
const Input = v.union([v.number(), v.string()]);
// Object and record schemas also take arrays (as objects with index keys); no array is part of a delta.
const object = <T extends v.GenericSchema>(schema: T) =>
  v.pipe(
    v.custom<unknown>((input) => !Array.isArray(input), 'expected an object, not an array'),
    schema,
  );
const Label = v.union([v.string(), object(v.strictObject({ vi: v.string(), en: v.string() }))]);
const Patch = object(v.record(v.pipe(v.string(), v.regex(/^\d{4}$/)), v.nullable(Input)));
const RowIds = v.pipe(v.array(v.string()), v.maxLength(LIMITS.rows));

const RowChange = object(
  v.strictObject({
    l: v.optional(Label),
    f: v.optional(v.picklist(['percent', 'number'])),
    o: v.optional(v.string()),
    b: v.optional(Input),
    e: v.optional(v.nullable(v.picklist(ECONOMIC_GROUPS))),
    v: v.optional(Input),
    g: v.optional(Patch),
    p: v.optional(Patch),
    c: v.optional(Patch),
    x: v.optional(Patch),
  }),
);

const Range = v.union([
  v.tuple([v.literal('u'), v.number(), v.number()]),
  v.tuple([v.literal('n'), v.number(), v.number()]),
  v.tuple([v.literal('t'), v.number(), v.number(), v.number()]),
]);
const Ranges = object(
  v.record(
    v.string(),
    object(
      v.strictObject({
        d: v.picklist(['run', 'year']),
        c: object(v.record(v.pipe(v.string(), v.regex(/^\d{4}$/)), Range)),
      }),
    ),
  ),
);

const Delta = object(
  v.strictObject({
    m: v.optional(
      object(
        v.strictObject({
          n: v.optional(v.string()),
          r: v.optional(Label),
          b: v.optional(v.number()),
          h: v.optional(v.number()),
          u: v.optional(Label),
          f: v.optional(v.string()),
          p: v.optional(v.nullable(object(v.strictObject({ population: v.string(), usdRate: v.string() })))),
          t: v.optional(v.nullable(v.string())),
        }),
      ),
    ),
    c: v.optional(object(v.record(v.string(), RowChange))),
    a: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(LIMITS.rows))),
    d: v.optional(RowIds),
    o: v.optional(RowIds),
    h: v.optional(object(v.record(v.string(), v.nullable(object(v.record(v.string(), v.number())))))),
    u: v.optional(v.nullable(Ranges)),
    s: v.optional(v.number()),
  }),
);

/** What a scenario changes in its template, as compact JSON with short keys. */
export type ScenarioDelta = v.InferOutput<typeof Delta>;

type RowChange = v.InferOutput<typeof RowChange>;
type Ranges = v.InferOutput<typeof Ranges>;

function packRange(d: Distribution): v.InferOutput<typeof Range> {
  if (d.kind === 'uniform') return ['u', d.lo, d.hi];
  if (d.kind === 'normal') return ['n', d.mean, d.sd];
  return ['t', d.lo, d.mode, d.hi];
}

function unpackRange(r: v.InferOutput<typeof Range>): Distribution {
  if (r[0] === 'u') return { kind: 'uniform', lo: r[1], hi: r[2] };
  if (r[0] === 'n') return { kind: 'normal', mean: r[1], sd: r[2] };
  return { kind: 'triangular', lo: r[1], mode: r[2], hi: r[3] };
}

function packRanges(all: Readonly<Record<string, UncertainRow>>): Ranges {
  return Object.fromEntries(
    Object.entries(all).map(([id, row]) => [
      id,
      { d: row.draw, c: Object.fromEntries(Object.entries(row.cells).map(([year, d]) => [year, packRange(d)])) },
    ]),
  );
}

function unpackRanges(all: Ranges): Record<string, UncertainRow> {
  return Object.fromEntries(
    Object.entries(all).map(([id, row]) => [
      id,
      { draw: row.d, cells: Object.fromEntries(Object.entries(row.c).map(([year, r]) => [year, unpackRange(r)])) },
    ]),
  );
}
type Patch = v.InferOutput<typeof Patch>;

// Which change keys each kind of row can take.
const FIELDS: Readonly<Record<RowDef['kind'], readonly string[]>> = {
  sector: ['l', 'b', 'e', 'g', 'p'],
  param: ['l', 'f', 'v'],
  series: ['l', 'f', 'c'],
  target: ['l', 'o', 'c', 'x'],
};

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  const left = a as Readonly<Record<string, unknown>>;
  const right = b as Readonly<Record<string, unknown>>;
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && same(left[k], right[k]));
}

// Drops undefined fields; undefined when nothing is left, so unchanged parts leave no key in the link.
function defined<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, field]) => field !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
}

function patchOf(now: YearCells, was: YearCells): Patch | undefined {
  const patch: Record<string, CellInput | null> = {};
  for (const [year, input] of Object.entries(now)) if (was[year] !== input) patch[year] = input;
  for (const year of Object.keys(was)) if (!Object.hasOwn(now, year)) patch[year] = null;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

// null when the row changed kind: a different row under the same id, so it is removed and added.
function rowChange(now: RowDef, was: RowDef): RowChange | undefined | null {
  const l = same(now.label, was.label) ? undefined : now.label;
  if (now.kind === 'sector' && was.kind === 'sector') {
    const b = now.base === was.base ? undefined : now.base;
    const e = now.group === was.group ? undefined : (now.group ?? null);
    return defined({ l, b, e, g: patchOf(now.growth, was.growth), p: patchOf(now.price, was.price) });
  }
  if (now.kind === 'param' && was.kind === 'param') {
    const f = now.format === was.format ? undefined : now.format;
    return defined({ l, f, v: now.value === was.value ? undefined : now.value });
  }
  if (now.kind === 'series' && was.kind === 'series') {
    return defined({ l, f: now.format === was.format ? undefined : now.format, c: patchOf(now.cells, was.cells) });
  }
  if (now.kind === 'target' && was.kind === 'target') {
    return defined({
      l,
      o: now.of === was.of ? undefined : now.of,
      c: patchOf(now.cells, was.cells),
      x: patchOf(now.upper ?? {}, was.upper ?? {}),
    });
  }
  return null;
}

/** The delta that turns the template into the scenario (a valid scenario with unique row ids). */
export function diffScenario(scenario: Scenario, template: Scenario): ScenarioDelta {
  const templateRows = new Map(template.rows.map((row) => [row.id, row]));
  const kept = new Set<string>();
  const changes: [string, RowChange][] = [];
  const added: RowDef[] = [];
  for (const row of scenario.rows) {
    const was = templateRows.get(row.id);
    const change = was ? rowChange(row, was) : null;
    if (change === null) {
      added.push(row);
      continue;
    }
    kept.add(row.id);
    if (change) changes.push([row.id, change]);
  }
  const removed = template.rows.filter((row) => !kept.has(row.id)).map((row) => row.id);
  const order = scenario.rows.map((row) => row.id);
  const usual = [...template.rows.filter((row) => kept.has(row.id)).map((row) => row.id), ...added.map((r) => r.id)];
  const { meta } = scenario;
  const was = template.meta;
  const history = [
    ...Object.entries(scenario.history).filter(([id, series]) => !same(series, own(template.history, id))),
    ...Object.keys(template.history)
      .filter((id) => !Object.hasOwn(scenario.history, id))
      .map((id) => [id, null] as const),
  ];
  const delta = defined({
    m: defined({
      n: meta.name === was.name ? undefined : meta.name,
      r: same(meta.region, was.region) ? undefined : meta.region,
      b: meta.baseYear === was.baseYear ? undefined : meta.baseYear,
      h: meta.horizon === was.horizon ? undefined : meta.horizon,
      u: same(meta.unit, was.unit) ? undefined : meta.unit,
      f: meta.focus === was.focus ? undefined : meta.focus,
      p: same(meta.perCapita, was.perCapita) ? undefined : (meta.perCapita ?? null),
      t: meta.targetSet === was.targetSet ? undefined : (meta.targetSet ?? null),
    }),
    c: changes.length > 0 ? Object.fromEntries(changes) : undefined,
    a: added.length > 0 ? added : undefined,
    d: removed.length > 0 ? removed : undefined,
    o: same(order, usual) ? undefined : order,
    h: history.length > 0 ? Object.fromEntries(history) : undefined,
    u: same(scenario.uncertainty ?? {}, template.uncertainty ?? {})
      ? undefined
      : scenario.uncertainty
        ? packRanges(scenario.uncertainty)
        : null,
    s: scenario.seed === template.seed ? undefined : scenario.seed,
  });
  return delta ?? {};
}

function patched(cells: YearCells, patch: Patch | undefined): YearCells {
  if (!patch) return cells;
  const next = new Map(Object.entries(cells));
  for (const [year, input] of Object.entries(patch)) {
    if (input === null) next.delete(year);
    else next.set(year, input);
  }
  return Object.fromEntries(next);
}

function applyRowChange(row: RowDef, change: RowChange): RowDef {
  const label = change.l ?? row.label;
  switch (row.kind) {
    case 'sector': {
      const { group, ...rest } = row;
      const next = change.e === undefined ? group : (change.e ?? undefined);
      return {
        ...rest,
        label,
        base: change.b ?? row.base,
        growth: patched(row.growth, change.g),
        price: patched(row.price, change.p),
        ...(next === undefined ? {} : { group: next }),
      };
    }
    case 'param':
      return { ...row, label, format: change.f ?? row.format, value: change.v ?? row.value };
    case 'series':
      return { ...row, label, format: change.f ?? row.format, cells: patched(row.cells, change.c) };
    case 'target': {
      const { upper, ...rest } = row;
      // Patched bounds that are all cleared leave no `upper` key, as a row without bounds is written.
      const next = change.x ? patched(upper ?? {}, change.x) : upper;
      return {
        ...rest,
        label,
        of: change.o ?? row.of,
        cells: patched(row.cells, change.c),
        ...(next === undefined || (change.x && Object.keys(next).length === 0) ? {} : { upper: next }),
      };
    }
  }
}

function idOf(row: unknown): unknown {
  return typeof row === 'object' && row !== null && 'id' in row ? row.id : undefined;
}

/** Rebuilds a scenario from its template and a delta from outside, then validates it. */
export function applyDelta(template: Scenario, delta: unknown): { ok: true; scenario: Scenario } | ShareFailure {
  const parsed = v.safeParse(Delta, delta);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return fail('corrupt', `not a scenario delta: ${path ? `${path}: ` : ''}${issue.message}`);
  }
  const { m, c = {}, a = [], d = [], o, h, u, s } = parsed.output;
  const templateRows = new Map(template.rows.map((row) => [row.id, row]));
  const removed = new Set(d);
  const changes = new Map(Object.entries(c));
  for (const id of removed) if (!templateRows.has(id)) return fail('corrupt', `removes ${id}, not a template row`);
  for (const [id, change] of changes) {
    const row = templateRows.get(id);
    if (!row || removed.has(id)) return fail('corrupt', `changes ${id}, not a kept template row`);
    const wrong = Object.keys(change).find((key) => !FIELDS[row.kind].includes(key));
    if (wrong) return fail('corrupt', `change "${wrong}" does not apply to ${row.kind} row ${id}`);
  }
  let rows: unknown[] = [
    ...template.rows
      .filter((row) => !removed.has(row.id))
      .map((row) => {
        const change = changes.get(row.id);
        return change ? applyRowChange(row, change) : row;
      }),
    ...a,
  ];
  if (o) {
    const byId = new Map(rows.map((row) => [idOf(row), row]));
    const listsEach = o.length === rows.length && new Set(o).size === o.length && o.every((id) => byId.has(id));
    if (byId.size !== rows.length || !listsEach) return fail('corrupt', 'the row order does not list each row once');
    rows = o.map((id) => byId.get(id));
  }
  let history: Scenario['history'] = template.history;
  if (h) {
    const next = new Map(Object.entries(history));
    for (const [id, series] of Object.entries(h)) {
      if (series === null) next.delete(id);
      else next.set(id, series);
    }
    history = Object.fromEntries(next);
  }
  const metaChange = m && { name: m.n, region: m.r, baseYear: m.b, horizon: m.h, unit: m.u, focus: m.f };
  const { perCapita: templatePerCapita, targetSet: templateTargetSet, ...templateMeta } = template.meta;
  const perCapita = m?.p === undefined ? templatePerCapita : (m.p ?? undefined);
  const targetSet = m?.t === undefined ? templateTargetSet : (m.t ?? undefined);
  const meta = {
    ...templateMeta,
    ...(metaChange && defined(metaChange)),
    ...(perCapita === undefined ? {} : { perCapita }),
    ...(targetSet === undefined ? {} : { targetSet }),
  };
  const uncertainty = u === undefined ? template.uncertainty : u === null ? undefined : unpackRanges(u);
  const seed = s ?? template.seed;
  const check = validateScenario({
    meta,
    rows,
    history,
    ...(uncertainty && Object.keys(uncertainty).length > 0 ? { uncertainty } : {}),
    ...(seed === undefined ? {} : { seed }),
  });
  return check.ok ? check : fail('invalid', check.issues.join('; '));
}
