import { describe, expect, it } from 'vitest';
import { cellKey, Model, sectorVar } from '../engine';
import { applyPreset } from './index';
import { quangNinh } from './quang-ninh';

describe('the Quảng Ninh template', () => {
  const model = new Model(quangNinh.scenario);
  const source = (id: string, year: number) => quangNinh.sources[cellKey(id, year)] ?? quangNinh.sources[id];

  it('cites its sources in both languages', () => {
    for (const note of Object.values(quangNinh.sources)) {
      expect(typeof note.text === 'string' ? note.text : note.text.vi).not.toBe('');
      expect(typeof note.text === 'string' ? note.text : note.text.en).not.toBe('');
    }
  });

  it('gives every input cell a source or marks it as an assumption', () => {
    const missing: string[] = [];
    for (const v of model.variables) {
      for (const year of model.years) {
        if (model.isInput(v.id, year) && !source(v.id, year)) missing.push(cellKey(v.id, year));
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives every history figure a source', () => {
    const missing = Object.entries(quangNinh.scenario.history).flatMap(([id, years]) =>
      Object.keys(years)
        .map(Number)
        .filter((year) => !source(id, year))
        .map((year) => cellKey(id, year)),
    );
    expect(missing).toEqual([]);
  });

  it('labels projected growth after 2024 as assumptions', () => {
    for (const s of ['agriculture', 'manufacturing', 'other_industry', 'services', 'taxes']) {
      for (let year = 2025; year <= 2030; year++) expect(source(sectorVar(s, 'growth'), year)?.assumption).toBe(true);
    }
  });

  it('keeps the targets as editable cells: 15% in 2025, 30% in 2030, 10% growth a year', () => {
    expect(model.isInput('share_target', 2025)).toBe(true);
    expect(model.get('share_target')!.values[2025 - 2023]).toBe(0.15);
    expect(model.get('share_target')!.values[2030 - 2023]).toBe(0.3);
    expect(model.get('growth_target')!.values[2027 - 2023]).toBe(0.1);
  });

  it('evaluates without a single error cell', () => {
    const errors = model.variables.flatMap((v) => v.errors.filter(Boolean).map((e) => `${v.id}: ${e!.code}`));
    expect(errors).toEqual([]);
  });
});

describe('presets', () => {
  it('name only sectors the template has and start after the sourced 2024 figures', () => {
    const sectors = new Set(quangNinh.scenario.rows.filter((r) => r.kind === 'sector').map((r) => r.id));
    for (const preset of quangNinh.presets) {
      expect(
        Object.keys(preset.growth).every((s) => sectors.has(s)),
        preset.id,
      ).toBe(true);
      expect(preset.fromYear).toBeGreaterThan(2024);
    }
  });

  it('write their rates into every year from their first year', () => {
    const cautious = quangNinh.presets.find((p) => p.id === 'cautious')!;
    const model = new Model(applyPreset(quangNinh, cautious, 'Thận trọng'));
    const growth = model.get('manufacturing.growth')!.values;
    expect(growth[2024 - 2023]).toBeCloseTo(0.2045, 12);
    for (let y = 2025; y <= 2030; y++) expect(growth[y - 2023]).toBeCloseTo(0.12, 12);
  });

  it('order the 2030 manufacturing share: cautious < trend', () => {
    const share = (id: string) =>
      new Model(
        applyPreset(
          quangNinh,
          quangNinh.presets.find((p) => p.id === id),
          id,
        ),
      ).get('manufacturing.share')!.values[2030 - 2023]!;
    expect(share('cautious')).toBeLessThan(share('trend'));
  });

  it('none is the template under another name (its Plan preset, identical to it, was dropped)', () => {
    for (const preset of quangNinh.presets) {
      const scenario = applyPreset(quangNinh, preset, quangNinh.scenario.meta.name);
      expect(JSON.stringify(scenario), preset.id).not.toBe(JSON.stringify(quangNinh.scenario));
    }
  });
});
