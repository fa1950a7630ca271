import { IDBFactory, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../engine';
import { quangNinh } from '../templates/quang-ninh';
import { idbKeyVal } from './keyval';
import { listSummary, MIGRATIONS, newRecord, SCHEMA_VERSION, type Migrations, type StoredScenario } from './record';
import {
  databaseName,
  DEFAULT_NAME,
  memoryStore,
  openScenarioStore,
  type OpenOptions,
  type Part,
  type PutResult,
  type ScenarioStore,
} from './store';

const named = (name: string): Scenario => ({ ...quangNinh.scenario, meta: { ...quangNinh.scenario.meta, name } });
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

let factory: IDBFactory;
let clock: number;
const now = () => clock;

beforeEach(() => {
  factory = new IDBFactory();
  clock = 10_000;
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const open = (options: OpenOptions = {}) => openScenarioStore({ indexedDB: factory, now, ...options });
// Direct access to one part of the database, to plant or inspect raw data.
const raw = (part: Part) => idbKeyVal(factory, databaseName(DEFAULT_NAME, part));

function saved(result: PutResult): StoredScenario {
  if (!result.ok) throw new Error(`expected a save, got ${JSON.stringify(result)}`);
  return result.record;
}

async function create(store: ScenarioStore, name: string): Promise<StoredScenario> {
  return saved(await store.put(newRecord(named(name), 'quang-ninh', clock), null));
}

describe.each([
  ['indexeddb', () => open()],
  ['memory', async () => memoryStore({ now })],
] as const)('the %s store', (kind, make) => {
  it('is of its kind', async () => {
    expect((await make()).kind).toBe(kind);
  });

  it('saves a new scenario as revision 1 and loads the identical scenario back', async () => {
    const store = await make();
    const record = newRecord(named('Kế hoạch A'), 'quang-ninh', 5000);
    clock = 7000;
    const result = await store.put(record, null);
    const summary = listSummary(record.scenario);
    expect(result).toEqual({ ok: true, record: { ...record, revision: 1, updatedAt: 7000, summary } });
    const loaded = await store.get(record.id);
    expect(loaded).toEqual(saved(result));
    expect(loaded?.scenario).toEqual(named('Kế hoạch A'));
    expect(await store.get('no-such-id')).toBeUndefined();
  });

  it('lists records by last update, newest first', async () => {
    const store = await make();
    const a = await create(store, 'A');
    clock++;
    await create(store, 'B');
    clock++;
    await create(store, 'C');
    clock++;
    saved(await store.put({ ...a, scenario: named('A2') }, a.revision));
    const { records, quarantined } = await store.list();
    expect(records.map((r) => r.scenario.meta.name)).toEqual(['A2', 'C', 'B']);
    expect(quarantined).toEqual([]);
  });

  it('adds one to the revision on every save and keeps the creation time', async () => {
    const store = await make();
    const first = await create(store, 'A');
    clock = 20_000;
    const second = saved(await store.put({ ...first, scenario: named('A2') }, 1));
    expect(second).toMatchObject({ revision: 2, createdAt: first.createdAt, updatedAt: 20_000 });
    expect(saved(await store.put({ ...second, scenario: named('A3') }, 2)).revision).toBe(3);
    // The stored revision counts, not the one in the record passed in.
    expect(saved(await store.put({ ...second, revision: 99 }, 3)).revision).toBe(4);
  });

  it('refuses a save from a stale revision and returns the stored record instead', async () => {
    const store = await make();
    const first = await create(store, 'A');
    const second = saved(await store.put({ ...first, scenario: named('theirs') }, 1));
    const stale = await store.put({ ...first, scenario: named('ours') }, 1);
    expect(stale).toEqual({ ok: false, reason: 'conflict', current: second });
    expect((await store.get(first.id))?.scenario.meta.name).toBe('theirs');
  });

  it('treats a new record under an id that already exists as a conflict', async () => {
    const store = await make();
    const first = await create(store, 'A');
    const again = await store.put({ ...first, scenario: named('other') }, null);
    expect(again).toEqual({ ok: false, reason: 'conflict', current: first });
    expect(await store.get(first.id)).toEqual(first);
  });

  it('reports a record deleted meanwhile as a conflict with nothing current; saved again, it counts on', async () => {
    const store = await make();
    const first = await create(store, 'A');
    const second = saved(await store.put(first, 1));
    await store.remove(first.id);
    expect(await store.get(first.id)).toBeUndefined();
    expect(await store.put(second, 2)).toEqual({ ok: false, reason: 'conflict', current: undefined });
    const restored = saved(await store.put(second, null));
    expect(restored.revision).toBe(3);
    // A copy still at revision 2 from before the delete must not win.
    expect(await store.put(second, 2)).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('refuses to save what it could not read back, and stores nothing', async () => {
    const store = await make();
    const record = newRecord(named('x'.repeat(300)), 'quang-ninh');
    const result = await store.put(record, null);
    expect(result).toMatchObject({ ok: false, reason: 'failed' });
    if (!result.ok && result.reason !== 'conflict') expect(result.message).toMatch(/scenario: meta\.name/);
    expect(await store.get(record.id)).toBeUndefined();
  });

  it('keeps settings of any shape', async () => {
    const store = await make();
    expect(await store.getSetting('open')).toBeUndefined();
    await store.setSetting('open', 'abc');
    await store.setSetting('view', { prices: true, years: [2024, 2030] });
    expect(await store.getSetting('open')).toBe('abc');
    expect(await store.getSetting('view')).toEqual({ prices: true, years: [2024, 2030] });
  });

  it('hands out copies, so changing a loaded record changes nothing stored', async () => {
    const store = await make();
    const first = await create(store, 'A');
    const loaded = (await store.get(first.id)) as { scenario: { meta: { name: string } } };
    loaded.scenario.meta.name = 'changed';
    expect((await store.get(first.id))?.scenario.meta.name).toBe('A');
  });
});

describe('two tabs on one IndexedDB database', () => {
  it('see each other’s saves, and the stale tab gets a conflict with the other’s record', async () => {
    const tabA = await open();
    const tabB = await open();
    const first = await create(tabA, 'A');
    expect(await tabB.get(first.id)).toEqual(first);
    const fromB = saved(await tabB.put({ ...first, scenario: named('from B') }, 1));
    const fromA = await tabA.put({ ...first, scenario: named('from A') }, 1);
    expect(fromA).toEqual({ ok: false, reason: 'conflict', current: fromB });
    expect((await tabA.get(first.id))?.scenario.meta.name).toBe('from B');
  });

  it('let exactly one of two simultaneous saves at the same revision win', async () => {
    const tabA = await open();
    const tabB = await open();
    const first = await create(tabA, 'A');
    const results = await Promise.all([
      tabA.put({ ...first, scenario: named('from A') }, 1),
      tabB.put({ ...first, scenario: named('from B') }, 1),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'conflict')).toHaveLength(1);
    expect((await tabA.get(first.id))?.revision).toBe(2);
  });
});

describe('unreadable records', () => {
  const valid = () => clone({ ...newRecord(quangNinh.scenario, 'quang-ninh', 1000), id: 'bad', revision: 2 });
  const cases: [string, unknown, RegExp][] = [
    ['garbage', 'not a record at all', /not an object/],
    ['wrong types', { ...valid(), revision: 'two', createdAt: null }, /revision/],
    [
      'a valid-looking record with an invalid scenario',
      { ...valid(), scenario: { ...clone(quangNinh.scenario), rows: [{ kind: 'macro', id: 'x' }] } },
      /^scenario:/,
    ],
    ['a record under another id’s key', { ...valid(), id: 'other' }, /key bad but its id is other/],
  ];

  it.each(cases)('%s is moved to quarantine with its raw data and the reason', async (_what, data, reason) => {
    const store = await open();
    const good = await create(store, 'good');
    await raw('records').set('bad', data);
    clock = 50_000;

    const { records, quarantined } = await store.list();
    expect(records).toEqual([good]);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({ key: 'bad', raw: data, at: 50_000 });
    expect(quarantined[0]?.reason).toMatch(reason);

    expect(await raw('records').get('bad')).toBeUndefined();
    expect(await raw('quarantine').get(quarantined[0]!.id)).toEqual({
      key: 'bad',
      raw: data,
      reason: quarantined[0]?.reason,
      at: 50_000,
    });
    // Still reported on the next list, once, until the planner removes it.
    expect(await store.list()).toEqual({ records: [good], newer: [], quarantined });
    await store.removeQuarantined(quarantined[0]!.id);
    expect(await store.list()).toEqual({ records: [good], newer: [], quarantined: [] });
  });

  it('set aside by a version that could not read it, comes back once this version reads it', async () => {
    const store = await open();
    const good = await create(store, 'good');
    // As the app of schema 1 left a record of a later schema it found: in quarantine, with the reason.
    const back = { ...valid(), id: 'back', schema: SCHEMA_VERSION };
    await raw('quarantine').set('q1', { key: 'back', raw: back, reason: 'written by a newer version', at: 10 });
    const { records, quarantined } = await store.list();
    expect(quarantined).toEqual([]);
    expect(records.map((r) => r.id).sort()).toEqual(['back', good.id].sort());
    expect(await raw('records').get('back')).toEqual(back);
    expect(await raw('quarantine').get('q1')).toBeUndefined();
    // Saved again by this version like any other record.
    expect(
      saved(
        await store.put(
          records.find((r) => r.id === 'back')!,
          2,
        ),
      ).revision,
    ).toBe(3);
  });

  it('set aside but readable, stays aside when its key has been used since', async () => {
    const store = await open();
    const taken = { ...valid(), id: 'taken', revision: 5 };
    await raw('records').set('taken', taken);
    const older = { ...valid(), id: 'taken', revision: 1 };
    await raw('quarantine').set('q1', { key: 'taken', raw: older, reason: 'written by a newer version', at: 10 });
    const { records, quarantined } = await store.list();
    expect(records).toEqual([taken]);
    expect(quarantined).toMatchObject([{ id: 'q1', key: 'taken', raw: older }]);
  });

  it('is quarantined when loaded by id, and get returns nothing', async () => {
    const store = await open();
    const data = { ...valid(), revision: 'two' };
    await raw('records').set('bad', data);
    expect(await store.get('bad')).toBeUndefined();
    expect((await store.list()).quarantined).toMatchObject([{ key: 'bad', raw: data }]);
  });

  it('is never saved over: it is set aside first and the save reports a conflict with nothing current', async () => {
    const store = await open();
    const data = { ...valid(), revision: 'two', extra: 'v2' };
    await raw('records').set('bad', data);
    const ours = { ...newRecord(named('ours'), 'quang-ninh'), id: 'bad' };
    expect(await store.put(ours, 2)).toEqual({ ok: false, reason: 'conflict', current: undefined });
    expect((await store.list()).quarantined).toMatchObject([{ key: 'bad', raw: data }]);
    expect(saved(await store.put(ours, null)).scenario.meta.name).toBe('ours');
  });

  it('stays in place and is still reported when it cannot be set aside', async () => {
    const store = await open();
    await raw('records').set('bad', 'garbage');
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const { quarantined } = await store.list();
    expect(quarantined).toMatchObject([{ key: 'bad', raw: 'garbage' }]);
    expect(quarantined[0]?.reason).toMatch(/left in place/);
    expect(await raw('records').get('bad')).toBe('garbage');
  });

  it('are reported even when the quarantine entry itself is malformed', async () => {
    const store = await open();
    await raw('quarantine').set('q1', 42);
    expect((await store.list()).quarantined).toEqual([
      { id: 'q1', key: '', raw: 42, reason: 'an unreadable quarantine entry', at: 0 },
    ]);
  });
});

describe('migration', () => {
  const old = {
    schema: 0,
    uuid: 'f0e1d2c3-0000-4000-8000-000000000000',
    name: 'Cũ',
    data: clone(quangNinh.scenario),
    rev: 4,
  };
  // Schema 0 is made up: version 1 is the first released schema.
  const migrations: Migrations = {
    ...MIGRATIONS,
    0: (o) => ({
      id: o.uuid,
      templateId: 'quang-ninh',
      scenario: { ...(o.data as Scenario), meta: { ...(o.data as Scenario).meta, name: o.name } },
      createdAt: 0,
      updatedAt: 0,
      revision: o.rev,
    }),
  };

  it('reads an old record in the current schema and writes it back migrated', async () => {
    await raw('records').set(old.uuid, old);
    const store = await open({ migrations });
    const { records, quarantined } = await store.list();
    expect(quarantined).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ schema: SCHEMA_VERSION, id: old.uuid, revision: 4 });
    expect(records[0]?.scenario.meta.name).toBe('Cũ');
    expect(await raw('records').get(old.uuid)).toEqual(records[0]);
    expect(saved(await store.put(records[0]!, 4)).revision).toBe(5);
  });

  it('quarantines an old record for which no migration exists', async () => {
    await raw('records').set(old.uuid, old);
    const store = await open();
    const { records, quarantined } = await store.list();
    expect(records).toEqual([]);
    expect(quarantined).toMatchObject([{ key: old.uuid, raw: old, reason: 'no migration from schema 0' }]);
  });
});

describe('a failed write', () => {
  async function storeWithOneSave() {
    const store = await open();
    const first = await create(store, 'last saved');
    return { store, first, edit: { ...first, scenario: named('unsaved edit') } };
  }

  async function expectIntact(first: StoredScenario) {
    vi.restoreAllMocks();
    const other = await open();
    expect(await other.get(first.id)).toEqual(first);
    expect(saved(await other.put(first, first.revision)).revision).toBe(first.revision + 1);
  }

  it.each([
    ['a QuotaExceededError', new DOMException('Quota exceeded', 'QuotaExceededError'), 'quota'],
    ['an error with the legacy quota code 22', Object.assign(new Error('full'), { code: 22 }), 'quota'],
    ['any other error', new DOMException('could not clone', 'DataCloneError'), 'failed'],
  ])('reports %s as %s and leaves the last saved version intact', async (_what, error, reason) => {
    const { store, first, edit } = await storeWithOneSave();
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(() => {
      throw error;
    });
    expect(await store.put(edit, 1)).toEqual({ ok: false, reason, message: error.message });
    await expectIntact(first);
  });

  it('reports quota when the write request fails later and aborts the transaction', async () => {
    const { store, first, edit } = await storeWithOneSave();
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore) {
      // fake-indexeddb internals: a request whose operation fails, as a full disk fails a write in Firefox.
      const tx = this.transaction as unknown as {
        _execRequestAsync(request: { operation: () => never; source: IDBObjectStore }): IDBRequest<IDBValidKey>;
      };
      return tx._execRequestAsync({
        operation: () => {
          throw new DOMException('Quota exceeded', 'QuotaExceededError');
        },
        source: this,
      });
    });
    expect(await store.put(edit, 1)).toMatchObject({ ok: false, reason: 'quota' });
    await expectIntact(first);
  });

  it('reports failed when the transaction is aborted after the write', async () => {
    const { store, first, edit } = await storeWithOneSave();
    const put = FakeObjectStore.prototype.put;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value, key) {
      const request = put.call(this, value, key);
      this.transaction.abort();
      return request;
    });
    expect(await store.put(edit, 1)).toMatchObject({ ok: false, reason: 'failed' });
    await expectIntact(first);
  });
});

describe('without usable IndexedDB', () => {
  async function expectWorkingMemoryStore(store: ScenarioStore) {
    expect(store.kind).toBe('memory');
    const first = await create(store, 'A');
    expect(await store.get(first.id)).toEqual(first);
    expect((await store.list()).records).toEqual([first]);
  }

  it('uses memory when the browser has no indexedDB', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await expectWorkingMemoryStore(await openScenarioStore());
  });

  it('uses memory when reading the indexedDB global throws', async () => {
    Object.defineProperty(globalThis, 'indexedDB', {
      configurable: true,
      get: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      await expectWorkingMemoryStore(await openScenarioStore());
    } finally {
      Reflect.deleteProperty(globalThis, 'indexedDB');
    }
  });

  it('uses memory when open() throws', async () => {
    const throwing = {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    await expectWorkingMemoryStore(await open({ indexedDB: throwing }));
  });

  it('reads what is saved, read-only, when the test write fails on a full disk', async () => {
    const before = await open();
    const good = await create(before, 'good');
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const store = await open();
    expect(store.kind).toBe('readonly');
    expect((await store.list()).records).toEqual([good]);
    expect(await store.get(good.id)).toEqual(good);
    expect(await store.put(newRecord(named('more'), 'quang-ninh'), null)).toMatchObject({ ok: false, reason: 'quota' });
  });

  it('uses memory when IndexedDB neither writes nor reads', async () => {
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    vi.spyOn(FakeObjectStore.prototype, 'get').mockImplementation(() => {
      throw new DOMException('Broken', 'UnknownError');
    });
    await expectWorkingMemoryStore(await open());
  });

  it('uses memory when opening never finishes', async () => {
    const hanging = { open: () => ({}) } as unknown as IDBFactory;
    await expectWorkingMemoryStore(await open({ indexedDB: hanging, timeoutMs: 20 }));
  });
});

describe('records of a newer version', () => {
  const newer = () => ({
    ...clone({ ...newRecord(named('Từ bản mới'), 'quang-ninh', 1000), id: 'next', revision: 7 }),
    schema: SCHEMA_VERSION + 97,
    updatedAt: 9000,
    somethingNew: { kept: true },
  });

  it('are listed as they are, never moved, rewritten or offered as damaged', async () => {
    const store = await open();
    const good = await create(store, 'good');
    const data = newer();
    await raw('records').set('next', data);
    for (let k = 0; k < 2; k++) {
      const listed = await store.list();
      expect(listed.records).toEqual([good]);
      expect(listed.quarantined).toEqual([]);
      expect(listed.newer).toEqual([{ id: 'next', schema: SCHEMA_VERSION + 97, name: 'Từ bản mới', updatedAt: 9000 }]);
    }
    expect(await raw('records').get('next')).toEqual(data);
    expect(await raw('quarantine').entries()).toEqual([]);
  });

  it('cannot be opened here and stays in place when asked for by id', async () => {
    const store = await open();
    const data = newer();
    await raw('records').set('next', data);
    expect(await store.get('next')).toBeUndefined();
    expect(await raw('records').get('next')).toEqual(data);
    expect((await store.list()).quarantined).toEqual([]);
  });

  it('is never saved over, whatever revision the save expects', async () => {
    const store = await open();
    const data = newer();
    await raw('records').set('next', data);
    const ours = { ...newRecord(named('ours'), 'quang-ninh'), id: 'next' };
    expect(await store.put(ours, 7)).toEqual({ ok: false, reason: 'conflict', current: undefined });
    expect(await store.put(ours, null)).toEqual({ ok: false, reason: 'conflict', current: undefined });
    expect(await raw('records').get('next')).toEqual(data);
  });

  it('set aside by an older release, goes back to its place exactly as written', async () => {
    const store = await open();
    const data = newer();
    await raw('quarantine').set('q1', { key: 'next', raw: data, reason: 'written by a newer version', at: 10 });
    const listed = await store.list();
    expect(listed.quarantined).toEqual([]);
    expect(listed.newer.map((n) => n.id)).toEqual(['next']);
    expect(await raw('records').get('next')).toEqual(data);
    expect(await raw('quarantine').get('q1')).toBeUndefined();
  });

  it('shows no name that does not look like one', async () => {
    const store = await open();
    await raw('records').set('odd', { schema: SCHEMA_VERSION + 1, id: 'odd', scenario: { meta: { name: 42 } } });
    expect((await store.list()).newer).toEqual([
      { id: 'odd', schema: SCHEMA_VERSION + 1, name: undefined, updatedAt: undefined },
    ]);
  });
});
