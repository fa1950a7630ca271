import { evaluate, remember, type Scenario } from '../engine';
import type { MessageKey } from '../i18n';
import { newRecord, type StoredScenario } from '../storage';
import { TEMPLATES, type Template } from '../templates';
import { originOf } from './templates.svelte';
import { GridState } from './grid.svelte';
import type { LocaleState } from './locale.svelte';
import { isShareFragment } from './library-files';
import { failure, failureNotice, type LibraryHost, type SaveFailure } from './library-host';
import { Sheet } from './sheet.svelte';

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

/** What the planner chose when an unsaved scenario with edits was about to be replaced. */
export type ReplaceChoice = 'save' | 'discard' | 'stay';

const SAVE_DELAY = 400;
const OPEN_KEY = 'open';

/** The open scenario: its sheet, its autosave queue, the copy kept on a save conflict, and other tabs' saves. */
export class OpenDocument {
  #doc = $state.raw<OpenDoc | null>(null);
  #saveState = $state<SaveState>('loading');
  /** Why the open scenario has no saved record: opened from a link, or deleted in another tab. */
  #unsaved = $state<'link' | 'deleted' | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<boolean> = Promise.resolve(true);
  #savingShared = false;
  // The question asked before an unsaved scenario with edits is replaced, waiting for the planner's answer.
  #question = $state.raw<((choice: ReplaceChoice) => void) | null>(null);
  // The journal key of the open document: its unsaved edits are copied there on every change.
  #journalKey: string | null = null;
  // The last template move on the open sheet: while the sheet stands on the scenario before it (undone), the
  // document goes back to the version it came from; on the one after it (redone), to the new version.
  #move: { sheet: Sheet; before: Scenario; after: Scenario; from: Template; to: Template } | null = null;
  readonly #host: LibraryHost;
  readonly #locale: LocaleState;
  readonly #showHistory: boolean;

  /** showHistory: whether the first sheet starts with the recorded-year columns shown (later ones keep the choice). */
  constructor(host: LibraryHost, locale: LocaleState, options: { showHistory: boolean }) {
    this.#host = host;
    this.#locale = locale;
    this.#showHistory = options.showHistory;
  }

  /** The open scenario, or null before one is opened. */
  get doc(): OpenDoc | null {
    return this.#doc;
  }

  /** Where the open scenario stands with storage. */
  get saveState(): SaveState {
    return this.#saveState;
  }

  /** Why the open scenario has no saved record, if it has none. */
  get unsaved(): 'link' | 'deleted' | null {
    return this.#unsaved;
  }

  /** Whether the open scenario has edits that are not saved yet. */
  get dirty(): boolean {
    const doc = this.#doc;
    return !!doc && doc.sheet.scenario !== doc.saved;
  }

  /** Whether the planner is being asked what to do with an unsaved scenario that is about to be replaced. */
  get asking(): boolean {
    return this.#question !== null;
  }

  /** Answers the question asked before an unsaved scenario is replaced. */
  answer(choice: ReplaceChoice): void {
    this.#question?.(choice);
  }

  /**
   * Makes way for another scenario: saves pending edits; an unsaved one (from a link with edits, or deleted in
   * another tab) is replaced only when the planner says so, saved first if they choose. False to stay on it.
   */
  async leave(): Promise<boolean> {
    const doc = this.#doc;
    const unsaved = !!doc && !doc.record && (this.#unsaved === 'deleted' || doc.sheet.canUndo);
    if (!unsaved) return this.flush();
    // A second request while the first is still asked: the first stays where it is.
    this.#question?.('stay');
    const choice = await new Promise<ReplaceChoice>((resolve) => (this.#question = resolve));
    this.#question = null;
    if (choice === 'stay' || (choice === 'save' && !(await this.saveShared()))) return false;
    // Knowingly let go: its copy in the journal goes with it.
    if (choice === 'discard' && this.#journalKey) this.#host.journal.clear(this.#journalKey);
    return true;
  }

  /**
   * Whether edits would be lost if the page went away now: unsaved, failed to save, an edited unsaved link, or a cell
   * still being typed in (the grid commits it as the page goes, but a planner in mid-word should be asked first).
   */
  unsafeToLeave(): boolean {
    return !!this.#doc?.grid.editing || this.#holdsUnsaved();
  }

  // Edits that IndexedDB does not hold: not saved yet, failed to save, or made on a scenario without a record.
  #holdsUnsaved(): boolean {
    const doc = this.#doc;
    if (!doc) return false;
    if (!doc.record) return doc.sheet.canUndo;
    return this.#saveState === 'failed' || this.dirty;
  }

  /** Opens a saved scenario and remembers it for the next visit. */
  show(record: StoredScenario): void {
    const template = this.#host.templates.find(record.templateId, record.templateFingerprint) ?? TEMPLATES[0]!;
    this.#setDoc(record, template, record.scenario, record.scenario);
    this.#unsaved = null;
    this.#saveState = 'saved';
    // Remembering the open scenario is a convenience: a failure (full disk) must not surface as an error.
    this.#host.store.setSetting(OPEN_KEY, record.id).catch(() => undefined);
  }

  /** The id of the scenario open on the last visit, if any. */
  lastOpen(): Promise<unknown> {
    return this.#host.store.getSetting(OPEN_KEY).catch(() => undefined);
  }

  /** Opens a scenario from a share link, unsaved; on a bad link shows why and returns false. */
  async openLink(fragment: string): Promise<boolean> {
    if (!isShareFragment(fragment)) {
      this.#host.tell({ key: 'link.error.empty', tone: 'error' });
      return false;
    }
    // The link codec loads on first use: most visits open no link and share none.
    const { decodeShare } = await import('../share');
    const result = await decodeShare(fragment);
    // Valid data that still cannot be evaluated is refused like any other bad link.
    if (!result.ok || !evaluate(result.scenario)) {
      this.#host.tell({ key: `link.error.${result.ok ? 'invalid' : result.error}` as MessageKey, tone: 'error' });
      return false;
    }
    if (!(await this.leave())) return false;
    // A link made from a planner's own template carries it: the receiver can open and keep it like any other.
    if (result.template) this.#host.templates.add(result.template);
    const template = result.template ?? this.#host.templates.find(result.templateId) ?? TEMPLATES[0]!;
    this.#setDoc(null, template, result.scenario, null);
    this.#unsaved = 'link';
    this.#saveState = 'shared';
    return true;
  }

  /** The share fragment of the open scenario (without "#"), or undefined with a notice when no link would open. */
  async shareFragment(): Promise<string | undefined> {
    const doc = this.#doc;
    if (!doc) return undefined;
    const { encodeShare, ShareEncodeError } = await import('../share');
    try {
      return await encodeShare(doc.sheet.scenario, doc.template);
    } catch (e) {
      if (!(e instanceof ShareEncodeError)) throw e;
      this.#host.tell({ key: `share.error.${e.reason}`, tone: 'error' });
      return undefined;
    }
  }

  /** Saves the open unsaved scenario (from a link, or deleted elsewhere) into the library; true on success. */
  async saveShared(): Promise<boolean> {
    const doc = this.#doc;
    if (!doc || doc.record || this.#savingShared) return false;
    this.#savingShared = true;
    try {
      // The version written is the version marked saved: an edit made meanwhile stays pending.
      const scenario = doc.sheet.scenario;
      // A link of a planner's own template brought the template: it is kept before the scenario that names it.
      if (!this.#host.templates.isBuiltIn(doc.template.id)) {
        const kept = await this.#host.store.putTemplate(doc.template);
        if (!kept.ok) {
          this.#failed(kept.reason === 'quota' ? 'quota' : 'failed');
          return false;
        }
      }
      const result = await this.#host.store.put(newRecord(scenario, originOf(doc.template)), null);
      if (!result.ok) {
        this.#failed(failure(result));
        return false;
      }
      this.#setDoc(result.record, doc.template, scenario, scenario, doc.sheet);
      this.#unsaved = null;
      this.#saveState = 'saved';
      this.#host.announce(result.record);
      await this.#host.refresh();
      await this.#host.afterFirstSave();
      this.#scheduleSave();
      return true;
    } finally {
      this.#savingShared = false;
    }
  }

  /** Saves pending edits now (leaving the page, switching scenario); false when they could not be saved. */
  flush(): Promise<boolean> {
    clearTimeout(this.#timer);
    const next = this.#saving.catch(() => false).then(() => this.#save());
    this.#saving = next;
    return next;
  }

  /** Another tab saved a record: it replaces the open one's numbers only where nothing here is unsaved. */
  receive(record: StoredScenario): void {
    const doc = this.#doc;
    // Otherwise our next save keeps a copy. It arrives as an undoable step in the same sheet, so selection and
    // history stay.
    // A cell being typed in counts as unsaved too: the grid's draft would land on a sheet it was not typed for.
    if (doc?.record?.id !== record.id || record.revision <= doc.record.revision || this.dirty || doc.grid.editing)
      return;
    this.#setDoc(record, doc.template, record.scenario, record.scenario, doc.sheet);
    doc.sheet.receive(record.scenario);
  }

  /**
   * Moves the open scenario onto another version of its template: its numbers become the moved ones as one undoable
   * step, and its record names the new version, so that the autosave stores it and it reopens with that version.
   */
  moveToTemplate(to: Template, scenario: Scenario): void {
    const doc = this.#doc;
    if (!doc || doc.template.id !== to.id) return;
    const before = doc.sheet.scenario;
    this.#move = { sheet: doc.sheet, before, after: scenario, from: doc.template, to };
    this.#useTemplate(to);
    // The sheet's change saves the record with its new origin (and copies it into the journal).
    doc.sheet.receive(scenario);
    // Unchanged numbers (the new version differs only where the planner changed it): the new origin is saved too.
    if (doc.record && !this.dirty) this.#forceSave();
  }

  // The open document takes another version of its template; its record names it, for the next save.
  #useTemplate(template: Template): void {
    const doc = this.#doc;
    if (!doc || doc.template === template) return;
    const record = doc.record ? { ...doc.record, ...originOf(template) } : null;
    // Sources, presets and what "reset" restores follow the version now used.
    doc.sheet.useTemplate(template);
    this.#setDoc(record, template, doc.sheet.scenario, doc.saved, doc.sheet);
  }

  // Undoing a template move goes back to the version it came from; redoing it, to the new one.
  #followMove(): void {
    const move = this.#move;
    const scenario = this.#doc?.sheet.scenario;
    if (!move || this.#doc?.sheet !== move.sheet) return;
    if (scenario === move.before) this.#useTemplate(move.from);
    else if (scenario === move.after) this.#useTemplate(move.to);
  }

  // Saves the record as it stands even when its scenario did not change (its origin did).
  #forceSave(): void {
    const doc = this.#doc;
    if (!doc?.record) return;
    this.#setDoc(doc.record, doc.template, doc.sheet.scenario, null, doc.sheet);
    this.#scheduleSave();
  }

  /** Another tab deleted a record: if it is the open one, it stays open, unsaved. */
  deleted(id: string): void {
    const doc = this.#doc;
    if (doc?.record?.id !== id) return;
    this.#setDoc(null, doc.template, doc.sheet.scenario, null, doc.sheet);
    this.#unsaved = 'deleted';
    this.#saveState = 'shared';
  }

  /** Stops the autosave timer. */
  close(): void {
    clearTimeout(this.#timer);
  }

  // Mirrors what IndexedDB does not hold yet into the journal, synchronously: a tab closed now loses nothing.
  #keepJournal(): void {
    const doc = this.#doc;
    const key = this.#journalKey;
    if (!doc || !key) return;
    if (!this.#holdsUnsaved()) return this.#host.journal.clear(key);
    const { record, template, sheet } = doc;
    const entry = { recordId: record?.id ?? null, revision: record?.revision ?? null, templateId: template.id };
    this.#host.journal.write(key, { ...entry, scenario: sheet.scenario, at: Date.now() });
  }

  // Edits are saved shortly after they are made, batched so that typing is not slowed by storage.
  #scheduleSave(): void {
    if (!this.#doc?.record || !this.dirty) return;
    this.#saveState = 'pending';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), SAVE_DELAY);
  }

  async #save(): Promise<boolean> {
    const doc = this.#doc;
    if (!doc?.record) return true;
    const scenario = doc.sheet.scenario;
    if (scenario === doc.saved) {
      if (this.#saveState !== 'failed') this.#saveState = 'saved';
      return true;
    }
    this.#saveState = 'saving';
    const result = await this.#host.store.put({ ...doc.record, scenario }, doc.record.revision);
    if (result.ok) {
      // The stored copy is validated into a new object with the same numbers: it shares the sheet's evaluation.
      const evaluation = evaluate(scenario);
      if (evaluation) remember(result.record.scenario, evaluation);
      this.#host.announce(result.record);
      this.#host.patch(result.record);
      // The document may have been replaced meanwhile; only the one that was saved takes the new revision.
      const now = this.#doc;
      if (now?.sheet === doc.sheet) {
        // An undo of a template move during the write went back to the other version: the record names the version
        // in use now, and is written again even where the numbers are the ones just stored.
        const moved = now.template !== doc.template;
        const record = moved ? { ...result.record, ...originOf(now.template) } : result.record;
        this.#setDoc(record, now.template, scenario, moved ? null : scenario, doc.sheet);
        this.#saveState = !moved && doc.sheet.scenario === scenario ? 'saved' : 'pending';
        if (this.#saveState === 'pending') this.#scheduleSave();
      }
      await this.#host.afterFirstSave();
      return true;
    }
    if (result.reason === 'conflict') return this.#keepCopy(doc, scenario);
    this.#failed(result.reason);
    return false;
  }

  // Another tab saved this scenario meanwhile: ours becomes a copy, so neither edit is lost.
  async #keepCopy(doc: OpenDoc, scenario: Scenario): Promise<boolean> {
    const name = this.#host.uniqueName(this.#locale.t('library.conflictName', { name: scenario.meta.name }));
    const copy = newRecord({ ...scenario, meta: { ...scenario.meta, name } }, doc.record ?? originOf(doc.template));
    const result = await this.#host.store.put(copy, null);
    if (!result.ok) {
      this.#failed(failure(result));
      return false;
    }
    this.#setDoc(result.record, doc.template, doc.sheet.scenario, result.record.scenario, doc.sheet);
    doc.sheet.setName(name);
    this.#saveState = this.dirty ? 'pending' : 'saved';
    this.#host.tell({ key: 'library.conflict', args: { name }, tone: 'error' });
    this.#host.announce(result.record);
    await this.#host.refresh();
    if (this.dirty) this.#scheduleSave();
    return true;
  }

  // The open scenario could not be saved: its badge says so, and the notice offers the way out.
  #failed(reason: SaveFailure): void {
    this.#saveState = 'failed';
    this.#host.tell(failureNotice(reason));
  }

  #setDoc(
    record: StoredScenario | null,
    template: Template,
    scenario: Scenario,
    saved: Scenario | null,
    sheet?: Sheet,
  ) {
    const before = this.#doc;
    // View choices carry over from the scenario open before.
    const keep =
      sheet ??
      new Sheet(template, scenario, {
        showHistory: before?.sheet.showHistory ?? this.#showHistory,
        showPrices: before?.sheet.showPrices ?? false,
        chartLine: before?.sheet.chartLine,
        onChange: () => {
          this.#followMove();
          this.#keepJournal();
          this.#scheduleSave();
        },
      });
    const grid = sheet && before?.sheet === sheet ? before.grid : new GridState(keep, this.#locale);
    this.#doc = { record, template, sheet: keep, grid, saved };
    if (before?.sheet !== keep || before.record?.id !== record?.id) {
      // Another document (or the same one under another record): what the old key held is saved or let go.
      if (this.#journalKey) this.#host.journal.clear(this.#journalKey);
      this.#journalKey = this.#host.journal.keyFor(record?.id ?? null);
    }
    this.#keepJournal();
  }
}
