import { describe, expect, it } from 'vitest';
import { BUILTIN, sectorVar, structureVar } from '../engine';
import { checkTemplate } from '../templates/check-template';
import { quangNinh } from '../templates/quang-ninh';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import type { Template } from '../templates/types';
import {
  earlierYear,
  historyCellIssues,
  historyRows,
  historyYears,
  shareTotalIssues,
  shareTotals,
} from './template-history-rows';

const SECTORS = ['agriculture', 'manufacturing', 'other_industry', 'services', 'taxes'];
const withHistory = (t: Template, history: Template['scenario']['history']): Template => ({
  ...t,
  scenario: { ...t.scenario, history },
});

describe('recorded figure rows', () => {
  it('lists GRDP at current prices, its growth, then each sector’s growth and share', () => {
    const rows = historyRows(quangNinh.scenario);
    expect(rows.map((r) => r.variable)).toEqual([
      BUILTIN.grdpNominal,
      BUILTIN.grdpGrowth,
      ...SECTORS.flatMap((s) => [sectorVar(s, 'growth'), sectorVar(s, 'share')]),
    ]);
    expect(rows.find((r) => r.variable === 'manufacturing.share')).toEqual({
      variable: 'manufacturing.share',
      role: 'share',
      of: 'manufacturing',
      format: 'percent',
    });
    expect(rows[0]).toMatchObject({ role: 'grdpNominal', format: 'number' });
  });

  it('adds GRDP per capita in USD and the economic groups’ shares where the scenario builds them', () => {
    const ids = historyRows(quangNinh2025.scenario).map((r) => r.variable);
    expect(ids.slice(0, 7)).toEqual([
      BUILTIN.grdpNominal,
      BUILTIN.grdpGrowth,
      BUILTIN.grdpPerCapitaUsd,
      ...(['agriculture', 'industry', 'services', 'taxes'] as const).map(structureVar),
    ]);
    expect(ids).not.toContain(BUILTIN.grdpPerCapita);
    expect(historyRows(quangNinh2025.scenario).find((r) => r.variable === 'structure_industry')).toMatchObject({
      role: 'structure',
      of: 'industry',
    });
  });

  it('keeps a row for any other variable that already holds a recorded figure, and none for a target', () => {
    const scenario = {
      ...quangNinh2025.scenario,
      history: { ...quangNinh2025.scenario.history, icor: { 2024: 3.5 }, share_target: { 2024: 0.2 } },
    };
    const rows = historyRows(scenario);
    expect(rows.find((r) => r.variable === 'population')).toEqual({
      variable: 'population',
      role: 'series',
      of: 'population',
      format: 'number',
    });
    expect(rows.find((r) => r.variable === 'icor')).toMatchObject({ role: 'param' });
    expect(rows.map((r) => r.variable)).not.toContain('share_target');
    expect(rows.map((r) => r.variable)).not.toContain('usd_rate');
  });
});

describe('recorded figure years', () => {
  it('runs from the earliest recorded year to the base year', () => {
    expect(historyYears(quangNinh2025.scenario.history, 2025)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
  });

  it('shows four years before the base year when less is recorded', () => {
    expect(historyYears({}, 2023)).toEqual([2019, 2020, 2021, 2022, 2023]);
  });

  it('starts at a year the planner added before the recorded ones', () => {
    expect(historyYears(quangNinh2025.scenario.history, 2025, 2017)[0]).toBe(2017);
  });

  it('offers an earlier column down to the first year a scenario allows', () => {
    expect(earlierYear([2019, 2020])).toBe(2018);
    expect(earlierYear([1900, 1901])).toBeUndefined();
    expect(historyYears({}, 1902, 1800)[0]).toBe(1900);
  });
});

describe('recorded shares and their issues', () => {
  const shares = (values: number[]) =>
    Object.fromEntries(SECTORS.map((s, i) => [sectorVar(s, 'share'), { 2023: values[i]! }]));

  it('adds up the sectors’ shares only in years where every sector has one', () => {
    const history = {
      ...shares([0.05, 0.12, 0.4, 0.3, 0.13]),
      [sectorVar('agriculture', 'share')]: { 2022: 0.05, 2023: 0.05 },
    };
    const totals = shareTotals(history, SECTORS, [2022, 2023]);
    expect(totals[0]).toBeUndefined();
    expect(totals[1]).toBeCloseTo(0.05 + 0.12 + 0.4 + 0.3 + 0.13);
    expect(shareTotals({}, [], [2023])).toEqual([undefined]);
  });

  it('puts shares not adding up to 100% at every sector’s share and the total of that year', () => {
    const template = withHistory(quangNinh, shares([0.05, 0.12, 0.4, 0.3, 0.2]));
    const issues = checkTemplate(template);
    const share = historyRows(template.scenario).find((r) => r.variable === 'services.share')!;
    const growth = historyRows(template.scenario).find((r) => r.variable === 'services.growth')!;
    expect(historyCellIssues(issues, share, 2023).map((i) => i.key)).toEqual(['sharesSum']);
    expect(historyCellIssues(issues, share, 2022)).toEqual([]);
    expect(historyCellIssues(issues, growth, 2023)).toEqual([]);
    expect(shareTotalIssues(issues, 2023)).toHaveLength(1);
  });

  it('puts base values off the recorded GRDP at GRDP at current prices in the base year', () => {
    const template = withHistory(quangNinh, { [BUILTIN.grdpNominal]: { 2023: 400000 } });
    const issues = checkTemplate(template);
    const grdp = historyRows(template.scenario)[0]!;
    expect(historyCellIssues(issues, grdp, 2023).map((i) => i.key)).toEqual(['structureSum']);
    expect(historyCellIssues(issues, grdp, 2022)).toEqual([]);
  });
});
