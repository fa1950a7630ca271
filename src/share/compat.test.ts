import { describe, expect, test, vi } from 'vitest';
import { Model } from '../engine';
import links from '../../tests/fixtures/2026-11-29/links.json';
import { TEMPLATES, type Template } from '../templates';
import { decodeShare, encodeShare } from './codec';
import { deflate } from './deflate';
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
