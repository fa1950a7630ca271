import type { ScenarioStore, StoredScenario } from '../storage';
import { templateFingerprint, type Template, type TemplateFileError } from '../templates';
import type { SaveFailure } from './library-host';
import type { TemplateRegistry } from './templates.svelte';

/** What the shelf needs from the library: its store, its registry, and a way to tell of a failed write. */
export interface ShelfHost {
  readonly store: ScenarioStore;
  readonly templates: TemplateRegistry;
  fail(reason: SaveFailure): void;
}

/** One saved version of a planner's template, with the saved scenarios made from it. */
export interface TemplateVersion {
  readonly template: Template;
  readonly fingerprint: string;
  /** 1 for the first version saved. */
  readonly number: number;
  /** Whether New scenario offers this version. */
  readonly latest: boolean;
  /** The names of the saved scenarios that keep this version. */
  readonly scenarios: readonly string[];
}

/** What a deletion did: versions removed, and versions kept because saved scenarios use them. */
export type DeleteOutcome = { ok: true; removed: number; kept: number } | { ok: false };

/** The versions of one template, oldest first, each with the scenarios among `records` that keep it. */
export function versionsOf(
  templates: TemplateRegistry,
  id: string,
  records: readonly StoredScenario[],
): TemplateVersion[] {
  const versions = templates.versions.filter((t) => t.id === id);
  return versions.map((template, i) => {
    const fingerprint = templateFingerprint(template);
    const scenarios = records
      .filter((r) => r.templateId === id && (r.templateFingerprint ?? fingerprint) === fingerprint)
      .map((r) => r.scenario.meta.name);
    return { template, fingerprint, number: i + 1, latest: i === versions.length - 1, scenarios };
  });
}

/**
 * The planner's templates as things kept on a shelf: saved, exported to a file, imported from one, and deleted
 * (never a version a saved scenario still uses).
 */
export class TemplateShelf {
  readonly #host: ShelfHost;

  /** A shelf over the library's store and registry. */
  constructor(host: ShelfHost) {
    this.#host = host;
  }

  /**
   * Stores a version of one of the planner's templates and offers it in New scenario; false, with a notice, when it
   * could not be stored (a built-in template's id, or a failed write).
   */
  async saveTemplate(template: Template): Promise<boolean> {
    try {
      const result = await this.#host.store.putTemplate(template);
      if (!result.ok) {
        this.#host.fail(result.reason === 'quota' ? 'quota' : 'failed');
        return false;
      }
      this.#host.templates.add(result.record.template);
      return true;
    } catch {
      this.#host.fail('failed');
      return false;
    }
  }

  /** The text of a template file holding the latest version of each of the planner's templates named. */
  async exportTemplates(ids: readonly string[]): Promise<string> {
    const { templates } = this.#host;
    const chosen = ids.flatMap((id) => {
      const template = templates.isBuiltIn(id) ? undefined : templates.find(id);
      return template ? [template] : [];
    });
    // Template files load their code on first use, like the templates' storage.
    const { templateFileText } = await import('../templates/template-file');
    return templateFileText(chosen, new Date());
  }

  /**
   * Reads a template file and stores each template in it: how many were stored and how many were left out (not
   * valid, or not stored), or why the file is no template file.
   */
  async importTemplates(text: string): Promise<{ saved: Template[]; left: number } | { error: TemplateFileError }> {
    const { parseTemplateFile } = await import('../templates/template-file');
    const file = parseTemplateFile(text);
    if ('error' in file) return file;
    const saved: Template[] = [];
    for (const template of file.templates) if (await this.saveTemplate(template)) saved.push(template);
    return { saved, left: file.invalid + file.templates.length - saved.length };
  }

  /** The versions of a template with the saved scenarios that keep each, read from storage now. */
  async versions(id: string): Promise<TemplateVersion[]> {
    const { records } = await this.#host.store.list();
    return versionsOf(this.#host.templates, id, records);
  }

  /**
   * Deletes a template's versions (all, or those with the fingerprints given) that no saved scenario uses; a
   * version a scenario keeps stays, so that scenario opens as it was made. A scenario a newer version of the app
   * wrote may name any version: while there is one, nothing is deleted.
   */
  async deleteTemplate(id: string, fingerprints?: readonly string[]): Promise<DeleteOutcome> {
    const { store, templates } = this.#host;
    if (templates.isBuiltIn(id)) throw new Error(`a built-in template id: ${id}`);
    try {
      const { records, newer } = await store.list();
      const versions = versionsOf(templates, id, records);
      const asked = (v: TemplateVersion) => !fingerprints || fingerprints.includes(v.fingerprint);
      const keep = versions.filter((v) => !asked(v) || v.scenarios.length > 0 || newer.length > 0);
      await store.removeTemplateVersions(
        id,
        keep.map((v) => v.fingerprint),
      );
      templates.remove(
        id,
        keep.map((v) => v.fingerprint),
      );
      return { ok: true, removed: versions.length - keep.length, kept: keep.filter(asked).length };
    } catch {
      this.#host.fail('failed');
      return { ok: false };
    }
  }
}
