import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import { idbKeyVal } from './keyval';
import { listingOf, readListing } from './listing';
import { listSummary, newRecord, SCHEMA_VERSION, type StoredScenario } from './record';
import { databaseName, DEFAULT_NAME, openScenarioStore, type PutResult, type ScenarioStore } from './store';

const template = quangNinh2025.scenario;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function saved(result: PutResult): StoredScenario {
  if (!result.ok) throw new Error(`expected a save, got ${JSON.stringify(result)}`);
  return result.record;
}

async function setup(): Promise<{ factory: IDBFactory; store: ScenarioStore }> {
  const factory = new IDBFactory();
  const store = await openScenarioStore({ indexedDB: factory });
  return { factory, store };
}

const named = (name: string) => newRecord({ ...template, meta: { ...template.meta, name } }, quangNinh2025.id);
const raw = (factory: IDBFactory, part: 'records' | 'listing') => idbKeyVal(factory, databaseName(DEFAULT_NAME, part));

describe('the listings kept beside the records', () => {
  it('hold, after every save, the name, time, revision and list summary of the record as saved', async () => {
    const { store } = await setup();
    const first = saved(await store.put(named('A'), null));
    const second = saved(
      await store.put(
        { ...first, scenario: { ...first.scenario, meta: { ...first.scenario.meta, name: 'B' } } },
        first.revision,
      ),
    );
    const [listing, ...others] = await store.listings();
    expect(others).toEqual([]);
    expect(listing).toEqual(listingOf(second));
    expect(listing).toMatchObject({ id: second.id, name: 'B', revision: 2, updatedAt: second.updatedAt });
    expect(listing!.summary).toEqual(listSummary(clone(second.scenario)));
  });

  it('come newest first and lose the record’s listing when it is deleted', async () => {
    const { store } = await setup();
    const a = saved(await store.put(named('A'), null));
    await new Promise((r) => setTimeout(r, 2));
    const b = saved(await store.put(named('B'), null));
    expect((await store.listings()).map((l) => l.name)).toEqual(['B', 'A']);
    await store.remove(b.id);
    expect((await store.listings()).map((l) => l.id)).toEqual([a.id]);
  });

  it('gain the record an older version saved once the full list has read it', async () => {
    const { factory, store } = await setup();
    const old = { ...clone(named('Cũ')), schema: 4, revision: 1 } as Record<string, unknown>;
    delete old.summary;
    await raw(factory, 'records').set(old.id as string, old);
    expect(await store.listings()).toEqual([]);
    const { records } = await store.list();
    expect(records.map((r) => r.scenario.meta.name)).toEqual(['Cũ']);
    expect((await store.listings()).map((l) => [l.name, l.summary])).toEqual([['Cũ', records[0]!.summary]]);
  });

  it('are repaired by the full list when a record changed behind the app’s back, or went', async () => {
    const { factory, store } = await setup();
    const a = saved(await store.put(named('A'), null));
    const b = saved(await store.put(named('B'), null));
    const changed = {
      ...a,
      revision: a.revision + 1,
      scenario: { ...a.scenario, meta: { ...a.scenario.meta, name: 'A2' } },
    };
    await raw(factory, 'records').set(a.id, clone(changed));
    await raw(factory, 'records').del(b.id);
    expect((await store.listings()).map((l) => l.name).sort()).toEqual(['A', 'B']);
    await store.list();
    expect((await store.listings()).map((l) => [l.name, l.revision])).toEqual([['A2', a.revision + 1]]);
  });

  it('leave out any stored entry that is not a valid listing of this version, and clean hidden characters', async () => {
    const { factory, store } = await setup();
    const good = listingOf(saved(await store.put(named('Tốt'), null)))!;
    const entries: [string, unknown][] = [
      ['wrong-key', { ...good, id: 'other' }],
      ['older', { ...good, id: 'older', schema: SCHEMA_VERSION - 1 }],
      ['types', { ...good, id: 'types', updatedAt: 'yesterday' }],
      ['nan', { ...good, id: 'nan', revision: NaN }],
      ['summary', { ...good, id: 'summary', summary: { ...good.summary, version: 99 } }],
      ['year', { ...good, id: 'year', summary: { ...good.summary, targetYear: good.horizon + 1 } }],
      ['extra', { ...good, id: 'extra', owner: 'x' }],
      ['long', { ...good, id: 'long', name: 'x'.repeat(10_000) }],
      ['proto', JSON.parse(`{"__proto__": {"polluted": true}, "id": "proto"}`)],
      ['array', [good]],
      ['text', 'listing'],
      ['null', null],
    ];
    for (const [key, value] of entries) await raw(factory, 'listing').set(key, value);
    await raw(factory, 'listing').set('bidi', { ...good, id: 'bidi', name: 'Kế\u202Ehoạch' });
    const listings = await store.listings();
    expect(listings.map((l) => l.id).sort()).toEqual(['bidi', good.id].sort());
    expect(listings.find((l) => l.id === 'bidi')!.name).toBe('Kếhoạch');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const [key, value] of entries) expect(readListing(key, value), key).toBeUndefined();
  });
});
