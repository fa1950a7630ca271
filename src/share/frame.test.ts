import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { frame, fromBase64url, toBase64url, unframe } from './frame';

const sample = new TextEncoder().encode('{"t":"quang-ninh","d":{"m":{"n":"Kịch bản cao"}}}');
const link = frame(sample);
const dataStart = link.length - toBase64url(sample).length;

describe('base64url', () => {
  test('matches Node’s base64url and decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64url(text)).toEqual(bytes);
      }),
    );
  });

  test.each(['ab+c', 'ab/c', 'abc=', 'ab c', 'abcé', 'abcde'])('refuses %j', (text) => {
    expect(fromBase64url(text)).toBeUndefined();
  });
});

describe('frame', () => {
  test('writes the marker, the data length in base 36 and the CRC-32 of the data', () => {
    const data = toBase64url(sample);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc32(data));
    expect(link).toBe(`s1.${data.length.toString(36)}.${sum.toString('base64url')}${data}`);
  });

  test('unframe gives back the bytes', () => {
    expect(unframe(link)).toEqual({ ok: true, bytes: sample });
  });

  test('every proper prefix of a link is truncated', () => {
    for (let end = 1; end < link.length; end++) {
      expect(unframe(link.slice(0, end)), link.slice(0, end)).toMatchObject({ ok: false, error: 'truncated' });
    }
  });

  test('every changed character of the data is corrupt', () => {
    for (let at = dataStart; at < link.length; at++) {
      const changed = `${link.slice(0, at)}${link[at] === 'A' ? 'B' : 'A'}${link.slice(at + 1)}`;
      expect(unframe(changed)).toMatchObject({ ok: false, error: 'corrupt', detail: 'checksum mismatch' });
    }
  });

  test('data longer than the header says is corrupt', () => {
    expect(unframe(`${link}A`)).toMatchObject({ ok: false, error: 'corrupt' });
  });

  test('characters outside base64url are corrupt', () => {
    expect(unframe(`${link.slice(0, -1)}+`)).toMatchObject({ ok: false, error: 'corrupt' });
  });

  test('a checksummed data length that no byte string has is corrupt', () => {
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc32('AAAAA'));
    expect(unframe(`s1.5.${sum.toString('base64url')}AAAAA`)).toMatchObject({ ok: false, error: 'corrupt' });
  });

  test.each(['s2.', 's0.', 's10.', 's1z.'])('marker %s is another version', (marker) => {
    expect(unframe(`${marker}${link.slice(3)}`)).toMatchObject({ ok: false, error: 'version' });
  });

  test.each(['hello', '/settings', 'S1.abc', 'x1.2.AAAAAA'])('%j is not a share link', (text) => {
    expect(unframe(text)).toMatchObject({ ok: false, error: 'corrupt', detail: 'not a share link' });
  });
});
