import { constants, deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { deflate, inflate } from './deflate';

const LIMIT = 1_000_000;

function withoutStreams(): void {
  vi.stubGlobal('CompressionStream', undefined);
  vi.stubGlobal('DecompressionStream', undefined);
}

const PATHS = [
  ['CompressionStream', () => undefined],
  ['fflate fallback', withoutStreams],
] as const;

afterEach(() => {
  vi.unstubAllGlobals();
});

function bytes(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

// Blocks flushed without the final bit concatenate into one stream: `copies` MB of zeros from ~1 KB each.
function bomb(copies: number): Uint8Array<ArrayBuffer> {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  return new Uint8Array(Buffer.concat([...Array<Buffer>(copies).fill(block), end]));
}

describe.each(PATHS)('with %s', (_, setUp) => {
  test('deflate then inflate gives back the bytes', async () => {
    setUp();
    const text = 'Quảng Ninh '.repeat(5000);
    const packed = await deflate(bytes(text));
    expect(packed.length).toBeLessThan(text.length / 20);
    const out = await inflate(packed, LIMIT);
    expect(out.ok && new TextDecoder().decode(out.bytes)).toBe(text);
  });

  test('output of exactly the limit is accepted and one byte more is too large', async () => {
    setUp();
    const exact = new Uint8Array(deflateRawSync(Buffer.alloc(LIMIT, 7)));
    const over = new Uint8Array(deflateRawSync(Buffer.alloc(LIMIT + 1, 7)));
    expect(await inflate(exact, LIMIT)).toMatchObject({ ok: true, bytes: { length: LIMIT } });
    expect(await inflate(over, LIMIT)).toMatchObject({ ok: false, error: 'tooLarge' });
  });

  test('a stream that would expand to 1 GB is stopped at the limit within a second', async () => {
    setUp();
    const packed = bomb(1024);
    expect(packed.length).toBeLessThan(1_100_000);
    const started = performance.now();
    expect(await inflate(packed, LIMIT)).toMatchObject({ ok: false, error: 'tooLarge' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test.each([
    ['an invalid block type', [0xff, 0xff, 0xff, 0xff]],
    ['no bytes at all', []],
    ['a stream cut before its final block', [...deflateRawSync(Buffer.from('abc'.repeat(500))).subarray(0, 10)]],
  ])('%s is corrupt', async (_, data) => {
    setUp();
    expect(await inflate(new Uint8Array(data), LIMIT)).toMatchObject({ ok: false, error: 'corrupt' });
  });
});

test('what the fallback deflates the browser stream inflates, and the other way round', async () => {
  const text = bytes(JSON.stringify({ t: 'quang-ninh', d: { m: { n: 'Cao' } } }).repeat(50));
  const native = await deflate(text);
  withoutStreams();
  const fallback = await deflate(text);
  expect(await inflate(native, LIMIT)).toEqual({ ok: true, bytes: text });
  vi.unstubAllGlobals();
  expect(await inflate(fallback, LIMIT)).toEqual({ ok: true, bytes: text });
});

test("browsers whose streams do not know 'deflate-raw' use the fallback", async () => {
  class OldStream {
    constructor(format: string) {
      if (format !== 'gzip' && format !== 'deflate') throw new TypeError(`Unsupported compression format: ${format}`);
    }
  }
  vi.stubGlobal('CompressionStream', OldStream);
  vi.stubGlobal('DecompressionStream', OldStream);
  const text = bytes('share me '.repeat(100));
  const packed = await deflate(text);
  expect(await inflate(packed, LIMIT)).toEqual({ ok: true, bytes: text });
});
