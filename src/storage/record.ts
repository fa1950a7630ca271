import * as v from 'valibot';
import { upgradeFormulas, validateScenario, type Scenario } from '../engine';
import { templateById, templateFingerprint, unstampedFingerprint } from '../templates';

/**
 * The schema version of records this version of the app writes (2: scenarios may hold ranges and a seed; 3: the
 * record names the revision of its template; 4: LOG is Excel's base-10 logarithm, LN the natural one).
 */
export const SCHEMA_VERSION = 4;

/** A saved scenario as stored: the scenario, where it came from, and its revision. */
export interface StoredScenario {
  readonly schema: typeof SCHEMA_VERSION;
  /** A random UUID, also the storage key. */
  readonly id: string;
  /** The template the scenario was made from, e.g. 'quang-ninh'. */
  readonly templateId: string;
  /**
   * The fingerprint of that template's revision (see templateFingerprint); absent when not known: a record of
   * schema 1 or 2 with a template id this version never had, or a copy of such a record.
   */
  readonly templateFingerprint?: string;
  /** The full scenario; its meta.name is the scenario's name. */
  readonly scenario: Scenario;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly updatedAt: number;
  /** 0 before the first save, then 1, 2, … one more on every save. */
  readonly revision: number;
}

/** A step that turns a record of schema n into one of schema n + 1 (its schema field is set afterwards). */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** Migration steps keyed by the schema version they start from. */
export type Migrations = Readonly<Record<number, Migration>>;

/** The migrations the app ships; schema 1 is the first released one. */
export const MIGRATIONS: Migrations = {
  // Schema 2 only adds optional scenario fields (ranges, seed): a schema 1 record reads as it is. The version
  // still moves on, so that an older app leaves records that may hold ranges alone instead of dropping them.
  1: (old) => ({ ...old }),
  // Records of schema 1 and 2 were made with the template as it was before fingerprints, which has not changed
  // since (a test pins it); for an id this version does not know, that revision cannot be named.
  2: (old) => {
    const fingerprint = typeof old.templateId === 'string' ? unstampedFingerprint(old.templateId) : undefined;
    return fingerprint === undefined ? { ...old } : { ...old, templateFingerprint: fingerprint };
  },
  // Until schema 3 "log(x)" was the natural logarithm: such formulas become "ln(x)" and keep their numbers. A
  // scenario that does not validate is left for the check after the migrations to report.
  3: (old) => {
    const check = validateScenario(old.scenario);
    return check.ok ? { ...old, scenario: upgradeFormulas(check.scenario) } : { ...old };
  },
};

/**
 * Outcome of reading stored data: a record (and whether it was migrated), or why it cannot be read; `newer` holds
 * the schema of a record written by a newer version of the app, which that version reads and this one must leave be.
 */
export type RecordCheck =
  { ok: true; record: StoredScenario; migrated: boolean } | { ok: false; reason: string; newer?: number };

const Time = v.pipe(v.number(), v.finite(), v.minValue(0));
const Key = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Envelope = v.strictObject({
  schema: v.literal(SCHEMA_VERSION),
  id: Key,
  templateId: Key,
  templateFingerprint: v.optional(Key),
  scenario: v.unknown(),
  createdAt: Time,
  updatedAt: Time,
  revision: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
});

/** A random UUID v4, also where crypto.randomUUID is missing (it needs a secure context: https or localhost). */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Where a scenario came from: the id of an installed template, or a record it was copied from (its template). */
export type Origin = string | Pick<StoredScenario, 'templateId' | 'templateFingerprint'>;

/** A new, never saved record (revision 0) for a scenario made from a template or copied from a record. */
export function newRecord(scenario: Scenario, origin: Origin, now = Date.now()): StoredScenario {
  return {
    schema: SCHEMA_VERSION,
    id: randomId(),
    ...madeWith(origin),
    scenario,
    createdAt: now,
    updatedAt: now,
    revision: 0,
  };
}

// The template's id and, when known, the revision: an installed template's own, or the one the copied record names.
function madeWith(origin: Origin): Pick<StoredScenario, 'templateId' | 'templateFingerprint'> {
  if (typeof origin === 'string') {
    const template = templateById(origin);
    return template
      ? { templateId: origin, templateFingerprint: templateFingerprint(template) }
      : { templateId: origin };
  }
  const { templateId, templateFingerprint: fingerprint } = origin;
  return fingerprint === undefined ? { templateId } : { templateId, templateFingerprint: fingerprint };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Reads unknown data (from storage or a file) as a record, migrating older schemas; never throws. */
export function readRecord(data: unknown, migrations: Migrations = MIGRATIONS): RecordCheck {
  if (!isObject(data)) return { ok: false, reason: 'not an object' };
  let current = data;
  const from = current.schema;
  if (typeof from !== 'number' || !Number.isSafeInteger(from) || from < 0) {
    return { ok: false, reason: 'no valid schema version' };
  }
  if (from > SCHEMA_VERSION) {
    return {
      ok: false,
      reason: `written by a newer version of the app (schema ${from}; this version reads up to ${SCHEMA_VERSION})`,
      newer: from,
    };
  }
  for (let schema = from; schema < SCHEMA_VERSION; schema++) {
    const step = migrations[schema];
    if (!step) return { ok: false, reason: `no migration from schema ${schema}` };
    try {
      const next = step(current);
      if (!isObject(next)) return { ok: false, reason: `migration from schema ${schema} did not return an object` };
      current = { ...next, schema: schema + 1 };
    } catch (error) {
      return { ok: false, reason: `migration from schema ${schema} failed: ${String(error)}` };
    }
  }
  const envelope = v.safeParse(Envelope, current);
  if (!envelope.success) {
    return { ok: false, reason: envelope.issues.slice(0, 5).map(describe).join('; ') };
  }
  const scenario = validateScenario(envelope.output.scenario);
  if (!scenario.ok) return { ok: false, reason: `scenario: ${scenario.issues.join('; ')}` };
  return { ok: true, record: { ...envelope.output, scenario: scenario.scenario }, migrated: from < SCHEMA_VERSION };
}

function describe(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return path ? `${path}: ${issue.message}` : issue.message;
}
