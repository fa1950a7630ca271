// Runs in headless Chromium (bench/library-list.ts): the storage layer on the browser's own IndexedDB.
import { newRecord, openScenarioStore, recordSummary } from '../../src/storage';
import { quangNinh } from '../../src/templates/quang-ninh';

declare global {
  interface Window {
    /**
     * Milliseconds of each first list (the listings) and each full list (records read, validated, with their list
     * figures) of `count` saved scenarios, seeded first.
     */
    benchList?: (count: number, runs: number) => Promise<{ listings: number[]; full: number[] }>;
  }
}

window.benchList = async (count, runs) => {
  const store = await openScenarioStore({ name: `bench-${count}-${Date.now()}` });
  if (store.kind !== 'indexeddb') throw new Error(`the benchmark needs IndexedDB, got ${store.kind}`);
  for (let k = 0; k < count; k++) {
    const meta = { ...quangNinh.scenario.meta, name: `Kịch bản ${k}` };
    const result = await store.put(newRecord({ ...quangNinh.scenario, meta }, quangNinh.id), null);
    if (!result.ok) throw new Error(`seeding failed: ${result.reason}`);
  }
  const listings: number[] = [];
  for (let r = 0; r < runs + 2; r++) {
    const start = performance.now();
    const listed = await store.listings();
    const ms = performance.now() - start;
    if (listed.length !== count) throw new Error('benchmark listings failed');
    if (r >= 2) listings.push(ms);
  }
  const full: number[] = [];
  for (let r = 0; r < runs + 2; r++) {
    const start = performance.now();
    const { records } = await store.list();
    let shares = 0;
    for (const record of records) shares += recordSummary(record).share ?? 0;
    const ms = performance.now() - start;
    if (records.length !== count || !(shares > 0)) throw new Error('benchmark list failed');
    // The first two are warm-up, as in the Node benchmark.
    if (r >= 2) full.push(ms);
  }
  return { listings, full };
};
