import {
  BUILTIN,
  cellKey,
  ECONOMIC_GROUP_LABELS,
  evaluate,
  formatForEdit,
  sectorVar,
  structureVar,
  ECONOMIC_GROUPS,
  type CellInput,
  type Label,
  type Locale,
  type Scenario,
} from '../engine';
import { COLUMNS, groupName, INDICATORS, sectorKey, type Indicator } from './table-layout';
import type { SourceNote, Template } from './types';

/** A cell of the example table: text, a number (a fraction in percent rows), or blank. */
export type ExampleCell = string | number | null;

const text = (label: Label, locale: Locale): string => (typeof label === 'string' ? label : label[locale]);

// One figure of a row and where it comes from.
interface Written {
  readonly value: number;
  readonly note: SourceNote | undefined;
}

/**
 * A template as a table in the layout importTable reads (table-layout.ts), in one language: the settings, each
 * sector's rows, the province's rows, then the targets; a row per source, so every figure keeps its own. Formulas
 * are written as the values they give; custom rows and parameters, target upper bounds and presets are not part of
 * the layout and are left out.
 */
export function exampleTable(template: Template, locale: Locale): ExampleCell[][] {
  const scenario = template.scenario;
  const { baseYear, horizon } = scenario.meta;
  const evaluation = evaluate(scenario);
  const sources = template.sources;
  const noteOf = (id: string, year: number): SourceNote | undefined => {
    const key = cellKey(id, year);
    return Object.hasOwn(sources, key) ? sources[key] : Object.hasOwn(sources, id) ? sources[id] : undefined;
  };
  const valueOf = (input: CellInput, id: string, year: number): number | undefined =>
    typeof input === 'number' ? input : evaluation?.value(id, year);
  const recorded = (id: string, keep: (year: number) => boolean): Map<number, Written> =>
    new Map(
      Object.entries(Object.hasOwn(scenario.history, id) ? scenario.history[id]! : {})
        .map(([year, value]) => [Number(year), value] as const)
        .filter(([year]) => keep(year))
        .map(([year, value]) => [year, { value, note: noteOf(id, year) }]),
    );
  const inputs = (cells: Readonly<Record<string, CellInput>>, id: string, from = -Infinity): Map<number, Written> => {
    const out = new Map<number, Written>();
    for (const [key, input] of Object.entries(cells)) {
      const year = Number(key);
      const value = valueOf(input, id, year);
      if (year >= from && value !== undefined) out.set(year, { value, note: noteOf(id, year) });
    }
    return out;
  };
  const upToBase = (year: number) => year <= baseYear;

  const lines: { indicator: Indicator; name: string; group: string; figures: Map<number, Written> }[] = [];
  const line = (indicator: Indicator, name: string, figures: Map<number, Written>, group = '') => {
    if (figures.size) lines.push({ indicator, name, group, figures });
  };
  const names = sectorNames(scenario, locale);
  for (const s of scenario.rows) {
    if (s.kind !== 'sector') continue;
    const name = names.get(s.id)!;
    const value = new Map(recorded(sectorVar(s.id, 'nominal'), (year) => year < baseYear));
    const base = valueOf(s.base, s.id, baseYear);
    if (base !== undefined) value.set(baseYear, { value: base, note: noteOf(s.id, baseYear) });
    line('value', name, value, s.group ? groupName(s.group, locale) : '');
    for (const part of ['growth', 'price'] as const) {
      const id = sectorVar(s.id, part);
      line(part, name, new Map([...recorded(id, upToBase), ...inputs(s[part], id, baseYear + 1)]));
    }
    line('share', name, recorded(sectorVar(s.id, 'share'), upToBase));
  }
  line('grdp', '', recorded(BUILTIN.grdpNominal, upToBase));
  line('grdpGrowth', '', recorded(BUILTIN.grdpGrowth, upToBase));
  const perCapita = scenario.meta.perCapita;
  if (perCapita) {
    line('perCapitaUsd', '', recorded(BUILTIN.grdpPerCapitaUsd, upToBase));
    for (const [indicator, id] of [
      ['population', perCapita.population],
      ['usdRate', perCapita.usdRate],
    ] as const) {
      const row = scenario.rows.find((r) => r.id === id);
      const cells =
        row?.kind === 'series' ? row.cells : row?.kind === 'param' ? everyYear(row.value, baseYear, horizon) : {};
      line(indicator, '', new Map([...recorded(id, (year) => year < baseYear), ...inputs(cells, id, baseYear)]));
    }
  }
  for (const group of ECONOMIC_GROUPS) {
    line('structure', text(ECONOMIC_GROUP_LABELS[group], locale), recorded(structureVar(group), upToBase));
  }
  for (const t of scenario.rows) {
    if (t.kind !== 'target') continue;
    const sector = scenario.rows.find((r) => r.kind === 'sector' && sectorVar(r.id, 'share') === t.of);
    const indicator: Indicator | undefined = sector
      ? 'shareTarget'
      : t.of === BUILTIN.grdpGrowth
        ? 'growthTarget'
        : t.of === BUILTIN.grdpPerCapitaUsd && perCapita
          ? 'perCapitaTarget'
          : undefined;
    if (indicator) line(indicator, sector ? names.get(sector.id)! : '', inputs(t.cells, t.id));
  }
  const years = yearRange(
    baseYear,
    horizon,
    lines.flatMap((l) => [...l.figures.keys()]),
  );
  const header: ExampleCell[] = [
    ...(['indicator', 'sector', 'group'] as const).map((c) => COLUMNS[c][locale]),
    ...years,
    COLUMNS.source[locale],
    COLUMNS.assumption[locale],
  ];
  const setting = (indicator: Indicator, value: ExampleCell): ExampleCell[] => [
    INDICATORS[indicator][locale],
    value,
    ...Array<ExampleCell>(header.length - 2).fill(null),
  ];
  const focus = names.get(scenario.meta.focus);
  return [
    header,
    setting('region', text(scenario.meta.region, locale)),
    setting('baseYear', baseYear),
    setting('horizon', horizon),
    ...(focus ? [setting('focus', focus)] : []),
    ...lines.flatMap((l) => bySource(l.figures, locale).map((group, i) => row(l, i === 0 ? l.group : '', group))),
  ];

  // One line of the table: its figures of one source in their year columns.
  function row(l: (typeof lines)[number], group: string, figures: Map<number, Written>): ExampleCell[] {
    const percent = INDICATORS[l.indicator].format === 'percent';
    const note = figures.values().next().value?.note;
    return [
      INDICATORS[l.indicator][locale],
      l.name || null,
      group || null,
      ...years.map((year): ExampleCell => {
        const value = figures.get(year)?.value;
        if (value === undefined) return null;
        // A fraction of 1 or more would read as percentage points: written as text with its % sign.
        return percent && Math.abs(value) >= 1 ? formatForEdit(value, locale, 'percent') : value;
      }),
      note ? text(note.text, locale) : null,
      note?.assumption ? 'x' : null,
    ];
  }
}

// Each sector's name in the table: its label, with its id where another sector has the same label.
function sectorNames(scenario: Scenario, locale: Locale): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const r of scenario.rows) {
    if (r.kind !== 'sector') continue;
    let name = text(r.label, locale).trim() || r.id;
    if (used.has(sectorKey(name))) name = `${name} (${r.id})`;
    used.add(sectorKey(name));
    names.set(r.id, name);
  }
  return names;
}

// The figures of a line split by source as written, in the order of their first year.
function bySource(figures: Map<number, Written>, locale: Locale): Map<number, Written>[] {
  const groups = new Map<string, Map<number, Written>>();
  for (const [year, figure] of [...figures].sort(([a], [b]) => a - b)) {
    const note = figure.note;
    const key = note ? JSON.stringify([text(note.text, locale), note.assumption === true]) : '';
    const group = groups.get(key) ?? new Map<number, Written>();
    groups.set(key, group.set(year, figure));
  }
  return [...groups.values()];
}

function everyYear(value: CellInput, from: number, to: number): Record<string, CellInput> {
  const cells: Record<string, CellInput> = {};
  for (let year = from; year <= to; year++) cells[year] = value;
  return cells;
}

// Every year from the first figure (or the base year) to the last (or the horizon).
function yearRange(baseYear: number, horizon: number, years: readonly number[]): number[] {
  const first = Math.min(baseYear, ...years);
  const last = Math.max(horizon, ...years);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
