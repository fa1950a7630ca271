import * as v from 'valibot';
import { migrate } from './migrate';
import { evaluate, upgradeFormulas, validateScenario, type Scenario } from '../engine';
import { templateById, templateFingerprint, unstampedFingerprint } from '../templates';

/**
 * The schema version of records this version of the app writes (2: scenarios may hold ranges and a seed; 3: the
 * record names the revision of its template; 4: LOG is Excel's base-10 logarithm, LN the natural one; 5: the record
 * carries its list summary).
 */
export const SCHEMA_VERSION = 5;

/**
 * The version of the list summary a record carries: bump it whenever what the summary holds, or how the engine
 * computes it, changes, so that summaries stored before are computed afresh instead of being shown.
 */
export const SUMMARY_VERSION = 1;

/** What the library lists for a scenario, computed by the engine when the record is saved. */
export interface ListSummary {
  readonly version: typeof SUMMARY_VERSION;
  /** The year of the last share target; absent when the scenario has none, or its model cannot be built. */
  readonly targetYear?: number;
  /** The focus share in that year; absent where the cell holds an error. */
  readonly share?: number;
  /** Whether the share meets that target; absent where it cannot be told. */
  readonly met?: boolean;
}

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
  /**
   * The scenario's list summary as of its last save; absent before the first save, and where what is stored is not
   * a valid summary of the current version (recordSummary then computes it).
   */
  readonly summary?: ListSummary;
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
  // Schema 5 adds the list summary: a schema 4 record reads as it is, without one. The version still moves on: an
  // older app refuses a record with a field it does not know, and would set it aside as damaged.
  4: (old) => ({ ...old }),
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
  summary: v.optional(v.unknown()),
});

// The shape of a stored summary; whether its year fits the scenario is checked against it (see readSummary).
const Summary = v.strictObject({
  version: v.literal(SUMMARY_VERSION),
  targetYear: v.optional(v.pipe(v.number(), v.safeInteger())),
  share: v.optional(v.pipe(v.number(), v.finite())),
  met: v.optional(v.boolean()),
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

/** Reads unknown data (from storage or a file) as a record, migrating older schemas; never throws. */
export function readRecord(data: unknown, migrations: Migrations = MIGRATIONS): RecordCheck {
  const migrated = migrate(data, SCHEMA_VERSION, migrations);
  if (!migrated.ok) return migrated;
  const { data: current, from } = migrated;
  const envelope = v.safeParse(Envelope, current);
  if (!envelope.success) {
    return { ok: false, reason: envelope.issues.slice(0, 5).map(describe).join('; ') };
  }
  const scenario = validateScenario(envelope.output.scenario);
  if (!scenario.ok) return { ok: false, reason: `scenario: ${scenario.issues.join('; ')}` };
  // A summary that is not one of this version is left out, never a reason to set the record aside.
  const { summary: stored, ...fields } = envelope.output;
  const summary = readListSummary(stored, scenario.scenario.meta);
  const record = { ...fields, scenario: scenario.scenario, ...(summary && { summary }) };
  return { ok: true, record, migrated: from < SCHEMA_VERSION };
}

/**
 * A stored summary if it is one of this version that fits the scenario's years: a target year within them, a share
 * only with a target year and a verdict only with a share (as listSummary makes them); else undefined.
 */
export function readListSummary(
  data: unknown,
  { baseYear, horizon }: { baseYear: number; horizon: number },
): ListSummary | undefined {
  if (data === undefined) return undefined;
  const parsed = v.safeParse(Summary, data, { abortEarly: true });
  if (!parsed.success) return undefined;
  const { targetYear, share, met } = parsed.output;
  if (targetYear === undefined) return share === undefined && met === undefined ? makeSummary() : undefined;
  if (targetYear < baseYear || targetYear > horizon || (share === undefined && met !== undefined)) return undefined;
  return makeSummary(targetYear, share, met);
}

// A summary with only the fields that have a value, so that it reads back from storage or a file the same.
function makeSummary(targetYear?: number, share?: number, met?: boolean): ListSummary {
  return {
    version: SUMMARY_VERSION,
    ...(targetYear !== undefined && { targetYear }),
    ...(share !== undefined && { share }),
    ...(met !== undefined && { met }),
  };
}

/**
 * The list summary the engine computes for a scenario: the focus share in the year of the last share target and
 * whether it meets it. Never throws: a scenario whose model cannot be built or summarised has no figures.
 */
export function listSummary(scenario: Scenario): ListSummary {
  try {
    const final = evaluate(scenario)?.headline.finalShareTarget;
    return final ? makeSummary(final.year, final.value, final.met) : makeSummary();
  } catch {
    return makeSummary();
  }
}

/** A record's list summary: the one it carries, or else computed afresh (a model is built). */
export function recordSummary(record: StoredScenario): ListSummary {
  return record.summary ?? listSummary(record.scenario);
}

/** The record with the list summary of its scenario, as it is stored. */
export function withSummary(record: StoredScenario): StoredScenario {
  return { ...record, summary: listSummary(record.scenario) };
}

function describe(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return path ? `${path}: ${issue.message}` : issue.message;
}
