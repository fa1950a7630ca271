import * as v from 'valibot';
import { cleanText, LIMITS, validateScenario, type Scenario } from '../engine';
import { applyTargetSet } from './target-set';
import type { Preset, SourceNote, Template, TargetSet } from './types';

/** Largest things a template from outside (a file, a link, storage) may hold, beside its scenario's own limits. */
export const TEMPLATE_LIMITS = {
  sources: 5000,
  presets: 20,
  targetSets: 10,
  sourceText: 1000,
  shortLabel: 30,
} as const;

/** A template read from outside, or why it cannot be read (paths and messages, at most a few). */
export type TemplateCheck = { ok: true; template: Template } | { ok: false; issues: string[] };

// Ids of templates a planner makes: lower-case words joined by hyphens, never a prototype name.
const TemplateId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,62}$/));
const Identifier = v.pipe(v.string(), v.regex(/^(?!__)[A-Za-z_][A-Za-z0-9_]{0,39}$/));
const Text = v.pipe(v.string(), v.maxLength(LIMITS.text), v.transform(cleanText));
const Label = v.union([Text, v.strictObject({ vi: Text, en: Text })]);
const SourceText = v.pipe(v.string(), v.maxLength(TEMPLATE_LIMITS.sourceText), v.transform(cleanText));
// A source is keyed by a variable ("manufacturing.growth") and optionally a year ("…@2025"); "__proto__" never passes.
const SourceKey = v.pipe(v.string(), v.regex(/^(?!__)[A-Za-z_][A-Za-z0-9_.]{0,80}(@\d{4})?$/));
const Year = v.pipe(v.number(), v.integer(), v.minValue(LIMITS.firstYear), v.maxValue(LIMITS.lastYear));

// A short name stands where the full one does not fit: a few words at most.
const ShortText = v.pipe(v.string(), v.maxLength(TEMPLATE_LIMITS.shortLabel), v.transform(cleanText));
const ShortLabel = v.union([ShortText, v.strictObject({ vi: ShortText, en: ShortText })]);

// Sentences (a source, what a preset assumes) may be longer than a name.
const Sentence = v.union([SourceText, v.strictObject({ vi: SourceText, en: SourceText })]);

const Source = v.strictObject({
  text: Sentence,
  assumption: v.optional(v.boolean()),
});

const Sources = v.pipe(
  v.record(SourceKey, Source),
  v.check((sources) => Object.keys(sources).length <= TEMPLATE_LIMITS.sources, 'too many sources'),
);

const PresetSchema = v.strictObject({
  id: Identifier,
  label: Label,
  assumes: Sentence,
  fromYear: Year,
  growth: v.record(Identifier, v.pipe(v.number(), v.finite(), v.minValue(-1), v.maxValue(10))),
  targetSet: v.optional(Identifier),
});

const TargetSetSchema = v.strictObject({
  id: Identifier,
  label: Label,
  // Checked as a scenario once applied (see readTemplate): the engine's schema is the one for target rows.
  rows: v.pipe(v.array(v.unknown()), v.maxLength(LIMITS.rows)),
});

const Envelope = v.strictObject({
  id: TemplateId,
  label: Label,
  scenario: v.unknown(),
  sources: Sources,
  presets: v.pipe(v.array(PresetSchema), v.maxLength(TEMPLATE_LIMITS.presets)),
  targetSets: v.optional(v.pipe(v.array(TargetSetSchema), v.maxLength(TEMPLATE_LIMITS.targetSets))),
  shortLabels: v.optional(v.record(Identifier, ShortLabel)),
});

function describe(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Reads unknown data (a file, a link, storage) as a template; never throws. Its scenario passes the engine's
 * validation, each target set gives a valid scenario once applied, and each preset names sectors and a target set
 * the template has. Texts are cleaned of control and bidi characters.
 */
export function readTemplate(data: unknown): TemplateCheck {
  const envelope = v.safeParse(Envelope, data);
  if (!envelope.success) return { ok: false, issues: envelope.issues.slice(0, 5).map(describe) };
  const checked = validateScenario(envelope.output.scenario);
  if (!checked.ok) return { ok: false, issues: checked.issues.map((issue) => `scenario: ${issue}`) };
  const scenario = checked.scenario;
  const targetSets: TargetSet[] = [];
  for (const [k, set] of (envelope.output.targetSets ?? []).entries()) {
    // The set's rows are read the way the engine reads a scenario's: applied, then validated.
    const applied = validateScenario(applyTargetSet(scenario, set as TargetSet));
    if (!applied.ok) return { ok: false, issues: applied.issues.map((issue) => `targetSets.${k}: ${issue}`) };
    targetSets.push({ ...set, rows: applied.scenario.rows.filter((r) => r.kind === 'target') });
  }
  const problem = presetProblem(envelope.output.presets, scenario, targetSets);
  if (problem) return { ok: false, issues: [problem] };
  const { id, label, sources, presets } = envelope.output;
  const shortLabels = sectorShortLabels(envelope.output.shortLabels, scenario);
  const template: Template = {
    id,
    label,
    scenario,
    sources: sources as Record<string, SourceNote>,
    presets: presets as Preset[],
    ...(envelope.output.targetSets ? { targetSets } : {}),
    ...(shortLabels ? { shortLabels } : {}),
  };
  return { ok: true, template };
}

// Short names of sectors the scenario has: one left behind when a sector was renamed or split is dropped, not an
// error (it only shortens a heading, and the full name then shows).
function sectorShortLabels(shortLabels: Template['shortLabels'], scenario: Scenario): Template['shortLabels'] {
  const sectors = new Set(scenario.rows.filter((r) => r.kind === 'sector').map((r) => r.id));
  const kept = Object.entries(shortLabels ?? {}).filter(([id]) => sectors.has(id));
  return kept.length ? Object.fromEntries(kept) : undefined;
}

function presetProblem(presets: readonly Preset[], scenario: Scenario, sets: readonly TargetSet[]): string | undefined {
  const sectors = new Set(scenario.rows.filter((r) => r.kind === 'sector').map((r) => r.id));
  for (const [k, preset] of presets.entries()) {
    const unknown = Object.keys(preset.growth).find((id) => !sectors.has(id));
    if (unknown !== undefined) return `presets.${k}.growth: no sector ${unknown}`;
    if (preset.targetSet !== undefined && !sets.some((s) => s.id === preset.targetSet))
      return `presets.${k}.targetSet: no target set ${preset.targetSet}`;
  }
  return undefined;
}
