import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { LIMITS, addRow, deleteRow, sectorVar, splitVarId, withInput, type RowDef, type Scenario } from '../engine';
import { en as english } from '../i18n/en';
import { vi as vietnamese } from '../i18n/vi';
import { templateFingerprint } from '../templates';
import { MAX_DECOMPRESSED, MAX_ENCODED, ShareEncodeError, decodeShare, encodeShare } from './codec';
import { deflate, inflate } from './deflate';
import { SHARE_ERRORS } from './errors';
import { DEFAULT_TEMPLATE, withEditedCells } from './fixtures';
import { frame, unframe } from './frame';

const template = DEFAULT_TEMPLATE.scenario;
const ID = DEFAULT_TEMPLATE.id;
const FINGERPRINT = templateFingerprint(DEFAULT_TEMPLATE);
// The template's settings without GRDP per capita, whose rows a scenario of other rows does not have.
const { perCapita: _perCapita, ...bareMeta } = template.meta;
const ORIGIN = 'https://planning.quangninh.gov.vn/kich-ban-tang-truong-grdp/';

afterEach(() => {
  vi.unstubAllGlobals();
});

// A link around any payload, with a correct header, as a hostile sender could make one.
async function linkTo(payload: unknown): Promise<string> {
  return frame(await deflate(new TextEncoder().encode(JSON.stringify(payload))));
}

// The JSON inside a link, as the receiving app reads it.
async function payloadOf(fragment: string): Promise<unknown> {
  const framed = unframe(fragment);
  const inflated = framed.ok ? await inflate(framed.bytes, MAX_DECOMPRESSED) : framed;
  return inflated.ok ? JSON.parse(new TextDecoder().decode(inflated.bytes)) : inflated;
}

async function expectRoundTrip(scenario: Scenario): Promise<void> {
  const decoded = await decodeShare(await encodeShare(scenario, ID));
  expect(decoded).toMatchObject({ ok: true, templateId: ID });
  if (decoded.ok) expect(decoded.scenario).toStrictEqual(scenario);
}

const custom: RowDef = {
  kind: 'series',
  id: 'exports',
  label: 'Xuất khẩu',
  format: 'number',
  cells: { 2025: 1200, 2026: '=exports[t-1] * 1.1' },
};

describe('a link decodes to the scenario it was made from', () => {
  test.each([0, 3, 30, 300])('the default template with %i edited cells', async (count) => {
    await expectRoundTrip(withEditedCells(count));
  });

  test('with added custom rows and removed template rows', async () => {
    await expectRoundTrip(addRow(deleteRow(withEditedCells(3), 'icor'), custom));
  });

  test('with a new name and a later horizon', async () => {
    await expectRoundTrip({ ...template, meta: { ...template.meta, name: 'Kịch bản tăng tốc', horizon: 2040 } });
  });

  test('as location.hash gives it, with "#" and surrounding spaces', async () => {
    const fragment = await encodeShare(withEditedCells(3), ID);
    expect(await decodeShare(`  #${fragment}\n`)).toMatchObject({ ok: true });
  });

  test('with a period after it, as at the end of a sentence', async () => {
    expect(await decodeShare(`${await encodeShare(withEditedCells(3), ID)}.`)).toMatchObject({ ok: true });
  });

  test('a name with HTML and script comes back as the same text', async () => {
    const name = '<script>alert(1)</script><img src=x onerror="alert(2)"> & "Quảng Ninh"';
    await expectRoundTrip({ ...template, meta: { ...template.meta, name } });
  });

  test('formulas with forbidden functions come back as the same formulas', async () => {
    let scenario = withInput(template, 'investment', 2026, '=evaluate("1+1")');
    scenario = withInput(scenario, 'investment', 2027, '=import({}, {override: true})');
    scenario = withInput(scenario, 'icor', 2024, '=constructor.constructor("alert(1)")()');
    await expectRoundTrip(scenario);
  });
});

describe('a link is tied to the revision of the template it was made with', () => {
  test('a link names the FINGERPRINT revision of its template', async () => {
    const payload = await payloadOf(await encodeShare(withEditedCells(3), ID));
    expect(payload).toMatchObject({ t: ID, f: FINGERPRINT });
  });

  test('a link made with another revision of the template says so instead of opening with other numbers', async () => {
    const result = await decodeShare(await linkTo({ t: ID, f: 'zz00zz0', d: {} }));
    expect(result).toEqual({
      ok: false,
      error: 'templateChanged',
      detail: `${ID} zz00zz0, installed ${FINGERPRINT}`,
    });
    expect(await decodeShare(await linkTo({ t: ID, f: 7, d: {} }))).toMatchObject({ ok: false, error: 'corrupt' });
  });

  test('a scenario made with an earlier revision of the template comes back exactly, against the FINGERPRINT one', async () => {
    // As a record keeps it: the whole scenario of a revision with other figures and labels than the FINGERPRINT one.
    const earlier: Scenario = {
      ...template,
      meta: { ...template.meta, unit: { vi: 'nghìn tỷ đồng', en: 'trillion VND' } },
      rows: template.rows.map((row) =>
        row.kind === 'sector' && typeof row.base === 'number' ? { ...row, base: row.base / 1000 } : row,
      ),
    };
    const scenario = withInput(earlier, sectorVar('manufacturing', 'growth'), 2027, 0.137);
    const fragment = await encodeShare(scenario, ID);
    expect(await payloadOf(fragment)).toMatchObject({ f: FINGERPRINT });
    expect(await decodeShare(fragment)).toStrictEqual({ ok: true, scenario, templateId: ID });
  });

  test('a template the app lacks or another revision of it each tell the planner what the link needs', () => {
    for (const dictionary of [vietnamese, english]) {
      for (const error of SHARE_ERRORS) expect(dictionary[`link.error.${error}`]).toBeTruthy();
    }
    expect(english['link.error.unknownTemplate']).toMatch(/newer version of the app.*province’s template/);
    expect(vietnamese['link.error.unknownTemplate']).toMatch(/phiên bản mới hơn.*mẫu của tỉnh/);
    expect(english['link.error.templateChanged']).toMatch(/earlier revision.*cannot be reproduced exactly/);
    expect(vietnamese['link.error.templateChanged']).toMatch(/bản trước.*không thể tái tạo chính xác/);
  });
});

describe('link length', () => {
  test('the default template with three edited cells fits in 300 characters with a 60-character origin', async () => {
    expect(ORIGIN).toHaveLength(60);
    const fragment = await encodeShare(withEditedCells(3), ID);
    expect(fragment.length).toBeLessThanOrEqual(140);
    expect(`${ORIGIN}#${fragment}`.length).toBeLessThanOrEqual(300);
  });

  test('the template itself is a short link', async () => {
    expect((await encodeShare(template, ID)).length).toBeLessThanOrEqual(80);
  });
});

describe('encodeShare refuses scenarios whose link would not open', () => {
  test('an unknown template', async () => {
    await expect(encodeShare(template, 'ha-noi')).rejects.toMatchObject({ reason: 'unknownTemplate' });
  });

  test('a scenario that fails validation', async () => {
    const long = { ...template, meta: { ...template.meta, name: 'x'.repeat(LIMITS.text + 1) } };
    await expect(encodeShare(long, ID)).rejects.toBeInstanceOf(ShareEncodeError);
    await expect(encodeShare(long, ID)).rejects.toMatchObject({ reason: 'invalid' });
  });

  test('a scenario that unpacks to more than the limit', async () => {
    const formula = `=${'1+'.repeat((LIMITS.input - 2) / 2)}1`;
    const cells = Object.fromEntries(Array.from({ length: LIMITS.cellsPerRow }, (_, i) => [2000 + i, formula]));
    const rows = Array.from({ length: 5 }, (_, k): RowDef => ({ ...custom, id: `big${k}`, cells }));
    await expect(encodeShare({ ...template, meta: bareMeta, rows, history: {} }, ID)).rejects.toMatchObject({
      reason: 'tooLarge',
    });
  });

  test('a scenario whose link would be longer than the limit', async () => {
    // Random numbers compress poorly: 12,000 of them need about 200,000 characters.
    let seed = 1;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const rows = Array.from({ length: 100 }, (_, k): RowDef => {
      const cells = Object.fromEntries(Array.from({ length: LIMITS.cellsPerRow }, (_, i) => [2000 + i, random()]));
      return { ...custom, id: `r${k}`, cells };
    });
    const error = await encodeShare({ ...template, meta: bareMeta, rows, history: {} }, ID).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'tooLong' });
  });
});

describe('hostile and broken links each give their error', () => {
  test.each([undefined, null, '', '#', '   '])('%j is empty', async (fragment) => {
    expect(await decodeShare(fragment)).toMatchObject({ ok: false, error: 'empty' });
  });

  test.each([42, {}, ['s1.'], true])('%j, not text, is corrupt', async (fragment) => {
    expect(await decodeShare(fragment)).toMatchObject({ ok: false, error: 'corrupt' });
  });

  test('a fragment over 100 KB is refused before decoding', async () => {
    const decompress = vi.fn();
    vi.stubGlobal('DecompressionStream', decompress);
    expect(await decodeShare(`s1.${'A'.repeat(MAX_ENCODED)}`)).toMatchObject({ ok: false, error: 'tooLong' });
    expect(await decodeShare('x'.repeat(10_000_000))).toMatchObject({ ok: false, error: 'tooLong' });
    expect(decompress).not.toHaveBeenCalled();
  });

  test('a link cut anywhere is truncated, with or without an ellipsis', async () => {
    const fragment = await encodeShare(withEditedCells(3), ID);
    for (let end = 1; end < fragment.length; end++) {
      const cut = fragment.slice(0, end);
      expect(await decodeShare(cut), cut).toMatchObject({ ok: false, error: 'truncated' });
    }
    for (const ellipsis of ['…', '...', '%E2%80%A6']) {
      expect(await decodeShare(`${fragment.slice(0, 50)}${ellipsis}`)).toMatchObject({ error: 'truncated' });
    }
  });

  test('a changed character is corrupt', async () => {
    const fragment = await encodeShare(withEditedCells(3), ID);
    const at = fragment.length - 10;
    const changed = `${fragment.slice(0, at)}${fragment[at] === 'x' ? 'y' : 'x'}${fragment.slice(at + 1)}`;
    expect(await decodeShare(changed)).toMatchObject({ ok: false, error: 'corrupt' });
  });

  test('characters outside base64url are corrupt', async () => {
    const fragment = await encodeShare(withEditedCells(3), ID);
    expect(await decodeShare(`${fragment.slice(0, -1)}+`)).toMatchObject({ ok: false, error: 'corrupt' });
    expect(await decodeShare(`${fragment.slice(0, 20)}%20${fragment.slice(23)}`)).toMatchObject({ error: 'corrupt' });
  });

  test.each(['s2.', 's0.', 's1z.'])('a link marked %s is another version', async (marker) => {
    const fragment = await encodeShare(template, ID);
    expect(await decodeShare(`${marker}${fragment.slice(3)}`)).toMatchObject({ ok: false, error: 'version' });
  });

  test('bytes that are not deflate data are corrupt', async () => {
    const fragment = frame(new Uint8Array([0xff, 0xfe, 0xfd, 0xfc, 0xfb]));
    expect(await decodeShare(fragment)).toMatchObject({ ok: false, error: 'corrupt' });
  });

  test('deflate data cut short inside a well-formed link is corrupt', async () => {
    const packed = await deflate(new TextEncoder().encode(JSON.stringify({ t: ID, d: { m: { n: 'x'.repeat(99) } } })));
    expect(await decodeShare(frame(packed.subarray(0, 8)))).toMatchObject({ ok: false, error: 'corrupt' });
  });

  test('text that is not UTF-8 is corrupt', async () => {
    const fragment = frame(await deflate(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d])));
    expect(await decodeShare(fragment)).toMatchObject({ ok: false, error: 'corrupt' });
  });

  test('text that is not JSON is corrupt', async () => {
    const fragment = frame(await deflate(new TextEncoder().encode('{"t":"quang-ninh","d":')));
    expect(await decodeShare(fragment)).toMatchObject({ ok: false, error: 'corrupt' });
  });

  test.each([
    ['an array', [ID, {}]],
    ['a payload without its delta', { t: ID }],
    ['a payload with extra keys', { t: ID, d: {}, x: 1 }],
    ['a template id that is not text', { t: 7, d: {} }],
    ['a delta of the wrong shape', { t: ID, f: FINGERPRINT, d: { c: { icor: { v: [1] } } } }],
    ['a delta changing a row the template does not have', { t: ID, f: FINGERPRINT, d: { c: { nosuch: { l: 'x' } } } }],
  ])('JSON of the wrong shape (%s) is corrupt', async (_, payload) => {
    expect(await decodeShare(await linkTo(payload))).toMatchObject({ ok: false, error: 'corrupt' });
  });

  test('a template the app does not have is an unknown template', async () => {
    const result = await decodeShare(await linkTo({ t: 'ha-noi', d: {} }));
    expect(result).toEqual({ ok: false, error: 'unknownTemplate', detail: 'ha-noi' });
  });

  test.each([
    ['a name over the limit', { m: { n: 'x'.repeat(LIMITS.text + 1) } }],
    ['a horizon before the base year', { m: { h: 2000 } }],
    ['a horizon past the limit', { m: { h: 2099 } }],
    ['an added row with a bad id', { a: [{ ...custom, id: '__proto__' }] }],
    ['too many rows', { a: Array.from({ length: LIMITS.rows }, (_, k) => ({ ...custom, id: `r${k}` })) }],
  ])('a scenario that fails validation (%s) is invalid', async (_, delta) => {
    expect(await decodeShare(await linkTo({ t: ID, f: FINGERPRINT, d: delta }))).toMatchObject({
      ok: false,
      error: 'invalid',
    });
  });

  test('JSON nested 200,000 deep is refused without exhausting the stack', async () => {
    const nested = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const fragment = frame(
      await deflate(new TextEncoder().encode(`{"t":"${ID}","f":"${FINGERPRINT}","d":{"a":[${nested}]}}`)),
    );
    expect(await decodeShare(fragment)).toMatchObject({ ok: false, error: 'invalid' });
  });

  test('a decompression bomb of 50 MB of zeros is stopped at 1 MB quickly and is too large', async () => {
    const fragment = frame(new Uint8Array(deflateRawSync(Buffer.alloc(50_000_000))));
    expect(fragment.length).toBeLessThan(MAX_ENCODED);
    const started = performance.now();
    expect(await decodeShare(fragment)).toMatchObject({ ok: false, error: 'tooLarge' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('a payload of exactly 1 MB is read; one byte more is too large', async () => {
    const base = JSON.stringify({ t: ID, f: FINGERPRINT, d: { m: { n: '' } } });
    const fill = (bytes: number): string => base.replace('"n":""', `"n":"${' '.repeat(bytes - base.length)}"`);
    const exact = frame(await deflate(new TextEncoder().encode(fill(MAX_DECOMPRESSED))));
    const over = frame(await deflate(new TextEncoder().encode(fill(MAX_DECOMPRESSED + 1))));
    expect(await decodeShare(exact)).toMatchObject({ ok: false, error: 'invalid' });
    expect(await decodeShare(over)).toMatchObject({ ok: false, error: 'tooLarge' });
  });
});

describe('without CompressionStream (the fflate fallback)', () => {
  function withoutStreams(): void {
    vi.stubGlobal('CompressionStream', undefined);
    vi.stubGlobal('DecompressionStream', undefined);
  }

  test.each([0, 3, 300])('a link with %i edited cells round-trips', async (count) => {
    withoutStreams();
    await expectRoundTrip(addRow(withEditedCells(count), custom));
  });

  test('links made with and without CompressionStream open either way', async () => {
    const scenario = withEditedCells(30);
    const native = await encodeShare(scenario, ID);
    withoutStreams();
    const fallback = await encodeShare(scenario, ID);
    expect(await decodeShare(native)).toStrictEqual({ ok: true, scenario, templateId: ID });
    vi.unstubAllGlobals();
    expect(await decodeShare(fallback)).toStrictEqual({ ok: true, scenario, templateId: ID });
  });

  test('the decompression bomb is stopped at the same limit', async () => {
    withoutStreams();
    const fragment = frame(new Uint8Array(deflateRawSync(Buffer.alloc(50_000_000))));
    const started = performance.now();
    expect(await decodeShare(fragment)).toMatchObject({ ok: false, error: 'tooLarge' });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('links of a planner’s own template', () => {
  // "Other industry" split in two: a template no receiver has installed.
  const rows = template.rows.flatMap((row): RowDef[] =>
    row.kind === 'sector' && row.id === 'other_industry'
      ? [
          { ...row, id: 'mining', label: 'Khai khoáng', base: (row.base as number) / 2 },
          { ...row, id: 'construction', label: 'Xây dựng', base: (row.base as number) / 2 },
        ]
      : [row],
  );
  const history = Object.fromEntries(
    Object.entries(template.history).filter(([id]) => splitVarId(id).rowId !== 'other_industry'),
  );
  const scenario = { ...template, rows, history };
  // Its short names are those of its own sectors (the reader drops any other).
  const shortLabels = { manufacturing: { vi: 'CN CBCT', en: 'Manufacturing' }, mining: 'KK' };
  const own = { ...DEFAULT_TEMPLATE, id: 'tinh-moi', label: 'Tỉnh mới', scenario, presets: [], shortLabels };
  const edited = withInput(own.scenario, sectorVar('mining', 'growth'), 2027, 0.031);

  test('carry the template, so a receiver without it gets the same scenario and the template', async () => {
    const fragment = await encodeShare(edited, own);
    const decoded = await decodeShare(fragment);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.scenario).toStrictEqual(edited);
    expect(decoded.templateId).toBe('tinh-moi');
    expect(JSON.parse(JSON.stringify(decoded.template))).toEqual(JSON.parse(JSON.stringify(own)));
    expect(templateFingerprint(decoded.template!)).toBe(templateFingerprint(own));
    // The whole template goes in, compressed: about 7,000 characters for one of the default template's size with
    // its source notes, well within what a link may hold.
    expect(fragment.length).toBeLessThan(10_000);
  });

  test('name a built-in template without carrying it, whether given by id or as a template', async () => {
    const byObject = await encodeShare(template, DEFAULT_TEMPLATE);
    expect(byObject).toBe(await encodeShare(template, ID));
    expect(await payloadOf(byObject)).not.toHaveProperty('T');
  });

  test('refuse a carried template that stands in for a built-in one, names another id or is not valid', async () => {
    const payload = (await payloadOf(await encodeShare(edited, own))) as Record<string, unknown>;
    const builtIn = { ...payload, t: ID, T: { ...own, id: ID } };
    expect(await decodeShare(await linkTo(builtIn))).toMatchObject({ ok: false, error: 'corrupt' });
    const other = { ...payload, T: { ...own, id: 'khac' } };
    expect(await decodeShare(await linkTo(other))).toMatchObject({ ok: false, error: 'corrupt' });
    const broken = { ...payload, T: { ...own, scenario: 'none' } };
    expect(await decodeShare(await linkTo(broken))).toMatchObject({ ok: false, error: 'invalid' });
    const hostile = { ...payload, T: JSON.parse('{"__proto__": {"polluted": 1}}') as unknown };
    expect(await decodeShare(await linkTo(hostile))).toMatchObject({ ok: false, error: 'invalid' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('say a carried template was changed when its numbers are not those the link was made with', async () => {
    const payload = (await payloadOf(await encodeShare(edited, own))) as Record<string, unknown>;
    const changed = { ...own, scenario: withInput(own.scenario, sectorVar('mining', 'growth'), 2028, 0.5) };
    expect(await decodeShare(await linkTo({ ...payload, T: changed }))).toMatchObject({
      ok: false,
      error: 'templateChanged',
    });
  });

  test('say the template is unknown when a link names one of a planner’s templates without carrying it', async () => {
    const payload = (await payloadOf(await encodeShare(edited, own))) as Record<string, unknown>;
    const { T: _, ...bare } = payload;
    expect(await decodeShare(await linkTo(bare))).toMatchObject({ ok: false, error: 'unknownTemplate' });
  });
});
