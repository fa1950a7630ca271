import {
  checkIdentifier,
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
  type EconomicGroup,
  type Label,
  type RowDef,
  type Scenario,
  type SectorRow,
  type SeriesRow,
  type TargetRow,
} from '../engine';
import { TEMPLATE_LIMITS } from '../templates/validate-template';
import type { SourceNote, Template } from '../templates/types';
import { withHorizon } from './sheet-edits';
import { cleanLabel, rowIdFree, rowIdFrom } from './template-ids';
import {
  mapPresetGrowth,
  moveSectorRow,
  referencesTo,
  sectorOf,
  templateWithin,
  withMeta,
  withRows,
  withScenario,
  type Dropped,
} from './template-rows';
import { dropSources, keyParts, renameSources, splitSources } from './template-sources';
import { badFractions, splitScenario, type SplitInto } from './template-split';
import {
  checkedLabel,
  done,
  inputProblem,
  isRefusal,
  refuse,
  yearProblem,
  type Edited,
  type Refusal,
  type TemplateStatus,
} from './template-status';

// The edits of a template draft other than its targets, each (template, …) → Edited: its names, years, sectors, input
// cells, history and sources.

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
  const shortLabels =
    t.shortLabels && Object.fromEntries(Object.entries(t.shortLabels).map(([k, l]) => [k === id ? to : k, l]));
  return done({
    ...t,
    scenario,
    sources: renameSources(t.sources, id, to),
    presets,
    ...(targetSets && { targetSets }),
    ...(shortLabels && { shortLabels }),
  });
}

/** A sector's short name for cards and slides ("CN CBCT"); an empty one removes it (the full name is shown). */
export function setShortLabel(t: Template, id: string, label: Label): Edited {
  sectorOf(t, id);
  const clean = cleanLabel(label, TEMPLATE_LIMITS.shortLabel);
  if (clean === 'long') return refuse('template.tooLong', { max: TEMPLATE_LIMITS.shortLabel });
  const rest = Object.entries(t.shortLabels ?? {}).filter(([k]) => k !== id);
  const shortLabels = Object.fromEntries(clean === 'empty' ? rest : [...rest, [id, clean]]);
  const { shortLabels: _, ...others } = t;
  return done(Object.keys(shortLabels).length ? { ...others, shortLabels } : others);
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
