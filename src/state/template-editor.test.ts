import { describe, expect, it } from 'vitest';
import { BUILTIN, evaluate, focusShare, sectorVar, structureVar, type SectorRow } from '../engine';
import { readTemplate } from '../templates/validate-template';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import type { Template } from '../templates/types';
import { translate, type MessageKey } from '../i18n';
import { TemplateEditor, templateStatusText, type EditResult } from './template-editor.svelte';

const english = (key: MessageKey, args?: Readonly<Record<string, string | number>>) => translate('en', key, args);

const THREE = [
  { label: { vi: 'Khai khoáng', en: 'Mining' }, fraction: 0.5 },
  { label: { vi: 'Điện, nước', en: 'Electricity and water' }, fraction: 0.2 },
  { label: { vi: 'Xây dựng', en: 'Construction' }, fraction: 0.3 },
];

const copy = () => TemplateEditor.fromTemplate(quangNinh2025);
const value = (t: Template, id: string, year: number) => evaluate(t.scenario)!.value(id, year)!;
const years = (t: Template) => evaluate(t.scenario)!.years;
const sector = (t: Template, id: string) =>
  t.scenario.rows.find((r): r is SectorRow => r.id === id && r.kind === 'sector');
const ok = <T extends object>(result: EditResult<T>) => {
  if (!result.ok) throw new Error(`refused: ${result.problem.key}`);
  return result;
};
const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
const expectSame = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.abs(b));

function splitOtherIndustry(): { editor: TemplateEditor; ids: string[] } {
  const editor = copy();
  return { editor, ids: ok(editor.splitSector('other_industry', THREE)).ids };
}

describe('TemplateEditor: splitting a sector', () => {
  it('splits other industry and construction in three without changing GRDP or any other sector in any year', () => {
    const { editor, ids } = splitOtherIndustry();
    const before = quangNinh2025;
    const after = editor.template;
    expect(ids).toEqual(['khai_khoang', 'dien_nuoc', 'xay_dung']);
    expect(editor.sectors.map((s) => s.id)).toEqual([
      'agriculture',
      'manufacturing',
      'khai_khoang',
      'dien_nuoc',
      'xay_dung',
      'services',
      'taxes',
    ]);
    const totals = [BUILTIN.grdp, BUILTIN.grdpNominal, BUILTIN.grdpGrowth, BUILTIN.grdpPerCapitaUsd];
    const kept = ['agriculture', 'manufacturing', 'services', 'taxes'].flatMap((s) => [
      s,
      sectorVar(s, 'nominal'),
      sectorVar(s, 'share'),
    ]);
    for (const year of years(before)) {
      for (const id of [...totals, ...kept, structureVar('industry')])
        if (evaluate(before.scenario)!.value(id, year) !== undefined)
          expectSame(value(after, id, year), value(before, id, year));
      const parts = ids.reduce((sum, id) => sum + value(after, sectorVar(id, 'nominal'), year), 0);
      expectSame(parts, value(before, sectorVar('other_industry', 'nominal'), year));
    }
    expectSame(
      value(after, focusShare(after.scenario.meta), 2030),
      value(before, focusShare(before.scenario.meta), 2030),
    );
    expect(ids.map((id) => sector(after, id)!.base as number).reduce((a, b) => a + b, 0)).toBe(
      sector(before, 'other_industry')!.base,
    );
    expect(sector(after, 'khai_khoang')).toMatchObject({
      group: 'industry',
      growth: sector(before, 'other_industry')!.growth,
    });
  });

  it('lowers GRDP from the year mining grows less', () => {
    const { editor } = splitOtherIndustry();
    const split = editor.template;
    ok(editor.setGrowth('khai_khoang', 2027, 0));
    const lower = editor.template;
    expectSame(value(lower, BUILTIN.grdp, 2026), value(split, BUILTIN.grdp, 2026));
    for (const year of [2027, 2028, 2029, 2030])
      expect(value(lower, BUILTIN.grdp, year)).toBeLessThan(value(split, BUILTIN.grdp, year));
    expect(value(lower, sectorVar('manufacturing', 'share'), 2030)).toBeGreaterThan(
      value(split, sectorVar('manufacturing', 'share'), 2030),
    );
  });

  it('carries the whole’s sources, history and preset rates to the parts as assumptions of the split', () => {
    const { editor } = splitOtherIndustry();
    const t = editor.template;
    expect(t.sources['other_industry@2025']).toBeUndefined();
    expect(t.sources['khai_khoang@2025']).toMatchObject({ assumption: true });
    expect((t.sources['khai_khoang@2025']!.text as { vi: string }).vi).toMatch(
      /^tách từ “Công nghiệp khác và xây dựng” theo tỷ lệ 50%/,
    );
    expect(t.sources['xay_dung.growth@2024']).toMatchObject({ assumption: true });
    expect(t.scenario.history[sectorVar('dien_nuoc', 'growth')]).toEqual(
      quangNinh2025.scenario.history['other_industry.growth'],
    );
    expect(t.scenario.history['other_industry.growth']).toBeUndefined();
    const trend = t.presets.find((p) => p.id === 'trend')!;
    expect(trend.growth.khai_khoang).toBe(quangNinh2025.presets.find((p) => p.id === 'trend')!.growth.other_industry);
    expect(trend.growth.other_industry).toBeUndefined();
  });

  it('gives a draft without errors that readTemplate reads back', () => {
    const { editor } = splitOtherIndustry();
    expect(editor.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(editor.canSave).toBe(true);
    const saved = editor.saved()!;
    const read = readTemplate(json(saved));
    expect(read.ok).toBe(true);
    expect(read.ok && json(read.template)).toEqual(json(saved));
  });

  it('refuses fractions that do not add up to 100%, and splitting the focus sector', () => {
    const editor = copy();
    const half = editor.splitSector('other_industry', [THREE[0]!, { ...THREE[1]!, fraction: 0.4 }]);
    expect(half).toEqual({ ok: false, problem: { key: 'template.splitParts', args: { total: 90 }, tone: 'error' } });
    expect(editor.splitSector('manufacturing', THREE)).toMatchObject({
      ok: false,
      problem: { key: 'template.isFocus' },
    });
    expect(editor.canUndo).toBe(false);
  });
});

describe('TemplateEditor: sectors', () => {
  it('refuses to remove the focus sector and leaves the draft as it was', () => {
    const editor = copy();
    const before = editor.template;
    expect(editor.removeSector('manufacturing')).toEqual({
      ok: false,
      problem: { key: 'template.isFocus', tone: 'error' },
    });
    expect(editor.template).toBe(before);
  });

  it('refuses to remove a sector a target of a set refers to, naming the target', () => {
    const editor = copy();
    ok(editor.addTarget('decision80', sectorVar('services', 'share'), 'Tỷ trọng dịch vụ'));
    const refused = editor.removeSector('services');
    expect(refused).toMatchObject({
      ok: false,
      problem: { key: 'template.inUse', args: { rows: 'decision80.ty_trong_dich_vu' } },
    });
  });

  it('removes a sector with its sources and preset rates, and says so', () => {
    const editor = copy();
    const result = ok(editor.removeSector('taxes'));
    expect(result.notes).toEqual([
      { key: 'template.historyDropped', args: { series: structureVar('taxes') } },
      { key: 'template.presetsDropped', args: { count: 2 } },
    ]);
    expect(templateStatusText('en', result.notes[1]!, english)).toBe(
      'Removed the sector from 2 of the template’s ready-made assumptions.',
    );
    expect(Object.keys(editor.template.sources).some((k) => k.startsWith('taxes'))).toBe(false);
    expect(editor.issuesAt('rows')).toEqual([]);
  });

  it('adds a sector with an id from its Vietnamese label, and says at its fields what it still needs', () => {
    const editor = copy();
    const { id } = ok(editor.addSector('Khai khoáng'));
    expect(id).toBe('khai_khoang');
    expect(ok(editor.addSector({ vi: 'Khai khoáng', en: 'Mining' })).id).toBe('khai_khoang_2');
    expect(editor.issuesAt(`rows.${id}.base`)).toMatchObject([{ key: 'baseMissing', severity: 'error' }]);
    expect(editor.issuesAt(`rows.${id}`).map((i) => i.key)).toEqual(['baseMissing', 'growthMissing']);
    expect(editor.canSave).toBe(false);
    ok(editor.setBase(id, 1000));
    expect(editor.issuesAt(`rows.${id}.base`)).toEqual([]);
    expect(editor.issuesAt(`sources.${id}@2025`)).toMatchObject([{ key: 'unsourced' }]);
    ok(editor.setSource(`${id}@2025`, 'ước tính của Sở Kế hoạch', true));
    expect(editor.issuesAt(`sources.${id}@2025`)).toEqual([]);
  });

  it('refuses a base value that is not above 0 or not a number, and a year outside the projection', () => {
    const editor = copy();
    expect(editor.setBase('services', -5)).toMatchObject({ ok: false, problem: { key: 'template.basePositive' } });
    expect(editor.setBase('services', Number.NaN)).toMatchObject({ ok: false, problem: { key: 'template.notNumber' } });
    expect(editor.setGrowth('services', 2025, 0.1)).toMatchObject({
      ok: false,
      problem: { key: 'template.yearRange', args: { min: 2026, max: 2030 } },
    });
    expect(editor.setGrowth('services', 2026, -1)).toMatchObject({ ok: false, problem: { key: 'template.rateRange' } });
    expect(editor.setGrowth('services', 2026, 'tám phần trăm')).toMatchObject({
      ok: false,
      problem: { key: 'template.notNumber' },
    });
    expect(() => editor.setGrowth('nothing', 2026, 0.1)).toThrow();
  });

  it('changes a sector’s id; its sources, history, presets and formulas follow', () => {
    const editor = copy();
    ok(editor.setSectorId('other_industry', 'khac'));
    const t = editor.template;
    for (const key of ['khac@2025', 'khac.growth', 'khac.growth@2024', 'khac.price'])
      expect(t.sources[key], key).toBeDefined();
    expect(Object.keys(t.sources).some((k) => k.startsWith('other_industry'))).toBe(false);
    expect(t.scenario.history['khac.growth']).toEqual(quangNinh2025.scenario.history['other_industry.growth']);
    expect(t.presets.find((p) => p.id === 'cautious')!.growth.khac).toBeDefined();
    expect(editor.setSectorId('khac', 'services')).toMatchObject({ ok: false, problem: { key: 'rows.problem.taken' } });
    expect(editor.setSectorId('khac', 'grdp')).toMatchObject({ ok: false, problem: { key: 'rows.problem.reserved' } });
    // The editor's messages come from its own texts or, for a row id, from the start dictionaries.
    const taken = editor.setSectorId('khac', 'services');
    expect(!taken.ok && templateStatusText('en', taken.problem, english)).toBe('A row with this name exists already.');
    expect(editor.canSave).toBe(true);
  });

  it('relabels a sector and keeps its id', () => {
    const editor = copy();
    ok(editor.renameSector('services', { vi: 'Dịch vụ, du lịch', en: 'Services and tourism' }));
    expect(sector(editor.template, 'services')!.label).toEqual({ vi: 'Dịch vụ, du lịch', en: 'Services and tourism' });
    expect(editor.renameSector('services', '  ')).toMatchObject({ ok: false, problem: { key: 'template.emptyLabel' } });
  });

  it('moves a sector among the sectors', () => {
    const editor = copy();
    ok(editor.moveSector('taxes', -4));
    expect(editor.sectors.map((s) => s.id)).toEqual([
      'taxes',
      'agriculture',
      'manufacturing',
      'other_industry',
      'services',
    ]);
  });

  it('makes another sector the focus and moves the share targets to it', () => {
    const editor = copy();
    const result = ok(editor.setFocus('services'));
    // The users', congress and resolution 01 sets have one each (the scenario's is the users' set's).
    expect(result.notes).toEqual([{ key: 'template.targetsMoved', args: { count: 3 } }]);
    const targets = editor.template.scenario.rows.filter((r) => r.kind === 'target');
    expect(targets.map((r) => r.of)).toContain(sectorVar('services', 'share'));
    expect(targets.map((r) => r.of)).not.toContain(sectorVar('manufacturing', 'share'));
    // Manufacturing is no longer the focus, so it may go; the three presets that set its growth lose it.
    expect(ok(editor.removeSector('manufacturing')).notes).toEqual([
      { key: 'template.presetsDropped', args: { count: 3 } },
    ]);
  });
});

describe('TemplateEditor: short names', () => {
  it('gives a sector a short name that is saved, follows a new id, and goes when emptied', () => {
    const editor = copy();
    ok(editor.setShortLabel('services', { vi: 'DV', en: 'Serv.' }));
    expect(editor.saved()?.shortLabels?.services).toEqual({ vi: 'DV', en: 'Serv.' });
    ok(editor.setSectorId('services', 'dich_vu'));
    expect(editor.template.shortLabels?.dich_vu).toEqual({ vi: 'DV', en: 'Serv.' });
    expect(editor.template.shortLabels?.services).toBeUndefined();
    expect(editor.setShortLabel('dich_vu', 'x'.repeat(31))).toMatchObject({
      ok: false,
      problem: { key: 'template.tooLong' },
    });
    ok(editor.setShortLabel('dich_vu', ''));
    expect(editor.template.shortLabels?.dich_vu).toBeUndefined();
    expect(() => editor.setShortLabel('coal', 'Than')).toThrow();
  });
});

describe('TemplateEditor: years', () => {
  it('shortens the horizon, dropping the cells after it and saying which', () => {
    const editor = copy();
    const result = ok(editor.setHorizon(2028));
    expect(result.notes).toEqual([
      expect.objectContaining({
        key: 'template.dropped',
        args: expect.objectContaining({ years: '2029, 2030', from: 2025, to: 2028 }),
      }),
    ]);
    expect(Object.keys(sector(editor.template, 'services')!.growth)).toEqual(['2026', '2027', '2028']);
    expect(years(editor.template).at(-1)).toBe(2028);
    expect(editor.canSave).toBe(true);
  });

  it('lengthens the horizon, continuing the rows filled in every year but not sparse targets', () => {
    const editor = copy();
    expect(ok(editor.setHorizon(2032)).notes).toEqual([]);
    const t = editor.template;
    expect(sector(t, 'services')!.growth[2032]).toBe(sector(t, 'services')!.growth[2030]);
    expect(value(t, 'population', 2032)).toBeGreaterThan(value(t, 'population', 2030));
    const share = t.scenario.rows.find((r) => r.id === 'share_target');
    expect(share?.kind === 'target' && Object.keys(share.cells)).toEqual(['2025', '2030']);
  });

  it('refuses a horizon or base year outside the range and moves the base year, asking for new base values', () => {
    const editor = copy();
    expect(editor.setHorizon(2025)).toMatchObject({ ok: false, problem: { args: { min: 2026, max: 2050 } } });
    expect(editor.setHorizon(2051)).toMatchObject({ ok: false });
    expect(editor.setBaseYear(2030)).toMatchObject({ ok: false, problem: { args: { max: 2029 } } });
    const moved = ok(editor.setBaseYear(2026));
    expect(moved.notes).toContainEqual({ key: 'template.baseValuesOf', args: { from: 2025, to: 2026 } });
    expect(Object.keys(sector(editor.template, 'services')!.growth)).toEqual(['2027', '2028', '2029', '2030']);
  });
});

describe('TemplateEditor: issues', () => {
  it('says at the field when a base value is missing and stops saying it once it is entered', () => {
    const editor = copy();
    const services = sector(editor.template, 'services')!.base as number;
    ok(editor.setBase('services', undefined));
    expect(editor.issuesAt('rows.services.base')).toMatchObject([{ key: 'baseMissing', severity: 'error' }]);
    expect(editor.canSave).toBe(false);
    expect(editor.saved()).toBeUndefined();
    ok(editor.setBase('services', services));
    expect(editor.issuesAt('rows.services.base')).toEqual([]);
    expect(editor.canSave).toBe(true);
  });

  it('says at the rows when the structure does not add up to the recorded GRDP', () => {
    const editor = copy();
    ok(editor.setHistory(BUILTIN.grdpNominal, 2025, 400000));
    expect(editor.issuesAt('rows')).toMatchObject([{ key: 'structureSum', args: { grdp: 400000, year: 2025 } }]);
    ok(editor.setHistory(BUILTIN.grdpNominal, 2025, 368445));
    expect(editor.issuesAt('rows')).toEqual([]);
    expect(editor.setHistory('nothing', 2025, 1)).toMatchObject({ ok: false, problem: { key: 'template.noVariable' } });
    expect(editor.setHistory(BUILTIN.grdpGrowth, 2026, 0.1)).toMatchObject({
      ok: false,
      problem: { key: 'template.yearRange' },
    });
  });

  it('says at the target when a share target is on no sector, until it points at one', () => {
    const rows = quangNinh2025.scenario.rows.map((r) => (r.id === 'share_target' ? { ...r, of: 'mining.share' } : r));
    const editor = new TemplateEditor({
      ...quangNinh2025,
      targetSets: [],
      scenario: { ...quangNinh2025.scenario, rows },
    });
    expect(editor.issuesAt('rows.share_target.of')).toMatchObject([
      { key: 'targetOnNothing', args: { of: 'mining.share' } },
    ]);
    expect(editor.setTargetOf(undefined, 'share_target', 'coal.share')).toMatchObject({ ok: false });
    ok(editor.setTargetOf(undefined, 'share_target', focusShare(editor.template.scenario.meta)));
    expect(editor.issuesAt('rows.share_target')).toEqual([]);
  });
});

describe('TemplateEditor: undo', () => {
  it('undoes a split and redoes it', () => {
    const editor = copy();
    const before = editor.template;
    ok(editor.splitSector('other_industry', THREE));
    const split = editor.template;
    expect(editor.undo()).toBe(true);
    expect(editor.template).toBe(before);
    expect(editor.canRedo).toBe(true);
    expect(editor.redo()).toBe(true);
    expect(editor.template).toBe(split);
    expect(editor.redo()).toBe(false);
  });

  it('records no step for an edit that changes nothing', () => {
    const editor = copy();
    ok(editor.setGrowth('services', 2026, sector(editor.template, 'services')!.growth[2026]));
    ok(editor.moveSector('agriculture', -1));
    expect(editor.canUndo).toBe(false);
  });
});

describe('TemplateEditor: targets and sources', () => {
  it('edits a target set; the scenario follows the set it is checked against', () => {
    const editor = copy();
    ok(editor.setTargetCell('users', 'share_target', 2030, 0.25));
    const target = editor.template.scenario.rows.find((r) => r.id === 'share_target');
    expect(target?.kind === 'target' && target.cells[2030]).toBe(0.25);
    const { id } = ok(editor.addTargetSet('Kế hoạch 2027'));
    const growth = ok(editor.addTarget(id, BUILTIN.grdpGrowth, 'Mục tiêu tăng trưởng GRDP')).id;
    expect(growth).toBe('muc_tieu_tang_truong_grdp');
    ok(editor.setTargetCell(id, growth, 2027, 0.1));
    ok(editor.setTargetCell(id, growth, 2027, 0.14, 'ceiling'));
    expect(editor.template.targetSets!.at(-1)!.rows[0]).toMatchObject({ cells: { 2027: 0.1 }, upper: { 2027: 0.14 } });
    expect(editor.template.scenario.rows.some((r) => r.id === growth)).toBe(false);
    expect(editor.setTargetCell(id, growth, 2024, 0.1)).toMatchObject({
      ok: false,
      problem: { key: 'template.yearRange' },
    });
    expect(editor.canSave).toBe(true);
  });

  it('renames a target in its set and the scenario that follows the set, keeping its id and sources', () => {
    const editor = copy();
    const before = editor.template.sources.share_target;
    ok(
      editor.renameTarget('users', 'share_target', { vi: 'Mục tiêu tỷ trọng CN CBCT', en: 'Manufacturing share goal' }),
    );
    const inSet = editor.template.targetSets!.find((s) => s.id === 'users')!.rows.find((r) => r.id === 'share_target');
    expect(inSet?.label).toEqual({ vi: 'Mục tiêu tỷ trọng CN CBCT', en: 'Manufacturing share goal' });
    const inScenario = editor.template.scenario.rows.find((r) => r.id === 'share_target');
    expect(inScenario?.label).toEqual(inSet?.label);
    expect(editor.template.sources.share_target).toEqual(before);
    expect(editor.renameTarget('users', 'share_target', '   ')).toMatchObject({ ok: false });
    expect(() => editor.renameTarget('users', 'no_such_target', 'x')).toThrow();
    expect(editor.undo()).toBe(true);
    expect(editor.template.scenario.rows.find((r) => r.id === 'share_target')?.label).not.toEqual(inSet?.label);
  });

  it('refuses to remove a target set a preset uses, and removes another with the sources of its rows', () => {
    const editor = copy();
    const refused = editor.removeTargetSet('congress');
    expect(refused).toMatchObject({ ok: false, problem: { key: 'template.inUse' } });
    // The preset by its name in the language the message is read in, not by its id.
    const congress = quangNinh2025.presets.find((p) => p.targetSet === 'congress')!.label as { vi: string; en: string };
    if (refused.ok) throw new Error('not refused');
    const t = (key: string) => key;
    expect(templateStatusText('vi', refused.problem, t)).toContain(congress.vi);
    expect(templateStatusText('en', refused.problem, t)).toContain(congress.en);
    expect(templateStatusText('vi', refused.problem, t)).not.toMatch(/\bcongress\b/);
    ok(editor.removeTargetSet('resolution01'));
    expect(editor.template.targetSets!.map((s) => s.id)).toEqual(['users', 'congress', 'decision80']);
    expect(editor.template.sources.resolution_share).toBeUndefined();
    ok(editor.removeTargetSet('users'));
    expect(editor.template.scenario.rows.filter((r) => r.kind === 'target').map((r) => r.id)).toEqual(
      quangNinh2025.targetSets!.find((s) => s.id === 'congress')!.rows.map((r) => r.id),
    );
    expect(editor.canSave).toBe(true);
  });

  it('sets, flags and removes a source, refusing a key that names no figure', () => {
    const editor = copy();
    ok(editor.setSource('services@2025', { vi: 'Cục Thống kê, 2026', en: 'Statistics Office, 2026' }));
    expect(editor.sourceOf('services', 2025)).toEqual({
      text: { vi: 'Cục Thống kê, 2026', en: 'Statistics Office, 2026' },
    });
    ok(editor.setSource('services@2025', ''));
    expect(editor.issuesAt('sources.services@2025')).toMatchObject([{ key: 'unsourced' }]);
    expect(editor.setSource('coal@2025', 'x')).toMatchObject({ ok: false, problem: { key: 'template.noVariable' } });
    expect(editor.setSource('services', 'x'.repeat(1001))).toMatchObject({
      ok: false,
      problem: { key: 'template.tooLong' },
    });
  });
});
