import type { Template } from './types';

// Links and records made before they carried a fingerprint were all made with the template as it was then,
// which must never change (a test pins it); ids added later always come with a fingerprint.
const UNSTAMPED = new Map([['quang-ninh', '0nrmnyl']]);

const cache = new WeakMap<Template, string>();

// JSON with the keys of every object sorted and undefined members left out, as JSON.stringify leaves them out:
// the same content gives the same text whatever order its keys were written in.
function canonical(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : canonical(item))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

// FNV-1a over the UTF-8 bytes: it only has to notice a change, not resist a forger.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/** A 7-character digest of everything in the template's scenario (not its sources or presets); any change alters it. */
export function templateFingerprint(template: Template): string {
  let fingerprint = cache.get(template);
  if (fingerprint === undefined) {
    fingerprint = fnv1a(canonical(template.scenario)).toString(36).padStart(7, '0');
    cache.set(template, fingerprint);
  }
  return fingerprint;
}

/** The fingerprint of the template that links without one and records of schema 1 and 2 were made with, if known. */
export function unstampedFingerprint(templateId: string): string | undefined {
  return UNSTAMPED.get(templateId);
}
