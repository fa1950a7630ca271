import {
  cellKey,
  checkIdentifier,
  cleanText,
  deleteRow,
  focusShare,
  LIMITS,
  Model,
  renameRow,
  sectorVar,
  splitVarId,
  variableIds,
  withInput,
  withRowId,
  type CellInput,
  type Distribution,
  type EconomicGroup,
  type Label,
  type Locale,
  type RowDef,
  type Scenario,
  type SectorRow,
  type SeriesRow,
  type TargetRow,
  type UncertainRow,
  type YearCells,
} from '../engine';
import { translate, type MessageKey } from '../i18n';
import { translateTemplate, isTemplateKey, type TemplateKey } from '../i18n/template';
import { applyTargetSet, TEMPLATE_LIMITS, TEMPLATES, type TemplateIssue, type TemplateIssueKey } from '../templates';
import type { Preset, SourceNote, Template, TargetSet } from '../templates/types';
import { withHorizon } from './sheet-edits';
import type { Status } from './sheet-types';

/**
 * A message of the template editor, translated by the view: most keys are the editor's own (src/i18n/template.ts,
 * loaded with it, not at start), a few the start dictionaries' (`rows.problem.*` for a row id); templateStatusText
 * reads either, or a view tells them apart with isTemplateKey.
 */
export interface TemplateStatus<K extends TemplateKey | MessageKey = TemplateKey | MessageKey> {
  readonly key: K;
  readonly args?: Status['args'];
  readonly tone?: Status['tone'];
}

/** The text of a template editor's message in a language, from the editor's texts or the start dictionaries. */
export function templateStatusText(locale: Locale, status: TemplateStatus): string {
  return isTemplateKey(status.key)
    ? translateTemplate(locale, status.key, status.args)
    : translate(locale, status.key, status.args);
}

/** Why an edit of a template draft cannot be made, as a message for the field. */
export interface Refusal {
  readonly ok: false;
  readonly problem: TemplateStatus;
}

/** The outcome of an edit of a template draft: the next draft and what the planner should know, or a refusal. */
export type Edited<T extends object = object> =
  ({ readonly ok: true; readonly template: Template; readonly notes: readonly TemplateStatus[] } & T) | Refusal;

/** A sector a split makes: its row id, label and fraction of the whole. */
export interface SplitInto {
  readonly id: string;
  readonly label: Label;
  readonly fraction: number;
}

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

/** Where a target row lives: the id of a target set, or undefined for the scenario's own (a template without sets). */
export type TargetPlace = string | undefined;

const done = (template: Template, notes: readonly TemplateStatus[] = []) => ({ ok: true as const, template, notes });
const refuse = (key: TemplateKey | MessageKey, args?: TemplateStatus['args']): Refusal => ({
  ok: false,
  problem: { key, ...(args && { args }), tone: 'error' },
});
const isRefusal = (x: unknown): x is Refusal => (x as Refusal | undefined)?.ok === false;

// The words of a text in plain ASCII: "Khai khoáng" → ["khai", "khoang"]; đ has no decomposition, so it is mapped.
function asciiWords(text: string): string[] {
  return text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

// The first of base, base_2, base_3… (or base-2…) that isFree accepts, within maxLength.
function firstFree(base: string, join: string, maxLength: number, isFree: (id: string) => boolean): string {
  const cut = (s: string, n: number) => s.slice(0, n).replace(/[_-]+$/, '');
  if (isFree(cut(base, maxLength))) return cut(base, maxLength);
  for (let k = 2; ; k++) {
    const id = `${cut(base, maxLength - `${join}${k}`.length)}${join}${k}`;
    if (isFree(id)) return id;
  }
}

/** The text of a label in a language (a plain string reads the same in both). */
export function labelIn(label: Label, locale: Locale): string {
  return typeof label === 'string' ? label : label[locale];
}

/**
 * A row id from a label, free as isFree says: the Vietnamese label transliterated ("Khai khoáng" → "khai_khoang"),
 * "row" when nothing of it is left, "_2", "_3"… appended when the id is taken or reserved.
 */
export function rowIdFrom(label: Label, isFree: (id: string) => boolean): string {
  const base = asciiWords(labelIn(label, 'vi')).join('_') || 'row';
  return firstFree(/^[0-9]/.test(base) ? `n_${base}` : base, '_', 40, isFree);
}

/** Whether an id can name a new row of the template: the engine's rules, and no target set has a row of that id. */
export function rowIdFree(template: Template, id: string, except?: string): boolean {
  const inSets = (template.targetSets ?? []).some((set) => set.rows.some((r) => r.id === id && r.id !== except));
  return checkIdentifier(template.scenario, id, except) === undefined && !inSets;
}

/** A template id from a label ("Quảng Ninh (bản sao)" → "quang-ninh-ban-sao") that is not taken. */
export function templateIdFrom(label: Label, taken: (id: string) => boolean): string {
  return firstFree(asciiWords(labelIn(label, 'vi')).join('-') || 'template', '-', 63, (id) => !taken(id));
}

/** A label as typed, cleaned and trimmed; 'empty' or 'long' when a language's text is blank or too long. */
export function cleanLabel(label: Label, max: number = LIMITS.text): Label | 'empty' | 'long' {
  const clean = (typeof label === 'string' ? [label] : [label.vi, label.en]).map((t) => cleanText(t).trim());
  if (clean.some((t) => !t)) return 'empty';
  if (clean.some((t) => t.length > max)) return 'long';
  return typeof label === 'string' ? clean[0]! : { vi: clean[0]!, en: clean[1]! };
}

function checkedLabel(label: Label): Label | Refusal {
  const clean = cleanLabel(label);
  if (clean === 'empty') return refuse('template.emptyLabel');
  return clean === 'long' ? refuse('template.tooLong', { max: LIMITS.text }) : clean;
}

/** A copy's label: "(bản sao)" / "(copy)" after the name, cut so the whole fits the label limit. */
export function copyLabel(label: Label): Label {
  const add = (text: string, suffix: string) => `${text.slice(0, LIMITS.text - suffix.length)}${suffix}`;
  return typeof label === 'string'
    ? add(label, ' (bản sao)')
    : { vi: add(label.vi, ' (bản sao)'), en: add(label.en, ' (copy)') };
}

// A number, or a formula within the engine's length; a rate (growth, price change) above −100%.
function inputProblem(input: CellInput | undefined, rate = false): Refusal | undefined {
  if (input === undefined) return undefined;
  if (typeof input === 'string')
    return input.startsWith('=') && input.length <= LIMITS.input ? undefined : refuse('template.notNumber');
  if (!Number.isFinite(input)) return refuse('template.notNumber');
  return rate && input <= -1 ? refuse('template.rateRange') : undefined;
}

const yearProblem = (year: number, min: number, max: number): Refusal | undefined =>
  Number.isInteger(year) && year >= min && year <= max ? undefined : refuse('template.yearRange', { min, max });

/** Whether fractions cannot split a sector: fewer than two, one not between 0 and 100%, or a sum other than 100%. */
export function badFractions(fractions: readonly number[]): boolean {
  const sum = fractions.reduce((a, b) => a + b, 0);
  return fractions.length < 2 || fractions.some((f) => !(f > 0 && f < 1)) || !(Math.abs(sum - 1) <= 1e-6);
}

/** A value split by fractions; the last part takes what is left, so the parts add up to the whole. */
export function splitValue(whole: number, fractions: readonly number[]): number[] {
  const parts = fractions.slice(0, -1).map((f) => whole * f);
  return [...parts, parts.reduce((rest, part) => rest - part, whole)];
}

// Levels (value, current prices, share) are split by the fraction; rates (growth, price change) are copied.
const isLevel = (variable: string): boolean => {
  const { part } = splitVarId(variable);
  return part === undefined || part === 'nominal' || part === 'share';
};

function scaled(d: Distribution, f: number): Distribution {
  switch (d.kind) {
    case 'uniform':
      return { kind: 'uniform', lo: d.lo * f, hi: d.hi * f };
    case 'normal':
      return { kind: 'normal', mean: d.mean * f, sd: d.sd * f };
    case 'triangular':
      return { kind: 'triangular', lo: d.lo * f, mode: d.mode * f, hi: d.hi * f };
  }
}

const mapValues = <T>(cells: Readonly<Record<string, T>>, f: (x: T) => T): Record<string, T> =>
  Object.fromEntries(Object.entries(cells).map(([year, x]) => [year, f(x)]));

// Each entry of a by-variable map that belongs to the whole sector becomes one entry per part.
function splitEntries<T>(
  all: Readonly<Record<string, T>>,
  wholeId: string,
  parts: readonly SplitInto[],
  split: (x: T, variable: string, fraction: number) => T,
): Record<string, T> {
  return Object.fromEntries(
    Object.entries(all).flatMap(([variable, x]) =>
      splitVarId(variable).rowId === wholeId
        ? parts.map((p) => [withRowId(variable, p.id), split(x, variable, p.fraction)] as const)
        : [[variable, x] as const],
    ),
  );
}

/**
 * The scenario with one sector replaced, in its place, by parts: the base value split by their fractions (the last
 * takes the rest), growth, price changes and group copied, so every total stays as it was. Recorded levels (value,
 * current prices, share) and their ranges are split by the fractions, recorded rates copied. The caller checks that
 * the whole is a sector with a number (or blank) base that nothing else refers to, and the parts' ids.
 */
export function splitScenario(scenario: Scenario, wholeId: string, parts: readonly SplitInto[]): Scenario {
  const whole = scenario.rows.find((r): r is SectorRow => r.kind === 'sector' && r.id === wholeId);
  if (!whole || (typeof whole.base !== 'number' && whole.base !== '')) throw new Error(`cannot split ${wholeId}`);
  const fractions = parts.map((p) => p.fraction);
  const bases: CellInput[] = typeof whole.base === 'number' ? splitValue(whole.base, fractions) : parts.map(() => '');
  const rows = scenario.rows.flatMap((row): RowDef[] =>
    row === whole ? parts.map((p, k) => ({ ...whole, id: p.id, label: p.label, base: bases[k]! })) : [row],
  );
  const history = splitEntries(scenario.history, wholeId, parts, (cells, variable, f) =>
    isLevel(variable) ? mapValues(cells, (x) => x * f) : cells,
  );
  if (!scenario.uncertainty) return { ...scenario, rows, history };
  const uncertainty = splitEntries<UncertainRow>(scenario.uncertainty, wholeId, parts, (row, variable, f) =>
    isLevel(variable) ? { ...row, cells: mapValues(row.cells, (d) => scaled(d, f)) } : row,
  );
  return { ...scenario, rows, history, uncertainty };
}

// A source key's variable and year: "mining.growth@2026" → ["mining.growth", "@2026"].
function keyParts(key: string): [variable: string, year: string] {
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

// The presets with each one's growth rates by sector passed through f.
const mapPresetGrowth = (presets: readonly Preset[], f: (entry: [string, number]) => [string, number][]): Preset[] =>
  presets.map((p) => ({ ...p, growth: Object.fromEntries(Object.entries(p.growth).flatMap(f)) }));

/** The ids of the rows whose formulas or target refer to a row (the row itself left out). */
export function referencesTo(scenario: Scenario, id: string): string[] {
  // Renaming the row rewrites exactly the formulas and targets that name it: the rows it changes are the ones.
  let probe = `${id.slice(0, 30)}_ref`;
  for (let k = 2; checkIdentifier(scenario, probe); k++) probe = `${id.slice(0, 30)}_ref${k}`;
  const renamed = renameRow(scenario, id, probe).rows;
  return scenario.rows
    .filter((row, k) => row.id !== id && JSON.stringify(row) !== JSON.stringify(renamed[k]))
    .map((row) => row.id);
}

/** The rows with one sector moved by delta places among the sectors (clamped at the ends); others stay in place. */
export function moveSectorRow(rows: readonly RowDef[], id: string, delta: number): readonly RowDef[] {
  const slots = rows.flatMap((row, k) => (row.kind === 'sector' ? [k] : []));
  const sectors = slots.map((k) => rows[k]!);
  const from = sectors.findIndex((row) => row.id === id);
  const to = Math.min(sectors.length - 1, Math.max(0, from + delta));
  if (from < 0 || from === to) return rows;
  sectors.splice(to, 0, ...sectors.splice(from, 1));
  const next = [...rows];
  slots.forEach((slot, k) => (next[slot] = sectors[k]!));
  return next;
}

/** Cells dropped to keep the input inside the years: how many, and the years they were in. */
export interface Dropped {
  readonly count: number;
  readonly years: readonly number[];
}

const yearsOutside = (cells: YearCells | undefined, first: number, last: number): number[] =>
  Object.keys(cells ?? {})
    .map(Number)
    .filter((year) => year < first || year > last);

const targetWithin = (row: TargetRow, first: number, last: number): TargetRow => {
  const keep = (cells: YearCells) =>
    Object.fromEntries(Object.entries(cells).filter(([y]) => Number(y) >= first && Number(y) <= last));
  return { ...row, cells: keep(row.cells), ...(row.upper && { upper: keep(row.upper) }) };
};

/**
 * The template with input cells only where the model reads them: growth and price changes after the base year,
 * series and targets (also in the target sets) from the base year, none after the horizon. History stays.
 */
export function templateWithin(t: Template, baseYear: number, horizon: number): [Template, Dropped] {
  const cells: { id: string; year: number }[] = [];
  for (const row of t.scenario.rows) {
    if (row.kind === 'sector')
      for (const part of ['growth', 'price'] as const)
        for (const year of yearsOutside(row[part], baseYear + 1, horizon))
          cells.push({ id: sectorVar(row.id, part), year });
    if (row.kind === 'series' || row.kind === 'target')
      for (const year of yearsOutside(row.cells, baseYear, horizon)) cells.push({ id: row.id, year });
  }
  // Clearing through the engine drops a range the cell held too; ceilings are no cells of the model.
  const cleared = cells.reduce((s, { id, year }) => withInput(s, id, year, undefined), t.scenario);
  const rows = cleared.rows.map((r) => (r.kind === 'target' ? targetWithin(r, baseYear, horizon) : r));
  // Counted once by row and year: the scenario's targets are a copy of its set's.
  const dropped = new Set(cells.map((c) => `${c.id}@${c.year}`));
  for (const r of [...targetRowsOf(t.scenario), ...(t.targetSets ?? []).flatMap((s) => s.rows)]) {
    for (const year of yearsOutside(r.cells, baseYear, horizon)) dropped.add(`${r.id}@${year}`);
    for (const year of yearsOutside(r.upper, baseYear, horizon)) dropped.add(`${r.id}@${year} ceiling`);
  }
  const years = [...new Set([...dropped].map((key) => Number(key.slice(key.indexOf('@') + 1, key.indexOf('@') + 5))))];
  const targetSets = t.targetSets?.map((s) => ({ ...s, rows: s.rows.map((r) => targetWithin(r, baseYear, horizon)) }));
  const next = { ...t, scenario: { ...cleared, rows }, ...(targetSets && { targetSets }) };
  return [next, { count: dropped.size, years: years.sort((a, b) => a - b) }];
}

/** The scenario's target rows. */
export function targetRowsOf(scenario: Scenario): TargetRow[] {
  return scenario.rows.filter((r): r is TargetRow => r.kind === 'target');
}

/** The scenario with these target rows in place of its own (where its own were), settings unchanged. */
export function withTargetRows(scenario: Scenario, rows: readonly TargetRow[]): Scenario {
  return { ...applyTargetSet(scenario, { id: 'rows', label: '', rows }), meta: scenario.meta };
}

// In a template with target sets, the scenario's target rows are those of its set (the one it names, else the first).
function synced(t: Template): Template {
  const sets = t.targetSets ?? [];
  const active = sets.find((s) => s.id === t.scenario.meta.targetSet) ?? sets[0];
  return active ? { ...t, scenario: withTargetRows(t.scenario, active.rows) } : t;
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

const withScenario = (t: Template, scenario: Scenario): Template => ({ ...t, scenario });
const withRows = (t: Template, rows: readonly RowDef[]): Template => withScenario(t, { ...t.scenario, rows });
const withMeta = (t: Template, meta: Partial<Scenario['meta']>): Template =>
  withScenario(t, { ...t.scenario, meta: { ...t.scenario.meta, ...meta } });

function sectorOf(t: Template, id: string): SectorRow {
  const row = t.scenario.rows.find((r) => r.id === id);
  if (row?.kind !== 'sector') throw new Error(`no sector ${id}`);
  return row;
}

/** The template's label, the region or the unit, relabelled. */
export function relabel(t: Template, field: 'label' | 'region' | 'unit', label: Label): Edited {
  const clean = checkedLabel(label);
  if (isRefusal(clean)) return clean;
  return done(field === 'label' ? { ...t, label: clean } : withMeta(t, { [field]: clean }));
}

const droppedNote = (d: Dropped, from: number, to: number): TemplateStatus[] =>
  d.count ? [{ key: 'template.dropped', args: { count: d.count, years: d.years.join(', '), from, to } }] : [];

/** The base year moved (before the horizon); input cells the model would no longer read are dropped and counted. */
export function moveBaseYear(t: Template, year: number): Edited {
  const { baseYear: from, horizon } = t.scenario.meta;
  const problem = yearProblem(year, LIMITS.firstYear, horizon - 1);
  if (problem || year === from) return problem ?? done(t);
  const [next, dropped] = templateWithin(withMeta(t, { baseYear: year }), year, horizon);
  const notes = droppedNote(dropped, year, horizon);
  // The base values stay as typed: they are the old year's until the planner enters the new year's.
  if (t.scenario.rows.some((r) => r.kind === 'sector'))
    notes.push({ key: 'template.baseValuesOf', args: { from, to: year } });
  return done(next, notes);
}

/** The horizon moved: rows filled in every projection year continue into new years, cells after it are dropped. */
export function moveHorizon(t: Template, year: number): Edited {
  const { baseYear, horizon } = t.scenario.meta;
  const problem = yearProblem(year, baseYear + 1, LIMITS.maxHorizon);
  if (problem || year === horizon) return problem ?? done(t);
  let longer: Scenario;
  try {
    longer = withHorizon(t.scenario, new Model(t.scenario), year);
  } catch {
    // A draft the model cannot build yet has no rows to continue.
    longer = { ...t.scenario, meta: { ...t.scenario.meta, horizon: year } };
  }
  const [next, dropped] = templateWithin(withScenario(t, longer), baseYear, year);
  return done(next, droppedNote(dropped, baseYear, year));
}

/** A sector added after the others, its id from its label; the first sector of a template becomes its focus. */
export function addSector(t: Template, label: Label): Edited<{ id: string }> {
  const clean = checkedLabel(label);
  if (isRefusal(clean)) return clean;
  const { rows, meta } = t.scenario;
  const id = rowIdFrom(clean, (x) => rowIdFree(t, x));
  const row: SectorRow = { kind: 'sector', id, label: clean, base: '', growth: {}, price: {} };
  const at = rows.findLastIndex((r) => r.kind === 'sector') + 1;
  const focus = rows.some((r) => r.kind === 'sector' && r.id === meta.focus) ? meta.focus : id;
  const scenario = { ...t.scenario, meta: { ...meta, focus }, rows: [...rows.slice(0, at), row, ...rows.slice(at)] };
  return { ...done(withScenario(t, scenario)), id };
}

// Removing or splitting a sector leaves nothing that names it: not the focus, no formula, no target.
function cannotReplace(t: Template, id: string): Refusal | undefined {
  sectorOf(t, id);
  if (t.scenario.meta.focus === id) return refuse('template.isFocus');
  const inSets = (t.targetSets ?? []).flatMap((s) =>
    s.rows.filter((r) => splitVarId(r.of).rowId === id).map((r) => `${s.id}.${r.id}`),
  );
  const users = [...referencesTo(t.scenario, id), ...inSets];
  return users.length ? refuse('template.inUse', { rows: users.join(', ') }) : undefined;
}

// History series a change lost, other than the row's own: a group's structure goes with its last sector.
function lostHistory(before: Scenario, after: Scenario, rowId?: string): TemplateStatus[] {
  const lost = Object.keys(before.history).filter((id) => !(id in after.history) && splitVarId(id).rowId !== rowId);
  return lost.length ? [{ key: 'template.historyDropped', args: { series: lost.join(', ') } }] : [];
}

/** The template without a sector, its history, sources and preset rates; refused for the focus or one in use. */
export function removeSector(t: Template, id: string): Edited {
  const refused = cannotReplace(t, id);
  if (refused) return refused;
  const scenario = deleteRow(t.scenario, id);
  const presets = mapPresetGrowth(t.presets, (entry) => (entry[0] === id ? [] : [entry]));
  const notes = lostHistory(t.scenario, scenario, id);
  const had = t.presets.filter((p) => Object.hasOwn(p.growth, id)).length;
  if (had) notes.push({ key: 'template.presetsDropped', args: { count: had } });
  return done({ ...t, scenario, sources: dropSources(t.sources, id), presets }, notes);
}

/** A sector relabelled; its id, and so every formula and source, stays. */
export function relabelSector(t: Template, id: string, label: Label): Edited {
  sectorOf(t, id);
  const clean = checkedLabel(label);
  if (isRefusal(clean)) return clean;
  return done(
    withRows(
      t,
      t.scenario.rows.map((r) => (r.id === id ? { ...r, label: clean } : r)),
    ),
  );
}

/** A sector's id changed; formulas, history, targets (also in the sets), sources and presets follow. */
export function renameSector(t: Template, id: string, to: string): Edited {
  sectorOf(t, id);
  if (to === id) return done(t);
  const problem = checkIdentifier(t.scenario, to, id) ?? (rowIdFree(t, to, id) ? undefined : 'taken');
  if (problem) return refuse(`rows.problem.${problem}`);
  const retarget = (r: TargetRow) => (splitVarId(r.of).rowId === id ? { ...r, of: withRowId(r.of, to) } : r);
  const presets = mapPresetGrowth(t.presets, ([k, rate]) => [[k === id ? to : k, rate]]);
  const targetSets = t.targetSets?.map((s) => ({ ...s, rows: s.rows.map(retarget) }));
  const scenario = renameRow(t.scenario, id, to);
  return done({
    ...t,
    scenario,
    sources: renameSources(t.sources, id, to),
    presets,
    ...(targetSets && { targetSets }),
  });
}

/** A sector moved up (negative) or down among the sectors, stopping at the ends. */
export function moveSector(t: Template, id: string, delta: number): Edited {
  sectorOf(t, id);
  if (!Number.isInteger(delta)) throw new Error(`not a number of places: ${delta}`);
  return done(withRows(t, moveSectorRow(t.scenario.rows, id, delta)));
}

/**
 * A sector split into parts by fractions of its base value (adding up to 100%); each part grows and changes price as
 * the whole did, so every total stays the same, and carries the whole's sources as assumptions of the split.
 */
export function splitSector(
  t: Template,
  id: string,
  parts: readonly { label: Label; fraction: number }[],
): Edited<{ ids: string[] }> {
  const refused = cannotReplace(t, id);
  if (refused) return refused;
  const whole = sectorOf(t, id);
  const fractions = parts.map((p) => p.fraction);
  if (badFractions(fractions))
    return refuse('template.splitParts', { total: Math.round(fractions.reduce((a, b) => a + b, 0) * 1e4) / 100 });
  if (typeof whole.base !== 'number' && whole.base !== '') return refuse('template.splitBase');
  const into: SplitInto[] = [];
  for (const part of parts) {
    const label = checkedLabel(part.label);
    if (isRefusal(label)) return label;
    const free = (x: string) => x !== id && rowIdFree(t, x) && !into.some((p) => p.id === x);
    into.push({ id: rowIdFrom(label, free), label, fraction: part.fraction });
  }
  const presets = mapPresetGrowth(t.presets, ([k, r]) => (k === id ? into.map((p) => [p.id, r]) : [[k, r]]));
  const scenario = splitScenario(t.scenario, id, into);
  const sources = splitSources(t.sources, { id, label: whole.label }, into);
  return { ...done({ ...t, scenario, sources, presets }), ids: into.map((p) => p.id) };
}

/** A sector made the focus of the share targets; targets on the old focus's share (also in the sets) move to it. */
export function focusOn(t: Template, id: string): Edited {
  sectorOf(t, id);
  const [from, to] = [focusShare(t.scenario.meta), focusShare({ focus: id })];
  const retarget = <R extends RowDef>(r: R): R => (r.kind === 'target' && r.of === from ? { ...r, of: to } : r);
  // With sets, the scenario's targets are a copy of one set's: the sets' rows are the targets.
  const all = t.targetSets?.length ? t.targetSets.flatMap((s) => s.rows) : t.scenario.rows;
  const moved = all.filter((r) => r.kind === 'target' && r.of === from).length;
  const scenario = { ...t.scenario, meta: { ...t.scenario.meta, focus: id }, rows: t.scenario.rows.map(retarget) };
  const targetSets = t.targetSets?.map((s) => ({ ...s, rows: s.rows.map(retarget) }));
  const notes: TemplateStatus[] = moved ? [{ key: 'template.targetsMoved', args: { count: moved } }] : [];
  return done({ ...t, scenario, ...(targetSets && { targetSets }) }, notes);
}

/** A sector put in an economic group (khu vực) or none; a group left without sectors loses its recorded structure. */
export function groupSector(t: Template, id: string, group: EconomicGroup | undefined): Edited {
  const { group: _, ...rest } = sectorOf(t, id);
  const rows = t.scenario.rows.map((r) => (r.id === id ? { ...rest, ...(group && { group }) } : r));
  const known = variableIds(rows, t.scenario.meta);
  const history = Object.fromEntries(Object.entries(t.scenario.history).filter(([v]) => known.has(v)));
  const scenario = { ...t.scenario, rows, history };
  return done(withScenario(t, scenario), lostHistory(t.scenario, scenario));
}

/** Which input a cell edit sets: a sector's base value, its growth or price change, a series cell or a parameter. */
export type InputKind = 'base' | 'growth' | 'price' | 'series' | 'param';

/**
 * One input cell set (undefined clears it): a base value above 0 in the base year, a growth or price change (a
 * fraction above −100%, or a formula) in a projection year, a series cell from the base year, a parameter.
 */
export function setInput(t: Template, kind: InputKind, id: string, year: number, input: CellInput | undefined): Edited {
  const row = t.scenario.rows.find((r) => r.id === id);
  const expected = kind === 'series' || kind === 'param' ? kind : 'sector';
  if (row?.kind !== expected) throw new Error(`no ${expected} ${id}`);
  const { baseYear, horizon } = t.scenario.meta;
  if (kind === 'base' || kind === 'param') {
    if (kind === 'base' && input !== undefined && !(typeof input === 'number' && input > 0))
      return refuse(Number.isFinite(input) ? 'template.basePositive' : 'template.notNumber');
    return inputProblem(input) ?? done(withScenario(t, withInput(t.scenario, id, baseYear, input ?? '')));
  }
  const variable = kind === 'series' ? id : sectorVar(id, kind);
  const problem = yearProblem(year, kind === 'series' ? baseYear : baseYear + 1, horizon);
  return (
    problem ??
    inputProblem(input, kind !== 'series') ??
    done(withScenario(t, withInput(t.scenario, variable, year, input)))
  );
}

// GRDP per capita needs a population and a rate row: the scenario's own, or new series.
function withPerCapitaRows(t: Template): Template {
  if (t.scenario.meta.perCapita) return t;
  const added: SeriesRow[] = [];
  const id = (name: string, vi: string, en: string): string => {
    const kind = t.scenario.rows.find((r) => r.id === name)?.kind;
    if (kind === 'series' || kind === 'param') return name;
    const fresh = rowIdFrom(name, (x) => rowIdFree(t, x) && !added.some((r) => r.id === x));
    added.push({ kind: 'series', id: fresh, label: { vi, en }, format: 'number', cells: {} });
    return fresh;
  };
  const perCapita = {
    population: id('population', 'Dân số trung bình (nghìn người)', 'Average population (thousand)'),
    usdRate: id('usd_rate', 'Tỷ giá (đồng/USD)', 'Exchange rate (VND per USD)'),
  };
  return withScenario(t, {
    ...t.scenario,
    meta: { ...t.scenario.meta, perCapita },
    rows: [...t.scenario.rows, ...added],
  });
}

/** Average population (thousands) or the VND-per-USD rate set in a year; both rows are added where they are new. */
export function setPerCapita(
  t: Template,
  which: 'population' | 'usdRate',
  year: number,
  input: CellInput | undefined,
): Edited {
  const { baseYear, horizon } = t.scenario.meta;
  const problem = yearProblem(year, baseYear, horizon) ?? inputProblem(input);
  if (problem) return problem;
  const next = withPerCapitaRows(t);
  const id = next.scenario.meta.perCapita![which];
  const param = next.scenario.rows.find((r) => r.id === id)?.kind === 'param';
  return done(withScenario(next, withInput(next.scenario, id, year, param ? (input ?? '') : input)));
}

/** An actual figure of a variable (a fraction for rates and shares) recorded up to the base year; undefined clears it. */
export function setHistory(t: Template, variable: string, year: number, value: number | undefined): Edited {
  const { meta, rows, history } = t.scenario;
  if (!variableIds(rows, meta).has(variable)) return refuse('template.noVariable', { id: variable });
  const problem = yearProblem(year, LIMITS.firstYear, meta.baseYear) ?? inputProblem(value);
  if (problem) return problem;
  const cells: Record<string, number> = { ...history[variable] };
  if (value === undefined) delete cells[year];
  else cells[year] = value;
  const all = Object.entries({ ...history, [variable]: cells }).filter(([, c]) => Object.keys(c).length);
  return done(withScenario(t, { ...t.scenario, history: Object.fromEntries(all) }));
}

function setOf(t: Template, id: string): TargetSet {
  const set = t.targetSets?.find((s) => s.id === id);
  if (!set) throw new Error(`no target set ${id}`);
  return set;
}

// The sources of removed target rows, where no row of that id is left anywhere.
function withoutOrphanSources(t: Template, removed: readonly TargetRow[]): Template {
  const left = new Set([...t.scenario.rows, ...(t.targetSets ?? []).flatMap((s) => s.rows)].map((r) => r.id));
  return { ...t, sources: removed.reduce((all, r) => (left.has(r.id) ? all : dropSources(all, r.id)), t.sources) };
}

/** A target set added (the first takes the scenario's current targets, later ones start empty). */
export function addTargetSet(t: Template, label: Label): Edited<{ id: string }> {
  const clean = checkedLabel(label);
  if (isRefusal(clean)) return clean;
  const sets = t.targetSets ?? [];
  const noRows = { ...t.scenario, rows: [] };
  const id = rowIdFrom(clean, (x) => !checkIdentifier(noRows, x) && !sets.some((s) => s.id === x));
  const rows = sets.length ? [] : targetRowsOf(t.scenario);
  return { ...done({ ...t, targetSets: [...sets, { id, label: clean, rows }] }), id };
}

/** A target set removed; refused while a preset checks against it. The scenario takes the next set's targets. */
export function removeTargetSet(t: Template, id: string): Edited {
  const set = setOf(t, id);
  const users = t.presets.filter((p) => p.targetSet === id).map((p) => p.id);
  if (users.length) return refuse('template.inUse', { rows: users.join(', ') });
  const { targetSet, ...meta } = t.scenario.meta;
  const scenario = targetSet === id ? { ...t.scenario, meta } : t.scenario;
  return done(
    withoutOrphanSources(synced({ ...t, scenario, targetSets: t.targetSets!.filter((s) => s !== set) }), set.rows),
  );
}

/** A target set relabelled. */
export function relabelTargetSet(t: Template, id: string, label: Label): Edited {
  const set = setOf(t, id);
  const clean = checkedLabel(label);
  if (isRefusal(clean)) return clean;
  return done({ ...t, targetSets: t.targetSets!.map((s) => (s === set ? { ...s, label: clean } : s)) });
}

function targetOf(t: Template, place: TargetPlace, id: string): TargetRow {
  const row = (place === undefined ? targetRowsOf(t.scenario) : setOf(t, place).rows).find((r) => r.id === id);
  if (!row) throw new Error(`no target ${id}`);
  return row;
}

// A template with sets edits their rows (the scenario follows its set); one without edits the scenario's own.
function withTargets(t: Template, place: TargetPlace, change: (rows: readonly TargetRow[]) => TargetRow[]): Template {
  if (place === undefined) {
    if (t.targetSets?.length) throw new Error('a template with target sets edits the targets in its sets');
    return withScenario(t, withTargetRows(t.scenario, change(targetRowsOf(t.scenario))));
  }
  const set = setOf(t, place);
  return synced({ ...t, targetSets: t.targetSets!.map((s) => (s === set ? { ...s, rows: change(s.rows) } : s)) });
}

const variableProblem = (t: Template, of: string): Refusal | undefined =>
  variableIds(t.scenario.rows, t.scenario.meta).has(of) ? undefined : refuse('template.noVariable', { id: of });

/** A target on a variable (the focus share, GRDP growth, per capita…) added to a set, or to the scenario without sets. */
export function addTarget(t: Template, place: TargetPlace, of: string, label: Label): Edited<{ id: string }> {
  const clean = checkedLabel(label);
  if (isRefusal(clean)) return clean;
  const problem = variableProblem(t, of);
  if (problem) return problem;
  const id = rowIdFrom(clean, (x) => rowIdFree(t, x));
  const row: TargetRow = { kind: 'target', id, label: clean, of, cells: {} };
  return { ...done(withTargets(t, place, (rows) => [...rows, row])), id };
}

/** A target row removed with its sources (unless another set has a row of the same id). */
export function removeTarget(t: Template, place: TargetPlace, id: string): Edited {
  const row = targetOf(t, place, id);
  return done(
    withoutOrphanSources(
      withTargets(t, place, (rows) => rows.filter((r) => r !== row)),
      [row],
    ),
  );
}

/** A target pointed at another variable. */
export function retarget(t: Template, place: TargetPlace, id: string, of: string): Edited {
  const row = targetOf(t, place, id);
  return (
    variableProblem(t, of) ?? done(withTargets(t, place, (rows) => rows.map((r) => (r === row ? { ...r, of } : r))))
  );
}

/** A target's floor (or ceiling) set in a year from the base year to the horizon; undefined clears it. */
export function setTargetCell(
  t: Template,
  place: TargetPlace,
  id: string,
  year: number,
  value: number | undefined,
  bound: 'floor' | 'ceiling',
): Edited {
  const row = targetOf(t, place, id);
  const { baseYear, horizon } = t.scenario.meta;
  const problem = yearProblem(year, baseYear, horizon) ?? inputProblem(value);
  if (problem) return problem;
  const cells: Record<string, number | string> = { ...(bound === 'floor' ? row.cells : row.upper) };
  if (value === undefined) delete cells[year];
  else cells[year] = value;
  const { upper: _, ...rest } = row;
  const upper = cells as Record<string, number>;
  const next: TargetRow =
    bound === 'floor' ? { ...row, cells } : { ...rest, ...(Object.keys(upper).length && { upper }) };
  return done(withTargets(t, place, (rows) => rows.map((r) => (r === row ? next : r))));
}

/**
 * The source of a figure set, keyed "variable@year" or "variable" for a whole row (a target row by its id): the text
 * and whether it is an assumption. An empty text removes it.
 */
export function setSource(t: Template, key: string, text: Label, assumption: boolean): Edited {
  const [variable] = keyParts(key);
  const known =
    /^(?!__)[A-Za-z_][A-Za-z0-9_.]{0,80}(@\d{4})?$/.test(key) &&
    (variableIds(t.scenario.rows, t.scenario.meta).has(variable) ||
      (t.targetSets ?? []).some((s) => s.rows.some((r) => r.id === variable)));
  if (!known) return refuse('template.noVariable', { id: key });
  const clean = cleanLabel(text, TEMPLATE_LIMITS.sourceText);
  if (clean === 'long') return refuse('template.tooLong', { max: TEMPLATE_LIMITS.sourceText });
  const rest = Object.entries(t.sources).filter(([k]) => k !== key);
  if (clean === 'empty') return done({ ...t, sources: Object.fromEntries(rest) });
  const note: SourceNote = { text: clean, ...(assumption && { assumption: true }) };
  return done({ ...t, sources: Object.fromEntries([...rest, [key, note]]) });
}

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
