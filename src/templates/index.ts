import { sectorVar, withInput, type Scenario } from '../engine';
import { quangNinh } from './quang-ninh';
import { quangNinh2025 } from './quang-ninh-2025';
import { applyTargetSet } from './target-set';
import type { Preset, Template } from './types';

export { applyTargetSet } from './target-set';

export type { Preset, SourceNote, TargetSet, Template } from './types';
export { templateFingerprint, unstampedFingerprint } from './fingerprint';
// Validation, checks and files of the planner's templates are imported from their modules, not re-exported here:
// their schemas run when their module loads, and everything that imports this index loads at start.
export type { TemplateCheck } from './validate-template';
export type { TemplateIssue, TemplateIssueKey } from './check-template';
export type { TemplateFileError } from './template-file';

/** Every province template the app ships, the default first. */
export const TEMPLATES: readonly Template[] = [quangNinh2025, quangNinh];

/** A template by id, or undefined for an id no template has. */
export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** The template's scenario under a new name, with a preset's growth rates (and target set) written into it. */
export function applyPreset(template: Template, preset: Preset | undefined, name: string): Scenario {
  let scenario: Scenario = { ...template.scenario, meta: { ...template.scenario.meta, name } };
  const set = template.targetSets?.find((s) => s.id === preset?.targetSet);
  if (set) scenario = applyTargetSet(scenario, set);
  for (const [sector, rate] of Object.entries(preset?.growth ?? {})) {
    for (let year = preset!.fromYear; year <= scenario.meta.horizon; year++) {
      scenario = withInput(scenario, sectorVar(sector, 'growth'), year, rate);
    }
  }
  return scenario;
}
