import { describe, expect, it } from 'vitest';
import { quangNinh } from '../templates/quang-ninh';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import { otherInputs, perCapitaInput, perCapitaLines } from './template-history-assumptions';

describe('per capita lines', () => {
  it('finds the population and exchange-rate rows the scenario computes per capita from', () => {
    const [population, rate] = perCapitaLines(quangNinh2025.scenario);
    expect(population).toMatchObject({ which: 'population', row: { id: 'population', kind: 'series' } });
    expect(rate).toMatchObject({ which: 'usdRate', row: { id: 'usd_rate' } });
    expect(perCapitaInput(population!, 2027)).toBe('=population[t-1] * (1 + population_growth)');
    expect(perCapitaInput(rate!, 2026)).toBeTypeOf('number');
  });

  it('has no row yet where the scenario does not compute per capita', () => {
    const lines = perCapitaLines(quangNinh.scenario);
    expect(lines.map((l) => l.row)).toEqual([undefined, undefined]);
    expect(perCapitaInput(lines[0]!, 2025)).toBeUndefined();
  });

  it('reads a rate held in a parameter as the same figure every year', () => {
    const scenario = {
      ...quangNinh.scenario,
      meta: { ...quangNinh.scenario.meta, perCapita: { population: 'investment', usdRate: 'icor' } },
    };
    const rate = perCapitaLines(scenario)[1]!;
    expect(perCapitaInput(rate, 2024)).toBe(4.1);
    expect(perCapitaInput(rate, 2030)).toBe(4.1);
  });
});

describe('other inputs', () => {
  it('lists the series and parameters besides the per-capita rows, in order', () => {
    const { series, params } = otherInputs(quangNinh2025.scenario);
    expect(series.map((r) => r.id)).toEqual(['investment']);
    expect(params.map((r) => r.id)).toEqual(['population_growth', 'icor']);
  });
});
