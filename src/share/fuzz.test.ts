import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { addRow, deleteRow, validateScenario } from '../engine';
import { templateById, templateFingerprint } from '../templates';
import { decodeShare, encodeShare } from './codec';
import { deflate, inflate } from './deflate';
import { diffScenario } from './delta';
import { SHARE_ERRORS, type ShareError } from './errors';
import { DEFAULT_TEMPLATE, withEditedCells } from './fixtures';
import { frame, unframe } from './frame';

const ID = DEFAULT_TEMPLATE.id;
const FINGERPRINT = templateFingerprint(DEFAULT_TEMPLATE);
const TIMEOUT = 60_000;
const SCENARIOS = [
  DEFAULT_TEMPLATE.scenario,
  withEditedCells(3),
  withEditedCells(30),
  addRow(deleteRow(withEditedCells(5), 'icor'), {
    kind: 'param',
    id: 'labour',
    label: '<i>Lao động</i>',
    format: 'number',
    value: '=evaluate("1")',
  }),
];

let links: string[] = [];

beforeAll(async () => {
  links = await Promise.all(SCENARIOS.map((s) => encodeShare(s, ID)));
});

// Decoding never throws: it gives a valid scenario of a known template or one of the listed errors.
async function decodeWellBehaved(fragment: unknown): Promise<ShareError | 'ok'> {
  const result = await decodeShare(fragment);
  if (!result.ok) {
    expect(SHARE_ERRORS).toContain(result.error);
    return result.error;
  }
  expect(validateScenario(result.scenario)).toMatchObject({ ok: true });
  expect(templateById(result.templateId)).toBeDefined();
  return 'ok';
}

const someChars = fc.oneof(
  fc.string({
    unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
    maxLength: 8,
  }),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.constantFrom('.', '#', '…', '%E2%80%A6', ' ', '\n', '\u0000', '=', '+', '/'),
);

type Mutation = (text: string) => string;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (n): Mutation =>
      (text) =>
        text.slice(0, n % (text.length + 1)),
  ),
  fc.tuple(fc.nat(), someChars).map(([n, chars]): Mutation => (text) => {
    const at = n % (text.length + 1);
    return `${text.slice(0, at)}${chars}${text.slice(at + 1)}`;
  }),
  fc.tuple(fc.nat(), someChars).map(([n, chars]): Mutation => (text) => {
    const at = n % (text.length + 1);
    return `${text.slice(0, at)}${chars}${text.slice(at)}`;
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 20 })).map(([n, count]): Mutation => (text) => {
    const at = n % (text.length + 1);
    return `${text.slice(0, at)}${text.slice(at + count)}`;
  }),
  fc
    .oneof(
      fc.nat({ max: 99 }).map((v) => `s${v}.`),
      fc.constantFrom('s1z.', 's1r.', 'S1.', 's1', '', 's.'),
      someChars,
    )
    .map(
      (marker): Mutation =>
        (text) =>
          `${marker}${text.slice(text.indexOf('.') + 1)}`,
    ),
  fc.string({ maxLength: 300 }).map(
    (random): Mutation =>
      () =>
        random,
  ),
);

describe('fuzz: decoding never throws and gives a valid scenario or a listed error', () => {
  test(
    '1,200 links mutated by truncation, changed, inserted and deleted characters, other markers and random text',
    async () => {
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (pick, mutations) => {
          const fragment = mutations.reduce((text, mutate) => mutate(text), links[pick % links.length]!);
          seen.add(await decodeWellBehaved(fragment));
        }),
        { numRuns: 1200 },
      );
      expect([...seen]).toEqual(expect.arrayContaining(['truncated', 'corrupt', 'version', 'empty']));
    },
    TIMEOUT,
  );

  test(
    '400 well-framed links around damaged deflate data',
    async () => {
      const packed = links.map((link) => {
        const framed = unframe(link);
        if (!framed.ok) throw new Error(`fixture link does not unframe: ${framed.error}`);
        return framed.bytes;
      });
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(
          fc.nat(),
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'cut', 'insert')), {
            minLength: 1,
            maxLength: 4,
          }),
          async (pick, edits) => {
            let bytes = [...packed[pick % packed.length]!];
            for (const [n, value, kind] of edits) {
              const at = n % (bytes.length + 1);
              if (kind === 'set') bytes[at] = value;
              else if (kind === 'cut') bytes = bytes.slice(0, at);
              else bytes.splice(at, 0, value);
            }
            seen.add(await decodeWellBehaved(frame(new Uint8Array(bytes))));
          },
        ),
        { numRuns: 400 },
      );
      expect([...seen]).toEqual(expect.arrayContaining(['corrupt']));
    },
    TIMEOUT,
  );

  test(
    '400 well-framed links whose JSON has a part replaced by arbitrary JSON',
    async () => {
      const payloads = SCENARIOS.map((s) => ({ t: ID, f: FINGERPRINT, d: diffScenario(s, DEFAULT_TEMPLATE.scenario) }));
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 3 }), async (pick, where, value) => {
          const payload: unknown = JSON.parse(JSON.stringify(payloads[pick % payloads.length]));
          const spots = placesIn(payload);
          const [parent, key] = spots[where % spots.length]!;
          parent[key] = value;
          const json = new TextEncoder().encode(JSON.stringify(payload));
          seen.add(await decodeWellBehaved(frame(await deflate(json))));
        }),
        { numRuns: 400 },
      );
      expect([...seen]).toEqual(expect.arrayContaining(['ok', 'corrupt', 'invalid']));
    },
    TIMEOUT,
  );
});

// Links adding a row named after a member of every object (toLocaleString…), with a range and a history for it.
test('fuzz: a link adding a row named after any member of Object.prototype is refused as invalid', async () => {
  const names = Object.getOwnPropertyNames(Object.prototype);
  const outcomes = await Promise.all(
    names.map(async (name) => {
      const delta = {
        a: [{ kind: 'series', id: name, label: name, format: 'number', cells: { 2026: 1 } }],
        u: { [name]: { d: 'run', c: { 2026: ['u', 0.1, 0.3] } } },
        h: { [name]: { 2020: 1 } },
      };
      const json = new TextEncoder().encode(JSON.stringify({ t: ID, f: FINGERPRINT, d: delta }));
      return [name, await decodeWellBehaved(frame(await deflate(json)))];
    }),
  );
  expect(Object.fromEntries(outcomes)).toEqual(Object.fromEntries(names.map((name) => [name, 'invalid'])));
});

// Every (container, key) in a JSON value, so a property can replace any part of it.
function placesIn(value: unknown): [Record<string, unknown>, string][] {
  if (typeof value !== 'object' || value === null) return [];
  const container = value as Record<string, unknown>;
  return Object.keys(container).flatMap((key): [Record<string, unknown>, string][] => [
    [container, key],
    ...placesIn(container[key]),
  ]);
}

test('fuzz: inflating random bytes never throws and never gives more than the limit', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2000 }), async (bytes) => {
      const out = await inflate(new Uint8Array(bytes), 1_000_000);
      if (out.ok) expect(out.bytes.length).toBeLessThanOrEqual(1_000_000);
      else expect(['corrupt', 'tooLarge']).toContain(out.error);
    }),
    { numRuns: 300 },
  );
});
