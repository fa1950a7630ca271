import { IDBFactory } from 'fake-indexeddb';
import { newRecord, openScenarioStore, recordSummary, type PutResult, type StoredScenario } from '../src/storage';
import { quangNinh } from '../src/templates/quang-ninh';
import { quantile } from './timing';

const SAVES = 200;
const LOADS = 200;
const LISTED = 1000;
const LISTS = 15;
const WHERE = 'Storage (fake-indexeddb in Node)';

const row = (...cols: string[]): string => `| ${cols.join(' | ')} |`;
const ms = (ns: number): string => (ns / 1e6).toFixed(3);

function saved(result: PutResult): StoredScenario {
  if (!result.ok) throw new Error(`benchmark save failed: ${JSON.stringify(result)}`);
  return result.record;
}

// Nanoseconds of each of `runs` awaited calls, after `warmup` untimed ones.
async function eachAwait(fn: () => Promise<void>, runs: number, warmup: number): Promise<Float64Array> {
  for (let k = 0; k < warmup; k++) await fn();
  const ns = new Float64Array(runs);
  for (let k = 0; k < runs; k++) {
    const start = process.hrtime.bigint();
    await fn();
    ns[k] = Number(process.hrtime.bigint() - start);
  }
  return ns;
}

/** Times saving, loading and listing scenarios through the storage layer; returns rows of the README table. */
export async function benchStorage(): Promise<string[]> {
  const store = await openScenarioStore({ indexedDB: new IDBFactory() });
  if (store.kind !== 'indexeddb') throw new Error('the benchmark needs the IndexedDB store, got the memory one');
  let record = saved(await store.put(newRecord(quangNinh.scenario, quangNinh.id), null));

  const puts = await eachAwait(
    async () => {
      record = saved(await store.put(record, record.revision));
    },
    SAVES,
    20,
  );
  const gets = await eachAwait(
    async () => {
      if ((await store.get(record.id))?.revision !== record.revision) throw new Error('benchmark load failed');
    },
    LOADS,
    20,
  );

  for (let k = 1; k < LISTED; k++) {
    const meta = { ...quangNinh.scenario.meta, name: `Kịch bản ${k}` };
    saved(await store.put(newRecord({ ...quangNinh.scenario, meta }, quangNinh.id), null));
  }
  // What the library pays to list: every record read and validated, and each one's list summary.
  const lists = await eachAwait(
    async () => {
      const { records, quarantined } = await store.list();
      if (records.length !== LISTED || quarantined.length > 0) throw new Error('benchmark list failed');
      // Saved records carry their summary: none of them should need a model built here.
      if (!records.every((r) => r.summary)) throw new Error('benchmark records lack their summary');
      if (records.map(recordSummary).some((s) => s.share === undefined)) throw new Error('benchmark summary failed');
    },
    LISTS,
    2,
  );

  // What the library panel shows first: the listings kept beside the records, each validated.
  const listings = await eachAwait(
    async () => {
      const listed = await store.listings();
      if (listed.length !== LISTED || listed.some((l) => l.summary.share === undefined))
        throw new Error('benchmark listings failed');
    },
    LISTS,
    2,
  );

  return [
    row(`${WHERE}: save one scenario (\`put\`), ms, median of ${SAVES}`, ms(quantile(puts, 0.5)), '', '', '', ''),
    row(`${WHERE}: load one scenario (\`get\`), ms, median of ${LOADS}`, ms(quantile(gets, 0.5)), '', '', '', ''),
    row(
      `${WHERE}: \`list\` of ${LISTED.toLocaleString('en-US')} saved scenarios with each one's list summary (share, target year, met), ms, median of ${LISTS}`,
      ms(quantile(lists, 0.5)),
      '',
      '',
      '',
      '',
    ),
    row(
      `${WHERE}: the library's first list of ${LISTED.toLocaleString('en-US')} saved scenarios from their listings (\`listings\`: name, time, share, target year, met), ms, median of ${LISTS}`,
      ms(quantile(listings, 0.5)),
      '',
      '',
      '≤ 30 ms',
      quantile(listings, 0.5) <= 30e6 ? 'yes' : '**no**',
    ),
  ];
}
