import type { Template } from '../templates';
import type { OpenDoc } from './open-document.svelte';
import { moveToVersion, type TemplateMove } from './template-move';
import { newerTemplate, type TemplateVersions } from './template-newer';

/** A newer version of the open scenario's template: the version it uses, the latest, and the move between them. */
export interface TemplateUpdate {
  readonly from: Template;
  readonly to: Template;
  readonly move: TemplateMove;
}

/**
 * The newer version of the open scenario's template, with the scenario moved onto it for the planner to compare;
 * undefined when its template is built in or the open version is the latest.
 */
export function templateUpdate(doc: OpenDoc | null, registry: TemplateVersions): TemplateUpdate | undefined {
  const newer = newerTemplate(doc, registry);
  if (!doc || !newer) return undefined;
  return { ...newer, move: moveToVersion(doc.sheet.scenario, newer.from, newer.to) };
}
