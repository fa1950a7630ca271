import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { idbKeyVal } from '../storage/keyval';
import { MemoryStorage } from '../storage/memory-storage';
import { databaseName, DEFAULT_NAME } from '../storage/store';
import { memoryStore, openJournal, openScenarioStore, SCHEMA_VERSION, type ScenarioStore } from '../storage';
import { Library } from './library.svelte';
import { LocaleState } from './locale.svelte';

// A browser tab: a Library on a shared fake IndexedDB, with the tab's own sessionStorage and the shared localStorage.
async function tab(
  factory: IDBFactory,
  local: MemoryStorage,
  session = new MemoryStorage(),
  hash = '',
): Promise<{ library: Library; store: ScenarioStore; session: MemoryStorage }> {
  const store = await openScenarioStore({ indexedDB: factory });
  const library = new Library(new LocaleState('?lang=vi'), { showHistory: true, journal: openJournal(local, session) });
  await library.init(hash, store);
  return { library, store, session };
}

const journalKeys = (local: MemoryStorage) =>
  Array.from({ length: local.length }, (_, i) => local.key(i)!).filter((k) => k.startsWith('grdp-scenarios.unsaved.'));

async function storedGrowth(store: ScenarioStore, id: string, year: number) {
  const row = (await store.get(id))?.scenario.rows.find((r) => r.id === 'manufacturing');
  return row?.kind === 'sector' ? row.growth[year] : undefined;
}

describe('the journal of unsaved edits', () => {
  it('copies an edit synchronously and clears it once IndexedDB holds it', async () => {
    const local = new MemoryStorage();
    const { library, store } = await tab(new IDBFactory(), local);
    library.document.doc!.sheet.setCellText('manufacturing.growth', 2027, '31', 'vi');
    expect(journalKeys(local)).toHaveLength(1);
    await library.document.flush();
    expect(journalKeys(local)).toHaveLength(0);
    expect(await storedGrowth(store, library.document.doc!.record!.id, 2027)).toBeCloseTo(0.31, 12);
    library.close();
  });

  it('stores the last edit of a tab that closed before saving it, on the next start of that tab', async () => {
    const factory = new IDBFactory();
    const local = new MemoryStorage();
    const first = await tab(factory, local);
    const id = first.library.document.doc!.record!.id;
    first.library.document.doc!.sheet.setCellText('manufacturing.growth', 2027, '33', 'vi');
    // The tab goes away before the 400 ms autosave: nothing reached IndexedDB.
    first.library.close();
    expect(await storedGrowth(first.store, id, 2027)).toBeCloseTo(0.2, 12);

    const again = await tab(factory, local, first.session);
    expect(await storedGrowth(again.store, id, 2027)).toBeCloseTo(0.33, 12);
    expect(again.library.records).toHaveLength(1);
    expect(again.library.document.doc!.sheet.inputAt('manufacturing.growth', 2027)).toBeCloseTo(0.33, 12);
    expect(journalKeys(local)).toHaveLength(0);
    again.library.close();
  });

  it('keeps both when the record changed since: the recovered edits become a copy', async () => {
    const factory = new IDBFactory();
    const local = new MemoryStorage();
    const first = await tab(factory, local);
    const record = first.library.document.doc!.record!;
    first.library.document.doc!.sheet.setCellText('manufacturing.growth', 2027, '33', 'vi');
    first.library.close();
    // Another tab saved the same scenario meanwhile.
    await first.store.put(
      { ...record, scenario: { ...record.scenario, meta: { ...record.scenario.meta, unit: 'x' } } },
      1,
    );

    const again = await tab(factory, local, first.session);
    const names = again.library.records.map((r) => r.scenario.meta.name).sort();
    expect(names).toEqual(['Kế hoạch', 'Kế hoạch (khôi phục)']);
    expect(again.library.notice).toMatchObject({ key: 'library.recovered', args: { count: 1 } });
    expect(await storedGrowth(again.store, record.id, 2027)).toBeCloseTo(0.2, 12);
    again.library.close();
  });

  it('leaves a young entry of another open tab alone, and waits when only memory is there', async () => {
    const factory = new IDBFactory();
    const local = new MemoryStorage();
    const first = await tab(factory, local);
    first.library.document.doc!.sheet.setCellText('manufacturing.growth', 2027, '33', 'vi');
    const other = await tab(factory, local);
    expect(other.library.records.map((r) => r.scenario.meta.name)).toEqual(['Kế hoạch']);
    expect(journalKeys(local)).toHaveLength(1);

    const memory = new Library(new LocaleState('?lang=vi'), {
      showHistory: true,
      journal: openJournal(local, first.session),
    });
    await memory.init('', memoryStore());
    expect(journalKeys(local)).toHaveLength(1);
    first.library.close();
    other.library.close();
    memory.close();
  });
});

describe('replacing an unsaved scenario', () => {
  async function linkTab() {
    const factory = new IDBFactory();
    const sender = await tab(factory, new MemoryStorage());
    const fragment = (await sender.library.document.shareFragment())!;
    sender.library.close();
    const receiver = await tab(new IDBFactory(), new MemoryStorage(), new MemoryStorage(), `#${fragment}`);
    await receiver.library.create('quang-ninh', 'trend');
    await receiver.library.document.openLink(fragment);
    receiver.library.document.doc!.sheet.setCellText('manufacturing.growth', 2027, '40', 'vi');
    return receiver;
  }

  it('asks before an edited link gives way, and stays when told to', async () => {
    const { library } = await linkTab();
    const opening = library.open(library.records[0]!.id);
    await expect.poll(() => library.document.asking).toBe(true);
    library.document.answer('stay');
    await opening;
    expect(library.document.doc!.record).toBeNull();
    expect(library.document.doc!.sheet.inputAt('manufacturing.growth', 2027)).toBeCloseTo(0.4, 12);
    library.close();
  });

  it('saves the edited link first when asked to, then opens the other scenario', async () => {
    const { library } = await linkTab();
    const target = library.records[0]!.id;
    const opening = library.open(target);
    await expect.poll(() => library.document.asking).toBe(true);
    library.document.answer('save');
    await opening;
    expect(library.document.doc!.record!.id).toBe(target);
    expect(library.records).toHaveLength(2);
    library.close();
  });

  it('lets the edited link go when told to', async () => {
    const { library } = await linkTab();
    const opening = library.open(library.records[0]!.id);
    await expect.poll(() => library.document.asking).toBe(true);
    library.document.answer('discard');
    await opening;
    expect(library.document.doc!.record).not.toBeNull();
    expect(library.records).toHaveLength(1);
    library.close();
  });

  it('opens a link without asking when the one open has no edits', async () => {
    const factory = new IDBFactory();
    const sender = await tab(factory, new MemoryStorage());
    const fragment = (await sender.library.document.shareFragment())!;
    const receiver = await tab(new IDBFactory(), new MemoryStorage(), new MemoryStorage(), `#${fragment}`);
    await receiver.library.create('quang-ninh', 'trend');
    expect(receiver.library.document.asking).toBe(false);
    expect(receiver.library.document.doc!.record).not.toBeNull();
    sender.library.close();
    receiver.library.close();
  });
});

describe('what is not this version’s to touch', () => {
  it('lists a newer version’s record, leaves it exactly as it is, and offers nothing to discard', async () => {
    const factory = new IDBFactory();
    const raw = idbKeyVal(factory, databaseName(DEFAULT_NAME, 'records'));
    const data = { schema: SCHEMA_VERSION + 1, id: 'next', scenario: { meta: { name: 'Từ bản mới' } }, updatedAt: 5 };
    await raw.set('next', data);
    const { library } = await tab(factory, new MemoryStorage());
    expect(library.newer).toEqual([{ id: 'next', schema: SCHEMA_VERSION + 1, name: 'Từ bản mới', updatedAt: 5 }]);
    expect(library.quarantined).toEqual([]);
    expect(await raw.get('next')).toEqual(data);
    library.close();
  });

  it('says that a link holding no scenario holds none, and opens the saved scenario', async () => {
    const factory = new IDBFactory();
    const { library } = await tab(factory, new MemoryStorage(), new MemoryStorage(), '#hello');
    expect(library.notice).toMatchObject({ key: 'link.error.empty', tone: 'error' });
    expect(library.document.doc!.record).not.toBeNull();
    library.close();
  });
});
