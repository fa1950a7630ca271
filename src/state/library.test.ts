import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { evaluate, type Scenario } from '../engine';
import { openScenarioStore, SUMMARY_VERSION, type ScenarioStore, type StoredScenario } from '../storage';
import { quangNinh } from '../templates/quang-ninh';
import { Library } from './library.svelte';
import { LocaleState } from './locale.svelte';

// A "tab": its own Library and store handle on a shared fake IndexedDB.
async function tab(factory: IDBFactory, hash = ''): Promise<{ library: Library; store: ScenarioStore }> {
  const store = await openScenarioStore({ indexedDB: factory });
  const library = new Library(new LocaleState('?lang=vi'));
  await library.init(hash, store);
  return { library, store };
}

const growth = (library: Library, year: number) =>
  library.document.doc!.sheet.model.get('manufacturing.growth')!.values[
    year - library.document.doc!.sheet.model.baseYear
  ];

// A sector's growth in a year, as the store holds it.
async function storedGrowth(store: ScenarioStore, id: string, sector: string, year: number) {
  const row = (await store.get(id))?.scenario.rows.find((r) => r.id === sector);
  return row?.kind === 'sector' ? row.growth[year] : undefined;
}

describe('Library', () => {
  it('creates the Plan scenario on a first visit and reopens it with its edits', async () => {
    const factory = new IDBFactory();
    const first = await tab(factory);
    expect(first.library.records.map((r) => r.scenario.meta.name)).toEqual(['Kế hoạch']);
    first.library.document.doc!.sheet.setCellText('manufacturing.growth', 2027, '31', 'vi');
    await first.library.document.flush();
    expect(first.library.document.saveState).toBe('saved');
    first.library.close();

    const again = await tab(factory);
    expect(again.library.records).toHaveLength(1);
    expect(growth(again.library, 2027)).toBeCloseTo(0.31, 12);
    again.library.close();
  });

  it('opens the last scenario without waiting for the list of all saved ones', async () => {
    const factory = new IDBFactory();
    const first = await tab(factory);
    const id = first.library.document.doc!.record!.id;
    first.library.close();

    const store = await openScenarioStore({ indexedDB: factory });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow: ScenarioStore = { ...store, list: async () => (await held, store.list()) };
    const library = new Library(new LocaleState('?lang=vi'));
    const opening = library.init('', slow);
    await expect.poll(() => library.document.doc?.record?.id).toBe(id);
    expect(library.records).toEqual([]);
    release();
    await opening;
    expect(library.records.map((r) => r.id)).toEqual([id]);
    library.close();
  });

  it('lists the saved scenarios from their listings while the records are still being read', async () => {
    const factory = new IDBFactory();
    const first = await tab(factory);
    await first.library.create(quangNinh.id, undefined, 'Thứ hai');
    first.library.close();

    const store = await openScenarioStore({ indexedDB: factory });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const listings = await store.listings();
    const slow: ScenarioStore = { ...store, list: async () => (await held, store.list()) };
    const library = new Library(new LocaleState('?lang=vi'));
    const opening = library.init('', slow);
    await expect.poll(() => library.count).toBe(2);
    expect(library.records).toEqual([]);
    expect(library.listed.map((item) => [item.id, item.name, item.share])).toEqual(
      listings.map((l) => [l.id, l.name, l.summary.share]),
    );
    release();
    await opening;
    expect(library.records).toHaveLength(2);
    expect(library.listed.map((item) => [item.id, item.name, item.share])).toEqual(
      listings.map((l) => [l.id, l.name, l.summary.share]),
    );
    library.close();
  });

  it('saves an edit by itself shortly after it is made', async () => {
    const { library, store } = await tab(new IDBFactory());
    const id = library.document.doc!.record!.id;
    library.document.doc!.sheet.setCellText('manufacturing.growth', 2027, '31', 'vi');
    expect(library.document.dirty).toBe(true);
    expect(library.document.saveState).toBe('pending');
    await expect.poll(() => library.document.saveState).toBe('saved');
    expect(library.document.dirty).toBe(false);
    expect(await storedGrowth(store, id, 'manufacturing', 2027)).toBeCloseTo(0.31, 12);
    library.close();
  });

  it('keeps both edits when two tabs save the same scenario: the later one becomes a copy', async () => {
    const factory = new IDBFactory();
    const a = await tab(factory);
    const b = await tab(factory);
    // Tab A has an unsaved edit when tab B saves: B's save must not replace A's work.
    a.library.document.doc!.sheet.setCellText('manufacturing.growth', 2027, '40', 'vi');
    b.library.document.doc!.sheet.setCellText('services.growth', 2027, '5', 'vi');
    await b.library.document.flush();
    await a.library.document.flush();
    expect(a.library.notice?.key).toBe('library.conflict');
    const records = (await a.store.list()).records;
    expect(records).toHaveLength(2);
    const original = records.find((r) => r.scenario.meta.name === 'Kế hoạch')!;
    const copy = records.find((r) => r.scenario.meta.name !== 'Kế hoạch')!;
    expect(original.scenario.rows.find((r) => r.id === 'services')).toMatchObject({ growth: { 2027: 0.05 } });
    expect(copy.scenario.rows.find((r) => r.id === 'manufacturing')).toMatchObject({ growth: { 2027: 0.4 } });
    expect(a.library.document.doc!.record!.id).toBe(copy.id);
    a.library.close();
    b.library.close();
  });

  it('follows a save made in another tab when it has nothing unsaved', async () => {
    const factory = new IDBFactory();
    const a = await tab(factory);
    const b = await tab(factory);
    b.library.document.doc!.sheet.setCellText('services.growth', 2027, '5', 'vi');
    await b.library.document.flush();
    await expect.poll(() => a.library.document.doc!.sheet.inputAt('services.growth', 2027)).toBeCloseTo(0.05, 12);
    a.library.close();
    b.library.close();
  });

  it('opens a share link unsaved, with the same numbers, and saves it on request', async () => {
    const sender = await tab(new IDBFactory());
    sender.library.document.doc!.sheet.setCellText('manufacturing.growth', 2026, '27', 'vi');
    const fragment = await sender.library.document.shareFragment();
    const receiver = await tab(new IDBFactory(), `#${fragment}`);
    expect(receiver.library.document.doc!.record).toBeNull();
    expect(receiver.library.document.saveState).toBe('shared');
    expect(receiver.library.records).toHaveLength(0);
    expect(receiver.library.document.doc!.sheet.scenario).toEqual(sender.library.document.doc!.sheet.scenario);
    await receiver.library.document.saveShared();
    expect(receiver.library.records).toHaveLength(1);
    expect(receiver.library.document.doc!.record).not.toBeNull();
    sender.library.close();
    receiver.library.close();
  });

  it('reports a broken link and opens the saved scenario, untouched', async () => {
    const factory = new IDBFactory();
    const first = await tab(factory);
    const before = (await first.store.list()).records;
    first.library.close();
    const broken = await tab(factory, '#s1.zz.000000AAAA');
    expect(broken.library.notice).toMatchObject({ tone: 'error' });
    expect(broken.library.notice!.key).toMatch(/^link\.error\./);
    expect(broken.library.document.doc!.record!.id).toBe(before[0]!.id);
    expect((await broken.store.list()).records).toEqual(before);
    broken.library.close();
  });

  it('imports an export, asks before replacing, and can keep both', async () => {
    const source = await tab(new IDBFactory());
    source.library.document.doc!.sheet.setCellText('manufacturing.growth', 2027, '24', 'vi');
    await source.library.document.flush();
    const file = source.library.exportJson();
    const target = await tab(new IDBFactory());
    await target.library.imports.importText(file);
    expect(target.library.records).toHaveLength(2);
    await target.library.imports.importText(file);
    expect(target.library.imports.conflicts).toHaveLength(1);
    await target.library.imports.resolveImport(target.library.imports.conflicts[0]!, 'both');
    expect(target.library.records).toHaveLength(3);
    await target.library.imports.importText(file);
    await target.library.imports.resolveImport(target.library.imports.conflicts[0]!, 'skip');
    expect(target.library.records).toHaveLength(3);
    source.library.close();
    target.library.close();
  });

  it('deletes with undo and opens another scenario when the open one is deleted', async () => {
    const { library } = await tab(new IDBFactory());
    await library.create(quangNinh.id, 'cautious');
    const cautious = library.document.doc!.record!;
    await library.remove(cautious.id);
    expect(library.records.map((r) => r.scenario.meta.name)).toEqual(['Kế hoạch']);
    expect(library.document.doc!.record!.id).not.toBe(cautious.id);
    await library.undoDelete();
    expect(library.records.map((r) => r.scenario.meta.name).sort()).toEqual(['Kế hoạch', 'Thận trọng']);
    library.close();
  });
});

// A store whose writes can be made to fail, as when the disk is full.
function failable(inner: ScenarioStore): ScenarioStore & { failing: boolean } {
  const store = {
    failing: false,
    kind: inner.kind,
    list: () => inner.list(),
    listings: () => inner.listings(),
    get: (id: string) => inner.get(id),
    put: (record: Parameters<ScenarioStore['put']>[0], expected: number | null) =>
      store.failing
        ? Promise.resolve({ ok: false as const, reason: 'quota' as const, message: 'full' })
        : inner.put(record, expected),
    remove: (id: string) => inner.remove(id),
    removeQuarantined: (id: string) => inner.removeQuarantined(id),
    getSetting: (key: string) => inner.getSetting(key),
    setSetting: (key: string, value: unknown) => inner.setSetting(key, value),
    listTemplates: () => inner.listTemplates(),
    putTemplate: (template: Parameters<ScenarioStore['putTemplate']>[0]) => inner.putTemplate(template),
    getTemplate: (id: string, fingerprint: string) => inner.getTemplate(id, fingerprint),
    removeTemplateVersions: (id: string, keep?: readonly string[]) => inner.removeTemplateVersions(id, keep),
  };
  return store;
}

describe('Library never loses an edit', () => {
  async function setup() {
    const store = failable(await openScenarioStore({ indexedDB: new IDBFactory() }));
    const library = new Library(new LocaleState('?lang=vi'));
    await library.init('', store);
    return { library, store };
  }

  it('stays on a scenario whose save failed and exports its current state', async () => {
    const { library, store } = await setup();
    await library.create(quangNinh.id, 'cautious');
    const cautious = library.document.doc!.record!.id;
    store.failing = true;
    library.document.doc!.sheet.setCellText('manufacturing.growth', 2027, '31', 'vi');
    expect(await library.document.flush()).toBe(false);
    expect(library.document.saveState).toBe('failed');
    expect(library.notice).toMatchObject({ key: 'library.quota', tone: 'error' });
    const plan = library.records.find((r) => r.id !== cautious)!;
    await library.open(plan.id);
    expect(library.document.doc!.record!.id).toBe(cautious);
    const exported = JSON.parse(library.exportJson([cautious])) as { scenarios: { scenario: unknown }[] };
    expect(exported.scenarios[0]!.scenario).toEqual(library.document.doc!.sheet.scenario);
    store.failing = false;
    expect(await library.document.flush()).toBe(true);
    library.close();
  });

  it('saves the open scenario before deleting it, so undo brings back its last edits', async () => {
    const { library } = await setup();
    await library.create(quangNinh.id, 'trend');
    const id = library.document.doc!.record!.id;
    library.document.doc!.sheet.setCellText('manufacturing.growth', 2027, '31', 'vi');
    await library.remove(id);
    await library.undoDelete();
    await library.open(id);
    expect(growth(library, 2027)).toBeCloseTo(0.31, 12);
    library.close();
  });

  it('autosaves without closing the cell the planner is typing in', async () => {
    const { library } = await setup();
    const grid = library.document.doc!.grid;
    library.document.doc!.sheet.setCellText('services.growth', 2027, '7', 'vi');
    grid.select(
      library.document.doc!.sheet.rows.findIndex((r) => r.id === 'manufacturing.growth'),
      library.document.doc!.sheet.columns.findIndex((c) => c.year === 2027),
    );
    grid.startEdit('3');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(grid.editing).toBe(true);
    expect(grid.draft).toBe('3');
    expect(library.document.doc!.saved!.rows.find((r) => r.id === 'services')).toMatchObject({
      growth: { 2027: 0.07 },
    });
    library.close();
  });

  it('saves a draft once the grid commits it, and never commits it by itself', async () => {
    const { library, store } = await setup();
    const doc = library.document.doc!;
    const id = doc.record!.id;
    const grid = doc.grid;
    grid.select(
      doc.sheet.rows.findIndex((r) => r.id === 'manufacturing.growth'),
      doc.sheet.columns.findIndex((c) => c.year === 2027),
    );
    grid.startEdit('3');
    grid.draft = '33';
    // A draft being typed is the grid's, not the document's: not dirty, and a save leaves it open and unsaved.
    expect(library.document.dirty).toBe(false);
    expect(await library.document.flush()).toBe(true);
    expect(grid.editing).toBe(true);
    expect(grid.draft).toBe('33');
    expect(growth(library, 2027)).toBeCloseTo(0.2, 12);
    expect(await storedGrowth(store, id, 'manufacturing', 2027)).toBeCloseTo(0.2, 12);
    // What the Grid component does on blur and pagehide: the draft becomes an edit, which the document saves.
    grid.commit();
    expect(library.document.dirty).toBe(true);
    expect(await library.document.flush()).toBe(true);
    expect(growth(library, 2027)).toBeCloseTo(0.33, 12);
    expect(await storedGrowth(store, id, 'manufacturing', 2027)).toBeCloseTo(0.33, 12);
    expect(library.document.doc!.sheet.scenario === library.document.doc!.saved).toBe(true);
    library.close();
  });

  it('takes another tab’s save into the same sheet, keeping its undo history', async () => {
    const factory = new IDBFactory();
    const a = await tab(factory);
    const b = await tab(factory);
    const sheetA = a.library.document.doc!.sheet;
    const gridA = a.library.document.doc!.grid;
    b.library.document.doc!.sheet.setCellText('services.growth', 2027, '5', 'vi');
    await b.library.document.flush();
    await expect.poll(() => sheetA.inputAt('services.growth', 2027)).toBeCloseTo(0.05, 12);
    expect(a.library.document.doc!.sheet).toBe(sheetA);
    expect(a.library.document.doc!.grid).toBe(gridA);
    expect(sheetA.canUndo).toBe(true);
    a.library.close();
    b.library.close();
  });

  it('leaves a cell being typed in alone when another tab saves: the later save keeps both as a copy', async () => {
    const factory = new IDBFactory();
    const a = await tab(factory);
    const b = await tab(factory);
    const doc = a.library.document.doc!;
    doc.grid.select(
      doc.sheet.rows.findIndex((r) => r.id === 'manufacturing.growth'),
      doc.sheet.columns.findIndex((c) => c.year === 2027),
    );
    doc.grid.startEdit('44');
    b.library.document.doc!.sheet.setCellText('services.growth', 2027, '5', 'vi');
    await b.library.document.flush();
    // Long enough for the message from tab B to arrive and be acted on.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(doc.sheet.inputAt('services.growth', 2027)).toBeCloseTo(0.12, 12);
    doc.grid.commit();
    await a.library.document.flush();
    const names = a.library.records.map((r) => r.scenario.meta.name).sort();
    expect(names).toHaveLength(2);
    expect(a.library.document.doc!.sheet.inputAt('manufacturing.growth', 2027)).toBeCloseTo(0.44, 12);
    a.library.close();
    b.library.close();
  });

  it('saves a shared scenario once, however often the button is pressed', async () => {
    const sender = await tab(new IDBFactory());
    const fragment = await sender.library.document.shareFragment();
    const receiver = await tab(new IDBFactory(), `#${fragment}`);
    const results = await Promise.all([receiver.library.document.saveShared(), receiver.library.document.saveShared()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(receiver.library.records).toHaveLength(1);
    sender.library.close();
    receiver.library.close();
  });

  it('keeps the choices from one imported file open while another file is imported', async () => {
    const source = await tab(new IDBFactory());
    await source.library.create(quangNinh.id, 'trend');
    const [first, second] = source.library.records.map((r) => r.id);
    const fileA = source.library.exportJson([first!]);
    const fileB = source.library.exportJson([second!]);
    const target = await tab(new IDBFactory());
    await target.library.imports.importText(fileA);
    await target.library.imports.importText(fileB);
    await target.library.imports.importText(fileA);
    await target.library.imports.importText(fileB);
    await target.library.imports.importText(fileA);
    expect(target.library.imports.conflicts.map((c) => c.incoming.id).sort()).toEqual([first, second].sort());
    source.library.close();
    target.library.close();
  });
});

// Writes a value straight into the records database, as an earlier version, a bug or another app might.
async function plant(factory: IDBFactory, key: string, value: unknown): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = factory.open('grdp-scenarios-records');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(db.objectStoreNames[0]!, 'readwrite');
    tx.objectStore(db.objectStoreNames[0]!).put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

describe('damaged records', () => {
  it('are listed, exported with their raw data and dismissed only on request', async () => {
    const factory = new IDBFactory();
    const { library, store } = await tab(factory);
    // Write a damaged record straight into the records database, as a bug or another app might.
    await plant(factory, 'bad', { schema: 1, id: 'bad', scenario: 'garbage' });
    library.close();
    // The next visit finds it: set aside and reported, the good scenario still listed.
    const next = await tab(factory);
    expect(next.library.quarantined).toHaveLength(1);
    expect(next.library.records.map((r) => r.scenario.meta.name)).toEqual(['Kế hoạch']);
    expect(next.library.exportQuarantined()).toContain('garbage');
    expect((await store.list()).quarantined).toHaveLength(1);
    await next.library.dismissQuarantined();
    expect(next.library.quarantined).toHaveLength(0);
    expect((await store.list()).quarantined).toHaveLength(0);
    next.library.close();
  });
});

describe('the list figures', () => {
  it('are the same for a record with its stored summary, without one, and with a forged one', async () => {
    const factory = new IDBFactory();
    const first = await tab(factory);
    first.library.document.doc!.sheet.setCellText('manufacturing.growth', 2028, '45', 'vi');
    await first.library.document.flush();
    const [record] = (await first.store.list()).records;
    expect(record?.summary).toBeDefined();
    first.library.close();
    const { summary: _, ...without } = JSON.parse(JSON.stringify(record)) as StoredScenario;
    await plant(factory, 'without', { ...without, id: 'without' });
    await plant(factory, 'forged', {
      ...without,
      id: 'forged',
      summary: { version: SUMMARY_VERSION + 1, targetYear: 2030, share: 0.99, met: !record!.summary!.met },
    });
    const { library } = await tab(factory);
    const final = evaluate(JSON.parse(JSON.stringify(record!.scenario)) as Scenario)!.headline.finalShareTarget!;
    const expected = { targetYear: final.year, share: final.value, met: final.met };
    expect(expected.share).toBeGreaterThan(0);
    expect(library.listed).toHaveLength(3);
    for (const item of library.listed) {
      expect({ targetYear: item.targetYear, share: item.share, met: item.met }, item.id).toEqual(expected);
    }
    library.close();
  });
});
