import { describe, expect, it } from 'vitest';
import { quangNinh } from '../templates/quang-ninh';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import { compareScenarios } from './compare';
import { Model } from './model';
import { withInput } from './scenario';

describe('compareScenarios', () => {
  const base = quangNinh.scenario;
  const faster = withInput(base, 'manufacturing.growth', 2027, 0.4);
  const items = [
    { name: 'Kế hoạch', scenario: base },
    { name: 'Nhanh', scenario: faster },
  ];
  const result = compareScenarios(items);

  it('lines the scenarios up on the same years', () => {
    expect(result.years[0]).toBe(2023);
    expect(result.years.at(-1)).toBe(2030);
    expect(result.share[0]![2030 - 2023]).toBeCloseTo(new Model(base).get('manufacturing.share')!.values[7]!, 12);
  });

  it('differs from the first scenario only from the edited year on', () => {
    expect(result.share[1]![2026 - 2023]).toBe(result.share[0]![2026 - 2023]);
    expect(result.share[1]![2027 - 2023]!).toBeGreaterThan(result.share[0]![2027 - 2023]!);
  });

  it('tabulates shares at the target years, growth and GRDP with differences against the first', () => {
    const share2030 = result.rows.find((r) => r.key === 'share' && r.year === 2030)!;
    expect(share2030.diffs[0]).toBe(0);
    expect(share2030.diffs[1]).toBeCloseTo(share2030.values[1]! - share2030.values[0]!, 12);
    expect(share2030.diffs[1]!).toBeGreaterThan(0);
    // The 2023 template's plan periods: 2021–2025 (recorded, then projected) and 2026–2030.
    expect(result.rows.map((r) => r.key)).toEqual([
      'share',
      'share',
      'growth',
      'periodGrdp',
      'periodFocus',
      'periodGrdp',
      'periodFocus',
      'firstYear',
      'grdp',
    ]);
  });

  it('compares each plan period over the same years, and GRDP per capita where the scenarios have it', () => {
    const period = result.rows.find((r) => r.key === 'periodGrdp' && r.from === 2026)!;
    expect(period.year).toBe(2030);
    expect(period.diffs[1]).toBeCloseTo(period.values[1]! - period.values[0]!, 12);
    expect(period.values[1]!).toBeGreaterThan(period.values[0]!);
    expect(result.rows.some((r) => r.key === 'perCapita')).toBe(false);
    const withPerCapita = compareScenarios([{ name: 'A', scenario: quangNinh2025.scenario }]);
    const perCapita = withPerCapita.rows.find((r) => r.key === 'perCapita')!;
    expect(perCapita.year).toBe(2030);
    expect(perCapita.values[0]!).toBeGreaterThan(10402);
  });

  it('lines the share targets up on the same years, with gaps where there is none', () => {
    expect(result.targets).toHaveLength(result.years.length);
    expect(result.targets[2025 - 2023]).toBeCloseTo(0.15, 12);
    expect(result.targets[2030 - 2023]).toBeCloseTo(0.3, 12);
    expect(result.targets.filter((v) => v !== null)).toHaveLength(2);
  });

  it('leaves out a scenario whose model cannot be built', () => {
    const broken = {
      ...base,
      rows: [...base.rows, { kind: 'param', id: 'grdp', label: 'x', format: 'number', value: 1 } as const],
    };
    const withBroken = compareScenarios([items[0]!, { name: 'Hỏng', scenario: broken }, items[1]!]);
    expect(withBroken.names).toEqual(['Kế hoạch', 'Nhanh']);
    expect(withBroken.rows).toEqual(result.rows);
  });

  it('returns nothing for nothing', () => {
    expect(compareScenarios([]).rows).toEqual([]);
  });
});
