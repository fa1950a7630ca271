import { describe, expect, it } from 'vitest';
import { sectorVar, type Scenario } from '../engine';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import type { Template } from '../templates/types';
import { moveSectorRow, referencesTo, templateWithin } from './template-rows';

const base = quangNinh2025;
const ids = (t: Template | Scenario) => ('scenario' in t ? t.scenario : t).rows.map((r) => r.id);

describe('rows', () => {
  it('finds the rows whose formulas or targets refer to a row', () => {
    const rows = [
      ...base.scenario.rows,
      {
        kind: 'series' as const,
        id: 'coal',
        label: 'Than',
        format: 'number' as const,
        cells: { 2026: '=services * 0.1' },
      },
    ];
    const scenario = { ...base.scenario, rows };
    expect(referencesTo(scenario, 'services')).toEqual(['coal']);
    expect(referencesTo(scenario, 'manufacturing')).toEqual(['share_target']);
    expect(referencesTo(scenario, 'agriculture')).toEqual([]);
  });

  it('moves a sector among the sectors, stopping at the ends, and leaves other rows in place', () => {
    const rows = base.scenario.rows;
    expect(ids({ ...base.scenario, rows: moveSectorRow(rows, 'services', -2) }).slice(0, 6)).toEqual([
      'agriculture',
      'services',
      'manufacturing',
      'other_industry',
      'taxes',
      'share_target',
    ]);
    expect(moveSectorRow(rows, 'taxes', 3)).toBe(rows);
    expect(ids({ ...base.scenario, rows: moveSectorRow(rows, 'agriculture', 99) }).slice(0, 5)).toEqual([
      'manufacturing',
      'other_industry',
      'services',
      'taxes',
      'agriculture',
    ]);
  });
});

describe('templateWithin', () => {
  it('drops input cells outside the years, in the scenario and the target sets, and counts each once', () => {
    const [within, dropped] = templateWithin(base, 2025, 2028);
    const services = within.scenario.rows.find((r) => r.id === 'services');
    expect(services?.kind === 'sector' && Object.keys(services.growth)).toEqual(['2026', '2027', '2028']);
    expect(dropped.years).toEqual([2029, 2030]);
    const congress = within.targetSets!.find((s) => s.id === 'congress')!;
    expect(congress.rows.every((r) => !('2030' in r.cells))).toBe(true);
    // 5 sectors × 2 parts × 2 years, population, usd_rate, investment and the growth target × 2 years, the share
    // target's 2030 (the scenario's and its set's, counted once) and the other sets' cells and ceilings of 2029–2030.
    const sets = base.targetSets!.slice(1).flatMap((s) => s.rows);
    const inSets = sets.flatMap((r) => [
      ...Object.keys(r.cells).filter((y) => Number(y) > 2028),
      ...Object.keys(r.upper ?? {}).filter((y) => Number(y) > 2028),
    ]).length;
    expect(dropped.count).toBe(20 + 8 + 1 + inSets);
  });

  it('keeps a sector’s growth only after the base year', () => {
    const [within] = templateWithin(base, 2027, 2030);
    const row = within.scenario.rows.find((r) => r.id === 'manufacturing');
    expect(row?.kind === 'sector' && Object.keys(row.growth)).toEqual(['2028', '2029', '2030']);
    expect(within.scenario.history[sectorVar('manufacturing', 'growth')]).toEqual(
      base.scenario.history[sectorVar('manufacturing', 'growth')],
    );
  });
});
