import { describe, expect, it } from 'vitest';
import { quangNinh } from '../templates/quang-ninh';
import { sheetRows } from './layout';
import { declaredScenario } from './fixtures';
import { Model } from './model';
import {
  BUILT_FORMATS,
  BUILTIN,
  ECONOMIC_GROUPS,
  OPTIONAL_TOTAL_IDS,
  optionalTotals,
  structureVar,
  focusGrowth,
  focusShare,
  isSectorPart,
  SECTOR_PARTS,
  sectorVar,
  sectorVariables,
  splitVarId,
  TOTALS,
  variableIds,
  withRowId,
} from './variables';

const scenario = quangNinh.scenario;

describe('variable ids', () => {
  it('builds a sector part id that splits back into the sector and the part', () => {
    for (const part of SECTOR_PARTS) {
      const id = sectorVar('manufacturing', part);
      expect(id).toBe(`manufacturing.${part}`);
      expect(splitVarId(id)).toEqual({ rowId: 'manufacturing', part });
      expect(isSectorPart(splitVarId(id).part)).toBe(true);
    }
  });

  it('splits a row id or a total into the row alone', () => {
    expect(splitVarId('icor')).toEqual({ rowId: 'icor', part: undefined });
    expect(splitVarId(BUILTIN.grdpGrowth)).toEqual({ rowId: 'grdp_growth', part: undefined });
    expect(isSectorPart(undefined)).toBe(false);
    expect(isSectorPart('foo')).toBe(false);
  });

  it('names the focus sector share and growth of a scenario', () => {
    expect(focusShare(scenario.meta)).toBe('manufacturing.share');
    expect(focusGrowth({ focus: 'services' })).toBe('services.growth');
  });

  it('lists every variable a model of the rows holds and nothing else', () => {
    const ids = variableIds(scenario.rows);
    expect([...ids].sort()).toEqual(new Model(scenario).variables.map((v) => v.id).sort());
    expect(ids.has('manufacturing.share')).toBe(true);
    expect(ids.has('icor.share')).toBe(false);
  });

  it('moves an id to another row and keeps its part', () => {
    expect(withRowId('manufacturing.share', 'industry')).toBe('industry.share');
    expect(withRowId('icor', 'capital_output')).toBe('capital_output');
  });
});

describe('the role and format table', () => {
  const model = new Model(scenario);

  it('agrees with every variable the model builds for a scenario', () => {
    const sectors = scenario.rows.filter((r) => r.kind === 'sector').map((r) => r.id);
    const built = [...sectors.flatMap(sectorVariables), ...TOTALS];
    for (const v of built) {
      const variable = model.get(v.id)!;
      expect({ id: variable.id, role: variable.role, format: variable.format }).toEqual(v);
      expect(variable.format).toBe(BUILT_FORMATS[v.role]);
    }
    expect(model.variables.filter((v) => v.role in BUILT_FORMATS).map((v) => v.id)).toEqual(built.map((v) => v.id));
  });

  it('gives the sheet the same role and format for every row the model builds', () => {
    for (const row of sheetRows(scenario, { prices: true })) {
      const v = model.get(row.id)!;
      expect([row.role, row.format]).toEqual([v.role, v.format]);
    }
  });

  it('lists a sector value row first, then its parts in order', () => {
    expect(sectorVariables('taxes').map((v) => v.role)).toEqual(['value', ...SECTOR_PARTS]);
    expect(TOTALS.map((v) => v.id)).toEqual([BUILTIN.grdp, BUILTIN.grdpNominal, BUILTIN.grdpGrowth]);
  });
});

describe('the optional built-ins', () => {
  const declared = declaredScenario();

  it('names the structure of each economic group, khu vực I, II, III then taxes', () => {
    expect(ECONOMIC_GROUPS.map(structureVar)).toEqual([
      'structure_agriculture',
      'structure_industry',
      'structure_services',
      'structure_taxes',
    ]);
    expect([BUILTIN.grdpPerCapita, BUILTIN.grdpPerCapitaUsd]).toEqual(['grdp_per_capita', 'grdp_per_capita_usd']);
    expect(OPTIONAL_TOTAL_IDS).toEqual([
      BUILTIN.grdpPerCapita,
      BUILTIN.grdpPerCapitaUsd,
      ...ECONOMIC_GROUPS.map(structureVar),
    ]);
  });

  it('lists per capita then the structure in group order, whatever the order of the sectors', () => {
    expect(optionalTotals(declared)).toEqual([
      { id: 'grdp_per_capita', role: 'grdpPerCapita', format: 'number' },
      { id: 'grdp_per_capita_usd', role: 'grdpPerCapitaUsd', format: 'number' },
      ...ECONOMIC_GROUPS.map((g) => ({ id: structureVar(g), role: 'structure', format: 'percent' })),
    ]);
  });

  it('lists nothing for a scenario that declares neither', () => {
    expect(optionalTotals(scenario)).toEqual([]);
    expect(optionalTotals({ rows: declared.rows.filter((r) => r.kind !== 'sector'), meta: {} })).toEqual([]);
  });

  it('are among the variable ids exactly when the model builds them', () => {
    const ids = variableIds(declared.rows, declared.meta);
    expect([...ids].sort()).toEqual(new Model(declared).variables.map((v) => v.id).sort());
    expect(variableIds(declared.rows).has(BUILTIN.grdpPerCapita)).toBe(false);
    expect(variableIds(declared.rows).has(structureVar('industry'))).toBe(true);
  });

  it('agree with the role and format of the variables the model builds', () => {
    const model = new Model(declared);
    for (const v of optionalTotals(declared)) {
      const variable = model.get(v.id)!;
      expect({ id: variable.id, role: variable.role, format: variable.format }).toEqual(v);
    }
  });
});
