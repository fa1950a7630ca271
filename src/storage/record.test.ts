import { afterEach, describe, expect, it, vi } from 'vitest';
import { quangNinh } from '../templates/quang-ninh';
import { MIGRATIONS, newRecord, randomId, readRecord, SCHEMA_VERSION, type Migrations } from './record';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const stored = () => ({ ...clone(newRecord(quangNinh.scenario, 'quang-ninh', 1000)), revision: 3 });

// A made-up schema 0 with other field names, to exercise the migration mechanism.
const v0 = () => ({
  schema: 0,
  uuid: 'f0e1d2c3-0000-4000-8000-000000000000',
  template: 'quang-ninh',
  data: clone(quangNinh.scenario),
  created: 1000,
  modified: 2000,
  rev: 4,
});
const TEST_MIGRATIONS: Migrations = {
  ...MIGRATIONS,
  0: (old) => ({
    id: old.uuid,
    templateId: old.template,
    scenario: old.data,
    createdAt: old.created,
    updatedAt: old.modified,
    revision: old.rev,
  }),
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('newRecord', () => {
  it('makes an unsaved record (revision 0) with a random UUID that reads back as valid', () => {
    const record = newRecord(quangNinh.scenario, 'quang-ninh', 1234);
    expect(record).toMatchObject({
      schema: SCHEMA_VERSION,
      templateId: 'quang-ninh',
      createdAt: 1234,
      updatedAt: 1234,
      revision: 0,
    });
    expect(record.id).toMatch(UUID);
    expect(newRecord(quangNinh.scenario, 'quang-ninh').id).not.toBe(record.id);
    expect(readRecord(clone(record))).toEqual({ ok: true, record, migrated: false });
  });
});

describe('randomId', () => {
  it('makes version 4 UUIDs without crypto.randomUUID, which plain-http pages lack', () => {
    const getRandomValues = crypto.getRandomValues.bind(crypto);
    vi.stubGlobal('crypto', { getRandomValues });
    const ids = Array.from({ length: 50 }, randomId);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('readRecord', () => {
  it('reads a stored record of the current schema unchanged', () => {
    const data = stored();
    expect(readRecord(data)).toEqual({ ok: true, record: data, migrated: false });
  });

  it.each([
    ['null', null, /not an object/],
    ['a string', 'garbage', /not an object/],
    ['an array', [1, 2], /not an object/],
    ['no schema', { ...stored(), schema: undefined }, /schema/],
    ['a text schema', { ...stored(), schema: '1' }, /schema/],
    ['a fractional schema', { ...stored(), schema: 0.5 }, /schema/],
    ['a text revision', { ...stored(), revision: '3' }, /revision/],
    ['a negative revision', { ...stored(), revision: -1 }, /revision/],
    ['an empty id', { ...stored(), id: '' }, /id/],
    ['a missing date', { ...stored(), updatedAt: undefined }, /updatedAt/],
    ['an extra property', { ...stored(), extra: true }, /extra/],
    [
      'an invalid scenario',
      { ...stored(), scenario: { ...clone(quangNinh.scenario), meta: { ...quangNinh.scenario.meta, horizon: 2200 } } },
      /^scenario: meta\.horizon/,
    ],
    ['a scenario that is not one', { ...stored(), scenario: 'x' }, /^scenario:/],
  ])('rejects %s with a reason', (_what, data, reason) => {
    const result = readRecord(data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('rejects a record from a newer schema instead of reading it as this one', () => {
    const result = readRecord({ ...stored(), schema: SCHEMA_VERSION + 1 });
    expect(result).toEqual({
      ok: false,
      reason: `written by a newer version of the app (schema ${SCHEMA_VERSION + 1}; this version reads up to ${SCHEMA_VERSION})`,
      newer: SCHEMA_VERSION + 1,
    });
  });

  it('migrates an old record step by step and says so', () => {
    const result = readRecord(v0(), TEST_MIGRATIONS);
    expect(result).toEqual({
      ok: true,
      migrated: true,
      record: {
        schema: SCHEMA_VERSION,
        id: 'f0e1d2c3-0000-4000-8000-000000000000',
        templateId: 'quang-ninh',
        scenario: quangNinh.scenario,
        createdAt: 1000,
        updatedAt: 2000,
        revision: 4,
      },
    });
  });

  it('rejects a record older than any shipped migration', () => {
    expect(readRecord(v0())).toEqual({ ok: false, reason: 'no migration from schema 0' });
  });

  it('reads a schema 1 record (before ranges) unchanged, as schema 2', () => {
    const v1 = { ...stored(), schema: 1 };
    const result = readRecord(clone(v1));
    expect(result).toEqual({ ok: true, migrated: true, record: { ...v1, schema: 2 } });
  });

  it('rejects what a migration step throws or returns wrong', () => {
    const throwing: Migrations = {
      0: () => {
        throw new Error('boom');
      },
    };
    expect(readRecord(v0(), throwing)).toEqual({ ok: false, reason: 'migration from schema 0 failed: Error: boom' });
    expect(readRecord(v0(), { 0: () => [] as unknown as Record<string, unknown> })).toMatchObject({ ok: false });
    const lossy = readRecord(v0(), { ...MIGRATIONS, 0: (old) => ({ ...old }) });
    expect(lossy.ok).toBe(false);
    if (!lossy.ok) expect(lossy.reason).toMatch(/uuid|id/);
  });
});
