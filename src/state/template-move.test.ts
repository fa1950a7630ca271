import { describe, expect, it } from 'vitest';
import { deleteRow, evaluate, sectorVar, withInput } from '../engine';
import type { Template } from '../templates';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import { moveToVersion } from './template-move';

const v1: Template = { ...quangNinh2025, id: 'tinh-moi' };
// Version 2: the planner's office revised services' base-year value.
const v2: Template = {
  ...v1,
  scenario: {
    ...v1.scenario,
    rows: v1.scenario.rows.map((r) => (r.kind === 'sector' && r.id === 'services' ? { ...r, base: 200000 } : r)),
  },
};
const mine = withInput(v1.scenario, sectorVar('manufacturing', 'growth'), 2027, 0.31);

describe('moveToVersion', () => {
  it('keeps the planner’s own changes and takes the new version’s figures for the rest', () => {
    const moved = moveToVersion(mine, v1, v2);
    if (!moved.ok) throw new Error(moved.detail);
    const services = moved.scenario.rows.find((r) => r.kind === 'sector' && r.id === 'services');
    expect(services).toMatchObject({ base: 200000 });
    const manufacturing = moved.scenario.rows.find((r) => r.kind === 'sector' && r.id === 'manufacturing');
    expect(manufacturing).toMatchObject({ growth: expect.objectContaining({ 2027: 0.31 }) });
    expect(moved.scenario).toStrictEqual(withInput(v2.scenario, sectorVar('manufacturing', 'growth'), 2027, 0.31));
  });

  it('lines up the numbers before and after, the scenario as it was first', () => {
    const moved = moveToVersion(mine, v1, v2);
    if (!moved.ok) throw new Error(moved.detail);
    const grdp = moved.comparison.grdp;
    expect(grdp).toHaveLength(2);
    const year = v1.scenario.meta.baseYear;
    expect(grdp[0]![moved.comparison.years.indexOf(year)]).toBeCloseTo(evaluate(mine)!.value('grdp_nominal', year)!, 6);
    expect(grdp[1]![moved.comparison.years.indexOf(year)]).toBeGreaterThan(
      grdp[0]![moved.comparison.years.indexOf(year)]!,
    );
  });

  it('gives the same scenario when moved onto the version it was made with', () => {
    const moved = moveToVersion(mine, v1, v1);
    expect(moved.ok && moved.scenario).toStrictEqual(mine);
  });

  it('says so, without throwing, when the planner’s changes no longer fit the new version', () => {
    const withoutInvestment: Template = { ...v1, scenario: deleteRow(v1.scenario, 'icor') };
    const edited = withInput(v1.scenario, 'icor', v1.scenario.meta.baseYear, 5);
    expect(moveToVersion(edited, v1, withoutInvestment).ok).toBe(false);
  });
});
