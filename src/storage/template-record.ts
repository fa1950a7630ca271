import * as v from 'valibot';
import { migrate } from './migrate';
import { templateFingerprint, TEMPLATES, type Template } from '../templates';
import { readTemplate } from '../templates/validate-template';
import type { Migrations } from './record';

/** The schema version of the template versions this version of the app writes. */
export const TEMPLATE_SCHEMA_VERSION = 1;

/** Migration steps for stored template versions, keyed by the schema they start from (none yet: 1 is the first). */
export const TEMPLATE_MIGRATIONS: Migrations = {};

/**
 * One version of a planner's template as stored, under templateKey(template.id, fingerprint). A version is its
 * scenario: an edit of the numbers is a new version beside this one, so scenarios made from it keep theirs.
 */
export interface StoredTemplate {
  readonly schema: typeof TEMPLATE_SCHEMA_VERSION;
  readonly template: Template;
  /** templateFingerprint(template), which scenarios made from this version name. */
  readonly fingerprint: string;
  /** When this version was saved, or its description (label, sources, presets, target sets) last changed, in ms. */
  readonly savedAt: number;
}

/**
 * Outcome of reading a stored template version: the version (and whether it was migrated), or why it cannot be
 * read; `newer` holds the schema of one written by a newer version of the app, which this one must leave be.
 */
export type TemplateRecordCheck =
  { ok: true; record: StoredTemplate; migrated: boolean } | { ok: false; reason: string; newer?: number };

/** The storage key of a template version. */
export function templateKey(id: string, fingerprint: string): string {
  return `${id}@${fingerprint}`;
}

const Envelope = v.strictObject({
  schema: v.literal(TEMPLATE_SCHEMA_VERSION),
  template: v.unknown(),
  fingerprint: v.pipe(v.string(), v.minLength(1), v.maxLength(20)),
  savedAt: v.pipe(v.number(), v.finite(), v.minValue(0)),
});

/** A new version of a planner's template as it would be stored (validated, its texts cleaned), or why it cannot be. */
export function newTemplateRecord(
  template: Template,
  savedAt: number,
): { ok: true; record: StoredTemplate } | { ok: false; reason: string } {
  const read = readUserTemplate(template);
  if (!read.ok) return read;
  // The fingerprint of the validated copy, which is what is read back; the copy passed in may differ in cleaned texts.
  const fingerprint = templateFingerprint(read.template);
  return { ok: true, record: { schema: TEMPLATE_SCHEMA_VERSION, template: read.template, fingerprint, savedAt } };
}

/**
 * Reads unknown stored data under its key as a template version, migrating older schemas; never throws. It must be
 * a planner's template (no built-in id), its fingerprint that of its scenario, and its key `${id}@${fingerprint}`.
 */
export function readTemplateRecord(
  key: IDBValidKey,
  data: unknown,
  migrations: Migrations = TEMPLATE_MIGRATIONS,
): TemplateRecordCheck {
  const stored = migrate(data, TEMPLATE_SCHEMA_VERSION, migrations);
  if (!stored.ok) return stored;
  const { data: current, from } = stored;
  const envelope = v.safeParse(Envelope, current);
  if (!envelope.success) return { ok: false, reason: envelope.issues.slice(0, 5).map(describe).join('; ') };
  const read = readUserTemplate(envelope.output.template);
  if (!read.ok) return read;
  const { fingerprint, savedAt } = envelope.output;
  const migrated = from < TEMPLATE_SCHEMA_VERSION;
  // A migration may rewrite how a scenario is written (as records' schema 4 did for LOG), and so its digest: a
  // migrated version keeps the fingerprint it was saved under, which is the one scenarios made from it name.
  const digest = templateFingerprint(read.template);
  if (!migrated && digest !== fingerprint) {
    return { ok: false, reason: `its fingerprint ${fingerprint} is not that of its scenario (${digest})` };
  }
  const expected = templateKey(read.template.id, fingerprint);
  if (key !== expected) return { ok: false, reason: `stored under the key ${String(key)} instead of ${expected}` };
  const record: StoredTemplate = { schema: TEMPLATE_SCHEMA_VERSION, template: read.template, fingerprint, savedAt };
  return { ok: true, record, migrated };
}

// A template a planner may keep: valid, and not under the id of one the app ships (which always wins by id).
function readUserTemplate(data: unknown): { ok: true; template: Template } | { ok: false; reason: string } {
  const read = readTemplate(data);
  if (!read.ok) return { ok: false, reason: `template: ${read.issues.join('; ')}` };
  if (TEMPLATES.some((t) => t.id === read.template.id)) {
    return { ok: false, reason: `template: the id ${read.template.id} is a built-in template's` };
  }
  return read;
}

function describe(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return path ? `${path}: ${issue.message}` : issue.message;
}
