import { templateFingerprint, type Template } from '../templates';
import type { OpenDoc } from './open-document.svelte';

/** What the registry must tell: whether an id is built in, and the latest version of each template. */
export interface TemplateVersions {
  isBuiltIn(id: string): boolean;
  readonly choices: readonly Template[];
}

/**
 * The newer version of the open scenario's template, if there is one: undefined when its template is built in or
 * the open version is the latest. Cheap, for the banner on the start path; the move itself is in template-update.
 */
export function newerTemplate(
  doc: OpenDoc | null,
  registry: TemplateVersions,
): { from: Template; to: Template } | undefined {
  if (!doc) return undefined;
  const from = doc.template;
  if (registry.isBuiltIn(from.id)) return undefined;
  const to = registry.choices.find((t) => t.id === from.id);
  if (!to || to === from || templateFingerprint(to) === templateFingerprint(from)) return undefined;
  return { from, to };
}
