import { describe, expect, it } from 'vitest';
import { BUILTIN, evaluate, sectorVar } from '../engine';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import type { Template } from '../templates/types';
import { TemplateEditor, type EditResult } from './template-editor.svelte';

// The drafts of template-factories.ts, through the editor that starts from them.

const copy = () => TemplateEditor.fromTemplate(quangNinh2025);
const value = (t: Template, id: string, year: number) => evaluate(t.scenario)!.value(id, year)!;
const ok = <T extends object>(result: EditResult<T>) => {
  if (!result.ok) throw new Error(`refused: ${result.problem.key}`);
  return result;
};

describe('TemplateEditor: starting points', () => {
  it('copies a template under a new id and label, its presets as plain figures', () => {
    const editor = copy();
    const t = editor.template;
    expect(t.id).toBe('quang-ninh-nam-goc-2025-ban-sao');
    expect(t.label).toEqual({ vi: 'Quảng Ninh (năm gốc 2025) (bản sao)', en: 'Quảng Ninh (base year 2025) (copy)' });
    expect(Object.getOwnPropertyDescriptor(t.presets[0], 'growth')).toHaveProperty('value');
    expect(TemplateEditor.fromTemplate(quangNinh2025, { taken: new Set([t.id]) }).template.id).toBe(`${t.id}-2`);
  });

  it('makes a template from a scenario, marking the inputs the scenario changed as its assumptions', () => {
    const rows = quangNinh2025.scenario.rows.map((r) =>
      r.kind === 'sector' && r.id === 'manufacturing' ? { ...r, growth: { ...r.growth, 2027: 0.3 } } : r,
    );
    const scenario = { ...quangNinh2025.scenario, meta: { ...quangNinh2025.scenario.meta, name: 'CBCT 30%' }, rows };
    const editor = TemplateEditor.fromScenario(scenario, quangNinh2025);
    expect(editor.template).toMatchObject({ id: 'cbct-30', label: 'CBCT 30%' });
    expect(editor.sourceOf(sectorVar('manufacturing', 'growth'), 2027)).toMatchObject({ assumption: true });
    expect(editor.sourceOf(sectorVar('manufacturing', 'growth'), 2028)).toBe(
      quangNinh2025.sources['manufacturing.growth'],
    );
    expect(editor.canSave).toBe(true);
  });

  it('starts an empty template that cannot be saved until it has a sector with its figures', () => {
    const spec = {
      label: 'Tỉnh mới',
      region: 'Tỉnh mới',
      unit: { vi: 'tỷ đồng', en: 'billion VND' },
      baseYear: 2025,
      horizon: 2027,
    };
    expect(TemplateEditor.empty({ ...spec, horizon: 2025 })).toMatchObject({
      ok: false,
      problem: { key: 'template.yearRange' },
    });
    expect(TemplateEditor.empty({ ...spec, label: '' })).toMatchObject({
      ok: false,
      problem: { key: 'template.emptyLabel' },
    });
    const { editor } = ok(TemplateEditor.empty(spec));
    expect(editor.issues.map((i) => [i.key, i.field])).toEqual([
      ['noSectors', 'rows'],
      ['focusNotSector', 'meta.focus'],
    ]);
    expect(editor.canSave).toBe(false);
    const { id } = ok(editor.addSector('Công nghiệp'));
    expect(editor.template.scenario.meta.focus).toBe(id);
    ok(editor.setBase(id, 1000));
    for (const year of [2026, 2027]) ok(editor.setGrowth(id, year, 0.1));
    ok(editor.setSource(id, 'Cục Thống kê'));
    ok(editor.setSource(sectorVar(id, 'growth'), 'giả định', true));
    expect(editor.issues).toEqual([]);
    expect(editor.canSave).toBe(true);
    expect(value(editor.template, BUILTIN.grdp, 2027)).toBeCloseTo(1210, 9);
  });

  it('adds population and the exchange rate to a template without them, and GRDP per capita follows', () => {
    const spec = { label: 'Tỉnh mới', region: 'Tỉnh mới', unit: 'tỷ đồng', baseYear: 2025, horizon: 2026 };
    const { editor } = ok(TemplateEditor.empty(spec));
    const { id } = ok(editor.addSector('Dịch vụ'));
    ok(editor.setBase(id, 25000));
    ok(editor.setGrowth(id, 2026, 0));
    ok(editor.setPerCapita('population', 2025, 1000));
    ok(editor.setPerCapita('usdRate', 2025, 25000));
    expect(editor.template.scenario.meta.perCapita).toEqual({ population: 'population', usdRate: 'usd_rate' });
    expect(value(editor.template, BUILTIN.grdpPerCapitaUsd, 2025)).toBeCloseTo(1000, 9);
    expect(editor.canSave).toBe(true);
  });
});
