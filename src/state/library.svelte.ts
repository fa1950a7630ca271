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
export function linkFragment(hash: string): string | undefined {
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
  /** Why the open scenario has no saved record: opened from a link, or deleted in another tab. */
  unsaved = $state<'link' | 'deleted' | null>(null);
  #store: ScenarioStore = memoryStore();
  #channel: SyncChannel | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<boolean> = Promise.resolve(true);
  // A memo per stored record object (records are immutable), not state; it goes when the record does.
  #summaries = new WeakMap<StoredScenario, ListedScenario>();
  #savingShared = false;

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

  /** Whether the open scenario has edits that are not saved yet, or a cell is being edited. */
  get dirty(): boolean {
    const doc = this.doc;
    return !!doc && (doc.sheet.scenario !== doc.saved || doc.grid.editing);
  }

  /** The scenarios picked for comparison, evaluated and lined up. */
  get comparison(): Comparison {
    const items = this.compareIds
      .map((id) =>
        id === this.doc?.record?.id ? this.doc.sheet.scenario : this.records.find((r) => r.id === id)?.scenario,
      )
      .filter((s): s is Scenario => !!s)
      .flatMap((scenario) => {
        const model = buildModel(scenario);
        return model ? [{ name: scenario.meta.name, scenario, model }] : [];
      });
    return compareScenarios(items);
  }

  /** Opens storage (or the one given), then the shared link in the address if any, else the last open scenario. */
  async init(hash: string, store?: ScenarioStore): Promise<void> {
    this.#store = store ?? (await openScenarioStore());
    this.storage = this.#store.kind;
    await this.#refresh();
    // Other tabs cannot read a memory store, so there is nothing to tell them or hear from them.
    if (this.#store.kind === 'indexeddb') this.#channel = openSyncChannel((msg) => void this.#onSync(msg));
    const fragment = linkFragment(hash);
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
    // Valid data that still cannot be evaluated is refused like any other bad link.
    if (!result.ok || !buildModel(result.scenario)) {
      this.notice = { key: `link.error.${result.ok ? 'invalid' : result.error}` as MessageKey, tone: 'error' };
      return false;
    }
    if (!(await this.flush())) return false;
    const template = templateById(result.templateId) ?? TEMPLATES[0]!;
    this.#setDoc(null, template, result.scenario, null);
    this.unsaved = 'link';
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

  /** Saves the open unsaved scenario (from a link, or deleted elsewhere) into the library; true on success. */
  async saveShared(): Promise<boolean> {
    const doc = this.doc;
    if (!doc || doc.record || this.#savingShared) return false;
    this.#savingShared = true;
    try {
      doc.grid.commit();
      // The version written is the version marked saved: an edit made meanwhile stays pending.
      const scenario = doc.sheet.scenario;
      const result = await this.#store.put(newRecord(scenario, doc.template.id), null);
      if (!result.ok) {
        this.#failed(failure(result));
        return false;
      }
      this.#setDoc(result.record, doc.template, scenario, scenario, doc.sheet);
      this.unsaved = null;
      this.saveState = 'saved';
      this.#announce(result.record);
      await this.#refresh();
      await this.#afterFirstSave();
      this.scheduleSave();
      return true;
    } finally {
      this.#savingShared = false;
    }
  }

  /** Creates a scenario from a template and optional preset, saves it and opens it. */
  async create(templateId: string, presetId?: string): Promise<void> {
    const template = templateById(templateId) ?? TEMPLATES[0]!;
    const preset = template.presets.find((p) => p.id === presetId);
    const name = preset ? this.locale.label(preset.label) : this.locale.label(template.label);
    await this.#addAndOpen(applyPreset(template, preset, this.#uniqueName(name)), template.id);
  }

  /** Saves a scenario made elsewhere (a presentation's levers) as a new one, on the open one's template, and opens it. */
  async createFrom(scenario: Scenario): Promise<void> {
    const templateId = this.doc?.template.id ?? TEMPLATES[0]!.id;
    await this.#addAndOpen(
      { ...scenario, meta: { ...scenario.meta, name: this.#uniqueName(scenario.meta.name) } },
      templateId,
    );
  }

  /** Saves a copy of a scenario under a new name and opens it. */
  async duplicate(id: string): Promise<void> {
    if (!(await this.flush())) return;
    const record = this.records.find((r) => r.id === id);
    if (!record) return;
    const name = this.#uniqueName(this.locale.t('library.copyName', { name: record.scenario.meta.name }));
    await this.#addAndOpen({ ...record.scenario, meta: { ...record.scenario.meta, name } }, record.templateId);
  }

  /** Opens a saved scenario, saving the open one first. */
  async open(id: string): Promise<void> {
    if (this.doc?.record?.id === id) return;
    if (!(await this.flush())) return;
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
    // Read the stored version first: the list may be behind a save made in another tab.
    const record = (await this.#get(id)) ?? this.records.find((r) => r.id === id);
    if (!record) return;
    const result = await this.#store.put(
      { ...record, scenario: { ...record.scenario, meta: { ...record.scenario.meta, name: trimmed } } },
      record.revision,
    );
    if (!result.ok) return this.#tell(failure(result));
    this.#announce(result.record);
    await this.#refresh();
  }

  /** Deletes a saved scenario; undoDelete brings it back. The open one is saved first, then replaced by another. */
  async remove(id: string): Promise<void> {
    const open = this.doc?.record?.id === id;
    // Undo must bring back the last edits too, so the open scenario is saved before it goes.
    if (open && !(await this.flush())) return;
    const record = (await this.#get(id)) ?? this.records.find((r) => r.id === id);
    if (!record) return;
    try {
      await this.#store.remove(id);
    } catch {
      return this.#tell('failed');
    }
    this.deleted = record;
    this.compareIds = this.compareIds.filter((c) => c !== id);
    this.#channel?.post({ type: 'deleted', id });
    await this.#refresh();
    if (open) {
      const next = this.records[0];
      if (next) this.#open(next);
      else await this.create(TEMPLATES[0]!.id, 'plan');
    }
    this.notice = { key: 'library.deleted', args: { name: record.scenario.meta.name } };
  }

  /** Restores the last deleted scenario. */
  async undoDelete(): Promise<void> {
    const record = this.deleted;
    if (!record) return;
    this.deleted = null;
    const result = await this.#store.put(record, null);
    if (!result.ok) return this.#tell(failure(result));
    this.notice = { key: 'library.restored', args: { name: record.scenario.meta.name } };
    this.#announce(result.record);
    await this.#refresh();
  }

  /** The damaged records set aside, as a JSON file the planner can keep or send for repair. */
  exportQuarantined(): string {
    return JSON.stringify({ format: `${EXPORT_FORMAT}-damaged`, records: this.quarantined }, null, 1);
  }

  /** Drops the damaged records for good (after the planner has exported or decided against them). */
  async dismissQuarantined(): Promise<void> {
    try {
      for (const q of this.quarantined) await this.#store.removeQuarantined(q.id);
    } catch {
      this.#tell('failed');
    }
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
    if (!doc?.record || doc.sheet.scenario === doc.saved) return;
    this.saveState = 'pending';
    clearTimeout(this.#timer);
    // The timer saves what is committed; it must not close an editor the planner is typing in.
    this.#timer = setTimeout(() => void this.#queueSave(), SAVE_DELAY);
  }

  /** Saves pending edits now (on pagehide, before switching scenario); false when they could not be saved. */
  flush(): Promise<boolean> {
    // Leaving or switching: a cell still being typed into is part of the edits.
    this.doc?.grid.commit();
    return this.#queueSave();
  }

  #queueSave(): Promise<boolean> {
    clearTimeout(this.#timer);
    const next = this.#saving.catch(() => false).then(() => this.#save());
    this.#saving = next;
    return next;
  }

  /** The JSON text of an export file holding the given scenarios (all when omitted), the open one as it is now. */
  exportJson(ids?: readonly string[]): string {
    const doc = this.doc;
    // After a failed save the open scenario's current state exists only in memory: that is what to export.
    const scenarios = this.records
      .filter((r) => !ids || ids.includes(r.id))
      .map((r) => (doc?.record?.id === r.id ? { ...r, scenario: doc.sheet.scenario } : r));
    const exportedAt = new Date().toISOString();
    return JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, scenarios }, null, 1);
  }

  /** Imports export files (from the picker or a drop), refusing oversized ones before reading them. */
  async importFiles(files: Iterable<{ readonly size: number; text(): Promise<string> }>): Promise<void> {
    for (const file of files) {
      if (file.size > MAX_IMPORT) {
        this.notice = { key: 'import.error.tooLarge', tone: 'error' };
        continue;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        this.notice = { key: 'import.error.read', tone: 'error' };
        continue;
      }
      await this.importText(text);
    }
  }

  /** Imports an export file: new scenarios are saved, ones already saved wait for the planner's choice. */
  async importText(text: string): Promise<void> {
    const records = parseExport(text);
    if (!records.ok) {
      this.notice = { key: `import.error.${records.error}` as MessageKey, tone: 'error' };
      return;
    }
    let added = 0;
    let failed = 0;
    const conflicts: ImportConflict[] = [];
    // Choices still open from an earlier file stay open; an id seen twice is asked about once.
    const pending = new Set(this.importConflicts.map((c) => c.incoming.id));
    for (const incoming of records.valid) {
      if (pending.has(incoming.id)) continue;
      const existing = await this.#get(incoming.id);
      if (existing) {
        conflicts.push({ incoming, existing });
        pending.add(incoming.id);
        continue;
      }
      const result = await this.#store.put(incoming, null);
      if (result.ok) added++;
      else failed++;
    }
    this.importConflicts = [...this.importConflicts, ...conflicts];
    await this.#refresh();
    const args = { added, invalid: records.invalid + failed, conflicts: conflicts.length };
    this.notice = failed ? { key: 'import.done', args, tone: 'error' } : { key: 'import.done', args };
  }

  /** Settles one import conflict: replace the saved scenario, keep both, or skip the incoming one. */
  async resolveImport(conflict: ImportConflict, choice: 'replace' | 'both' | 'skip'): Promise<void> {
    this.importConflicts = this.importConflicts.filter((c) => c !== conflict);
    if (choice === 'skip') return;
    const { incoming, existing } = conflict;
    if (choice === 'replace') {
      if (this.doc?.record?.id === existing.id && !(await this.flush())) return;
      const current = (await this.#get(existing.id)) ?? existing;
      const result = await this.#store.put({ ...incoming, revision: current.revision }, current.revision);
      if (!result.ok) return this.#tell(failure(result));
      this.#announce(result.record);
      if (this.doc?.record?.id === existing.id) this.#open(result.record);
    } else {
      const name = this.#uniqueName(this.locale.t('library.copyName', { name: incoming.scenario.meta.name }));
      const copy = newRecord({ ...incoming.scenario, meta: { ...incoming.scenario.meta, name } }, incoming.templateId);
      const result = await this.#store.put(copy, null);
      if (!result.ok) return this.#tell(failure(result));
    }
    await this.#refresh();
  }

  async #save(): Promise<boolean> {
    const doc = this.doc;
    if (!doc?.record) return true;
    const scenario = doc.sheet.scenario;
    if (scenario === doc.saved) {
      if (this.saveState !== 'failed') this.saveState = 'saved';
      return true;
    }
    this.saveState = 'saving';
    const result = await this.#store.put({ ...doc.record, scenario }, doc.record.revision);
    if (result.ok) {
      this.#announce(result.record);
      this.#patch(result.record);
      // The document may have been replaced meanwhile; only the one that was saved takes the new revision.
      if (this.doc?.sheet === doc.sheet) {
        this.#setDoc(result.record, doc.template, scenario, scenario, doc.sheet);
        this.saveState = doc.sheet.scenario === scenario ? 'saved' : 'pending';
        if (this.saveState === 'pending') this.scheduleSave();
      }
      await this.#afterFirstSave();
      return true;
    }
    if (result.reason === 'conflict') return this.#keepCopy(doc, scenario);
    this.#failed(result.reason);
    return false;
  }

  // Another tab saved this scenario meanwhile: ours becomes a copy, so neither edit is lost.
  async #keepCopy(doc: OpenDoc, scenario: Scenario): Promise<boolean> {
    const name = this.#uniqueName(this.locale.t('library.conflictName', { name: scenario.meta.name }));
    const copy = newRecord({ ...scenario, meta: { ...scenario.meta, name } }, doc.template.id);
    const result = await this.#store.put(copy, null);
    if (!result.ok) {
      this.#failed(failure(result));
      return false;
    }
    doc.sheet.setName(name);
    this.#setDoc(result.record, doc.template, doc.sheet.scenario, result.record.scenario, doc.sheet);
    this.saveState = this.dirty ? 'pending' : 'saved';
    this.notice = { key: 'library.conflict', args: { name }, tone: 'error' };
    this.#announce(result.record);
    await this.#refresh();
    if (this.dirty) this.scheduleSave();
    return true;
  }

  async #onSync(msg: SyncMessage): Promise<void> {
    try {
      if (msg.type === 'deleted') {
        this.records = this.records.filter((r) => r.id !== msg.id);
        const doc = this.doc;
        if (doc?.record?.id !== msg.id) return;
        this.#setDoc(null, doc.template, doc.sheet.scenario, null, doc.sheet);
        this.unsaved = 'deleted';
        this.saveState = 'shared';
        return;
      }
      const record = await this.#store.get(msg.id);
      if (!record) return;
      this.#patch(record);
      const doc = this.doc;
      // Someone else's save wins only where we have nothing unsaved; otherwise our next save keeps a copy.
      // It arrives as an undoable step in the same sheet, so selection and history stay.
      if (doc?.record?.id === record.id && record.revision > doc.record.revision && !this.dirty) {
        doc.sheet.receive(record.scenario);
        this.#setDoc(record, doc.template, doc.sheet.scenario, doc.sheet.scenario, doc.sheet);
      }
    } catch {
      this.notice = { key: 'library.saveFailed', tone: 'error' };
    }
  }

  async #addAndOpen(scenario: Scenario, templateId: string): Promise<void> {
    if (!(await this.flush())) return;
    const result = await this.#store.put(newRecord(scenario, templateId), null);
    if (!result.ok) return this.#tell(failure(result));
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
    this.unsaved = null;
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

  // The open scenario could not be saved: its badge says so, and the notice offers the way out.
  #failed(reason: 'quota' | 'failed'): void {
    this.saveState = 'failed';
    this.#tell(reason);
  }

  // Another action (rename, restore, import) failed: say so without marking the open scenario unsaved.
  #tell(reason: 'quota' | 'failed'): void {
    this.notice = { key: reason === 'quota' ? 'library.quota' : 'library.saveFailed', tone: 'error' };
  }

  async #afterFirstSave(): Promise<void> {
    if (this.#store.kind !== 'indexeddb' || (await this.#store.getSetting(PERSIST_KEY).catch(() => true))) return;
    await this.#store.setSetting(PERSIST_KEY, true).catch(() => undefined);
    const granted = await requestPersistence();
    this.notice = { key: granted ? 'library.persisted' : 'library.exportReminder' };
  }

  #uniqueName(name: string): string {
    const taken = new Set(this.records.map((r) => r.scenario.meta.name));
    if (!taken.has(name)) return name;
    for (let k = 2; ; k++) if (!taken.has(`${name} ${k}`)) return `${name} ${k}`;
  }

  #summary(record: StoredScenario): ListedScenario {
    let listed = this.#summaries.get(record);
    if (!listed) {
      const model = buildModel(record.scenario);
      const final = model ? summarize(model, record.scenario).finalShareTarget : undefined;
      listed = {
        record,
        name: record.scenario.meta.name,
        updatedAt: record.updatedAt,
        share: final?.value,
        targetYear: final?.year,
        met: final?.met,
      };
      this.#summaries.set(record, listed);
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

// A put that did not succeed, as the reason the planner is told (a conflict outside autosave is a failure).
function failure(result: { reason: 'conflict' | 'quota' | 'failed' }): 'quota' | 'failed' {
  return result.reason === 'quota' ? 'quota' : 'failed';
}

// Data that passed validation still goes through the engine once before it is shown or listed.
function buildModel(scenario: Scenario): Model | undefined {
  try {
    return new Model(scenario);
  } catch {
    return undefined;
  }
}
