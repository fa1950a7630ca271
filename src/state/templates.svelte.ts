import { templateFingerprint, TEMPLATES, type Template } from '../templates';

/** Where a scenario came from, as a record names it: the template's id and the fingerprint of its version. */
export interface TemplateOrigin {
  readonly templateId: string;
  readonly templateFingerprint: string;
}

/** The origin a new record of this template carries, so that it keeps this version when the template is edited. */
export function originOf(template: Template): TemplateOrigin {
  return { templateId: template.id, templateFingerprint: templateFingerprint(template) };
}

/**
 * The templates a scenario can come from: the built-in ones and every saved version of the planner's own. A
 * scenario keeps the version it was made with; New scenario offers the latest version of each.
 */
export class TemplateRegistry {
  // Every version of the planner's templates, oldest first, so the last one of an id is its latest.
  #versions = $state.raw<readonly Template[]>([]);

  /** The templates New scenario offers: the built-in ones, then the latest version of each of the planner's. */
  get choices(): readonly Template[] {
    const latest = new Map<string, Template>();
    for (const template of this.#versions) latest.set(template.id, template);
    return [...TEMPLATES, ...latest.values()];
  }

  /** The planner's template versions (oldest first). */
  get versions(): readonly Template[] {
    return this.#versions;
  }

  /** Whether a template is one the app ships (its id is one of theirs). */
  isBuiltIn(id: string): boolean {
    return TEMPLATES.some((t) => t.id === id);
  }

  /**
   * The template a scenario names: the version with its fingerprint if there is one, else the latest of its id;
   * undefined for an id no template has. A built-in id always gives the built-in template.
   */
  find(id: string, fingerprint?: string): Template | undefined {
    const builtIn = TEMPLATES.find((t) => t.id === id);
    if (builtIn) return builtIn;
    const versions = this.#versions.filter((t) => t.id === id);
    return versions.find((t) => templateFingerprint(t) === fingerprint) ?? versions.at(-1);
  }

  /**
   * Takes the planner's versions read from storage, in the order they were saved; versions added meanwhile (a link
   * opened while storage was being read) stay, as the latest.
   */
  load(versions: readonly Template[]): void {
    const stored = versions.filter((t) => !this.isBuiltIn(t.id));
    const key = (t: Template): string => `${t.id}@${templateFingerprint(t)}`;
    const known = new Set(stored.map(key));
    this.#versions = [...stored, ...this.#versions.filter((t) => !known.has(key(t)))];
  }

  /**
   * Adds a version of one of the planner's templates as its latest. A version with the same numbers (the same
   * fingerprint: only its sources, presets or names differ) takes that version's place rather than adding one.
   */
  add(template: Template): void {
    if (this.isBuiltIn(template.id)) throw new Error(`a built-in template id: ${template.id}`);
    const fingerprint = templateFingerprint(template);
    const others = this.#versions.filter((t) => t.id !== template.id || templateFingerprint(t) !== fingerprint);
    this.#versions = [...others, template];
  }

  /** Drops the versions of a template but those with the fingerprints kept (the ones saved scenarios use). */
  remove(id: string, keep: readonly string[]): void {
    this.#versions = this.#versions.filter((t) => t.id !== id || keep.includes(templateFingerprint(t)));
  }
}
