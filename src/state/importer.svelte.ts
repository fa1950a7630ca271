import type { MessageKey } from '../i18n';
import { newRecord, type StoredScenario } from '../storage';
import { MAX_IMPORT, parseExport, renamed } from './library-files';
import { failure, failureNotice, type LibraryHost } from './library-host';
import type { LocaleState } from './locale.svelte';
import type { OpenDocument } from './open-document.svelte';

/** An imported scenario whose id is already saved: the planner chooses. */
export interface ImportConflict {
  readonly incoming: StoredScenario;
  readonly existing: StoredScenario;
}

/** Reads export files into the library; a scenario already saved waits for the planner's choice. */
export class Importer {
  #conflicts = $state.raw<readonly ImportConflict[]>([]);
  readonly #host: LibraryHost;
  readonly #document: OpenDocument;
  readonly #locale: LocaleState;

  constructor(host: LibraryHost, document: OpenDocument, locale: LocaleState) {
    this.#host = host;
    this.#document = document;
    this.#locale = locale;
  }

  /** Imported scenarios that wait for the planner's choice, oldest first. */
  get conflicts(): readonly ImportConflict[] {
    return this.#conflicts;
  }

  /** Imports export files (from the picker or a drop), refusing oversized ones before reading them. */
  async importFiles(files: Iterable<{ readonly size: number; text(): Promise<string> }>): Promise<void> {
    for (const file of files) {
      if (file.size > MAX_IMPORT) {
        this.#host.tell({ key: 'import.error.tooLarge', tone: 'error' });
        continue;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        this.#host.tell({ key: 'import.error.read', tone: 'error' });
        continue;
      }
      await this.importText(text);
    }
  }

  /** Imports an export file: new scenarios are saved, ones already saved wait for the planner's choice. */
  async importText(text: string): Promise<void> {
    const records = parseExport(text);
    if (!records.ok) {
      this.#host.tell({ key: `import.error.${records.error}` as MessageKey, tone: 'error' });
      return;
    }
    let added = 0;
    let failed = 0;
    const conflicts: ImportConflict[] = [];
    // The planner's own templates come first, so the scenarios made from them open with them. One that cannot be
    // read costs only its scenarios' sources and presets: they open with the default template's.
    if (records.templates.length) {
      const { readTemplate } = await import('../templates/validate-template');
      for (const item of records.templates) {
        const read = readTemplate(item);
        if (!read.ok || this.#host.templates.isBuiltIn(read.template.id)) continue;
        const kept = await this.#host.store.putTemplate(read.template);
        if (kept.ok) this.#host.templates.add(kept.record.template);
      }
    }
    // Choices still open from an earlier file stay open; an id seen twice is asked about once.
    const pending = new Set(this.#conflicts.map((c) => c.incoming.id));
    for (const incoming of records.valid) {
      if (pending.has(incoming.id)) continue;
      const existing = await this.#get(incoming.id);
      if (existing) {
        conflicts.push({ incoming, existing });
        pending.add(incoming.id);
        continue;
      }
      const result = await this.#host.store.put(incoming, null);
      if (result.ok) added++;
      else failed++;
    }
    this.#conflicts = [...this.#conflicts, ...conflicts];
    await this.#host.refresh();
    const args = { added, invalid: records.invalid + failed, conflicts: conflicts.length };
    this.#host.tell(failed ? { key: 'import.done', args, tone: 'error' } : { key: 'import.done', args });
  }

  /** Settles one import conflict: replace the saved scenario, keep both, or skip the incoming one. */
  async resolveImport(conflict: ImportConflict, choice: 'replace' | 'both' | 'skip'): Promise<void> {
    this.#conflicts = this.#conflicts.filter((c) => c !== conflict);
    if (choice === 'skip') return;
    const { incoming, existing } = conflict;
    const open = this.#document.doc?.record?.id === existing.id;
    if (choice === 'replace') {
      if (open && !(await this.#document.flush())) return;
      const current = (await this.#get(existing.id)) ?? existing;
      const result = await this.#host.store.put({ ...incoming, revision: current.revision }, current.revision);
      if (!result.ok) return this.#host.tell(failureNotice(failure(result)));
      this.#host.announce(result.record);
      if (open) this.#document.show(result.record);
    } else {
      const name = this.#host.uniqueName(this.#locale.t('library.copyName', { name: incoming.scenario.meta.name }));
      const result = await this.#host.store.put(newRecord(renamed(incoming.scenario, name), incoming), null);
      if (!result.ok) return this.#host.tell(failureNotice(failure(result)));
    }
    await this.#host.refresh();
  }

  // A read that fails (storage gone away) is treated as "not there" rather than an error thrown at the UI.
  #get(id: string): Promise<StoredScenario | undefined> {
    return this.#host.store.get(id).catch(() => undefined);
  }
}
