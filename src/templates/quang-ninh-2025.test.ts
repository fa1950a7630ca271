import { describe, expect, it } from 'vitest';
import { BUILTIN, cellKey, Model, sectorVar, structureVar, summarize, validateScenario } from '../engine';
import { applyPreset } from './index';
import { quangNinh2025 } from './quang-ninh-2025';

const template = quangNinh2025;
const model = new Model(template.scenario);
const at = (id: string, year: number) => model.get(id)!.values[year - model.baseYear]!;
const source = (id: string, year: number) => template.sources[cellKey(id, year)] ?? template.sources[id];

describe('the Quảng Ninh 2025 template', () => {
  it('is a valid scenario that evaluates without a single error cell', () => {
    expect(validateScenario(template.scenario).ok).toBe(true);
    const errors = model.variables.flatMap((v) => v.errors.filter(Boolean).map((e) => `${v.id}: ${e!.code}`));
    expect(errors).toEqual([]);
  });

  it('starts from the published 2025 level: GRDP at current prices 368,445 bn VND (± 0.5%)', () => {
    expect(at(BUILTIN.grdpNominal, 2025) / 368445).toBeCloseTo(1, 2);
    expect(Math.abs(at(BUILTIN.grdpNominal, 2025) / 368445 - 1)).toBeLessThan(0.005);
  });

  it('records 2025 GRDP growth as published, 11.89%', () => {
    expect(template.scenario.history[BUILTIN.grdpGrowth]![2025]).toBe(0.1189);
    expect(at(BUILTIN.grdpGrowth, 2025)).toBeCloseTo(0.1189, 12);
  });

  it('gives 10,402 USD per capita in 2025 (± 1%) with its own population and rate', () => {
    expect(Math.abs(at(BUILTIN.grdpPerCapitaUsd, 2025) / 10402 - 1)).toBeLessThan(0.01);
  });

  it('reproduces the published 2025 structure: 4.63 / 46.18 / 49.19 % (services and taxes together)', () => {
    expect(at(structureVar('agriculture'), 2025)).toBeCloseTo(0.0463, 3);
    expect(at(structureVar('industry'), 2025)).toBeCloseTo(0.4618, 3);
    expect(at(structureVar('services'), 2025) + at(structureVar('taxes'), 2025)).toBeCloseTo(0.4919, 3);
  });

  it('keeps shares at current prices once prices change: the equal deflator leaves them as real shares', () => {
    const real = model.get('manufacturing')!.values;
    const grdp = model.get(BUILTIN.grdp)!.values;
    const i = 2030 - 2025;
    expect(at(sectorVar('manufacturing', 'share'), 2030)).toBeCloseTo(real[i]! / grdp[i]!, 10);
    expect(at(BUILTIN.grdpNominal, 2030)).toBeGreaterThan(at(BUILTIN.grdp, 2030));
  });

  it('cites its sources in both languages', () => {
    for (const note of Object.values(template.sources)) {
      expect(typeof note.text === 'string' ? note.text : note.text.vi).not.toBe('');
      expect(typeof note.text === 'string' ? note.text : note.text.en).not.toBe('');
    }
  });

  it('gives every input cell a source, or marks it as an assumption or estimate', () => {
    const missing: string[] = [];
    for (const v of model.variables) {
      for (const year of model.years) {
        if (model.isInput(v.id, year) && !source(v.id, year)) missing.push(cellKey(v.id, year));
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives every recorded figure a source', () => {
    const missing = Object.entries(template.scenario.history).flatMap(([id, years]) =>
      Object.keys(years)
        .map(Number)
        .filter((year) => !source(id, year))
        .map((year) => cellKey(id, year)),
    );
    expect(missing).toEqual([]);
  });

  it('labels every figure that is not published as an estimate, never as a citation', () => {
    for (const key of ['manufacturing@2025', 'services@2025', 'manufacturing.growth@2025', 'population@2025', 'icor']) {
      expect(template.sources[key]?.assumption, key).toBe(true);
    }
  });

  it('averages 2021–2025 GRDP growth from the recorded years', () => {
    const headline = summarize(model, template.scenario);
    const period = headline.periods.find((p) => p.from === 2021 && p.to === 2025)!;
    const expected = (1.1028 * 1.1028 * 1.1103 * 1.0842 * 1.1189) ** (1 / 5) - 1;
    expect(period.grdp).toBeCloseTo(expected, 10);
  });
});

describe('its presets', () => {
  it('say what they assume and none is the template under another name', () => {
    for (const preset of template.presets) {
      const scenario = applyPreset(template, preset, template.scenario.meta.name);
      expect(JSON.stringify(scenario)).not.toBe(JSON.stringify(template.scenario));
      expect(typeof preset.assumes === 'string' ? preset.assumes : preset.assumes.vi).toMatch(/\d/);
    }
  });

  it('take the recorded trend from the recorded years: manufacturing from 2021, 2023, 2024 and 2025', () => {
    const trend = template.presets.find((p) => p.id === 'trend')!;
    const expected = (1.3219 * 1.164 * 1.2045 * 1.2407) ** (1 / 4) - 1;
    expect(trend.growth.manufacturing).toBeCloseTo(expected, 4);
    const cautious = template.presets.find((p) => p.id === 'cautious')!;
    expect(cautious.growth.manufacturing).toBeCloseTo(trend.growth.manufacturing! - 0.08, 4);
  });
});

describe('its headline', () => {
  it('gives GRDP per capita at the base year and the horizon, in USD and million VND', () => {
    const { perCapita } = summarize(model, template.scenario);
    expect(perCapita!.from).toBe(2025);
    expect(perCapita!.to).toBe(2030);
    expect(Math.abs(perCapita!.usd.from! / 10402 - 1)).toBeLessThan(0.01);
    expect(perCapita!.millionVnd.from! * 1e6).toBeCloseTo(perCapita!.usd.from! * 25400, 0);
    expect(perCapita!.usd.to!).toBeGreaterThan(perCapita!.usd.from!);
  });
});

describe('the congress path preset', () => {
  it('meets the congress set as the cards check it, at the lowest constant manufacturing growth that does', () => {
    const preset = template.presets.find((p) => p.id === 'congress')!;
    const scenario = applyPreset(template, preset, 'Đại hội');
    expect(scenario.meta.targetSet).toBe('congress');
    // The average growth, every share target and every per capita target (2026 and 2030) are met.
    const met = (s: typeof scenario) => {
      const headline = summarize(new Model(s), s);
      const perCapita = headline.targets.filter((c) => c.of === BUILTIN.grdpPerCapitaUsd);
      expect(perCapita).toHaveLength(2);
      return !!headline.growth.met && [...headline.shareTargets, ...perCapita].every((c) => c.met);
    };
    expect(met(scenario)).toBe(true);
    // A tenth of a point less and one of them is missed.
    const growth = { manufacturing: preset.growth.manufacturing! - 0.001 };
    expect(met(applyPreset(template, { ...preset, growth }, 'x'))).toBe(false);
    expect(typeof preset.assumes === 'string' ? preset.assumes : preset.assumes.vi).toContain('goal seek');
  });
});
