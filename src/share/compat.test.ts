import { describe, expect, test, vi } from 'vitest';
import { inputOf, Model, withInput } from '../engine';
import links from '../../tests/fixtures/2026-11-29/links.json';
import { TEMPLATES, templateFingerprint, type Template } from '../templates';
import { decodeShare, encodeShare } from './codec';
import { deflate } from './deflate';
import { diffScenario } from './delta';
import { frame } from './frame';

// A template shipped after links carried fingerprints: a copy of Quảng Ninh under another id.
vi.mock('../templates', async (original) => {
  const real = await original<typeof import('../templates')>();
  const later: Template = { ...real.TEMPLATES[0]!, id: 'later-province' };
  const TEMPLATES = [...real.TEMPLATES, later];
  return { ...real, TEMPLATES, templateById: (id: string) => TEMPLATES.find((t) => t.id === id) };
});

/** The value of a "variable@year" cell of a scenario, as the app computes it. */
function valueAt(model: Model, cell: string): number | undefined {
  const [id = '', year = ''] = cell.split('@');
  return model.get(id)?.values[model.years.indexOf(Number(year))];
}

describe('links made before links carried a template fingerprint (2026-11-29)', () => {
  test.each(links.links)('$id ($what) opens with exactly the numbers it had', async ({ fragment, numbers }) => {
    const result = await decodeShare(fragment);
    expect(result).toMatchObject({ ok: true, templateId: 'quang-ninh' });
    if (!result.ok) return;
    const model = new Model(result.scenario);
    for (const [cell, value] of Object.entries(numbers)) {
      expect(valueAt(model, cell), cell).toBe(value);
    }
    // Shared again by this version, it still opens as the same scenario.
    expect(await decodeShare(await encodeShare(result.scenario, 'quang-ninh'))).toStrictEqual(result);
  });
});

test('a link without a fingerprint to a template shipped after fingerprints is corrupt', async () => {
  const fragment = frame(await deflate(new TextEncoder().encode('{"t":"later-province","d":{}}')));
  expect(await decodeShare(fragment)).toEqual({
    ok: false,
    error: 'corrupt',
    detail: 'no fingerprint for later-province',
  });
  const later = TEMPLATES.find((t) => t.id === 'later-province')!;
  expect(await decodeShare(await encodeShare(later.scenario, later.id))).toMatchObject({ ok: true });
});

describe('links made when log(x) was the natural logarithm', () => {
  const template = TEMPLATES[0]!;
  const scenario = withInput(template.scenario, 'manufacturing.growth', 2027, '=log(1.3) / 2');
  const growth = (s: typeof scenario) => inputOf(s, new Model(s).get('manufacturing.growth')!, 2027);

  test('an older link (no formula language mark) opens with ln, keeping its numbers', async () => {
    const payload = { t: template.id, f: templateFingerprint(template), d: diffScenario(scenario, template.scenario) };
    const result = await decodeShare(frame(await deflate(new TextEncoder().encode(JSON.stringify(payload)))));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(growth(result.scenario)).toBe('=ln(1.3) / 2');
    const model = new Model(result.scenario);
    expect(model.get('manufacturing.growth')!.values[model.years.indexOf(2027)]).toBeCloseTo(Math.log(1.3) / 2, 15);
  });

  test("a link made today keeps Excel's LOG: base 10", async () => {
    const result = await decodeShare(await encodeShare(scenario, template.id));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(growth(result.scenario)).toBe('=log(1.3) / 2');
    const model = new Model(result.scenario);
    expect(model.get('manufacturing.growth')!.values[model.years.indexOf(2027)]).toBeCloseTo(Math.log10(1.3) / 2, 15);
  });
});
