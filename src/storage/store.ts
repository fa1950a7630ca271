import * as v from 'valibot';
import { quarantineEntry, setAside, writeFailure, type AsideFrom, type Quarantined, type SetAside } from './failures';
import { idbKeyVal, memoryKeyVal, type KeyVal } from './keyval';
import { isSameListing, listingOf, readListing, type Listing } from './listing';
import {
  listSummary,
  MIGRATIONS,
  readRecord,
  withSummary,
  type Migrations,
  type RecordCheck,
  type StoredScenario,
} from './record';
import type { TemplateStore } from './template-store';

export type { Quarantined } from './failures';

/** A record written by a newer version of the app: listed as it is, never rewritten, moved or offered for discard. */
export interface NewerRecord {
  readonly id: string;
  /** The schema it was written in, newer than this version reads. */
  readonly schema: number;
  /** Its name, where the record holds one where this version expects it. */
  readonly name: string | undefined;
  /** When it was last saved, where the record says so. */
  readonly updatedAt: number | undefined;
}

/** Outcome of a save: the stored record, a conflict with what is stored now (undefined: deleted), or a failure. */
export type PutResult =
  | { ok: true; record: StoredScenario }
  | { ok: false; reason: 'conflict'; current: StoredScenario | undefined }
  | { ok: false; reason: 'quota' | 'failed'; message: string };

/** Saved scenarios, the planner's templates, records that could not be read, and a few settings. */
export interface ScenarioStore extends TemplateStore {
  /**
   * 'memory' when IndexedDB could not be used: nothing outlives the page. 'readonly' when IndexedDB reads but a
   * test write failed at start (a full disk): saved scenarios stay visible and exportable, saves are likely to fail.
   */
  readonly kind: 'indexeddb' | 'memory' | 'readonly';
  /**
   * Every readable record, newest update first, every record of a newer version (left where it is), and every
   * quarantined one but the templates' (see listTemplates); moves records that no version can read aside, and puts
   * quarantined ones back in their place while it is free when this version or a newer one reads them.
   */
  list(): Promise<{ records: StoredScenario[]; newer: NewerRecord[]; quarantined: Quarantined[] }>;
  /**
   * What the library shows of the saved scenarios before list() has read them, newest update first: kept with every
   * save beside the records, each validated as it is read. A cache, not the truth: it may lack records (saved by an
   * older version) or hold an out-of-date one (a record changed behind the app's back) until list() repairs it.
   */
  listings(): Promise<Listing[]>;
  /**
   * One record, or undefined when there is none, it is a newer version's (left as it is), or it could not be read
   * (it is then quarantined).
   */
  get(id: string): Promise<StoredScenario | undefined>;
  /** Saves if the stored revision is expectedRevision (null: no record with this id yet), in one transaction. */
  put(record: StoredScenario, expectedRevision: number | null): Promise<PutResult>;
  /** Deletes a record. */
  remove(id: string): Promise<void>;
  /** Deletes a quarantined record or template version for good (after the planner has kept or dismissed it). */
  removeQuarantined(id: string): Promise<void>;
  /** A stored setting; unknown, so the caller validates it. */
  getSetting(key: string): Promise<unknown>;
  /** Stores a setting; rejects if the write fails. */
  setSetting(key: string, value: unknown): Promise<void>;
}

/** Options of both kinds of store. */
export interface StoreOptions {
  /** Migration steps for older records (tests pass their own). */
  readonly migrations?: Migrations;
  /** Migration steps for older template versions (tests pass their own). */
  readonly templateMigrations?: Migrations;
  /** The clock for updatedAt and quarantine times. */
  readonly now?: () => number;
}

/** Options of openScenarioStore. */
export interface OpenOptions extends StoreOptions {
  /** The IndexedDB factory; the browser's by default. */
  readonly indexedDB?: IDBFactory;
  /** Prefix of the database names. */
  readonly name?: string;
  /** How long IndexedDB may take to open and pass a test write before the memory store is used. */
  readonly timeoutMs?: number;
}

/**
 * The parts of a store, each its own key-value store (listing: what the library shows before reading records;
 * templates: the versions of the planner's templates).
 */
export type Part = 'records' | 'quarantine' | 'settings' | 'listing' | 'templates';

/** Prefix of the app's database names. */
export const DEFAULT_NAME = 'grdp-scenarios';

/** The IndexedDB database that holds one part of a store. */
export function databaseName(name: string, part: Part): string {
  return `${name}-${part}`;
}

const PROBE_KEY = '__probe__';

// What the list can say of a newer version's record without reading it: its name and time, where they look right.
function newerRecord(key: IDBValidKey, raw: unknown, schema: number): NewerRecord {
  const fields = v.safeParse(NewerFields, raw);
  const name = fields.success ? fields.output.scenario?.meta?.name : undefined;
  const updatedAt = fields.success ? fields.output.updatedAt : undefined;
  return { id: String(key), schema, name, updatedAt };
}

const NewerFields = v.looseObject({
  updatedAt: v.optional(v.pipe(v.number(), v.finite()), undefined),
  scenario: v.optional(
    v.looseObject({ meta: v.optional(v.looseObject({ name: v.optional(v.pipe(v.string(), v.maxLength(200))) })) }),
  ),
});

/** Opens the IndexedDB store, or a memory store when IndexedDB is missing, throws, hangs or cannot write. */
export async function openScenarioStore(options: OpenOptions = {}): Promise<ScenarioStore> {
  const factory = options.indexedDB ?? browserIndexedDB();
  if (!factory) return memoryStore(options);
  const name = options.name ?? DEFAULT_NAME;
  const parts: Record<Part, KeyVal> = {
    records: idbKeyVal(factory, databaseName(name, 'records')),
    quarantine: idbKeyVal(factory, databaseName(name, 'quarantine')),
    settings: idbKeyVal(factory, databaseName(name, 'settings')),
    listing: idbKeyVal(factory, databaseName(name, 'listing')),
    templates: idbKeyVal(factory, databaseName(name, 'templates')),
  };
  const timeout = options.timeoutMs ?? 10_000;
  try {
    await withTimeout(probe(parts), timeout);
  } catch {
    // A full disk refuses the test write but still reads: what is saved stays visible and exportable.
    const reads = await withTimeout(probeRead(parts), timeout).then(
      () => true,
      () => false,
    );
    return reads ? makeStore('readonly', parts, options) : memoryStore(options);
  }
  return makeStore('indexeddb', parts, options);
}

/** A store that keeps everything in memory, with the same behaviour as the IndexedDB one. */
export function memoryStore(options: StoreOptions = {}): ScenarioStore {
  const parts: Record<Part, KeyVal> = {
    records: memoryKeyVal(),
    quarantine: memoryKeyVal(),
    settings: memoryKeyVal(),
    listing: memoryKeyVal(),
    templates: memoryKeyVal(),
  };
  return makeStore('memory', parts, options);
}

function browserIndexedDB(): IDBFactory | undefined {
  // Reading the global itself throws in some blocked-storage setups.
  try {
    return globalThis.indexedDB;
  } catch {
    return undefined;
  }
}

async function probe(parts: Record<Part, KeyVal>): Promise<void> {
  // The test write goes to the settings only: a probe among the records would be quarantined by another tab. The
  // reads run alongside it, so the three databases open at once.
  const write = async (): Promise<void> => {
    await parts.settings.set(PROBE_KEY, 1);
    await parts.settings.del(PROBE_KEY);
  };
  await Promise.all([write(), probeRead(parts)]);
}

async function probeRead(parts: Record<Part, KeyVal>): Promise<void> {
  await Promise.all([parts.records.get(PROBE_KEY), parts.quarantine.get(PROBE_KEY)]);
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`IndexedDB did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function makeStore(kind: ScenarioStore['kind'], parts: Record<Part, KeyVal>, options: StoreOptions): ScenarioStore {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? Date.now;

  // The listing is a cache beside the records: a failure to write it costs only a slower list, so it is not reported.
  const writeListing = async (record: StoredScenario): Promise<void> => {
    const listing = listingOf(record);
    try {
      if (listing) await parts.listing.set(record.id, listing);
      else await parts.listing.del(record.id);
    } catch {
      // The next full list writes it again.
    }
  };

  // After a full list: writes the listings that are missing or out of date, and drops those of records now gone.
  const repairListings = async (records: readonly StoredScenario[]): Promise<void> => {
    try {
      const stored = new Map((await parts.listing.entries()).map(([key, value]) => [String(key), value]));
      for (const record of records) {
        const listing = listingOf(record);
        if (listing && isSameListing(readListing(record.id, stored.get(record.id)), listing)) continue;
        await writeListing(record);
      }
      const kept = new Set(records.map((r) => r.id));
      for (const key of stored.keys()) if (!kept.has(key)) await parts.listing.del(key);
    } catch {
      // The listings stay as they were; the library still shows what list() read.
    }
  };

  // A record also has to sit under its own id: one under another key would be saved over the wrong one.
  const check = (key: IDBValidKey, raw: unknown): RecordCheck => {
    const result = readRecord(raw, migrations);
    if (!result.ok || result.record.id === key) return result;
    return { ok: false, reason: `stored under the key ${String(key)} but its id is ${result.record.id}` };
  };

  // A newer version's record another tab wrote meanwhile is not unreadable: it stays where it is.
  const aside: AsideFrom = {
    quarantine: parts.quarantine,
    source: parts.records,
    unreadable: (key, value) => {
      const result = check(key, value);
      return !result.ok && result.newer === undefined;
    },
  };
  const quarantine = (key: IDBValidKey, raw: unknown, reason: string): Promise<SetAside> =>
    setAside(aside, key, raw, reason, now());

  // Reads one stored value; a newer version's is left as it is, an unreadable one is quarantined, a migrated one
  // written back in the current schema.
  const read = async (
    key: IDBValidKey,
    raw: unknown,
  ): Promise<
    | { ok: true; record: StoredScenario }
    | { ok: false; newer: NewerRecord }
    | ({ ok: false; newer?: undefined } & SetAside)
  > => {
    const result = check(key, raw);
    if (!result.ok && result.newer !== undefined) return { ok: false, newer: newerRecord(key, raw, result.newer) };
    if (!result.ok) return { ok: false, ...(await quarantine(key, raw, result.reason)) };
    if (!result.migrated) return { ok: true, record: result.record };
    let record = result.record;
    try {
      // Migrates what is stored now, in case another tab saved it since it was read. An older record has no
      // summary: it gets one as it is written back, so that listing it builds no model from then on.
      await parts.records.change(key, (old) => {
        const fresh = check(key, old);
        if (!fresh.ok || !fresh.migrated) return 'keep';
        record = withSummary(fresh.record);
        return { put: record };
      });
      await writeListing(record);
    } catch {
      // The migrated record is still returned; it is migrated again on the next read.
      record = result.record;
    }
    return { ok: true, record };
  };

  // Puts a quarantined record back among the records if this version reads it and its key is still free (a
  // version of the app that could not read it set it aside); returns it if it went back.
  const restore = async (
    entry: Quarantined,
  ): Promise<{ record: StoredScenario } | { newer: NewerRecord } | undefined> => {
    if (entry.key === '') return undefined;
    const result = check(entry.key, entry.raw);
    if (!result.ok && result.newer === undefined) return undefined;
    // A newer version's record goes back exactly as it was written, for that version to read.
    const value = result.ok ? result.record : entry.raw;
    let back = false;
    try {
      await parts.records.change(entry.key, (old) => {
        back = old === undefined;
        return back ? { put: value } : 'keep';
      });
      if (back) await parts.quarantine.del(entry.id);
    } catch {
      return undefined;
    }
    if (!back) return undefined;
    return result.ok ? { record: result.record } : { newer: newerRecord(entry.key, entry.raw, result.newer!) };
  };

  // The planner's templates load with their code on first use: a visit that opens a built-in scenario needs neither.
  let templates: Promise<TemplateStore> | undefined;
  const templateParts = (): Promise<TemplateStore> =>
    (templates ??= import('./template-store').then(({ templateStore }) =>
      templateStore({
        templates: parts.templates,
        quarantine: parts.quarantine,
        now,
        migrations: options.templateMigrations,
      }),
    ));

  return {
    listTemplates: async () => (await templateParts()).listTemplates(),
    putTemplate: async (template) => (await templateParts()).putTemplate(template),
    getTemplate: async (id, fingerprint) => (await templateParts()).getTemplate(id, fingerprint),
    removeTemplateVersions: async (id, keep) => (await templateParts()).removeTemplateVersions(id, keep),
    kind,

    async list() {
      const records: StoredScenario[] = [];
      const newer: NewerRecord[] = [];
      const unmoved: Quarantined[] = [];
      for (const [key, raw] of await parts.records.entries()) {
        const result = await read(key, raw);
        if (result.ok) records.push(result.record);
        else if (result.newer) newer.push(result.newer);
        else if (!result.moved) unmoved.push(result.entry);
      }
      const quarantined = [...unmoved];
      for (const pair of await parts.quarantine.entries()) {
        const entry = quarantineEntry(pair);
        // The templates' entries are listed by listTemplates, and never go back among the records.
        if (entry.part === 'templates') continue;
        const restored = await restore(entry);
        if (!restored) quarantined.push(entry);
        else if ('newer' in restored) newer.push(restored.newer);
        else records.push(restored.record);
      }
      records.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
      await repairListings(records);
      newer.sort((a, b) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0) || (a.id < b.id ? -1 : 1));
      quarantined.sort((a, b) => b.at - a.at);
      return { records, newer, quarantined };
    },

    async listings() {
      const listings: Listing[] = [];
      for (const [key, value] of await parts.listing.entries()) {
        const listing = readListing(key, value);
        if (listing) listings.push(listing);
      }
      return listings.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
    },

    async get(id) {
      const raw = await parts.records.get(id);
      if (raw === undefined) return undefined;
      const result = await read(id, raw);
      return result.ok ? result.record : undefined;
    },

    async put(record, expectedRevision) {
      // Checked before writing so that nothing is saved that could not be read back.
      const valid = readRecord(record);
      if (!valid.ok) return { ok: false, reason: 'failed', message: `not a valid scenario record: ${valid.reason}` };
      // The summary is always computed here: a record passed in may carry the one of an earlier edit. It comes from
      // the scenario passed in, whose evaluation the open sheet has remembered: its validated copy differs only in
      // cleaned texts. A migrated record's numbers may differ, so its copy is evaluated.
      const summarised = { ...valid.record, summary: listSummary((valid.migrated ? valid.record : record).scenario) };
      const id = summarised.id;
      let outcome: PutResult | undefined;
      let unreadable: { raw: unknown; reason: string } | undefined;
      try {
        await parts.records.change(id, (old) => {
          const time = now();
          if (old === undefined) {
            if (expectedRevision !== null) {
              outcome = { ok: false, reason: 'conflict', current: undefined };
              return 'keep';
            }
            // A record saved again after a delete counts on from its revision, so stale copies still conflict.
            const saved = { ...summarised, revision: summarised.revision + 1, updatedAt: time };
            outcome = { ok: true, record: saved };
            return { put: saved };
          }
          const current = check(id, old);
          if (!current.ok && current.newer !== undefined) {
            // A newer version's record is never written over: ours is kept as a copy by the caller.
            outcome = { ok: false, reason: 'conflict', current: undefined };
            return 'keep';
          }
          if (!current.ok) {
            unreadable = { raw: old, reason: current.reason };
            return 'keep';
          }
          if (current.record.revision !== expectedRevision) {
            outcome = { ok: false, reason: 'conflict', current: current.record };
            return 'keep';
          }
          const saved = {
            ...summarised,
            createdAt: current.record.createdAt,
            revision: current.record.revision + 1,
            updatedAt: time,
          };
          outcome = { ok: true, record: saved };
          return { put: saved };
        });
      } catch (error) {
        return writeFailure(error);
      }
      if (unreadable) {
        // Never written over: set aside first, so the planner can then save theirs as a new record.
        const set = await quarantine(id, unreadable.raw, unreadable.reason);
        if (!set.moved) return { ok: false, reason: 'failed', message: set.entry.reason };
        return { ok: false, reason: 'conflict', current: undefined };
      }
      if (outcome?.ok) await writeListing(outcome.record);
      return outcome ?? { ok: false, reason: 'failed', message: 'the save did not complete' };
    },

    async remove(id) {
      await parts.records.del(id);
      await parts.listing.del(id).catch(() => undefined);
    },
    removeQuarantined: (id) => parts.quarantine.del(id),
    getSetting: (key) => parts.settings.get(key),
    setSetting: (key, value) => parts.settings.set(key, value),
  };
}
