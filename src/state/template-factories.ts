import { LIMITS, type Label, type Scenario } from '../engine';
import { TEMPLATES } from '../templates';
import type { Template } from '../templates/types';
import { copyLabel, labelIn, templateIdFrom } from './template-ids';
import { mapPresetGrowth, targetRowsOf } from './template-rows';
import { scenarioSources } from './template-sources';
import { checkedLabel, done, isRefusal, yearProblem, type Edited } from './template-status';

// The drafts the template editor starts from: a copy of a template, a template from a scenario, an empty template.

/** What a new, empty template needs. */
export interface NewTemplate {
  readonly label: Label;
  readonly region: Label;
  readonly unit: Label;
  readonly baseYear: number;
  readonly horizon: number;
}

/** The id and label of a template made from another or from a scenario; ids in `taken` and shipped ones are avoided. */
export interface CopyOptions {
  readonly id?: string;
  readonly label?: Label;
  readonly taken?: ReadonlySet<string>;
}

const SHIPPED = new Set(TEMPLATES.map((t) => t.id));
const newId = (label: Label, taken?: ReadonlySet<string>) =>
  templateIdFrom(label, (id) => SHIPPED.has(id) || !!taken?.has(id));

/** A copy of a template under a new id and label ("… (bản sao)"), its presets as plain figures. */
export function copyTemplate(template: Template, options: CopyOptions = {}): Template {
  const label = options.label ?? copyLabel(template.label);
  // Spreading a preset reads its computed rates once, so the copy holds plain figures.
  const presets = template.presets.map((p) => ({ ...p }));
  return { ...template, id: options.id ?? newId(label, options.taken), label, presets };
}

/**
 * A template from a scenario: its rows, history and targets become the template's (its target set takes its target
 * rows), the template's sources stay, and each input the scenario changed is marked as the scenario's assumption.
 */
export function templateFromScenario(scenario: Scenario, template: Template, options: CopyOptions = {}): Template {
  const label = options.label ?? scenario.meta.name;
  const sectors = new Set(scenario.rows.filter((r) => r.kind === 'sector').map((r) => r.id));
  const presets = mapPresetGrowth(template.presets, (entry) => (sectors.has(entry[0]) ? [entry] : []));
  const sets = template.targetSets ?? [];
  const active = (sets.find((s) => s.id === scenario.meta.targetSet) ?? sets[0])?.id;
  const targetSets = sets.map((s) => (s.id === active ? { ...s, rows: targetRowsOf(scenario) } : s));
  const id = options.id ?? newId(label, options.taken);
  const sources = scenarioSources(template, scenario);
  return { id, label, scenario, sources, presets, ...(template.targetSets && { targetSets }) };
}

/** An empty template with no sector yet (the first one added becomes the focus), or why its settings cannot be. */
export function emptyTemplate(spec: NewTemplate, options: CopyOptions = {}): Edited {
  const labels = [spec.label, spec.region, spec.unit].map(checkedLabel);
  const problem =
    labels.find(isRefusal) ??
    yearProblem(spec.baseYear, LIMITS.firstYear, LIMITS.maxHorizon - 1) ??
    yearProblem(spec.horizon, spec.baseYear + 1, LIMITS.maxHorizon);
  if (problem) return problem;
  const [label, region, unit] = labels as [Label, Label, Label];
  const { baseYear, horizon } = spec;
  const meta = { name: labelIn(label, 'vi'), region, unit, baseYear, horizon, focus: '' };
  const scenario: Scenario = { meta, rows: [], history: {} };
  return done({ id: options.id ?? newId(label, options.taken), label, scenario, sources: {}, presets: [] });
}
