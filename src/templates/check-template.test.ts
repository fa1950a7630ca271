import { describe, expect, it } from 'vitest';
import { BUILTIN, evaluate, sectorVar, type RowDef, type SectorRow } from '../engine';
import { checkTemplate } from './check-template';
import { TEMPLATES } from './index';
import { quangNinh2025 } from './quang-ninh-2025';
import type { Template } from './types';

const base = quangNinh2025;
const { baseYear } = base.scenario.meta;
const sectorsOf = (t: Template) => t.scenario.rows.filter((r): r is SectorRow => r.kind === 'sector');
const errors = (t: Template) => checkTemplate(t).filter((i) => i.severity === 'error');

// "Other industry and construction" split into three sectors whose base values add up to it.
function split(template: Template): Template {
  const rows = template.scenario.rows.flatMap((row): RowDef[] => {
    if (row.kind !== 'sector' || row.id !== 'other_industry') return [row];
    const whole = row.base as number;
    return [
      { ...row, id: 'mining', label: { vi: 'Khai khoáng', en: 'Mining' }, base: whole * 0.5 },
      { ...row, id: 'utilities', label: { vi: 'Điện, nước', en: 'Electricity and water' }, base: whole * 0.2 },
      { ...row, id: 'construction', label: { vi: 'Xây dựng', en: 'Construction' }, base: whole * 0.3 },
    ];
  });
  const sum = rows.reduce((s, r) => s + (r.kind === 'sector' ? (r.base as number) : 0), 0);
  const history = { ...template.scenario.history, [BUILTIN.grdpNominal]: { [baseYear]: sum } };
  return { ...template, scenario: { ...template.scenario, rows, history } };
}

describe('checkTemplate', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('finds no error in the built-in template %s', (_, t) => {
    expect(errors(t)).toEqual([]);
  });

  it('accepts a sector split in three whose base values add up to the recorded GRDP, and it evaluates', () => {
    const three = split(base);
    expect(errors(three)).toEqual([]);
    expect(sectorsOf(three).map((s) => s.id)).toContain('mining');
    expect(evaluate(three.scenario)?.value(BUILTIN.grdpNominal, baseYear)).toBeCloseTo(
      evaluate(base.scenario)!.value(BUILTIN.grdpNominal, baseYear)!,
      6,
    );
  });

  it('says at the rows when the base values do not add up to the recorded GRDP', () => {
    const three = split(base);
    const rows = three.scenario.rows.map((r) => (r.kind === 'sector' && r.id === 'mining' ? { ...r, base: 1 } : r));
    const issues = errors({ ...three, scenario: { ...three.scenario, rows } });
    expect(issues).toEqual([
      expect.objectContaining({
        key: 'structureSum',
        field: 'rows',
        args: expect.objectContaining({ year: baseYear }),
      }),
    ]);
  });

  it('says when the recorded shares of the base year do not add up to 100%', () => {
    const history = { ...base.scenario.history };
    for (const s of sectorsOf(base)) history[sectorVar(s.id, 'share')] = { [baseYear]: 0.1 };
    const issues = errors({ ...base, scenario: { ...base.scenario, history } });
    expect(issues.map((i) => [i.key, i.args?.total])).toEqual([['sharesSum', 50]]);
  });

  it('says at the field when a base value is missing, the focus is no sector or a target is on nothing', () => {
    const rows = base.scenario.rows.map((r): RowDef => {
      if (r.kind === 'sector' && r.id === 'services') return { ...r, base: '' };
      if (r.kind === 'target') return { ...r, of: sectorVar('mining', 'share') };
      return r;
    });
    const meta = { ...base.scenario.meta, focus: 'mining' };
    const issues = errors({ ...base, targetSets: [], scenario: { ...base.scenario, meta, rows } });
    expect(issues.map((i) => [i.key, i.field])).toEqual([
      ['focusNotSector', 'meta.focus'],
      ['baseMissing', 'rows.services.base'],
      ...base.scenario.rows.filter((r) => r.kind === 'target').map((r) => ['targetOnNothing', `rows.${r.id}.of`]),
    ]);
  });

  it('warns about projection years without growth and figures without a source', () => {
    const three = split(base);
    const rows = three.scenario.rows.map((r) =>
      r.kind === 'sector' && r.id === 'mining' ? { ...r, growth: { [baseYear + 1]: 0.05 } } : r,
    );
    const warnings = checkTemplate({ ...three, scenario: { ...three.scenario, rows } }).filter(
      (i) => i.severity === 'warning',
    );
    expect(warnings).toContainEqual(expect.objectContaining({ key: 'growthMissing', field: 'rows.mining.growth' }));
    expect(warnings).toContainEqual(expect.objectContaining({ key: 'unsourced', field: `sources.mining@${baseYear}` }));
  });
});
