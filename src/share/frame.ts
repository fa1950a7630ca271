import { fail, type ShareFailure } from './errors';

// Fragment layout: "s1." marker, the data's length in base 36, ".", a 6-character CRC-32 of the data,
// then the data (base64url). The length tells a link cut short from a damaged one; the checksum catches
// damage before anything is decompressed.
const MARKER = 's1.';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGITS = new Map([...ALPHABET].map((c, i) => [c, i]));
const FRAMED = /^([0-9a-z]{1,6})\.([A-Za-z0-9_-]{6})([A-Za-z0-9_-]*)$/;
// What a framed link looks like when it is cut off inside its header.
const HEADER_PREFIX = /^(?:[0-9a-z]{1,6}(?:\.[A-Za-z0-9_-]{0,5})?)?$/;
const OTHER_VERSION = /^s[0-9][0-9a-z]*\./;

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(text: string): number {
  let c = 0xffffffff;
  for (let i = 0; i < text.length; i++) c = CRC_TABLE[(c ^ text.charCodeAt(i)) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function checksum(data: string): string {
  const c = crc32(data);
  return toBase64url(new Uint8Array([c >>> 24, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff]));
}

/** Encodes bytes as base64url without padding. */
export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, bytes.length - i + 1);
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >>> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Decodes unpadded base64url, or undefined if the text is not base64url. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const char of text) {
    const digit = DIGITS.get(char);
    if (digit === undefined) return undefined;
    value = ((value << 6) | digit) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >>> bits) & 0xff;
    }
  }
  return out;
}

/** Wraps compressed bytes into fragment text: marker, data length, checksum, base64url data. */
export function frame(bytes: Uint8Array): string {
  const data = toBase64url(bytes);
  return `${MARKER}${data.length.toString(36)}.${checksum(data)}${data}`;
}

/** Reads fragment text back into the bytes it wraps, or says how it is broken; never decompresses. */
export function unframe(text: string): { ok: true; bytes: Uint8Array<ArrayBuffer> } | ShareFailure {
  if (!text.startsWith(MARKER)) {
    if (MARKER.startsWith(text)) return fail('truncated', 'cut off in the version marker');
    const other = OTHER_VERSION.exec(text);
    return other ? fail('version', `marker ${other[0].slice(0, 20)}`) : fail('corrupt', 'not a share link');
  }
  const rest = text.slice(MARKER.length);
  const parts = FRAMED.exec(rest);
  if (!parts) {
    return HEADER_PREFIX.test(rest)
      ? fail('truncated', 'cut off in the header')
      : fail('corrupt', 'malformed header or characters outside base64url');
  }
  const [, length = '', sum = '', data = ''] = parts;
  const expected = parseInt(length, 36);
  if (data.length < expected) return fail('truncated', `${data.length} of ${expected} characters`);
  if (data.length > expected) return fail('corrupt', `${data.length} characters where the header says ${expected}`);
  if (sum !== checksum(data)) return fail('corrupt', 'checksum mismatch');
  const bytes = fromBase64url(data);
  return bytes ? { ok: true, bytes } : fail('corrupt', 'bad base64url length');
}
