import { cellKey, Model, splitVarId, withRowId, type Label, type Locale, type Scenario } from '../engine';
import type { SourceNote, Template } from './types';

// For the import's tests: whether a template read back from its example table is the same template.

const text = (label: Label, locale: Locale) => (typeof label === 'string' ? label : label[locale]);

function noteOf(template: Template, id: string, year: number): SourceNote | undefined {
  const key = cellKey(id, year);
  const sources = template.sources;
  return Object.hasOwn(sources, key) ? sources[key] : Object.hasOwn(sources, id) ? sources[id] : undefined;
}

// The row ids of the original that the table carries, to their ids in the imported template: sectors by name,
// per capita rows and targets as the import names them; custom rows and parameters are not in the layout.
function rowIds(original: Scenario, imported: Scenario, locale: Locale): Map<string, string> {
  const ids = new Map<string, string>();
  for (const row of original.rows) {
    if (row.kind === 'sector') {
      const same = imported.rows.find((r) => r.kind === 'sector' && text(r.label, locale) === text(row.label, locale));
      if (same) ids.set(row.id, same.id);
    } else if (row.kind === 'target') {
      const of = ids.get(splitVarId(row.of).rowId);
      const target = imported.rows.find(
        (r) => r.kind === 'target' && (r.of === row.of || (of !== undefined && r.of === withRowId(row.of, of))),
      );
      if (target) ids.set(row.id, target.id);
    }
  }
  const perCapita = original.meta.perCapita;
  if (perCapita && imported.meta.perCapita) {
    ids.set(perCapita.population, imported.meta.perCapita.population);
    ids.set(perCapita.usdRate, imported.meta.perCapita.usdRate);
  }
  return ids;
}

/**
 * What differs between a template and one imported from its table, as lines to read in a failed test: every
 * variable's value in every year (to a relative 1e-9), the recorded history, and the source of every figure the
 * table carries, in the table's language. Empty when they are the same.
 */
export function differences(original: Template, imported: Template, locale: Locale): string[] {
  const a = original.scenario;
  const b = imported.scenario;
  const ids = rowIds(a, b, locale);
  const mapped = (id: string): string | undefined => {
    const { rowId } = splitVarId(id);
    const to = ids.get(rowId);
    if (to !== undefined) return withRowId(id, to);
    // Built-in totals keep their ids; rows the table does not carry have none.
    return a.rows.some((r) => r.id === rowId) ? undefined : id;
  };
  const out: string[] = [];
  const close = (x: number, y: number) =>
    (Number.isNaN(x) && Number.isNaN(y)) || Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x));
  const modelA = new Model(a);
  const modelB = new Model(b);
  if (modelA.years.join() !== modelB.years.join()) out.push(`years ${modelA.years} ≠ ${modelB.years}`);
  for (const v of modelA.variables) {
    const id = mapped(v.id);
    if (id === undefined) continue;
    const w = modelB.get(id);
    if (!w) {
      out.push(`${v.id}: no ${id}`);
      continue;
    }
    v.values.forEach((x, i) => {
      if (!close(x, w.values[i]!)) out.push(`${v.id} ${modelA.years[i]}: ${x} ≠ ${w.values[i]}`);
    });
  }
  const figures: [string, number][] = [];
  for (const [id, byYear] of Object.entries(a.history)) {
    for (const [year, x] of Object.entries(byYear)) {
      figures.push([id, Number(year)]);
      const y = b.history[mapped(id) ?? '']?.[year];
      if (y === undefined || !close(x, y)) out.push(`history ${id}@${year}: ${x} ≠ ${y}`);
    }
  }
  for (const row of a.rows) {
    if (!ids.has(row.id)) continue;
    if (row.kind === 'sector') {
      figures.push([row.id, a.meta.baseYear]);
      for (const part of ['growth', 'price'] as const) {
        for (const year of Object.keys(row[part])) figures.push([`${row.id}.${part}`, Number(year)]);
      }
    } else if (row.kind === 'series' || row.kind === 'target') {
      for (const year of Object.keys(row.cells)) figures.push([row.id, Number(year)]);
    }
  }
  for (const [id, year] of figures) {
    const was = noteOf(original, id, year);
    const now = noteOf(imported, mapped(id) ?? '', year);
    const show = (n: SourceNote | undefined) =>
      n ? `${text(n.text, locale)}${n.assumption ? ' (assumption)' : ''}` : '—';
    if (show(was) !== show(now)) out.push(`source ${id}@${year}: ${show(was)} ≠ ${show(now)}`);
  }
  return out;
}
