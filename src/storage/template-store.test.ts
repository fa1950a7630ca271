import { IDBFactory, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sectorVar, withInput } from '../engine';
import { templateFingerprint, type Template } from '../templates';
import { quangNinh } from '../templates/quang-ninh';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import { idbKeyVal } from './keyval';
import { newRecord } from './record';
import { databaseName, DEFAULT_NAME, memoryStore, openScenarioStore, type OpenOptions, type Part } from './store';
import { TEMPLATE_SCHEMA_VERSION, templateKey, type StoredTemplate } from './template-record';
import type { PutTemplateResult } from './template-store';

const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const mine: Template = { ...quangNinh2025, id: 'hai-phong', label: { vi: 'Hải Phòng', en: 'Hai Phong' } };
const growth = (template: Template, rate: number): Template => ({
  ...template,
  scenario: withInput(template.scenario, sectorVar('manufacturing', 'growth'), 2027, rate),
});
const edited = growth(mine, 0.3);
const other: Template = { ...quangNinh, id: 'ha-long', label: 'Hạ Long' };

let factory: IDBFactory;
let clock: number;
const now = () => clock;

beforeEach(() => {
  factory = new IDBFactory();
  clock = 10_000;
});

afterEach(() => {
  vi.restoreAllMocks();
});

const open = (options: OpenOptions = {}) => openScenarioStore({ indexedDB: factory, now, ...options });
// Direct access to one part of the database, to plant or inspect raw data.
const raw = (part: Part) => idbKeyVal(factory, databaseName(DEFAULT_NAME, part));

function stored(result: PutTemplateResult): StoredTemplate {
  if (!result.ok) throw new Error(`expected a saved template, got ${JSON.stringify(result)}`);
  return result.record;
}

// What a stored version of a template looks like, as another version of the app might have written it.
const planted = (template: Template, savedAt = 1000) => ({
  schema: TEMPLATE_SCHEMA_VERSION,
  template: json(template),
  fingerprint: templateFingerprint(template),
  savedAt,
});
const keyOf = (template: Template) => templateKey(template.id, templateFingerprint(template));

describe.each([
  ['indexeddb', () => open()],
  ['memory', async () => memoryStore({ now })],
] as const)('templates in the %s store', (_kind, make) => {
  it('are saved, listed and loaded back by id and fingerprint as they were', async () => {
    const store = await make();
    expect(await store.listTemplates()).toEqual({ templates: [], newer: [], damaged: [] });
    const result = await store.putTemplate(mine);
    const fingerprint = templateFingerprint(mine);
    expect(result).toEqual({
      ok: true,
      status: 'added',
      record: { schema: TEMPLATE_SCHEMA_VERSION, template: mine, fingerprint, savedAt: 10_000 },
    });
    expect(json(stored(result).template)).toEqual(json(mine));
    expect(await store.listTemplates()).toEqual({ templates: [stored(result)], newer: [], damaged: [] });
    expect(await store.getTemplate('hai-phong', fingerprint)).toEqual(stored(result));
    expect(await store.getTemplate('hai-phong', 'abcdefg')).toBeUndefined();
    expect(await store.getTemplate('ha-long', fingerprint)).toBeUndefined();
  });

  it('keep the version before an edit of the numbers, readable by its fingerprint, and list oldest first', async () => {
    const store = await make();
    const first = stored(await store.putTemplate(mine));
    clock = 20_000;
    const second = stored(await store.putTemplate(edited));
    expect(second.fingerprint).not.toBe(first.fingerprint);
    clock = 30_000;
    stored(await store.putTemplate(other));
    const { templates } = await store.listTemplates();
    expect(templates.map((t) => [t.template.id, t.fingerprint, t.savedAt])).toEqual([
      ['hai-phong', first.fingerprint, 10_000],
      ['hai-phong', second.fingerprint, 20_000],
      ['ha-long', templateFingerprint(other), 30_000],
    ]);
    expect(await store.getTemplate('hai-phong', first.fingerprint)).toEqual(first);
    expect(await store.getTemplate('hai-phong', second.fingerprint)).toEqual(second);
  });

  it('keep one version when the same template is saved twice', async () => {
    const store = await make();
    const first = stored(await store.putTemplate(mine));
    clock = 20_000;
    const again = await store.putTemplate(json(mine));
    expect(again).toEqual({ ok: true, status: 'unchanged', record: first });
    expect((await store.listTemplates()).templates).toEqual([first]);
  });

  it('take a new description of a version in its place, with the same fingerprint', async () => {
    const store = await make();
    const first = stored(await store.putTemplate(mine));
    clock = 20_000;
    const renamed = { ...mine, label: 'Hải Phòng (sửa)', sources: { grdp: { text: 'Cục Thống kê 2026' } } };
    const result = await store.putTemplate(renamed);
    expect(result).toMatchObject({ ok: true, status: 'updated', record: { fingerprint: first.fingerprint } });
    const { templates } = await store.listTemplates();
    expect(templates).toHaveLength(1);
    expect(templates[0]).toMatchObject({ savedAt: 20_000, template: { label: 'Hải Phòng (sửa)' } });
  });

  it('refuse the id of a built-in template and anything that is not a valid template, storing nothing', async () => {
    const store = await make();
    const builtIn = { ...quangNinh2025, label: 'mine now' };
    expect(await store.putTemplate(builtIn)).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringMatching(/built-in/),
    });
    const broken = { ...mine, presets: [{ ...mine.presets[0]!, growth: { mining: 0.1 } }] };
    expect(await store.putTemplate(broken)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await store.putTemplate('hai-phong' as unknown as Template)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await store.listTemplates()).toEqual({ templates: [], newer: [], damaged: [] });
  });

  it('store the cleaned copy, under the fingerprint it reads back with', async () => {
    const store = await make();
    const sneaky = { ...mine, label: 'Hải\u202E Phòng' };
    const record = stored(await store.putTemplate(sneaky));
    expect(record.template.label).toBe('Hải Phòng');
    expect(await store.getTemplate(mine.id, record.fingerprint)).toEqual(record);
  });

  it('remove the versions no scenario names, and leave those kept and other templates', async () => {
    const store = await make();
    const first = stored(await store.putTemplate(mine));
    clock++;
    const second = stored(await store.putTemplate(edited));
    clock++;
    const third = stored(await store.putTemplate(growth(mine, 0.4)));
    clock++;
    const theirs = stored(await store.putTemplate(other));
    await store.removeTemplateVersions('hai-phong', [second.fingerprint]);
    expect((await store.listTemplates()).templates.map((t) => t.fingerprint)).toEqual([
      second.fingerprint,
      theirs.fingerprint,
    ]);
    expect(await store.getTemplate('hai-phong', first.fingerprint)).toBeUndefined();
    expect(await store.getTemplate('hai-phong', third.fingerprint)).toBeUndefined();
    await store.removeTemplateVersions('hai-phong');
    expect((await store.listTemplates()).templates).toEqual([theirs]);
  });

  it('hand out copies, so changing a loaded version changes nothing stored', async () => {
    const store = await make();
    const record = stored(await store.putTemplate(mine));
    const loaded = (await store.getTemplate(mine.id, record.fingerprint)) as { template: { label: unknown } };
    loaded.template.label = 'changed';
    expect((await store.getTemplate(mine.id, record.fingerprint))?.template.label).toEqual(mine.label);
  });

  it('live beside the scenarios: neither list shows the other’s', async () => {
    const store = await make();
    stored(await store.putTemplate(mine));
    const scenario = await store.put(newRecord(quangNinh.scenario, 'quang-ninh', clock), null);
    expect(scenario.ok).toBe(true);
    expect((await store.list()).records).toHaveLength(1);
    expect((await store.listTemplates()).templates).toHaveLength(1);
  });
});

describe('stored template values that cannot be read', () => {
  const good = () => planted(other, 500);
  const base = () => planted(mine);
  const key = keyOf(mine);
  const cases: [string, string, unknown, RegExp][] = [
    ['garbage', key, 'not a template', /not an object/],
    ['under another key', `${mine.id}@abcdefg`, base(), /stored under the key/],
    ['under the prototype’s name', '__proto__', base(), /stored under the key/],
    ['with a fingerprint not its scenario’s', key, { ...base(), template: json(edited) }, /fingerprint/],
    ['with wrong types', key, { ...base(), savedAt: 'yesterday', fingerprint: 7 }, /savedAt/],
    [
      'with a __proto__ field',
      key,
      JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(base()).slice(1)}`) as unknown,
      /__proto__/,
    ],
    ['huge', key, { ...base(), template: { ...json(mine), label: 'x'.repeat(2_000_000) } }, /^template/],
    ['under a built-in template’s id', keyOf(quangNinh), planted(quangNinh), /built-in/],
  ];

  it.each(cases)('%s is set aside as a damaged template, and the others stay', async (_what, at, data, reason) => {
    const store = await open();
    await raw('templates').set(keyOf(other), good());
    await raw('templates').set(at, data);
    clock = 50_000;

    const { templates, newer, damaged } = await store.listTemplates();
    expect(templates.map((t) => t.template.id)).toEqual(['ha-long']);
    expect(newer).toEqual([]);
    expect(damaged).toHaveLength(1);
    expect(damaged[0]).toMatchObject({ key: at, raw: data, at: 50_000, part: 'templates' });
    expect(damaged[0]?.reason).toMatch(reason);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await raw('templates').get(at)).toBeUndefined();

    // The scenarios' list neither shows it nor tries to put it back among the records.
    expect((await store.list()).quarantined).toEqual([]);
    expect(await raw('records').entries()).toEqual([]);
    // Still reported on the next list, once, until the planner removes it.
    expect((await store.listTemplates()).damaged).toEqual(damaged);
    await store.removeQuarantined(damaged[0]!.id);
    expect((await store.listTemplates()).damaged).toEqual([]);
  });

  it('has its texts cleaned as it is read when only its description holds hidden characters', async () => {
    const store = await open();
    await raw('templates').set(keyOf(mine), planted({ ...mine, label: 'Hải\u2066 Phòng\u0000' }));
    const { templates, damaged } = await store.listTemplates();
    expect(damaged).toEqual([]);
    expect(templates[0]?.template.label).toBe('Hải Phòng');
  });

  it('is set aside when asked for by id, and nothing is returned', async () => {
    const store = await open();
    await raw('templates').set(keyOf(mine), { ...base(), savedAt: -1 });
    expect(await store.getTemplate(mine.id, templateFingerprint(mine))).toBeUndefined();
    expect((await store.listTemplates()).damaged).toMatchObject([{ key: keyOf(mine), part: 'templates' }]);
  });

  it('is never saved over: it is set aside first, then the planner’s version takes its key', async () => {
    const store = await open();
    const data = { ...base(), savedAt: 'soon' };
    await raw('templates').set(keyOf(mine), data);
    expect(await store.putTemplate(mine)).toMatchObject({ ok: true, status: 'added' });
    const { templates, damaged } = await store.listTemplates();
    expect(templates.map((t) => t.template.id)).toEqual(['hai-phong']);
    expect(damaged).toMatchObject([{ key: keyOf(mine), raw: data }]);
  });

  it('is copied aside, but a newer version’s value written under its key meanwhile stays', async () => {
    const store = await open();
    await raw('templates').set(keyOf(mine), 'garbage');
    const newer = { ...planted(mine), schema: TEMPLATE_SCHEMA_VERSION + 1 };
    const put = FakeObjectStore.prototype.put;
    let written: Promise<void> | undefined;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value, key) {
      // Another tab writes while the copy goes into quarantine, before the old value would be deleted.
      written ??= raw('templates').set(keyOf(mine), newer);
      return put.call(this, value, key);
    });
    const { damaged } = await store.listTemplates();
    await written;
    vi.restoreAllMocks();
    expect(damaged).toMatchObject([{ key: keyOf(mine), raw: 'garbage' }]);
    expect(await raw('templates').get(keyOf(mine))).toEqual(newer);
  });

  it('stays in place and is still reported when it cannot be set aside', async () => {
    const store = await open();
    await raw('templates').set(keyOf(mine), 'garbage');
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const { damaged } = await store.listTemplates();
    expect(damaged).toMatchObject([{ key: keyOf(mine), raw: 'garbage', part: 'templates' }]);
    expect(damaged[0]?.reason).toMatch(/left in place/);
    expect(await raw('templates').get(keyOf(mine))).toBe('garbage');
  });
});

describe('template versions of a newer version of the app', () => {
  const newer = () => ({ ...planted(mine), schema: TEMPLATE_SCHEMA_VERSION + 3, somethingNew: [1, 2] });

  it('are listed as they are, never set aside, rewritten or removed', async () => {
    const store = await open();
    const data = newer();
    await raw('templates').set(keyOf(mine), data);
    for (let k = 0; k < 2; k++) {
      expect(await store.listTemplates()).toEqual({
        templates: [],
        newer: [{ key: keyOf(mine), schema: TEMPLATE_SCHEMA_VERSION + 3 }],
        damaged: [],
      });
    }
    expect(await store.getTemplate(mine.id, templateFingerprint(mine))).toBeUndefined();
    expect(await store.putTemplate(mine)).toMatchObject({ ok: false, reason: 'failed' });
    await store.removeTemplateVersions(mine.id);
    expect(await raw('templates').get(keyOf(mine))).toEqual(data);
    expect(await raw('quarantine').entries()).toEqual([]);
  });
});

describe('template versions of an older schema', () => {
  it('are read in the current schema and written back migrated', async () => {
    const old = { schema: 0, body: json(mine), time: 77 };
    await raw('templates').set(keyOf(mine), old);
    const store = await open({
      templateMigrations: {
        0: (o) => ({ template: o.body, fingerprint: templateFingerprint(o.body as Template), savedAt: o.time }),
      },
    });
    const { templates, damaged } = await store.listTemplates();
    expect(damaged).toEqual([]);
    expect(templates).toEqual([{ ...planted(mine, 77), template: mine }]);
    expect(await raw('templates').get(keyOf(mine))).toEqual(planted(mine, 77));
  });
});

describe('a failed template write', () => {
  it.each([
    ['a QuotaExceededError', 'quota', new DOMException('Quota exceeded', 'QuotaExceededError')],
    ['any other error', 'failed', new DOMException('could not clone', 'DataCloneError')],
  ])('reports %s as %s and keeps the versions saved before', async (_what, reason, error) => {
    const store = await open();
    const first = stored(await store.putTemplate(mine));
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(() => {
      throw error;
    });
    expect(await store.putTemplate(edited)).toEqual({ ok: false, reason, message: error.message });
    vi.restoreAllMocks();
    expect((await (await open()).listTemplates()).templates).toEqual([first]);
  });

  it('fails on a full disk, where the store is read-only, with the saved versions still listed', async () => {
    const first = stored(await (await open()).putTemplate(mine));
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const store = await open();
    expect(store.kind).toBe('readonly');
    expect((await store.listTemplates()).templates).toEqual([first]);
    expect(await store.putTemplate(edited)).toMatchObject({ ok: false, reason: 'quota' });
  });
});
