import { compareScenarios, Model, summarize, type Comparison, type Scenario } from '../engine';
import type { MessageKey } from '../i18n';
import { decodeShare, encodeShare, ShareEncodeError } from '../share';
import {
  memoryStore,
  newRecord,
  openScenarioStore,
  openSyncChannel,
  readRecord,
  requestPersistence,
  type Quarantined,
  type ScenarioStore,
  type StoredScenario,
  type SyncChannel,
  type SyncMessage,
} from '../storage';
import { applyPreset, templateById, TEMPLATES, type Template } from '../templates';
import { GridState } from './grid.svelte';
import type { LocaleState } from './locale.svelte';
import { Sheet, type Status } from './sheet.svelte';

/** Where the open scenario stands with storage. */
export type SaveState = 'loading' | 'saved' | 'pending' | 'saving' | 'failed' | 'shared';

/** The scenario being edited: its sheet and grid, and its stored record (none for an unsaved shared link). */
export interface OpenDoc {
  readonly record: StoredScenario | null;
  readonly template: Template;
  readonly sheet: Sheet;
  readonly grid: GridState;
  /** The scenario as last saved, to tell unsaved edits apart. */
  readonly saved: Scenario | null;
}

/** A saved scenario as the library panel lists it. */
export interface ListedScenario {
  readonly record: StoredScenario;
  readonly name: string;
  readonly updatedAt: number;
  /** The focus share in the last share-target year and whether it meets the target. */
  readonly share: number | undefined;
  readonly targetYear: number | undefined;
  readonly met: boolean | undefined;
}

/** An imported scenario whose id is already saved: the planner chooses. */
export interface ImportConflict {
  readonly incoming: StoredScenario;
  readonly existing: StoredScenario;
}

/** The format of an exported file. */
export const EXPORT_FORMAT = 'grdp-scenarios';
const EXPORT_VERSION = 1;
/** Largest import file read, in characters. */
export const MAX_IMPORT = 20_000_000;
const SAVE_DELAY = 400;
const OPEN_KEY = 'open';
const PERSIST_KEY = 'persistAsked';

/** Reads a share fragment from an address hash ("#s1…"), or undefined when the hash holds none. */
export function shareFragment(hash: string): string | undefined {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body.startsWith('s') && body.length > 1 ? body : undefined;
}

/** Saved scenarios, the open one, autosave, tab sync, links, import and export. */
export class Library {
  readonly locale: LocaleState;
  records = $state.raw<readonly StoredScenario[]>([]);
  quarantined = $state.raw<readonly Quarantined[]>([]);
  storage = $state<'loading' | 'indexeddb' | 'memory'>('loading');
  saveState = $state<SaveState>('loading');
  notice = $state.raw<Status | null>(null);
  search = $state('');
  doc = $state.raw<OpenDoc | null>(null);
  /** The last deleted scenario, restorable with undoDelete. */
  deleted = $state.raw<StoredScenario | null>(null);
  /** Scenarios picked for comparison, in order; the first is the reference. */
  compareIds = $state.raw<readonly string[]>([]);
  importConflicts = $state.raw<readonly ImportConflict[]>([]);
  #store: ScenarioStore = memoryStore();
  #channel: SyncChannel | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> = Promise.resolve();
  // A memo keyed by id and revision, not state: entries never change once computed.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #summaries = new Map<string, ListedScenario>();

  readonly #showHistory: boolean;

  /** showHistory: whether new sheets start with the recorded-year columns shown. */
  constructor(locale: LocaleState, options: { showHistory: boolean } = { showHistory: true }) {
    this.locale = locale;
    this.#showHistory = options.showHistory;
  }

  /** The saved scenarios, newest first, filtered by the search text. */
  get listed(): ListedScenario[] {
    const needle = this.search.trim().toLocaleLowerCase();
    return this.records
      .filter((r) => !needle || r.scenario.meta.name.toLocaleLowerCase().includes(needle))
      .map((r) => this.#summary(r));
  }

  /** Whether the open scenario has edits that are not saved yet. */
  get dirty(): boolean {
    const doc = this.doc;
    return !!doc && doc.sheet.scenario !== doc.saved;
  }

  /** The scenarios picked for comparison, evaluated and lined up. */
  get comparison(): Comparison {
    const items = this.compareIds
      .map((id) =>
        id === this.doc?.record?.id ? this.doc.sheet.scenario : this.records.find((r) => r.id === id)?.scenario,
      )
      .filter((s): s is Scenario => !!s)
      .map((scenario) => ({ name: scenario.meta.name, scenario, model: new Model(scenario) }));
    return compareScenarios(items);
  }

  /** Opens storage (or the one given), then the shared link in the address if any, else the last open scenario. */
  async init(hash: string, store?: ScenarioStore): Promise<void> {
    this.#store = store ?? (await openScenarioStore());
    this.storage = this.#store.kind;
    await this.#refresh();
    // Other tabs cannot read a memory store, so there is nothing to tell them or hear from them.
    if (this.#store.kind === 'indexeddb') this.#channel = openSyncChannel((msg) => void this.#onSync(msg));
    const fragment = shareFragment(hash);
    if (fragment !== undefined && (await this.openLink(fragment))) return;
    const last = await this.#store.getSetting(OPEN_KEY).catch(() => undefined);
    const record = this.records.find((r) => r.id === last) ?? this.records[0];
    if (record) this.#open(record);
    else await this.create(TEMPLATES[0]!.id, 'plan');
  }

  /** Stops timers and the tab channel. */
  close(): void {
    clearTimeout(this.#timer);
    this.#channel?.close();
  }

  /** Opens a scenario from a share link, unsaved; on a bad link shows why and returns false. */
  async openLink(fragment: string): Promise<boolean> {
    const result = await decodeShare(fragment);
    if (!result.ok) {
      this.notice = { key: `link.error.${result.error}` as MessageKey, tone: 'error' };
      return false;
    }
    const template = templateById(result.templateId) ?? TEMPLATES[0]!;
    this.#setDoc(null, template, result.scenario, null);
    this.saveState = 'shared';
    return true;
  }

  /** The share fragment of the open scenario (without "#"), or undefined with a notice when no link would open. */
  async shareFragment(): Promise<string | undefined> {
    const doc = this.doc;
    if (!doc) return undefined;
    try {
      return await encodeShare(doc.sheet.scenario, doc.template.id);
    } catch (e) {
      if (!(e instanceof ShareEncodeError)) throw e;
      this.notice = { key: `share.error.${e.reason}`, tone: 'error' };
      return undefined;
    }
  }

  /** Saves the open shared scenario into the library. */
  async saveShared(): Promise<void> {
    const doc = this.doc;
    if (!doc || doc.record) return;
    const record = newRecord(doc.sheet.scenario, doc.template.id);
    const result = await this.#store.put(record, null);
    if (!result.ok) return this.#failed(result.reason === 'conflict' ? 'failed' : result.reason);
    this.#setDoc(result.record, doc.template, doc.sheet.scenario, doc.sheet.scenario, doc.sheet);
    this.saveState = 'saved';
    this.#announce(result.record);
    await this.#refresh();
    await this.#afterFirstSave();
  }

  /** Creates a scenario from a template and optional preset, saves it and opens it. */
  async create(templateId: string, presetId?: string): Promise<void> {
    const template = templateById(templateId) ?? TEMPLATES[0]!;
    const preset = template.presets.find((p) => p.id === presetId);
    const name = preset ? this.locale.label(preset.label) : this.locale.label(template.label);
    await this.#addAndOpen(applyPreset(template, preset, this.#uniqueName(name)), template.id);
  }

  /** Saves a copy of a scenario under a new name and opens it. */
  async duplicate(id: string): Promise<void> {
    await this.flush();
    const record = this.records.find((r) => r.id === id);
    if (!record) return;
    const name = this.#uniqueName(this.locale.t('library.copyName', { name: record.scenario.meta.name }));
    await this.#addAndOpen({ ...record.scenario, meta: { ...record.scenario.meta, name } }, record.templateId);
  }

  /** Opens a saved scenario, saving the open one first. */
  async open(id: string): Promise<void> {
    if (this.doc?.record?.id === id) return;
    await this.flush();
    const record = await this.#get(id);
    if (record) this.#open(record);
  }

  /** Renames a saved scenario (through the sheet when it is the open one, so it can be undone). */
  async rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim();
    if (!trimmed) return;
    if (this.doc?.record?.id === id) {
      this.doc.sheet.setName(trimmed);
      this.scheduleSave();
      return;
    }
    const record = this.records.find((r) => r.id === id);
    if (!record) return;
    const result = await this.#store.put(
      { ...record, scenario: { ...record.scenario, meta: { ...record.scenario.meta, name: trimmed } } },
      record.revision,
    );
    if (!result.ok) return this.#failed(result.reason === 'conflict' ? 'failed' : result.reason);
    this.#announce(result.record);
    await this.#refresh();
  }

  /** Deletes a saved scenario; undoDelete brings it back. The open one is replaced by another. */
  async remove(id: string): Promise<void> {
    const record = this.records.find((r) => r.id === id);
    if (!record) return;
    try {
      await this.#store.remove(id);
    } catch {
      return this.#failed('failed');
    }
    this.deleted = record;
    this.compareIds = this.compareIds.filter((c) => c !== id);
    this.#channel?.post({ type: 'deleted', id });
    await this.#refresh();
    this.notice = { key: 'library.deleted', args: { name: record.scenario.meta.name } };
    if (this.doc?.record?.id === id) {
      const next = this.records[0];
      if (next) this.#open(next);
      else await this.create(TEMPLATES[0]!.id, 'plan');
    }
  }

  /** Restores the last deleted scenario. */
  async undoDelete(): Promise<void> {
    const record = this.deleted;
    if (!record) return;
    this.deleted = null;
    const result = await this.#store.put(record, null);
    if (!result.ok) return this.#failed(result.reason === 'conflict' ? 'failed' : result.reason);
    this.notice = { key: 'library.restored', args: { name: record.scenario.meta.name } };
    this.#announce(result.record);
    await this.#refresh();
  }

  /** Adds or removes a scenario from the comparison (at most four). */
  toggleCompare(id: string): void {
    if (this.compareIds.includes(id)) this.compareIds = this.compareIds.filter((c) => c !== id);
    else if (this.compareIds.length < 4) this.compareIds = [...this.compareIds, id];
  }

  /** Saves soon: edits are batched so typing is not slowed by storage. */
  scheduleSave(): void {
    const doc = this.doc;
    if (!doc?.record || !this.dirty) return;
    this.saveState = 'pending';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), SAVE_DELAY);
  }

  /** Saves pending edits now (on pagehide, before switching scenario). */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#saving = this.#saving.then(() => this.#save());
    return this.#saving;
  }

  /** The JSON text of an export file holding the given scenarios (all when ids is omitted). */
  exportJson(ids?: readonly string[]): string {
    const scenarios = this.records.filter((r) => !ids || ids.includes(r.id));
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp, not state
    const exportedAt = new Date().toISOString();
    return JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, scenarios }, null, 1);
  }

  /** Imports an export file: new scenarios are saved, ones already saved wait for the planner's choice. */
  async importText(text: string): Promise<void> {
    const records = parseExport(text);
    if (!records.ok) {
      this.notice = { key: `import.error.${records.error}` as MessageKey, tone: 'error' };
      return;
    }
    let added = 0;
    const conflicts: ImportConflict[] = [];
    for (const incoming of records.valid) {
      const existing = await this.#get(incoming.id);
      if (existing) {
        conflicts.push({ incoming, existing });
        continue;
      }
      const result = await this.#store.put(incoming, null);
      if (result.ok) added++;
    }
    this.importConflicts = conflicts;
    await this.#refresh();
    this.notice = { key: 'import.done', args: { added, invalid: records.invalid, conflicts: conflicts.length } };
  }

  /** Settles one import conflict: replace the saved scenario, keep both, or skip the incoming one. */
  async resolveImport(conflict: ImportConflict, choice: 'replace' | 'both' | 'skip'): Promise<void> {
    this.importConflicts = this.importConflicts.filter((c) => c !== conflict);
    if (choice === 'skip') return;
    const { incoming, existing } = conflict;
    if (choice === 'replace') {
      if (this.doc?.record?.id === existing.id) await this.flush();
      const current = (await this.#get(existing.id)) ?? existing;
      const result = await this.#store.put({ ...incoming, revision: current.revision }, current.revision);
      if (!result.ok) return this.#failed(result.reason === 'conflict' ? 'failed' : result.reason);
      this.#announce(result.record);
      if (this.doc?.record?.id === existing.id) this.#open(result.record);
    } else {
      const name = this.#uniqueName(this.locale.t('library.copyName', { name: incoming.scenario.meta.name }));
      const copy = newRecord({ ...incoming.scenario, meta: { ...incoming.scenario.meta, name } }, incoming.templateId);
      const result = await this.#store.put(copy, null);
      if (!result.ok) return this.#failed(result.reason === 'conflict' ? 'failed' : result.reason);
    }
    await this.#refresh();
  }

  async #save(): Promise<void> {
    const doc = this.doc;
    if (!doc?.record) return;
    const scenario = doc.sheet.scenario;
    if (scenario === doc.saved) {
      this.saveState = 'saved';
      return;
    }
    this.saveState = 'saving';
    const result = await this.#store.put({ ...doc.record, scenario }, doc.record.revision);
    if (this.doc?.sheet !== doc.sheet) return;
    if (result.ok) {
      this.#setDoc(result.record, doc.template, scenario, scenario, doc.sheet);
      this.saveState = this.doc.sheet.scenario === scenario ? 'saved' : 'pending';
      this.#announce(result.record);
      this.#patch(result.record);
      await this.#afterFirstSave();
      if (this.saveState === 'pending') this.scheduleSave();
    } else if (result.reason === 'conflict') {
      await this.#keepCopy(doc, scenario);
    } else {
      this.#failed(result.reason);
    }
  }

  // Another tab saved this scenario meanwhile: ours becomes a copy, so neither edit is lost.
  async #keepCopy(doc: OpenDoc, scenario: Scenario): Promise<void> {
    const name = this.#uniqueName(this.locale.t('library.conflictName', { name: scenario.meta.name }));
    const copy = newRecord({ ...scenario, meta: { ...scenario.meta, name } }, doc.template.id);
    const result = await this.#store.put(copy, null);
    if (!result.ok) return this.#failed(result.reason === 'conflict' ? 'failed' : result.reason);
    doc.sheet.setName(name);
    this.#setDoc(result.record, doc.template, doc.sheet.scenario, result.record.scenario, doc.sheet);
    this.saveState = this.dirty ? 'pending' : 'saved';
    this.notice = { key: 'library.conflict', args: { name }, tone: 'error' };
    this.#announce(result.record);
    await this.#refresh();
    if (this.dirty) this.scheduleSave();
  }

  async #onSync(msg: SyncMessage): Promise<void> {
    try {
      if (msg.type === 'deleted') {
        this.records = this.records.filter((r) => r.id !== msg.id);
        const doc = this.doc;
        if (doc?.record?.id !== msg.id) return;
        this.#setDoc(null, doc.template, doc.sheet.scenario, null, doc.sheet);
        this.saveState = 'shared';
        this.notice = { key: 'library.deletedElsewhere' };
        return;
      }
      const record = await this.#store.get(msg.id);
      if (!record) return;
      this.#patch(record);
      const doc = this.doc;
      // Someone else's save wins only where we have nothing unsaved; otherwise our next save keeps a copy.
      if (doc?.record?.id === record.id && record.revision > doc.record.revision && !this.dirty) this.#open(record);
    } catch {
      this.notice = { key: 'library.saveFailed', tone: 'error' };
    }
  }

  async #addAndOpen(scenario: Scenario, templateId: string): Promise<void> {
    await this.flush();
    const result = await this.#store.put(newRecord(scenario, templateId), null);
    if (!result.ok) return this.#failed(result.reason === 'conflict' ? 'failed' : result.reason);
    this.#announce(result.record);
    await this.#refresh();
    this.#open(result.record);
    await this.#afterFirstSave();
  }

  // A read that fails (storage gone away) is treated as "not there" rather than an error thrown at the UI.
  #get(id: string): Promise<StoredScenario | undefined> {
    return this.#store.get(id).catch(() => undefined);
  }

  #open(record: StoredScenario): void {
    const template = templateById(record.templateId) ?? TEMPLATES[0]!;
    this.#setDoc(record, template, record.scenario, record.scenario);
    this.saveState = 'saved';
    // Remembering the open scenario is a convenience: a failure (full disk) must not surface as an error.
    this.#store.setSetting(OPEN_KEY, record.id).catch(() => undefined);
  }

  #setDoc(
    record: StoredScenario | null,
    template: Template,
    scenario: Scenario,
    saved: Scenario | null,
    sheet?: Sheet,
  ): void {
    const keep = sheet ?? new Sheet(template, scenario);
    if (!sheet) {
      // View choices carry over from the scenario open before.
      keep.showHistory = this.doc?.sheet.showHistory ?? this.#showHistory;
      keep.showPrices = this.doc?.sheet.showPrices ?? false;
    }
    const grid = sheet && this.doc?.sheet === sheet ? this.doc.grid : new GridState(keep, this.locale);
    this.doc = { record, template, sheet: keep, grid, saved };
  }

  async #refresh(): Promise<void> {
    try {
      const { records, quarantined } = await this.#store.list();
      this.records = records;
      this.quarantined = quarantined;
    } catch {
      // The list stays as it was; saving reports its own failures.
      this.notice = { key: 'library.saveFailed', tone: 'error' };
    }
  }

  #patch(record: StoredScenario): void {
    const others = this.records.filter((r) => r.id !== record.id);
    this.records = [record, ...others].sort((a, b) => b.updatedAt - a.updatedAt);
  }

  #announce(record: StoredScenario): void {
    this.#channel?.post({ type: 'saved', id: record.id, revision: record.revision });
  }

  #failed(reason: 'quota' | 'failed'): void {
    this.saveState = 'failed';
    this.notice = { key: reason === 'quota' ? 'library.quota' : 'library.saveFailed', tone: 'error' };
  }

  async #afterFirstSave(): Promise<void> {
    if (this.#store.kind !== 'indexeddb' || (await this.#store.getSetting(PERSIST_KEY).catch(() => true))) return;
    await this.#store.setSetting(PERSIST_KEY, true).catch(() => undefined);
    const granted = await requestPersistence();
    this.notice = { key: granted ? 'library.persisted' : 'library.exportReminder' };
  }

  #uniqueName(name: string): string {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, not state
    const taken = new Set(this.records.map((r) => r.scenario.meta.name));
    if (!taken.has(name)) return name;
    for (let k = 2; ; k++) if (!taken.has(`${name} ${k}`)) return `${name} ${k}`;
  }

  #summary(record: StoredScenario): ListedScenario {
    const key = `${record.id}:${record.revision}`;
    let listed = this.#summaries.get(key);
    if (!listed) {
      const headline = summarize(new Model(record.scenario), record.scenario);
      const final = headline.finalShareTarget;
      listed = {
        record,
        name: record.scenario.meta.name,
        updatedAt: record.updatedAt,
        share: final?.value,
        targetYear: final?.year,
        met: final?.met,
      };
      this.#summaries.set(key, listed);
    }
    return listed;
  }
}

/** Why an export file could not be read. */
export type ImportError = 'tooLarge' | 'notJson' | 'notExport' | 'version';

/** Reads an export file: its valid records and how many were not. */
export function parseExport(
  text: string,
): { ok: true; valid: StoredScenario[]; invalid: number } | { ok: false; error: ImportError } {
  if (text.length > MAX_IMPORT) return { ok: false, error: 'tooLarge' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'notJson' };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: 'notExport' };
  }
  const { version, scenarios } = data as { version?: unknown; scenarios?: unknown };
  if (version !== EXPORT_VERSION || !Array.isArray(scenarios)) return { ok: false, error: 'version' };
  const valid: StoredScenario[] = [];
  let invalid = 0;
  for (const item of scenarios) {
    const read = readRecord(item);
    if (read.ok) valid.push(read.record);
    else invalid++;
  }
  return { ok: true, valid, invalid };
}
