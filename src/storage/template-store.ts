import type { Template } from '../templates';
import { quarantineEntry, setAside, writeFailure, type AsideFrom, type Quarantined, type SetAside } from './failures';
import type { KeyVal } from './keyval';
import type { Migrations } from './record';
import {
  newTemplateRecord,
  readTemplateRecord,
  templateKey,
  TEMPLATE_MIGRATIONS,
  type StoredTemplate,
  type TemplateRecordCheck,
} from './template-record';

/** A template version written by a newer version of the app: listed, never rewritten, moved or removed. */
export interface NewerTemplate {
  /** Its storage key (`${id}@${fingerprint}` as this version writes them). */
  readonly key: string;
  /** The schema it was written in, newer than this version reads. */
  readonly schema: number;
}

/** The planner's stored template versions, oldest saved first, and those that cannot be used here. */
export interface TemplateList {
  readonly templates: StoredTemplate[];
  readonly newer: NewerTemplate[];
  /** Template versions no version of the app can read, set aside in the quarantine store (part 'templates'). */
  readonly damaged: Quarantined[];
}

/**
 * Outcome of saving a template version: stored ('added' as a new version, 'unchanged' when the same one was
 * stored, 'updated' when only its description changed), refused ('invalid': not a valid template, or a built-in
 * template's id), or a failed write.
 */
export type PutTemplateResult =
  | { ok: true; record: StoredTemplate; status: 'added' | 'unchanged' | 'updated' }
  | { ok: false; reason: 'invalid' | 'quota' | 'failed'; message: string };

/** The planner's templates, each version under `${id}@${fingerprint}`, beside the saved scenarios. */
export interface TemplateStore {
  /**
   * Every readable version, oldest saved first (so the last of an id is its latest), every one of a newer version
   * (left where it is), and every damaged one; moves versions that no version can read into quarantine.
   */
  listTemplates(): Promise<TemplateList>;
  /**
   * Saves a version of a planner's template. A version is its scenario: a template whose numbers changed is added
   * beside the versions before it, which stay for the scenarios made from them. One with the numbers of a stored
   * version is that version: a new label, sources, presets or target sets replace its own (they change no
   * scenario's numbers), and an identical one is left as it is.
   */
  putTemplate(template: Template): Promise<PutTemplateResult>;
  /** One version, or undefined when there is none, it is a newer version's, or it could not be read (quarantined). */
  getTemplate(id: string, fingerprint: string): Promise<StoredTemplate | undefined>;
  /**
   * Deletes the readable versions of a template except those whose fingerprints are kept (the ones scenarios still
   * name); a newer version's or an unreadable one is left for listTemplates to report.
   */
  removeTemplateVersions(id: string, keep?: readonly string[]): Promise<void>;
}

/** Where a template store keeps its versions and sets aside unreadable ones, and its clock. */
export interface TemplateParts {
  readonly templates: KeyVal;
  readonly quarantine: KeyVal;
  readonly now: () => number;
  /** Migration steps for older versions (tests pass their own). */
  readonly migrations?: Migrations;
}

/** The template methods of a store. */
export function templateStore({ templates, quarantine, now, migrations }: TemplateParts): TemplateStore {
  const check = (key: IDBValidKey, raw: unknown): TemplateRecordCheck =>
    readTemplateRecord(key, raw, migrations ?? TEMPLATE_MIGRATIONS);
  const aside: AsideFrom = {
    quarantine,
    source: templates,
    part: 'templates',
    unreadable: (key, value) => {
      const result = check(key, value);
      return !result.ok && result.newer === undefined;
    },
  };

  // Reads one stored value: a newer version's is left as it is, an unreadable one set aside, a migrated one written
  // back in the current schema.
  const read = async (
    key: IDBValidKey,
    raw: unknown,
  ): Promise<
    { ok: true; record: StoredTemplate } | { ok: false; newer: NewerTemplate } | { ok: false; aside: SetAside }
  > => {
    const result = check(key, raw);
    if (!result.ok && result.newer !== undefined)
      return { ok: false, newer: { key: String(key), schema: result.newer } };
    if (!result.ok) return { ok: false, aside: await setAside(aside, key, raw, result.reason, now()) };
    if (result.migrated) {
      try {
        // Migrates what is stored now, in case another tab wrote it since it was read.
        await templates.change(key, (old) => {
          const fresh = check(key, old);
          return fresh.ok && fresh.migrated ? { put: fresh.record } : 'keep';
        });
      } catch {
        // It is migrated again on the next read.
      }
    }
    return { ok: true, record: result.record };
  };

  // One attempt at writing a version; an unreadable value under its key is reported, never written over.
  const write = async (
    record: StoredTemplate,
  ): Promise<PutTemplateResult | { unreadable: { raw: unknown; reason: string } }> => {
    const key = templateKey(record.template.id, record.fingerprint);
    let outcome: PutTemplateResult | { unreadable: { raw: unknown; reason: string } } | undefined;
    try {
      await templates.change(key, (old) => {
        if (old === undefined) {
          outcome = { ok: true, record, status: 'added' };
          return { put: record };
        }
        const current = check(key, old);
        if (!current.ok && current.newer !== undefined) {
          const message = `a newer version of the app keeps ${key}; it is left as it is`;
          outcome = { ok: false, reason: 'failed', message };
          return 'keep';
        }
        if (!current.ok) {
          outcome = { unreadable: { raw: old, reason: current.reason } };
          return 'keep';
        }
        const same = JSON.stringify(current.record.template) === JSON.stringify(record.template);
        if (same && !current.migrated) {
          outcome = { ok: true, record: current.record, status: 'unchanged' };
          return 'keep';
        }
        outcome = { ok: true, record, status: same ? 'unchanged' : 'updated' };
        return { put: record };
      });
    } catch (error) {
      return writeFailure(error);
    }
    return outcome ?? { ok: false, reason: 'failed', message: 'the save did not complete' };
  };

  return {
    async listTemplates() {
      const stored: StoredTemplate[] = [];
      const newer: NewerTemplate[] = [];
      const damaged: Quarantined[] = [];
      for (const [key, raw] of await templates.entries()) {
        const result = await read(key, raw);
        if (result.ok) stored.push(result.record);
        else if ('newer' in result) newer.push(result.newer);
        // One set aside is listed below with the rest of the quarantine; one left in place only here.
        else if (!result.aside.moved) damaged.push(result.aside.entry);
      }
      for (const pair of await quarantine.entries()) {
        const entry = quarantineEntry(pair);
        if (entry.part === 'templates') damaged.push(entry);
      }
      stored.sort((a, b) => a.savedAt - b.savedAt || compareKeys(a, b));
      newer.sort((a, b) => (a.key < b.key ? -1 : 1));
      damaged.sort((a, b) => b.at - a.at);
      return { templates: stored, newer, damaged };
    },

    async putTemplate(template) {
      const made = newTemplateRecord(template, now());
      if (!made.ok) return { ok: false, reason: 'invalid', message: `not a valid template: ${made.reason}` };
      const first = await write(made.record);
      if (!('unreadable' in first)) return first;
      // Never written over: set aside first, so that the planner's version can take its place.
      const key = templateKey(made.record.template.id, made.record.fingerprint);
      const set = await setAside(aside, key, first.unreadable.raw, first.unreadable.reason, now());
      if (!set.moved) return { ok: false, reason: 'failed', message: set.entry.reason };
      const again = await write(made.record);
      if (!('unreadable' in again)) return again;
      return { ok: false, reason: 'failed', message: `${key} holds an unreadable value: ${again.unreadable.reason}` };
    },

    async getTemplate(id, fingerprint) {
      const key = templateKey(id, fingerprint);
      const raw = await templates.get(key);
      if (raw === undefined) return undefined;
      const result = await read(key, raw);
      return result.ok ? result.record : undefined;
    },

    async removeTemplateVersions(id, keep = []) {
      for (const [key, raw] of await templates.entries()) {
        const result = check(key, raw);
        if (!result.ok || result.record.template.id !== id || keep.includes(result.record.fingerprint)) continue;
        // Deleted only if it is still that version: another tab may have written something else under the key.
        await templates.change(key, (old) => {
          const fresh = check(key, old);
          return fresh.ok && fresh.record.template.id === id ? 'delete' : 'keep';
        });
      }
    },
  };
}

function compareKeys(a: StoredTemplate, b: StoredTemplate): number {
  const ka = templateKey(a.template.id, a.fingerprint);
  const kb = templateKey(b.template.id, b.fingerprint);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
