import { describe, expect, it } from 'vitest';
import { sectorVar, withInput } from '../engine';
import { templateFingerprint, TEMPLATES, type Template } from '../templates';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import type { Migrations } from './record';
import {
  newTemplateRecord,
  readTemplateRecord,
  TEMPLATE_SCHEMA_VERSION,
  templateKey,
  type StoredTemplate,
} from './template-record';

const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const mine: Template = { ...quangNinh2025, id: 'hai-phong', label: { vi: 'Hải Phòng', en: 'Hai Phong' } };
const edited: Template = {
  ...mine,
  scenario: withInput(mine.scenario, sectorVar('manufacturing', 'growth'), 2027, 0.3),
};

function made(template: Template, savedAt = 1000): StoredTemplate {
  const result = newTemplateRecord(template, savedAt);
  if (!result.ok) throw new Error(result.reason);
  return result.record;
}

function refused(key: IDBValidKey, data: unknown, migrations?: Migrations): string {
  const result = readTemplateRecord(key, data, migrations);
  if (result.ok) throw new Error('expected the template version to be refused');
  expect(result.newer).toBeUndefined();
  return result.reason;
}

const keyOf = (record: StoredTemplate) => templateKey(record.template.id, record.fingerprint);

describe('a stored template version', () => {
  it('reads back, through a structured or JSON copy, as the version that was saved', () => {
    const record = made(mine);
    expect(record).toMatchObject({ schema: TEMPLATE_SCHEMA_VERSION, fingerprint: templateFingerprint(mine) });
    for (const copy of [structuredClone(record), json(record)]) {
      expect(readTemplateRecord(keyOf(record), copy)).toEqual({ ok: true, record: json(record), migrated: false });
    }
    expect(keyOf(record)).toBe(`hai-phong@${templateFingerprint(mine)}`);
  });

  it('of an edited template has another fingerprint and key, and the one before still reads', () => {
    const before = made(mine);
    const after = made(edited);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(keyOf(after)).not.toBe(keyOf(before));
    expect(readTemplateRecord(keyOf(before), json(before)).ok).toBe(true);
    expect(readTemplateRecord(keyOf(after), json(after)).ok).toBe(true);
  });

  it('is never made or read under the id of a built-in template', () => {
    for (const builtIn of TEMPLATES) {
      const result = newTemplateRecord(builtIn, 1);
      expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/built-in/) });
      const data = { schema: 1, template: json(builtIn), fingerprint: templateFingerprint(builtIn), savedAt: 1 };
      expect(refused(templateKey(builtIn.id, data.fingerprint), data)).toMatch(/built-in/);
    }
  });

  it('is refused under a key that is not its id and fingerprint', () => {
    const record = json(made(mine));
    const other = made(edited);
    for (const key of [keyOf(other), 'hai-phong', `quang-ninh@${record.fingerprint}`, '__proto__', 42, ''])
      expect(refused(key, record)).toMatch(/stored under the key/);
  });

  it('is refused when its fingerprint is not that of its scenario', () => {
    const record = json(made(mine));
    const changed = { ...record, template: json(edited) };
    expect(refused(keyOf(record), changed)).toMatch(/fingerprint/);
    const forged = { ...record, fingerprint: 'abcdefg' };
    expect(refused(templateKey(mine.id, 'abcdefg'), forged)).toMatch(/fingerprint/);
  });

  it('is refused, without throwing, when it is not a template version at all', () => {
    const record = json(made(mine));
    const key = keyOf(record);
    const cases: [unknown, RegExp][] = [
      [null, /not an object/],
      ['text', /not an object/],
      [[record], /not an object/],
      [{ ...record, schema: '1' }, /schema/],
      [{ ...record, schema: -1 }, /schema/],
      [{ ...record, savedAt: 'yesterday' }, /savedAt/],
      [{ ...record, fingerprint: 42 }, /fingerprint/],
      [{ ...record, template: 'template' }, /^template/],
      [{ ...record, extra: true }, /extra/],
      [{ ...record, template: { ...record.template, scenario: { rows: 'rows' } } }, /^template: scenario/],
      [{ ...record, template: { ...record.template, label: 'x'.repeat(1_000_000) } }, /^template/],
      [JSON.parse(`{"__proto__": ${JSON.stringify(record)}}`) as unknown, /schema/],
      [JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(record).slice(1)}`) as unknown, /__proto__/],
    ];
    for (const [data, reason] of cases) expect(refused(key, data)).toMatch(reason);
  });

  it('has its texts cleaned of bidi and control characters as it is read', () => {
    const record = json(made(mine));
    const sneaky = { ...record, template: { ...record.template, label: 'Hải\u202E Phòng\u0007' } };
    const result = readTemplateRecord(keyOf(record), sneaky);
    expect(result).toMatchObject({ ok: true, record: { template: { label: 'Hải Phòng' } } });
  });

  it('of a newer schema is reported as newer, to be left as it is', () => {
    const data = { ...json(made(mine)), schema: TEMPLATE_SCHEMA_VERSION + 1, more: 'fields' };
    expect(readTemplateRecord('anything', data)).toEqual({
      ok: false,
      reason: expect.stringMatching(/newer version/),
      newer: TEMPLATE_SCHEMA_VERSION + 1,
    });
  });

  it('of an older schema is migrated, and keeps the fingerprint scenarios made from it name', () => {
    const record = json(made(mine));
    const old = { schema: 0, body: record.template, digest: record.fingerprint, time: 5 };
    // Schema 0 is made up, as is a migration that rewrites the scenario: its digest changes, its identity must not.
    const migrations: Migrations = {
      0: (o) => ({
        template: { ...(o.body as Template), scenario: json(edited.scenario) },
        fingerprint: o.digest,
        savedAt: o.time,
      }),
    };
    const result = readTemplateRecord(keyOf(record), old, migrations);
    expect(result).toMatchObject({ ok: true, migrated: true, record: { fingerprint: record.fingerprint, savedAt: 5 } });
    expect(refused(keyOf(record), old)).toBe('no migration from schema 0');
    const throwing: Migrations = {
      0: () => {
        throw new Error('bug');
      },
    };
    expect(refused(keyOf(record), old, throwing)).toMatch(/failed: Error: bug/);
    expect(refused(keyOf(record), old, { 0: () => [] as unknown as Record<string, unknown> })).toMatch(/object/);
  });
});
