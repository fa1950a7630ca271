import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine';
import { TEMPLATES } from './index';
import { quangNinh2025 } from './quang-ninh-2025';
import { readTemplate, TEMPLATE_LIMITS } from './validate-template';

const json = <T>(x: T): Record<string, unknown> => JSON.parse(JSON.stringify(x)) as Record<string, unknown>;
const base = json(quangNinh2025);

function refused(data: unknown): string[] {
  const read = readTemplate(data);
  if (read.ok) throw new Error('expected the template to be refused');
  return read.issues;
}

describe('readTemplate', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    'reads the built-in template %s back from JSON unchanged',
    (_, t) => {
      const read = readTemplate(json(t));
      if (!read.ok) throw new Error(read.issues.join('; '));
      expect(json(read.template)).toEqual(json(t));
      expect(evaluate(read.template.scenario)?.headline).toEqual(evaluate(t.scenario)?.headline);
    },
  );

  it('refuses data that is not a template object, without throwing', () => {
    for (const data of [null, undefined, 42, 'template', [], [base], { ...base, id: undefined }, new Date()])
      expect(refused(data).length).toBeGreaterThan(0);
  });

  it('refuses unknown fields, prototype names and ids that are not plain words', () => {
    expect(refused({ ...base, owner: 'x' })[0]).toMatch(/owner/);
    for (const id of ['__proto__', 'constructor ', 'Quảng Ninh', '', 'a'.repeat(100), '../x'])
      expect(refused({ ...base, id }).length, id).toBeGreaterThan(0);
    // A "__proto__" source (JSON.parse makes it an own key) is left out, never set as the prototype.
    const sources = JSON.parse('{"__proto__": {"text": "x"}, "grdp": {"text": "GSO"}}') as unknown;
    const read = readTemplate({ ...base, sources });
    if (!read.ok) throw new Error(read.issues.join('; '));
    expect(Object.keys(read.template.sources)).toEqual(['grdp']);
    expect(Object.getPrototypeOf(read.template.sources)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).text).toBeUndefined();
  });

  it('refuses a template whose scenario the engine refuses, saying where', () => {
    const scenario = base.scenario as { rows: unknown[] };
    expect(refused({ ...base, scenario: { ...scenario, rows: 'rows' } })[0]).toMatch(/^scenario/);
    expect(refused({ ...base, scenario: { ...scenario, rows: [...scenario.rows, { kind: 'sector' }] } })[0]).toMatch(
      /^scenario/,
    );
  });

  it('refuses huge and deep data within its limits', () => {
    const sources = Object.fromEntries(
      Array.from({ length: TEMPLATE_LIMITS.sources + 1 }, (_, k) => [`x${k}`, { text: 's' }]),
    );
    expect(refused({ ...base, sources }).join()).toMatch(/too many sources/);
    expect(refused({ ...base, label: 'x'.repeat(10_000) }).length).toBeGreaterThan(0);
    let deep: unknown = 'x';
    for (let k = 0; k < 10_000; k++) deep = { vi: deep, en: deep };
    expect(refused({ ...base, label: deep }).length).toBeGreaterThan(0);
    const presets = Array.from({ length: TEMPLATE_LIMITS.presets + 1 }, () => (base.presets as unknown[])[0]);
    expect(refused({ ...base, presets }).length).toBeGreaterThan(0);
  });

  it('cleans bidi and control characters out of labels and sources', () => {
    const read = readTemplate({
      ...base,
      label: 'Tỉnh\u202E mới\u0007',
      sources: { grdp: { text: 'Cục Thống kê\u2066 2025' } },
    });
    if (!read.ok) throw new Error(read.issues.join('; '));
    expect(read.template.label).toBe('Tỉnh mới');
    expect(read.template.sources.grdp!.text).toBe('Cục Thống kê 2025');
  });

  it('keeps short sector names within their limit and drops one for a sector the template lacks', () => {
    const read = readTemplate({ ...base, shortLabels: { manufacturing: { vi: 'CN CBCT', en: 'Manufacturing' } } });
    if (!read.ok) throw new Error(read.issues.join('; '));
    expect(read.template.shortLabels).toEqual({ manufacturing: { vi: 'CN CBCT', en: 'Manufacturing' } });
    const long = 'x'.repeat(TEMPLATE_LIMITS.shortLabel + 1);
    expect(refused({ ...base, shortLabels: { manufacturing: long } })[0]).toMatch(/^shortLabels\.manufacturing/);
    const lacking = readTemplate({ ...base, shortLabels: { mining: 'KK', services: 'DV' } });
    expect(lacking.ok && lacking.template.shortLabels).toEqual({ services: 'DV' });
  });

  it('refuses a preset for a sector the template lacks, or a target set it lacks', () => {
    const preset = (base.presets as Record<string, unknown>[])[0]!;
    expect(refused({ ...base, presets: [{ ...preset, growth: { mining: 0.1 } }] })[0]).toMatch(/no sector mining/);
    expect(refused({ ...base, presets: [{ ...preset, targetSet: 'nope' }] })[0]).toMatch(/no target set nope/);
  });

  it('refuses a target set whose rows would not make a valid scenario', () => {
    const sets = base.targetSets as Record<string, unknown>[];
    const broken = { ...sets[0]!, rows: [{ kind: 'target', id: 'x y', label: 'x', of: 'grdp', cells: {} }] };
    expect(refused({ ...base, targetSets: [broken] })[0]).toMatch(/^targetSets\.0/);
  });
});
