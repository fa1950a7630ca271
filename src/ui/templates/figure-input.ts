import type { CellInput, Format, Locale } from '../../engine';
import { readFigure } from '../../state/template-dialog';
import type { TemplateStatus } from '../../state/template-editor.svelte';

/** What an edit of the template editor did, as the status line shows it. */
export type EditOutcome = { ok: true; notes: readonly TemplateStatus[] } | { ok: false; problem: TemplateStatus };

/** Reports an edit; a refused edit puts the field back as the draft has it. */
export function reportEdit(
  result: EditOutcome,
  onedit: (result: EditOutcome) => void,
  field?: HTMLInputElement,
  shown?: string,
): void {
  onedit(result);
  if (!result.ok && field && shown !== undefined) field.value = shown;
}

/** Reads a figure typed into a field as the sheet reads a cell and applies it; unreadable text is refused in place. */
export function typeFigure(
  field: HTMLInputElement,
  locale: Locale,
  format: Format,
  set: (input: CellInput | undefined) => EditOutcome,
  was: string,
  onedit: (result: EditOutcome) => void,
): void {
  const read = readFigure(field.value, locale, format);
  reportEdit(read.ok ? set(read.input) : { ok: false, problem: read.problem }, onedit, field, was);
}

/** An edit that takes a number only: a formula typed there is refused with a message that says so. */
export function numberOnly(
  set: (value: number | undefined) => EditOutcome,
): (input: CellInput | undefined) => EditOutcome {
  return (input) =>
    typeof input === 'string' ? { ok: false, problem: { key: 'template.numberOnly', tone: 'error' } } : set(input);
}

/** The ids of the elements that describe a field, or undefined when none does. */
export const describedBy = (...ids: (string | false)[]): string | undefined =>
  ids.filter(Boolean).join(' ') || undefined;
