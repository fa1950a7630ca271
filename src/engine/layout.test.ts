import { describe, expect, it } from 'vitest';
import { quangNinh } from '../templates/quang-ninh';
import { declaredScenario } from './fixtures';
import { ECONOMIC_GROUP_LABELS, sheetRows } from './layout';
import { Model } from './model';
import type { Scenario } from './types';
import { BUILTIN, ECONOMIC_GROUPS, sectorVar, structureVar } from './variables';

const SECTORS = ['agriculture', 'manufacturing', 'other_industry', 'services', 'taxes'];
const idsAndGroups = (scenario: Scenario, prices: boolean): string[] =>
  sheetRows(scenario, { prices }).map((r) => `${r.group} ${r.id}`);

describe('the sheet rows of the Quảng Ninh template', () => {
  it('are the rows it had before the structure and per capita existed', () => {
    expect(idsAndGroups(quangNinh.scenario, false)).toEqual([
      ...SECTORS.flatMap((s) => [`sectors ${s}`, `sectors ${sectorVar(s, 'growth')}`]),
      'totals grdp',
      'totals grdp_nominal',
      'totals grdp_growth',
      ...SECTORS.map((s) => `shares ${sectorVar(s, 'share')}`),
      'targets share_target',
      'targets growth_target',
      'custom icor',
      'custom investment',
    ]);
    expect(idsAndGroups(quangNinh.scenario, true).slice(0, 4)).toEqual([
      'sectors agriculture',
      'sectors agriculture.growth',
      'sectors agriculture.price',
      'sectors agriculture.nominal',
    ]);
    expect(idsAndGroups(quangNinh.scenario, true)).toHaveLength(32);
  });
});

describe('the sheet rows of a scenario that declares the structure and per capita', () => {
  const scenario = declaredScenario();
  const rows = sheetRows(scenario, { prices: false });
  const ids = rows.map((r) => r.id);

  it('show per capita right after the GRDP totals, in the totals group', () => {
    const totals = rows.filter((r) => r.group === 'totals').map((r) => r.id);
    expect(totals).toEqual([
      BUILTIN.grdp,
      BUILTIN.grdpNominal,
      BUILTIN.grdpGrowth,
      BUILTIN.grdpPerCapita,
      BUILTIN.grdpPerCapitaUsd,
    ]);
  });

  it('show the structure in group order in its own group, right after the shares', () => {
    const structure = rows.filter((r) => r.group === 'structure');
    expect(structure.map((r) => r.id)).toEqual(ECONOMIC_GROUPS.map(structureVar));
    expect(structure.map((r) => r.label)).toEqual(ECONOMIC_GROUPS.map((g) => ECONOMIC_GROUP_LABELS[g]));
    expect(structure.every((r) => r.format === 'percent' && r.role === 'structure' && !r.focus)).toBe(true);
    const lastShare = ids.lastIndexOf(sectorVar('taxes', 'share'));
    expect(ids.indexOf(structureVar('agriculture'))).toBe(lastShare + 1);
    expect(rows[ids.indexOf(structureVar('taxes')) + 1]!.group).toBe('custom');
  });

  it('show only the groups some sector is in, and no per capita without its declaration', () => {
    const { perCapita: _, ...meta } = scenario.meta;
    const partial: Scenario = {
      ...scenario,
      meta,
      rows: scenario.rows.map((r) => (r.kind === 'sector' && r.group !== 'industry' ? { ...r, group: undefined } : r)),
      history: {},
    };
    const shown = sheetRows(partial, { prices: false });
    expect(shown.filter((r) => r.group === 'structure').map((r) => r.id)).toEqual([structureVar('industry')]);
    expect(shown.some((r) => r.id === BUILTIN.grdpPerCapita || r.id === BUILTIN.grdpPerCapitaUsd)).toBe(false);
  });

  it('give each row the role and format of its variable in the model', () => {
    const model = new Model(scenario);
    for (const row of sheetRows(scenario, { prices: true })) {
      const v = model.get(row.id)!;
      expect([row.id, row.role, row.format]).toEqual([v.id, v.role, v.format]);
    }
  });

  it('show a target of per capita in money and one of a group share in percent', () => {
    const targets: Scenario = {
      ...scenario,
      rows: [
        ...scenario.rows,
        { kind: 'target', id: 'usd_target', label: 'x', of: BUILTIN.grdpPerCapitaUsd, cells: { 2030: 20000 } },
        { kind: 'target', id: 'industry_target', label: 'x', of: structureVar('industry'), cells: { 2030: 0.47 } },
      ],
    };
    const shown = sheetRows(targets, { prices: false }).filter((r) => r.group === 'targets');
    expect(shown.map((r) => [r.id, r.format])).toEqual([
      ['usd_target', 'number'],
      ['industry_target', 'percent'],
    ]);
  });
});
