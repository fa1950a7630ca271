import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openScenarioStore, type ScenarioStore } from '../storage';
import { quangNinh } from '../templates/quang-ninh';
import { Library, parseExport } from './library.svelte';
import { LocaleState } from './locale.svelte';

// A "tab": its own Library and store handle on a shared fake IndexedDB.
async function tab(factory: IDBFactory, hash = ''): Promise<{ library: Library; store: ScenarioStore }> {
  const store = await openScenarioStore({ indexedDB: factory });
  const library = new Library(new LocaleState('?lang=vi'));
  await library.init(hash, store);
  return { library, store };
}

const growth = (library: Library, year: number) =>
  library.doc!.sheet.model.get('manufacturing.growth')!.values[year - 2023];

describe('Library', () => {
  it('creates the Plan scenario on a first visit and reopens it with its edits', async () => {
    const factory = new IDBFactory();
    const first = await tab(factory);
    expect(first.library.records.map((r) => r.scenario.meta.name)).toEqual(['Kế hoạch']);
    first.library.doc!.sheet.setCellText('manufacturing.growth', 2027, '31', 'vi');
    first.library.scheduleSave();
    await first.library.flush();
    expect(first.library.saveState).toBe('saved');
    first.library.close();

    const again = await tab(factory);
    expect(again.library.records).toHaveLength(1);
    expect(growth(again.library, 2027)).toBeCloseTo(0.31, 12);
    again.library.close();
  });

  it('keeps both edits when two tabs save the same scenario: the later one becomes a copy', async () => {
    const factory = new IDBFactory();
    const a = await tab(factory);
    const b = await tab(factory);
    // Tab A has an unsaved edit when tab B saves: B's save must not replace A's work.
    a.library.doc!.sheet.setCellText('manufacturing.growth', 2027, '40', 'vi');
    b.library.doc!.sheet.setCellText('services.growth', 2027, '5', 'vi');
    await b.library.flush();
    await a.library.flush();
    expect(a.library.notice?.key).toBe('library.conflict');
    const records = (await a.store.list()).records;
    expect(records).toHaveLength(2);
    const original = records.find((r) => r.scenario.meta.name === 'Kế hoạch')!;
    const copy = records.find((r) => r.scenario.meta.name !== 'Kế hoạch')!;
    expect(original.scenario.rows.find((r) => r.id === 'services')).toMatchObject({ growth: { 2027: 0.05 } });
    expect(copy.scenario.rows.find((r) => r.id === 'manufacturing')).toMatchObject({ growth: { 2027: 0.4 } });
    expect(a.library.doc!.record!.id).toBe(copy.id);
    a.library.close();
    b.library.close();
  });

  it('follows a save made in another tab when it has nothing unsaved', async () => {
    const factory = new IDBFactory();
    const a = await tab(factory);
    const b = await tab(factory);
    b.library.doc!.sheet.setCellText('services.growth', 2027, '5', 'vi');
    await b.library.flush();
    await expect.poll(() => a.library.doc!.sheet.inputAt('services.growth', 2027)).toBeCloseTo(0.05, 12);
    a.library.close();
    b.library.close();
  });

  it('opens a share link unsaved, with the same numbers, and saves it on request', async () => {
    const sender = await tab(new IDBFactory());
    sender.library.doc!.sheet.setCellText('manufacturing.growth', 2026, '27', 'vi');
    const fragment = await sender.library.shareFragment();
    const receiver = await tab(new IDBFactory(), `#${fragment}`);
    expect(receiver.library.doc!.record).toBeNull();
    expect(receiver.library.saveState).toBe('shared');
    expect(receiver.library.records).toHaveLength(0);
    expect(receiver.library.doc!.sheet.scenario).toEqual(sender.library.doc!.sheet.scenario);
    await receiver.library.saveShared();
    expect(receiver.library.records).toHaveLength(1);
    expect(receiver.library.doc!.record).not.toBeNull();
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
    expect(broken.library.doc!.record!.id).toBe(before[0]!.id);
    expect((await broken.store.list()).records).toEqual(before);
    broken.library.close();
  });

  it('imports an export, asks before replacing, and can keep both', async () => {
    const source = await tab(new IDBFactory());
    source.library.doc!.sheet.setCellText('manufacturing.growth', 2027, '24', 'vi');
    await source.library.flush();
    const file = source.library.exportJson();
    const target = await tab(new IDBFactory());
    await target.library.importText(file);
    expect(target.library.records).toHaveLength(2);
    await target.library.importText(file);
    expect(target.library.importConflicts).toHaveLength(1);
    await target.library.resolveImport(target.library.importConflicts[0]!, 'both');
    expect(target.library.records).toHaveLength(3);
    await target.library.importText(file);
    await target.library.resolveImport(target.library.importConflicts[0]!, 'skip');
    expect(target.library.records).toHaveLength(3);
    source.library.close();
    target.library.close();
  });

  it('deletes with undo and opens another scenario when the open one is deleted', async () => {
    const { library } = await tab(new IDBFactory());
    await library.create(quangNinh.id, 'cautious');
    const cautious = library.doc!.record!;
    await library.remove(cautious.id);
    expect(library.records.map((r) => r.scenario.meta.name)).toEqual(['Kế hoạch']);
    expect(library.doc!.record!.id).not.toBe(cautious.id);
    await library.undoDelete();
    expect(library.records.map((r) => r.scenario.meta.name).sort()).toEqual(['Kế hoạch', 'Thận trọng']);
    library.close();
  });
});

describe('parseExport', () => {
  it.each([
    ['not JSON', '{', 'notJson'],
    ['another file', '{"hello": 1}', 'notExport'],
    ['a future version', '{"format": "grdp-scenarios", "version": 9, "scenarios": []}', 'version'],
    ['too large', 'x'.repeat(20_000_001), 'tooLarge'],
  ])('refuses %s', (_what, text, error) => {
    expect(parseExport(text)).toEqual({ ok: false, error });
  });

  it('counts invalid records instead of importing them', () => {
    const text = JSON.stringify({ format: 'grdp-scenarios', version: 1, scenarios: [{ id: 'x' }, null, 5] });
    expect(parseExport(text)).toEqual({ ok: true, valid: [], invalid: 3 });
  });
});
