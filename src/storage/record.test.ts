import { afterEach, describe, expect, it, vi } from 'vitest';
import { inputOf, Model, withInput } from '../engine';
import exported from '../../tests/fixtures/2026-11-29/export.json';
import expected from '../../tests/fixtures/2026-11-29/export-numbers.json';
import { quangNinh } from '../templates/quang-ninh';
import { MIGRATIONS, newRecord, randomId, readRecord, SCHEMA_VERSION, type Migrations } from './record';

// The fingerprint of the quang-ninh template as it shipped before records named it (pinned in src/templates).
const QUANG_NINH = '0nrmnyl';
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
      templateFingerprint: QUANG_NINH,
      createdAt: 1234,
      updatedAt: 1234,
      revision: 0,
    });
    expect(record.id).toMatch(UUID);
    expect(newRecord(quangNinh.scenario, 'quang-ninh').id).not.toBe(record.id);
    expect(readRecord(clone(record))).toEqual({ ok: true, record, migrated: false });
  });

  it('makes a copy of a record name the template revision that record names, or none when it names none', () => {
    const earlier = newRecord(quangNinh.scenario, { templateId: 'quang-ninh', templateFingerprint: '1abcdef' }, 5);
    expect(earlier).toMatchObject({ templateId: 'quang-ninh', templateFingerprint: '1abcdef' });
    expect(readRecord(clone(earlier))).toEqual({ ok: true, record: earlier, migrated: false });
    const unknown = newRecord(quangNinh.scenario, { templateId: 'ha-noi' }, 5);
    expect(Object.keys(unknown)).not.toContain('templateFingerprint');
    expect(Object.keys(newRecord(quangNinh.scenario, 'ha-noi', 5))).not.toContain('templateFingerprint');
    expect(readRecord(clone(unknown))).toEqual({ ok: true, record: unknown, migrated: false });
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
        templateFingerprint: QUANG_NINH,
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

  it.each([1, 2])(
    'reads a schema %i record as the current one, made with the template as it shipped then',
    (schema) => {
      const { templateFingerprint: _, ...old } = { ...stored(), schema };
      const result = readRecord(clone(old));
      expect(result).toEqual({
        ok: true,
        migrated: true,
        record: { ...old, schema: SCHEMA_VERSION, templateFingerprint: QUANG_NINH },
      });
    },
  );

  it('reads a schema 2 record of a template this version never had without naming a revision', () => {
    const { templateFingerprint: _, ...old } = { ...stored(), schema: 2, templateId: 'ha-noi' };
    expect(readRecord(clone(old))).toEqual({ ok: true, migrated: true, record: { ...old, schema: SCHEMA_VERSION } });
  });

  it('reads the records of an export file of 2026-11-29 (schemas 1 and 2) with exactly the numbers they had', () => {
    expect(exported.scenarios).toHaveLength(3);
    for (const data of exported.scenarios) {
      const result = readRecord(clone(data));
      expect(result).toEqual({
        ok: true,
        migrated: true,
        record: { ...data, schema: SCHEMA_VERSION, templateFingerprint: QUANG_NINH },
      });
      if (!result.ok) continue;
      const model = new Model(result.record.scenario);
      const numbers = Object.entries(expected.records).find(([id]) => id === data.id)![1].numbers;
      for (const [cell, value] of Object.entries(numbers)) {
        const [id = '', year = ''] = cell.split('@');
        expect(model.get(id)?.values[model.years.indexOf(Number(year))], `${data.id} ${cell}`).toBe(value);
      }
    }
  });

  it('reads a schema 3 record whose formulas used log(x) as the natural logarithm with the numbers they had', () => {
    let scenario = withInput(quangNinh.scenario, 'manufacturing.growth', 2025, '=log(1.2) / 2 + log(8, 2) / 100');
    scenario = withInput(scenario, 'manufacturing.growth', 2026, '=LOG(100) / 100 + x.log');
    const old = { ...stored(), schema: 3, scenario: clone(scenario) };
    const result = readRecord(clone(old));
    expect(result).toMatchObject({ ok: true, migrated: true });
    if (!result.ok) return;
    const migrated = result.record.scenario;
    const growth = new Model(migrated).get('manufacturing.growth')!;
    expect(inputOf(migrated, growth, 2025)).toBe('=ln(1.2) / 2 + log(8, 2) / 100');
    // "LOG" could not be called before (names were case-sensitive) and "x.log" is a row: both are left as they are.
    expect(inputOf(migrated, growth, 2026)).toBe('=LOG(100) / 100 + x.log');
    const model = new Model(migrated);
    const i = model.years.indexOf(2025);
    expect(model.get('manufacturing.growth')!.values[i]).toBeCloseTo(Math.log(1.2) / 2 + 0.03, 14);
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
