import { cleanText, compareScenarios, type Comparison, type Scenario } from '../engine';
import {
  memoryStore,
  newRecord,
  openJournal,
  openScenarioStore,
  openSyncChannel,
  recordSummary,
  requestPersistence,
  type Listing,
  type Origin,
  type Journal,
  type NewerRecord,
  type Quarantined,
  type ScenarioStore,
  type StoredScenario,
  type SyncChannel,
  type SyncMessage,
} from '../storage';
import { applyPreset, TEMPLATES } from '../templates';
import { damagedText, exportText, linkFragment, renamed, uniqueName } from './library-files';
import type { LocaleState } from './locale.svelte';
import { Importer } from './importer.svelte';
import { replayJournal } from './recovery';
import { failure, failureNotice, type LibraryHost, type SaveFailure } from './library-host';
import { OpenDocument } from './open-document.svelte';
import { originOf, TemplateRegistry } from './templates.svelte';
import type { TemplateShelf } from './template-shelf';
import type { Status } from './sheet.svelte';

export { linkFragment, parseExport, EXPORT_FORMAT, MAX_IMPORT } from './library-files';
export type { OpenDoc, SaveState } from './open-document.svelte';
export type { ImportConflict } from './importer.svelte';

/** A saved scenario as the library panel lists it. */
export interface ListedScenario {
  readonly id: string;
  readonly name: string;
  readonly updatedAt: number;
  /** The focus share in the last share-target year and whether it meets the target. */
  readonly share: number | undefined;
  readonly targetYear: number | undefined;
  readonly met: boolean | undefined;
}

const PERSIST_KEY = 'persistAsked';

/** The saved scenarios and what is done with them (create, rename, delete, import, compare); the open one is `document`. */
export class Library {
  /** The language new scenarios are named in. */
  readonly locale: LocaleState;
  /** The scenario being edited, with its autosave and tab sync. */
  readonly document: OpenDocument;
  /** Export files being imported, with the choices they wait for. */
  readonly imports: Importer;
  /** The templates scenarios come from: the built-in ones and the planner's own versions. */
  readonly templates = new TemplateRegistry();
  #shelf: Promise<TemplateShelf> | undefined;
  #records = $state.raw<readonly StoredScenario[]>([]);
  // What the list shows until the records have been read: the listings kept beside them (see ScenarioStore.listings).
  #listings = $state.raw<readonly Listing[]>([]);
  #loaded = $state(false);
  #quarantined = $state.raw<readonly Quarantined[]>([]);
  #damagedTemplates: readonly Quarantined[] = [];
  #newer = $state.raw<readonly NewerRecord[]>([]);
  #storage = $state<'loading' | ScenarioStore['kind']>('loading');
  #notice = $state.raw<Status | null>(null);
  #search = $state('');
  #deleted = $state.raw<StoredScenario | null>(null);
  #compareIds = $state.raw<readonly string[]>([]);
  #store: ScenarioStore = memoryStore();
  readonly #host: LibraryHost;
  #channel: SyncChannel | null = null;
  // A memo per stored record object (records are immutable), not state; it goes when the record does.
  #summaries = new WeakMap<StoredScenario, ListedScenario>();

  /** showHistory: whether new sheets start with the recorded-year columns shown; journal: tests pass their own. */
  constructor(locale: LocaleState, options: { showHistory: boolean; journal?: Journal } = { showHistory: true }) {
    this.locale = locale;
    const store = (): ScenarioStore => this.#store;
    const host: LibraryHost = {
      get store() {
        return store();
      },
      templates: this.templates,
      journal: options.journal ?? openJournal(),
      announce: (record) => this.#announce(record),
      patch: (record) => this.#patch(record),
      refresh: () => this.#refresh(),
      uniqueName: (name) => this.#uniqueName(name),
      tell: (status) => (this.#notice = status),
      afterFirstSave: () => this.#afterFirstSave(),
    };
    this.#host = host;
    this.document = new OpenDocument(host, locale, options);
    this.imports = new Importer(host, this.document, locale);
  }

  /** The planner's templates: saved, exported, imported, deleted; its code loads on first use (the template dialog). */
  shelf(): Promise<TemplateShelf> {
    const store = (): ScenarioStore => this.#store;
    this.#shelf ??= import('./template-shelf').then(
      ({ TemplateShelf }) =>
        new TemplateShelf({
          get store() {
            return store();
          },
          templates: this.templates,
          fail: (reason) => this.#tell(reason),
        }),
    );
    return this.#shelf;
  }

  /** The saved scenarios, newest first (empty until they have been read: see `count` and `listed`). */
  get records(): readonly StoredScenario[] {
    return this.#records;
  }
  /** How many scenarios are saved, known from their listings before the records are read. */
  get count(): number {
    return this.#loaded ? this.#records.length : this.#listings.length;
  }
  /** Records set aside because no version of the app can read them. */
  get quarantined(): readonly Quarantined[] {
    return this.#quarantined;
  }
  /** Records a newer version of the app wrote: listed, left exactly as they are. */
  get newer(): readonly NewerRecord[] {
    return this.#newer;
  }
  /** Where scenarios are kept: IndexedDB, IndexedDB read-only (a full disk), or memory where storage is refused. */
  get storage(): 'loading' | ScenarioStore['kind'] {
    return this.#storage;
  }
  /** The last notice for the planner, if not dismissed. */
  get notice(): Status | null {
    return this.#notice;
  }
  /** The text the list is filtered by. */
  get search(): string {
    return this.#search;
  }
  /** The last deleted scenario, restorable with undoDelete. */
  get deleted(): StoredScenario | null {
    return this.#deleted;
  }
  /** Scenarios picked for comparison, in order; the first is the reference. */
  get compareIds(): readonly string[] {
    return this.#compareIds;
  }
  /** Whether leaving the page now would lose edits: nothing can be saved, or something is not saved yet. */
  unsafeToLeave(): boolean {
    return this.#storage === 'memory' || this.document.unsafeToLeave();
  }

  /** Filters the list by a text in the scenarios' names. */
  setSearch(text: string): void {
    this.#search = text;
  }

  /** Hides the notice. */
  dismissNotice(): void {
    this.#notice = null;
  }

  /** The saved scenarios, newest first, filtered by the search text. */
  get listed(): ListedScenario[] {
    const needle = this.#search.trim().toLocaleLowerCase();
    const all = this.#loaded ? this.#records.map((r) => this.#summary(r)) : this.#listings.map(fromListing);
    return all.filter((item) => !needle || item.name.toLocaleLowerCase().includes(needle));
  }

  /** The scenarios picked for comparison (the open one as edited), evaluated and lined up. */
  get comparison(): Comparison {
    const doc = this.document.doc;
    const items = this.#compareIds
      .map((id) => (id === doc?.record?.id ? doc.sheet.scenario : this.#records.find((r) => r.id === id)?.scenario))
      .filter((s): s is Scenario => !!s)
      .map((scenario) => ({ name: scenario.meta.name, scenario }));
    return compareScenarios(items);
  }

  /**
   * The scenarios a presentation steps through: the compared ones if two or more are picked, else all saved ones;
   * the open one as edited (not as last saved), first when it is not among them.
   */
  get presentation(): Scenario[] {
    const doc = this.document.doc;
    if (!doc) return [];
    const ids = this.#compareIds.length > 1 ? this.#compareIds : this.#records.map((r) => r.id);
    const list = ids.flatMap((id) =>
      id === doc.record?.id ? [doc.sheet.scenario] : this.#records.filter((r) => r.id === id).map((r) => r.scenario),
    );
    return list.includes(doc.sheet.scenario) ? list : [doc.sheet.scenario, ...list];
  }

  /** Opens storage (or the one given), then the shared link in the address if any, else the last open scenario. */
  async init(hash: string, store?: ScenarioStore): Promise<void> {
    this.#store = store ?? (await openScenarioStore());
    this.#storage = this.#store.kind;
    // Edits a closed tab left behind are stored first; a memory store would lose them again, so they wait.
    // The planner's templates are read alongside; a scenario waits for them only when it comes from one of them.
    const templates = this.#loadTemplates();
    const recovered = this.#store.kind === 'memory' ? 0 : await replayJournal(this.#host, this.locale);
    if (recovered) this.#notice = { key: 'library.recovered', args: { count: recovered } };
    if (this.#store.kind === 'readonly') this.#notice = { key: 'library.readOnly', tone: 'error' };
    // Other tabs cannot read a memory store, so there is nothing to tell them or hear from them.
    if (this.#store.kind !== 'memory') this.#channel = openSyncChannel((msg) => void this.#onSync(msg));
    // The sheet needs one record, not the list: the list is read once the scenario is open (one after the other,
    // so that a damaged record is set aside once).
    const fragment = linkFragment(hash);
    if (fragment !== undefined && (await this.document.openLink(fragment))) {
      await templates;
      return this.#refresh();
    }
    const last = await this.document.lastOpen();
    const lastRecord = typeof last === 'string' ? await this.#get(last) : undefined;
    if (lastRecord) {
      if (!this.templates.isBuiltIn(lastRecord.templateId)) await templates;
      this.document.show(lastRecord);
      await this.#readListings();
      await templates;
      return this.#refresh();
    }
    await Promise.all([templates, this.#refresh()]);
    const newest = this.#records[0];
    if (newest) this.document.show(newest);
    else await this.create(TEMPLATES[0]!.id, undefined, this.locale.t('library.firstName'));
  }

  /** Stops timers and the tab channel. */
  close(): void {
    this.document.close();
    this.#channel?.close();
  }

  /** Creates a scenario from a template and optional preset (named after it, or as given), saves it and opens it. */
  async create(templateId: string, presetId?: string, named?: string): Promise<void> {
    const template = this.templates.find(templateId) ?? TEMPLATES[0]!;
    const preset = template.presets.find((p) => p.id === presetId);
    const name = named ?? (preset ? this.locale.label(preset.label) : this.locale.label(template.label));
    await this.#addAndOpen(applyPreset(template, preset, this.#uniqueName(name)), originOf(template));
  }

  /** Saves a scenario made elsewhere (a presentation's levers) as a new one, on the open one's template, and opens it. */
  async createFrom(scenario: Scenario): Promise<void> {
    const template = this.document.doc?.template ?? TEMPLATES[0]!;
    await this.#addAndOpen(renamed(scenario, this.#uniqueName(scenario.meta.name)), originOf(template));
  }

  /** Saves a copy of a scenario under a new name and opens it. */
  async duplicate(id: string): Promise<void> {
    if (!(await this.document.leave())) return;
    const record = this.#records.find((r) => r.id === id);
    if (!record) return;
    const name = this.#uniqueName(this.locale.t('library.copyName', { name: record.scenario.meta.name }));
    await this.#addAndOpen(renamed(record.scenario, name), record);
  }

  /** Opens a saved scenario, saving the open one first. */
  async open(id: string): Promise<void> {
    if (this.document.doc?.record?.id === id) return;
    if (!(await this.document.leave())) return;
    const record = await this.#get(id);
    if (record) this.document.show(record);
  }

  /** Renames a saved scenario (through the sheet when it is the open one, so it can be undone). */
  async rename(id: string, name: string): Promise<void> {
    const trimmed = cleanText(name).trim();
    if (!trimmed) return;
    const doc = this.document.doc;
    if (doc?.record?.id === id) return doc.sheet.setName(trimmed);
    // Read the stored version first: the list may be behind a save made in another tab.
    const record = (await this.#get(id)) ?? this.#records.find((r) => r.id === id);
    if (!record) return;
    const result = await this.#store.put({ ...record, scenario: renamed(record.scenario, trimmed) }, record.revision);
    if (!result.ok) return this.#tell(failure(result));
    this.#announce(result.record);
    await this.#refresh();
  }

  /** Deletes a saved scenario; undoDelete brings it back. The open one is saved first, then replaced by another. */
  async remove(id: string): Promise<void> {
    const open = this.document.doc?.record?.id === id;
    // Undo must bring back the last edits too, so the open scenario is saved before it goes.
    if (open && !(await this.document.flush())) return;
    const record = (await this.#get(id)) ?? this.#records.find((r) => r.id === id);
    if (!record) return;
    try {
      await this.#store.remove(id);
    } catch {
      return this.#tell('failed');
    }
    this.#deleted = record;
    this.#compareIds = this.#compareIds.filter((c) => c !== id);
    this.#channel?.post({ type: 'deleted', id });
    await this.#refresh();
    if (open) {
      const next = this.#records[0];
      if (next) this.document.show(next);
      else await this.create(TEMPLATES[0]!.id, undefined, this.locale.t('library.firstName'));
    }
    this.#notice = { key: 'library.deleted', args: { name: record.scenario.meta.name } };
  }

  /** Restores the last deleted scenario. */
  async undoDelete(): Promise<void> {
    const record = this.#deleted;
    if (!record) return;
    this.#deleted = null;
    const result = await this.#store.put(record, null);
    if (!result.ok) return this.#tell(failure(result));
    this.#notice = { key: 'library.restored', args: { name: record.scenario.meta.name } };
    this.#announce(result.record);
    await this.#refresh();
  }

  /** The damaged records set aside, as a JSON file the planner can keep or send for repair. */
  exportQuarantined(): string {
    return damagedText(this.#quarantined);
  }

  /** Drops the damaged records for good (after the planner has exported or decided against them). */
  async dismissQuarantined(): Promise<void> {
    try {
      for (const q of this.#quarantined) await this.#store.removeQuarantined(q.id);
      this.#damagedTemplates = [];
    } catch {
      this.#tell('failed');
    }
    await this.#refresh();
  }

  /** Adds or removes a scenario from the comparison (at most four). */
  toggleCompare(id: string): void {
    if (this.#compareIds.includes(id)) this.#compareIds = this.#compareIds.filter((c) => c !== id);
    else if (this.#compareIds.length < 4) this.#compareIds = [...this.#compareIds, id];
  }

  /** The JSON text of an export file holding the given scenarios (all when omitted), the open one as it is now. */
  exportJson(ids?: readonly string[]): string {
    const doc = this.document.doc;
    // After a failed save the open scenario's current state exists only in memory: that is what to export, without
    // the summary of its last save (importing a record computes its summary afresh).
    const records = this.#records
      .filter((r) => !ids || ids.includes(r.id))
      .map((r) => (doc?.record?.id === r.id ? { ...r, scenario: doc.sheet.scenario, summary: undefined } : r));
    // The planner's own templates go with the scenarios made from them, each in the version they name.
    const templates = records.flatMap((r) => {
      if (this.templates.isBuiltIn(r.templateId)) return [];
      const template = this.templates.find(r.templateId, r.templateFingerprint);
      return template ? [template] : [];
    });
    return exportText(records, new Date(), [...new Set(templates)]);
  }

  async #onSync(msg: SyncMessage): Promise<void> {
    try {
      if (msg.type === 'deleted') {
        this.#records = this.#records.filter((r) => r.id !== msg.id);
        return this.document.deleted(msg.id);
      }
      const record = await this.#store.get(msg.id);
      if (!record) return;
      this.#patch(record);
      this.document.receive(record);
    } catch {
      this.#notice = { key: 'library.saveFailed', tone: 'error' };
    }
  }

  async #addAndOpen(scenario: Scenario, origin: Origin): Promise<void> {
    if (!(await this.document.leave())) return;
    const result = await this.#store.put(newRecord(scenario, origin), null);
    if (!result.ok) return this.#tell(failure(result));
    this.#announce(result.record);
    // Shown before the list is read again: the planner waits for the sheet, not for the list.
    this.document.show(result.record);
    await this.#refresh();
    await this.#afterFirstSave();
  }

  // A read that fails (storage gone away) is treated as "not there" rather than an error thrown at the UI.
  #get(id: string): Promise<StoredScenario | undefined> {
    return this.#store.get(id).catch(() => undefined);
  }

  // The planner's template versions; those no version can read are listed with the damaged records.
  async #loadTemplates(): Promise<void> {
    try {
      const { templates, damaged } = await this.#store.listTemplates();
      this.templates.load(templates.map((r) => r.template));
      this.#damagedTemplates = damaged;
    } catch {
      // Scenarios of the planner's templates then open with the default template's sources and presets.
    }
  }

  // Shows the listings while the records are read; a failure only means waiting for the records.
  async #readListings(): Promise<void> {
    try {
      const listings = await this.#store.listings();
      if (!this.#loaded) this.#listings = listings;
    } catch {
      // The list appears once the records are read.
    }
  }

  async #refresh(): Promise<void> {
    try {
      const { records, newer, quarantined } = await this.#store.list();
      this.#records = records;
      this.#loaded = true;
      this.#listings = [];
      this.#newer = newer;
      this.#quarantined = [...quarantined, ...this.#damagedTemplates];
    } catch {
      // The list stays as it was; saving reports its own failures.
      this.#notice = { key: 'library.saveFailed', tone: 'error' };
    }
  }

  #patch(record: StoredScenario): void {
    const others = this.#records.filter((r) => r.id !== record.id);
    this.#records = [record, ...others].sort((a, b) => b.updatedAt - a.updatedAt);
  }

  #announce(record: StoredScenario): void {
    this.#channel?.post({ type: 'saved', id: record.id, revision: record.revision });
  }

  // An action (rename, restore, import) failed: say so without marking the open scenario unsaved.
  #tell(reason: SaveFailure): void {
    this.#notice = failureNotice(reason);
  }

  async #afterFirstSave(): Promise<void> {
    if (this.#store.kind !== 'indexeddb' || (await this.#store.getSetting(PERSIST_KEY).catch(() => true))) return;
    await this.#store.setSetting(PERSIST_KEY, true).catch(() => undefined);
    const granted = await requestPersistence();
    // An error the planner has not seen yet (a bad link on the first visit) is not covered over by this.
    if (this.#notice?.tone !== 'error')
      this.#notice = { key: granted ? 'library.persisted' : 'library.exportReminder' };
  }

  #uniqueName(name: string): string {
    return uniqueName(name, new Set(this.#records.map((r) => r.scenario.meta.name)));
  }

  #summary(record: StoredScenario): ListedScenario {
    let listed = this.#summaries.get(record);
    if (!listed) {
      // The summary stored with the record; only a record saved without a valid one builds a model here.
      const { share, targetYear, met } = recordSummary(record);
      listed = { id: record.id, name: record.scenario.meta.name, updatedAt: record.updatedAt, share, targetYear, met };
      this.#summaries.set(record, listed);
    }
    return listed;
  }
}

function fromListing({ id, name, updatedAt, summary }: Listing): ListedScenario {
  return { id, name, updatedAt, share: summary.share, targetYear: summary.targetYear, met: summary.met };
}
