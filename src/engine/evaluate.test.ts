import { describe, expect, it } from 'vitest';
import { quangNinh } from '../templates/quang-ninh';
import { evaluate, evaluationOf, remember } from './evaluate';
import { declaredScenario } from './fixtures';
import { Model } from './model';
import { withInput } from './scenario';
import { chartSeries, summarize } from './summary';
import type { Scenario } from './types';
import { BUILTIN, structureVar } from './variables';

const base = quangNinh.scenario;
// A row named like a built-in total clashes with the model's own variable, so no model can be built.
const broken: Scenario = {
  ...base,
  rows: [...base.rows, { kind: 'param', id: 'grdp', label: 'x', format: 'number', value: 1 }],
};

describe('evaluate', () => {
  it('returns the same evaluation for the same scenario object', () => {
    expect(evaluate(base)).toBe(evaluate(base));
  });

  it('evaluates an edited scenario afresh', () => {
    const edited = withInput(base, 'manufacturing.growth', 2027, 0.4);
    const before = evaluate(base)!;
    const after = evaluate(edited)!;
    expect(after).not.toBe(before);
    expect(after.value('manufacturing.growth', 2027)).toBe(0.4);
    expect(after.value('manufacturing.share', 2030)!).toBeGreaterThan(before.value('manufacturing.share', 2030)!);
  });

  it('gives nothing for a scenario whose model cannot be built', () => {
    expect(() => new Model(broken)).toThrow();
    expect(evaluate(broken)).toBeUndefined();
    expect(evaluate(broken)).toBeUndefined();
  });

  it('holds the numbers, headline and chart of a fresh model', () => {
    const model = new Model(base);
    const evaluation = evaluate(base)!;
    expect(evaluation.years).toEqual(model.years);
    expect(evaluation.baseYear).toBe(model.baseYear);
    expect(evaluation.headline).toEqual(summarize(model, base));
    expect(evaluation.chart).toEqual(chartSeries(model, base));
    for (const v of model.variables) {
      model.years.forEach((year, i) => {
        const expected = v.errors[i] || v.blank[i] ? undefined : v.values[i];
        expect(evaluation.value(v.id, year)).toBe(expected);
      });
    }
  });

  it('gives nothing outside the years or for an unknown variable', () => {
    const evaluation = evaluate(base)!;
    expect(evaluation.value('grdp', base.meta.baseYear - 1)).toBeUndefined();
    expect(evaluation.value('grdp', base.meta.horizon + 1)).toBeUndefined();
    expect(evaluation.value('nothing', base.meta.baseYear)).toBeUndefined();
  });

  it('keeps a remembered evaluation unchanged when its model is edited afterwards', () => {
    const scenario: Scenario = { ...base };
    const model = new Model(scenario);
    const evaluation = evaluationOf(model, scenario);
    remember(scenario, evaluation);
    const share = evaluation.value('manufacturing.share', 2030);
    model.setInput('manufacturing.growth', 2027, 0.9);
    expect(evaluate(scenario)).toBe(evaluation);
    expect(evaluation.value('manufacturing.share', 2030)).toBe(share);
    expect(evaluation.headline).toEqual(summarize(new Model(scenario), scenario));
  });
});

describe('the evaluation of a scenario that declares the structure and per capita', () => {
  const scenario = declaredScenario();
  const evaluation = evaluate(scenario)!;

  it('holds per capita and the group shares', () => {
    expect(evaluation.value(BUILTIN.grdpPerCapitaUsd, 2025)).toBeCloseTo(263_175_000 / 25_300, 9);
    expect(evaluation.value(structureVar('industry'), 2025)).toBeCloseTo(170000 / 368445, 12);
  });

  it('holds the plan periods of its headline', () => {
    expect(evaluation.headline.periods.map((p) => [p.from, p.to, p.recorded])).toEqual([
      [2021, 2025, 'recorded'],
      [2026, 2030, 'projected'],
    ]);
    expect(evaluation.headline.periods[0]!.grdp).toBeCloseTo(
      Math.pow(1.1028 * 1.1028 * 1.1103 * 1.0842 * 1.1189, 1 / 5) - 1,
      12,
    );
  });

  it('keeps per capita as it was when the population of its model is edited afterwards', () => {
    const model = new Model(scenario);
    const kept = evaluationOf(model, scenario);
    const before = kept.value(BUILTIN.grdpPerCapita, 2027);
    model.setInput('population', 2027, 2000);
    expect(model.get(BUILTIN.grdpPerCapita)!.values[2]).not.toBe(before);
    expect(kept.value(BUILTIN.grdpPerCapita, 2027)).toBe(before);
  });
});
