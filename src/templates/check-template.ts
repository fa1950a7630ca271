import { BUILTIN, sectorVar, variableIds, yearsOf, type SectorRow } from '../engine';
import type { Template } from './types';

/** What the template editor says at a field: the structure does not add up, a value is missing, a figure has no source. */
export type TemplateIssueKey =
  | 'noSectors'
  | 'focusNotSector'
  | 'baseMissing'
  | 'structureSum'
  | 'sharesSum'
  | 'targetOnNothing'
  | 'growthMissing'
  | 'unsourced';

/** One issue of a template, at a field ("rows.mining.base", "sources.mining.growth@2026"); errors block saving. */
export interface TemplateIssue {
  readonly key: TemplateIssueKey;
  readonly field: string;
  readonly severity: 'error' | 'warning';
  readonly args?: Readonly<Record<string, string | number>>;
}

/** How far the sectors' base values may be from the recorded GRDP, and their recorded shares from 100%. */
export const STRUCTURE_TOLERANCE = 0.005;

/**
 * The issues of a template that passed readTemplate, in the order of its rows: what makes its scenario meaningless
 * (errors) and what a planner should see before sharing it (warnings).
 */
export function checkTemplate(template: Template): TemplateIssue[] {
  const { scenario, sources } = template;
  const { meta, history } = scenario;
  const sectors = scenario.rows.filter((r): r is SectorRow => r.kind === 'sector');
  const issues: TemplateIssue[] = [];
  const error = (key: TemplateIssueKey, field: string, args?: TemplateIssue['args']): void =>
    void issues.push({ key, field, severity: 'error', ...(args && { args }) });
  const warning = (key: TemplateIssueKey, field: string, args?: TemplateIssue['args']): void =>
    void issues.push({ key, field, severity: 'warning', ...(args && { args }) });

  if (!sectors.length) error('noSectors', 'rows');
  if (!sectors.some((s) => s.id === meta.focus)) error('focusNotSector', 'meta.focus', { focus: meta.focus });
  const projection = yearsOf(scenario).filter((year) => year > meta.baseYear);
  for (const sector of sectors) {
    if (typeof sector.base !== 'number' || !(sector.base > 0)) error('baseMissing', `rows.${sector.id}.base`);
    const missing = projection.filter((year) => sector.growth[year] === undefined || sector.growth[year] === '');
    if (missing.length) warning('growthMissing', `rows.${sector.id}.growth`, { years: missing.join(', ') });
  }

  // Base values are at current prices, so their sum is the base year's GRDP at current prices where it is recorded.
  const recorded = history[BUILTIN.grdpNominal]?.[meta.baseYear];
  const bases = sectors.map((s) => (typeof s.base === 'number' ? s.base : NaN));
  const sum = bases.reduce((a, b) => a + b, 0);
  if (recorded !== undefined && Number.isFinite(sum) && Math.abs(sum - recorded) > STRUCTURE_TOLERANCE * recorded)
    error('structureSum', 'rows', { sum: Math.round(sum), grdp: recorded, year: meta.baseYear });
  const shares = sectors.map((s) => history[sectorVar(s.id, 'share')]?.[meta.baseYear]);
  if (shares.every((x) => x !== undefined) && sectors.length) {
    const total = shares.reduce((a: number, b) => a + b!, 0);
    if (Math.abs(total - 1) > STRUCTURE_TOLERANCE)
      error('sharesSum', 'history', { total: Math.round(total * 1000) / 10, year: meta.baseYear });
  }

  const ids = variableIds(scenario.rows, meta);
  for (const row of scenario.rows) {
    if (row.kind === 'target' && !ids.has(row.of)) error('targetOnNothing', `rows.${row.id}.of`, { of: row.of });
  }
  for (const set of template.targetSets ?? []) {
    for (const row of set.rows)
      if (!ids.has(row.of)) error('targetOnNothing', `targetSets.${set.id}.${row.id}.of`, { of: row.of });
  }

  // Every figure a planner typed into the template carries a source or an assumption note.
  const sourced = (variable: string, year: number): boolean =>
    sources[`${variable}@${year}`] !== undefined || sources[variable] !== undefined;
  for (const sector of sectors) {
    if (!sourced(sector.id, meta.baseYear)) warning('unsourced', `sources.${sector.id}@${meta.baseYear}`);
    const growth = sectorVar(sector.id, 'growth');
    const unsourced = projection.filter((year) => sector.growth[year] !== undefined && !sourced(growth, year));
    if (unsourced.length) warning('unsourced', `sources.${growth}`, { years: unsourced.join(', ') });
  }
  return issues;
}
