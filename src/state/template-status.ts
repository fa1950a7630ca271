import { LIMITS, type CellInput, type Label, type Locale } from '../engine';
import type { MessageKey } from '../i18n';
import { isTemplateKey, translateTemplate, type TemplateKey } from '../i18n/template';
import type { TemplateIssue, TemplateIssueKey } from '../templates';
import type { Template } from '../templates/types';
import type { Status } from './sheet-types';
import { cleanLabel } from './template-ids';

// What an edit of a template draft says: the outcome, the refusals of the checks every edit makes, and the messages.

/**
 * A message of the template editor, translated by the view: most keys are the editor's own (src/i18n/template.ts,
 * loaded with it, not at start), a few the start dictionaries' (`rows.problem.*` for a row id); templateStatusText
 * reads either, or a view tells them apart with isTemplateKey.
 */
export interface TemplateStatus<K extends TemplateKey | MessageKey = TemplateKey | MessageKey> {
  readonly key: K;
  readonly args?: Status['args'];
  /** Arguments that are names in both languages (a preset's), filled in the language the message is shown in. */
  readonly labels?: Readonly<Record<string, Label>>;
  readonly tone?: Status['tone'];
}

/**
 * The text of a template editor's message in a language: the editor's own texts, or through `t` (the view's
 * LocaleState.t) the start dictionaries'. Importing those here would split the start chunk when the editor loads.
 */
export function templateStatusText(
  locale: Locale,
  status: TemplateStatus,
  t: (key: MessageKey, args?: Status['args']) => string,
): string {
  const named = Object.entries(status.labels ?? {}).map(([k, l]) => [k, typeof l === 'string' ? l : l[locale]]);
  const args = named.length ? { ...status.args, ...Object.fromEntries(named) } : status.args;
  return isTemplateKey(status.key) ? translateTemplate(locale, status.key, args) : t(status.key, args);
}

/** Why an edit of a template draft cannot be made, as a message for the field. */
export interface Refusal {
  readonly ok: false;
  readonly problem: TemplateStatus;
}

/** The outcome of an edit of a template draft: the next draft and what the planner should know, or a refusal. */
export type Edited<T extends object = object> =
  ({ readonly ok: true; readonly template: Template; readonly notes: readonly TemplateStatus[] } & T) | Refusal;

/** An edit made: the next draft and what the planner should know. */
export const done = (template: Template, notes: readonly TemplateStatus[] = []) => ({
  ok: true as const,
  template,
  notes,
});

/** An edit refused, with the message for the field. */
export const refuse = (
  key: TemplateKey | MessageKey,
  args?: TemplateStatus['args'],
  labels?: TemplateStatus['labels'],
): Refusal => ({
  ok: false,
  problem: { key, ...(args && { args }), ...(labels && { labels }), tone: 'error' },
});

/** Whether a check's answer is a refusal (rather than the value it checked). */
export const isRefusal = (x: unknown): x is Refusal => (x as Refusal | undefined)?.ok === false;

/** A label as typed, cleaned, or why it cannot be one (blank, or too long). */
export function checkedLabel(label: Label): Label | Refusal {
  const clean = cleanLabel(label);
  if (clean === 'empty') return refuse('template.emptyLabel');
  return clean === 'long' ? refuse('template.tooLong', { max: LIMITS.text }) : clean;
}

/** Why an input cannot be: not a number nor a formula within the engine's length; a rate (growth, price) at −100%. */
export function inputProblem(input: CellInput | undefined, rate = false): Refusal | undefined {
  if (input === undefined) return undefined;
  if (typeof input === 'string')
    return input.startsWith('=') && input.length <= LIMITS.input ? undefined : refuse('template.notNumber');
  if (!Number.isFinite(input)) return refuse('template.notNumber');
  return rate && input <= -1 ? refuse('template.rateRange') : undefined;
}

/** Why a year cannot be: not an integer from min to max. */
export const yearProblem = (year: number, min: number, max: number): Refusal | undefined =>
  Number.isInteger(year) && year >= min && year <= max ? undefined : refuse('template.yearRange', { min, max });

const ISSUE_MESSAGES: Readonly<Record<TemplateIssueKey, TemplateKey>> = {
  noSectors: 'template.issue.noSectors',
  focusNotSector: 'template.issue.focusNotSector',
  baseMissing: 'template.issue.baseMissing',
  structureSum: 'template.issue.structureSum',
  sharesSum: 'template.issue.sharesSum',
  targetOnNothing: 'template.issue.targetOnNothing',
  growthMissing: 'template.issue.growthMissing',
  unsourced: 'template.issue.unsourced',
};

/** The message of a template issue, for the field it is at. */
export function issueStatus(issue: TemplateIssue): TemplateStatus<TemplateKey> {
  return {
    key: ISSUE_MESSAGES[issue.key],
    ...(issue.args && { args: issue.args }),
    ...(issue.severity === 'error' && { tone: 'error' as const }),
  };
}
