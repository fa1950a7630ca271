import { describe, expect, it } from 'vitest';
import { cellKey, Model } from '../engine';
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
      for (let year = 2025; year <= 2030; year++) expect(source(`${s}.growth`, year)?.assumption).toBe(true);
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
