import {
  cellKey,
  sectorVar,
  splitVarId,
  withRowId,
  type CellInput,
  type Label,
  type Locale,
  type Scenario,
  type YearCells,
} from '../engine';
import { TEMPLATE_LIMITS } from '../templates/validate-template';
import type { SourceNote, Template } from '../templates/types';
import { labelIn } from './template-ids';
import { isLevel, type SplitInto } from './template-split';

// A template's sources by key ("variable@year", or "variable" for a row) as its rows are split, renamed or removed, and
// those of a template made from a scenario.

/** A source key's variable and year: "mining.growth@2026" → ["mining.growth", "@2026"], "mining" → ["mining", ""]. */
export function keyParts(key: string): [variable: string, year: string] {
  const at = key.indexOf('@');
  return at < 0 ? [key, ''] : [key.slice(0, at), key.slice(at)];
}

const percentText = (f: number, locale: Locale): string => {
  const text = String(Math.round(f * 10000) / 100);
  return `${locale === 'vi' ? text.replace('.', ',') : text}%`;
};

// "split from …: <the whole's source>", cut to the length a template's source may have.
function splitNote(text: Label, whole: Label, fraction: number | undefined): Label {
  const note = (locale: Locale): string => {
    const name = labelIn(whole, locale);
    if (fraction !== undefined)
      return locale === 'vi'
        ? `tách từ “${name}” theo tỷ lệ ${percentText(fraction, 'vi')}`
        : `split from “${name}” at ${percentText(fraction, 'en')}`;
    return locale === 'vi'
      ? `tách từ “${name}”, giả định biến động như ngành gốc`
      : `split from “${name}”, assumed to move with it`;
  };
  const join = (locale: Locale) => {
    const all = `${note(locale)}: ${labelIn(text, locale)}`;
    return all.length <= TEMPLATE_LIMITS.sourceText ? all : `${all.slice(0, TEMPLATE_LIMITS.sourceText - 1)}…`;
  };
  return { vi: join('vi'), en: join('en') };
}

/** The sources with those of a split sector copied to each part, as assumptions that say how they were split. */
export function splitSources(
  sources: Template['sources'],
  whole: { readonly id: string; readonly label: Label },
  parts: readonly SplitInto[],
): Record<string, SourceNote> {
  return Object.fromEntries(
    Object.entries(sources).flatMap(([key, note]) => {
      const [variable, year] = keyParts(key);
      if (splitVarId(variable).rowId !== whole.id) return [[key, note]];
      return parts.map((p) => {
        const text = splitNote(note.text, whole.label, isLevel(variable) ? p.fraction : undefined);
        return [`${withRowId(variable, p.id)}${year}`, { text, assumption: true }];
      });
    }),
  );
}

/** The sources with those of row `from` keyed by row `to` ("mining.growth@2026" → "khai_khoang.growth@2026"). */
export function renameSources(sources: Template['sources'], from: string, to: string): Record<string, SourceNote> {
  return Object.fromEntries(
    Object.entries(sources).map(([key, note]) => {
      const [variable, year] = keyParts(key);
      return [splitVarId(variable).rowId === from ? `${withRowId(variable, to)}${year}` : key, note];
    }),
  );
}

/** The sources without those of a row. */
export function dropSources(sources: Template['sources'], rowId: string): Record<string, SourceNote> {
  return Object.fromEntries(Object.entries(sources).filter(([key]) => splitVarId(keyParts(key)[0]).rowId !== rowId));
}

// Each input cell of a scenario by its source key: a sector's base at the base year, a parameter by its id.
function inputCells(scenario: Scenario): Map<string, CellInput> {
  const cells = new Map<string, CellInput>();
  const add = (id: string, byYear: YearCells) => {
    for (const [year, input] of Object.entries(byYear)) cells.set(cellKey(id, Number(year)), input);
  };
  for (const row of scenario.rows) {
    if (row.kind === 'sector') {
      cells.set(cellKey(row.id, scenario.meta.baseYear), row.base);
      add(sectorVar(row.id, 'growth'), row.growth);
      add(sectorVar(row.id, 'price'), row.price);
    } else if (row.kind === 'param') cells.set(row.id, row.value);
    else add(row.id, row.cells);
  }
  return cells;
}

/**
 * The sources of a template made from a scenario: the template's, and for each input the planner changed from it,
 * an assumption that names the scenario (the template's source would cite a figure the cell no longer holds).
 */
export function scenarioSources(template: Template, scenario: Scenario): Record<string, SourceNote> {
  const before = inputCells(template.scenario);
  const { name } = scenario.meta;
  const note: SourceNote = {
    text: {
      vi: `số của kịch bản “${name}”, khác mẫu “${labelIn(template.label, 'vi')}”`,
      en: `the figure of scenario “${name}”, changed from template “${labelIn(template.label, 'en')}”`,
    },
    assumption: true,
  };
  const changed = [...inputCells(scenario)].filter(([key, input]) => before.get(key) !== input);
  return { ...template.sources, ...Object.fromEntries(changed.map(([key]) => [key, note])) };
}
