import { describe, expect, test } from 'vitest';
import {
  LIMITS,
  addRow,
  deleteRow,
  renameRow,
  withDrawMode,
  withInput,
  withRange,
  withSeed,
  type EconomicGroup,
  type RowDef,
  type Scenario,
} from '../engine';
import { applyDelta, diffScenario } from './delta';
import { quangNinh } from '../templates/quang-ninh';
import { DEFAULT_TEMPLATE, withEditedCells } from './fixtures';

const template = DEFAULT_TEMPLATE.scenario;
const BASE = template.meta.baseYear;

const customSeries: RowDef = {
  kind: 'series',
  id: 'exports',
  label: 'Xuất khẩu <b>CBCT</b>',
  format: 'number',
  cells: { 2025: 1200, 2026: '=exports[t-1] * 1.1' },
};
const customParam: RowDef = { kind: 'param', id: 'labour_share', label: 'Labour share', format: 'percent', value: 0.4 };

// Goes through JSON as a link does, so nothing survives that JSON would lose.
function expectRoundTrip(scenario: Scenario, base = template): void {
  const result = applyDelta(base, JSON.parse(JSON.stringify(diffScenario(scenario, base))));
  expect(result).toMatchObject({ ok: true });
  if (result.ok) expect(result.scenario).toStrictEqual(scenario);
}

// Quảng Ninh's sectors in their economic groups (khu vực) and GRDP per capita from a population series and a rate.
const GROUPS: Readonly<Record<string, EconomicGroup>> = {
  agriculture: 'agriculture',
  manufacturing: 'industry',
  other_industry: 'industry',
  services: 'services',
  taxes: 'taxes',
};
function withStructure(scenario: Scenario): Scenario {
  const rows = scenario.rows.map((row) => (row.kind === 'sector' ? { ...row, group: GROUPS[row.id]! } : row));
  const population: RowDef = {
    kind: 'series',
    id: 'population',
    label: 'Dân số',
    format: 'number',
    cells: { 2024: 1400 },
  };
  const usdRate: RowDef = { kind: 'param', id: 'usd_rate', label: 'VND/USD', format: 'number', value: 25000 };
  const perCapita = { population: 'population', usdRate: 'usd_rate' };
  return { ...scenario, meta: { ...scenario.meta, perCapita }, rows: [...rows, population, usdRate] };
}

describe('diffScenario', () => {
  test('the template itself is an empty delta', () => {
    expect(diffScenario(template, template)).toEqual({});
  });

  test('three edited cells give only those cells, under the row and its growth part', () => {
    expect(diffScenario(withEditedCells(3), template)).toEqual({
      c: { manufacturing: { g: { [BASE + 1]: 0.031, [BASE + 2]: 0.105, [BASE + 3]: 0.179 } } },
    });
  });

  test('a cleared cell is null, a new cell is its input', () => {
    const cleared = withInput(template, 'share_target', 2025, undefined);
    const filled = withInput(cleared, 'share_target', 2028, '=0.2 + 1%');
    expect(diffScenario(filled, template)).toEqual({ c: { share_target: { c: { 2025: null, 2028: '=0.2 + 1%' } } } });
  });

  test('meta changes use short keys and leave unchanged fields out', () => {
    const renamed = { ...template, meta: { ...template.meta, name: 'Kịch bản cao', horizon: 2035 } };
    expect(diffScenario(renamed, template)).toEqual({ m: { n: 'Kịch bản cao', h: 2035 } });
  });

  test('added rows are listed in full and removed template rows by id', () => {
    const changed = addRow(deleteRow(template, 'icor'), customSeries);
    expect(diffScenario(changed, template)).toEqual({ a: [customSeries], d: ['icor'] });
  });

  test('the row order is sent only when it differs from template rows then added rows', () => {
    const moved = { ...template, rows: [customParam, ...template.rows] };
    expect(diffScenario(moved, template).o).toEqual(moved.rows.map((r) => r.id));
    expect(diffScenario(addRow(template, customParam), template).o).toBeUndefined();
  });
});

describe('applyDelta rebuilds the scenario exactly', () => {
  test.each([0, 3, 30, 300])('with %i edited cells', (count) => {
    expectRoundTrip(withEditedCells(count));
  });

  test('with added custom rows, removed template rows and a renamed custom row', () => {
    const added = addRow(addRow(deleteRow(deleteRow(template, 'icor'), 'growth_target'), customSeries), customParam);
    expectRoundTrip(renameRow(added, 'labour_share', 'wage_share'));
  });

  test('with a new name, base year and horizon', () => {
    expectRoundTrip({ ...template, meta: { ...template.meta, name: 'Cao', baseYear: 2024, horizon: 2045 } });
  });

  test('with a changed label, region, unit, focus, format, target variable, sector base and parameter', () => {
    const rows = template.rows.map((row): RowDef => {
      switch (row.kind) {
        case 'sector':
          return { ...row, label: 'Ngành', base: '=1000 * 2' };
        case 'param':
          return { ...row, format: 'percent', value: 0.05 };
        case 'series':
          return { ...row, format: 'percent' };
        case 'target':
          return { ...row, of: 'services.share' };
      }
    });
    const meta = { ...template.meta, region: 'Hạ Long', unit: 'triệu USD', focus: 'services' };
    expectRoundTrip({ ...template, meta, rows });
  });

  test('with reordered rows and a template row replaced by a row of another kind under its id', () => {
    const replaced: RowDef = {
      kind: 'series',
      id: 'icor',
      label: 'ICOR by year',
      format: 'number',
      cells: { 2025: 4 },
    };
    const rows = template.rows.map((row) => (row.id === 'icor' ? replaced : row)).reverse();
    expectRoundTrip({ ...template, rows });
  });

  test('with history series changed, added and removed', () => {
    const { grdp_nominal: _removed, ...kept } = template.history;
    const history = { ...kept, grdp_growth: { 2023: 0.11 }, 'services.share': { 2022: 0.3 } };
    expectRoundTrip({ ...template, history });
  });

  test('with every row removed, keeping the history of the totals', () => {
    const { grdp_growth, grdp_nominal } = template.history;
    // Per capita names two rows of the template: with every row gone, it goes too.
    const { perCapita: _, ...meta } = template.meta;
    expectRoundTrip({
      ...template,
      meta,
      rows: [],
      history: { grdp_growth: grdp_growth!, grdp_nominal: grdp_nominal! },
    });
  });

  test('with sectors put in economic groups and GRDP per capita declared', () => {
    expectRoundTrip(withStructure(quangNinh.scenario), quangNinh.scenario);
  });

  test('against a template with groups and per capita: a sector moved, one taken out, per capita changed or gone', () => {
    const base = withStructure(quangNinh.scenario);
    const rows = base.rows.map((row) => {
      if (row.kind !== 'sector' || (row.id !== 'taxes' && row.id !== 'other_industry')) return row;
      const { group: _, ...rest } = row;
      return row.id === 'taxes' ? rest : { ...rest, group: 'services' as const };
    });
    expectRoundTrip({ ...base, rows }, base);
    const rate: RowDef = { kind: 'series', id: 'rate', label: 'VND/USD', format: 'number', cells: { 2024: 24000 } };
    const renamed = addRow(base, rate);
    expectRoundTrip(
      { ...renamed, meta: { ...renamed.meta, perCapita: { population: 'population', usdRate: 'rate' } } },
      base,
    );
    expectRoundTrip(deleteRow(base, 'population'), base);
  });

  test('with a target set chosen, changed or dropped, and upper bounds added, changed or cleared', () => {
    const chosen = { ...template, meta: { ...template.meta, targetSet: 'congress-16' } };
    expectRoundTrip(chosen);
    expectRoundTrip({ ...chosen, meta: { ...chosen.meta, targetSet: 'master-plan-80' } }, chosen);
    expectRoundTrip(template, chosen);
    expect(diffScenario(template, chosen)).toEqual({ m: { t: null } });

    const band = (upper?: Record<string, number>): RowDef => ({
      kind: 'target',
      id: 'structure_band',
      label: 'Industry and construction',
      of: 'structure_industry',
      cells: { 2030: 0.47 },
      ...(upper ? { upper } : {}),
    });
    // The default template builds the structure rows.
    const withBand = (upper?: Record<string, number>): Scenario => ({
      ...template,
      rows: [...template.rows, band(upper)],
    });
    expectRoundTrip(withBand({ 2030: 0.48 }));
    const base = withBand({ 2030: 0.48, 2029: 0.5 });
    expectRoundTrip(withBand({ 2030: 0.49 }), base);
    expectRoundTrip(withBand(), base);
    expect(diffScenario(withBand(), base).c).toEqual({ structure_band: { x: { 2029: null, 2030: null } } });
    expectRoundTrip(base, withBand());
  });

  test('with ranges of every kind, a draw mode and a seed', () => {
    let ranged = withRange(template, 'manufacturing.growth', 2026, { kind: 'uniform', lo: 0.16, hi: 0.24 });
    ranged = withRange(ranged, 'manufacturing.growth', 2027, { kind: 'normal', mean: 0.2, sd: 0.03 });
    ranged = withRange(ranged, 'services.growth', 2030, { kind: 'triangular', lo: 0.06, mode: 0.1, hi: 0.11 });
    ranged = withSeed(withDrawMode(ranged, 'manufacturing.growth', 'year'), 123456789);
    expectRoundTrip(ranged);
    // A range is short in a link: about 50 characters of JSON per ranged cell before compression.
    const { u, s } = diffScenario(ranged, template);
    expect(s).toBe(123456789);
    expect(JSON.stringify(u).length).toBeLessThan(160);
  });
});

describe('applyDelta refuses what is not a delta', () => {
  test.each([
    ['a number', 5],
    ['an array', []],
    ['null', null],
    ['an unknown key', { x: 1 }],
    ['a meta field of the wrong type', { m: { h: '2035' } }],
    ['a cell patch keyed by a non-year', { c: { icor: { c: { '20x5': 1 } } } }],
    ['a change to a row the template does not have', { c: { nosuch: { l: 'x' } } }],
    ['a change to a removed row', { d: ['icor'], c: { icor: { v: 2 } } }],
    ['removing a row the template does not have', { d: ['nosuch'] }],
    ['a growth patch on a target row', { c: { share_target: { g: { 2025: 0.1 } } } }],
    ['upper bounds on a sector row', { c: { manufacturing: { x: { 2030: 0.5 } } } }],
    ['a target set that is not text', { m: { t: 16 } }],
    ['an order that leaves a row out', { o: ['agriculture'] }],
    ['an order that lists a row twice', { o: template.rows.map(() => 'icor') }],
    ['a range of an unknown kind', { u: { icor: { d: 'run', c: { 2025: ['x', 1, 2] } } } }],
    ['a range with a missing number', { u: { icor: { d: 'run', c: { 2025: ['t', 1, 2] } } } }],
    ['ranges with an unknown draw mode', { u: { icor: { d: 'often', c: {} } } }],
  ])('%s is corrupt', (_, delta) => {
    expect(applyDelta(template, delta)).toMatchObject({ ok: false, error: 'corrupt' });
  });

  test.each([
    ['a name over the text limit', { m: { n: 'x'.repeat(LIMITS.text + 1) } }],
    ['a horizon before the base year', { m: { h: 2020 } }],
    ['a formula over the input limit', { c: { icor: { v: `=${'1+'.repeat(LIMITS.input)}1` } } }],
    ['an added row with an id that is not an identifier', { a: [{ ...customParam, id: 'not an id' }] }],
    ['an added row with the id of a kept template row', { a: [{ ...customParam, id: 'icor' }] }],
    ['an added row of an unknown kind', { a: [{ kind: 'macro', id: 'm', label: 'm' }] }],
    ['a history value that is not finite', { h: { grdp_growth: { 2023: Infinity } } }],
    ['an empty target set id', { m: { t: '' } }],
    ['a formula as an upper bound', { c: { share_target: { x: { 2030: '=0.5' } } } }],
    ['a range ending below its start', { u: { icor: { d: 'run', c: { 2025: ['u', 5, 1] } } } }],
    ['a normal range without spread', { u: { icor: { d: 'run', c: { 2025: ['n', 4, 0] } } } }],
    ['a seed that is not a 32-bit integer', { s: -1 }],
  ])('%s is invalid', (_, delta) => {
    expect(applyDelta(template, delta)).toMatchObject({ ok: false, error: 'invalid' });
  });

  test('keys such as __proto__ are dropped or refused and never reach an object prototype', () => {
    const dropped = applyDelta(template, JSON.parse('{"h":{"__proto__":{"2020":1}},"c":{"__proto__":{"l":"x"}}}'));
    expect(dropped).toMatchObject({ ok: true });
    if (dropped.ok) expect(dropped.scenario).toStrictEqual(template);
    const refused = applyDelta(template, JSON.parse('{"m":{"__proto__":{"n":"x"}}}'));
    expect(refused).toMatchObject({ ok: false, error: 'corrupt' });
    expect(Object.prototype).not.toHaveProperty('2020');
    expect(Object.prototype).not.toHaveProperty('n');
  });
});
