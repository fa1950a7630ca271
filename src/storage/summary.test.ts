import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { evaluate, withInput, type Scenario } from '../engine';
import { applyPreset, TEMPLATES } from '../templates';
import { quangNinh2025 } from '../templates/quang-ninh-2025';
import { idbKeyVal } from './keyval';
import {
  listSummary,
  newRecord,
  readRecord,
  recordSummary,
  SCHEMA_VERSION,
  SUMMARY_VERSION,
  type StoredScenario,
} from './record';
import { databaseName, DEFAULT_NAME, openScenarioStore, type PutResult } from './store';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const template = quangNinh2025.scenario;

// The list figures of a fresh evaluation: a copy of the scenario is a new object, so no remembered evaluation serves.
function fresh(scenario: Scenario) {
  const final = evaluate(clone(scenario))?.headline.finalShareTarget;
  return { targetYear: final?.year, share: final?.value, met: final?.met };
}
const figures = ({ targetYear, share, met }: { targetYear?: number; share?: number; met?: boolean }) => ({
  targetYear,
  share,
  met,
});

function saved(result: PutResult): StoredScenario {
  if (!result.ok) throw new Error(`expected a save, got ${JSON.stringify(result)}`);
  return result.record;
}

// Every manufacturing growth rate of the projection set to one rate.
function withGrowth(scenario: Scenario, rate: number | string): Scenario {
  let s = scenario;
  for (let year = s.meta.baseYear + 1; year <= s.meta.horizon; year++)
    s = withInput(s, 'manufacturing.growth', year, rate);
  return s;
}

const EDITED: [string, Scenario][] = [
  ['a scenario that meets its 2030 share', withGrowth(template, 0.4)],
  ['a scenario that misses it', withGrowth(template, 0.01)],
  ['a scenario whose share is an error in the target year', withInput(template, 'manufacturing.growth', 2030, '=1/0')],
  ['a scenario without share targets', { ...template, rows: template.rows.filter((r) => r.kind !== 'target') }],
];

describe('the list summary stored with a record', () => {
  it.each(
    TEMPLATES.flatMap((t) =>
      [undefined, ...t.presets].map((p): [string, Scenario] => [
        `${t.id}${p ? ` (${p.id})` : ''}`,
        applyPreset(t, p, 'Kịch bản'),
      ]),
    ),
  )('equals a fresh computation for the template %s', async (_what, scenario) => {
    const store = await openScenarioStore({ indexedDB: new IDBFactory() });
    const record = saved(await store.put(newRecord(scenario, 'quang-ninh-2025'), null));
    expect(record.summary?.version).toBe(SUMMARY_VERSION);
    expect(figures(record.summary!)).toEqual(fresh(scenario));
    expect((await store.list()).records[0]!.summary).toEqual(record.summary);
  });

  it.each(EDITED)('equals a fresh computation for %s', async (_what, scenario) => {
    const store = await openScenarioStore({ indexedDB: new IDBFactory() });
    const record = saved(await store.put(newRecord(scenario, 'quang-ninh-2025'), null));
    expect(figures(record.summary!)).toEqual(fresh(scenario));
    expect((await store.get(record.id))?.summary).toEqual(record.summary);
  });

  it('covers every case the list shows: met, missed, an error, no target', () => {
    const seen = EDITED.map(([, s]) => fresh(s));
    expect(seen[0]).toMatchObject({ targetYear: 2030, met: true });
    expect(seen[1]).toMatchObject({ targetYear: 2030, met: false });
    expect(seen[2]).toEqual({ targetYear: 2030, share: undefined, met: undefined });
    expect(seen[3]).toEqual({ targetYear: undefined, share: undefined, met: undefined });
  });

  it('is computed afresh on every save, never taken from the record passed in', async () => {
    const store = await openScenarioStore({ indexedDB: new IDBFactory() });
    const first = saved(await store.put(newRecord(withGrowth(template, 0.4), 'quang-ninh-2025'), null));
    const missed = withGrowth(template, 0.01);
    const second = saved(await store.put({ ...first, scenario: missed }, first.revision));
    expect(first.summary?.met).toBe(true);
    expect(figures(second.summary!)).toEqual(fresh(missed));
    const forged: StoredScenario = {
      ...second,
      summary: { version: SUMMARY_VERSION, targetYear: 2030, share: 0.99, met: true },
    };
    expect(figures(saved(await store.put(forged, second.revision)).summary!)).toEqual(fresh(missed));
  });

  it('reads back from an export file as it was written', () => {
    const record = { ...newRecord(template, 'quang-ninh-2025', 5), summary: listSummary(template) };
    expect(readRecord(clone(record))).toEqual({ ok: true, record, migrated: false });
  });

  it('lists no figures, and does not throw, for a scenario whose model cannot be built', () => {
    const broken = { ...template, meta: { ...template.meta, focus: 'nowhere' } };
    expect(listSummary(broken)).toEqual({ version: SUMMARY_VERSION });
  });
});

describe('a stored summary that is not one of this version', () => {
  const stored = (summary: unknown) => ({
    ...clone(newRecord(withGrowth(template, 0.4), 'quang-ninh-2025', 1)),
    summary,
  });
  const valid = listSummary(withGrowth(template, 0.4));
  const many = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
  const cases: [string, unknown][] = [
    ['of another version', { ...valid, version: SUMMARY_VERSION + 1 }],
    ['of an earlier version', { ...valid, version: 0 }],
    ['without a version', { targetYear: 2030, share: 0.3, met: true }],
    ['with a share as text', { ...valid, share: '0.3' }],
    ['with a verdict as a number', { ...valid, met: 1 }],
    ['with a share that is not a number (NaN)', { ...valid, share: NaN }],
    ['with an infinite share', { ...valid, share: Infinity }],
    ['with a fractional year', { ...valid, targetYear: 2030.5 }],
    ['with a huge year', { ...valid, targetYear: 1e12 }],
    ['with a year outside the scenario', { ...valid, targetYear: 2045 }],
    ['with a share but no year', { version: SUMMARY_VERSION, share: 0.3 }],
    ['with a verdict but no share', { version: SUMMARY_VERSION, targetYear: 2030, met: true }],
    ['with a field it does not know', { ...valid, note: 'x' }],
    ['with a "__proto__" key', JSON.parse(`{"version":${SUMMARY_VERSION},"__proto__":{"share":0.99,"met":true}}`)],
    ['with a "constructor" key', { ...valid, constructor: { share: 0.99 } }],
    ['with 100,000 fields', { ...valid, ...many }],
    ['that is an array', [valid]],
    ['that is a text', JSON.stringify(valid)],
    ['that is null', null],
  ];

  it.each(cases)('is recomputed when it is one %s', (_what, summary) => {
    const result = readRecord(stored(summary));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.summary).toBeUndefined();
    expect(recordSummary(result.record)).toEqual(valid);
  });

  it.each(cases)('does not set the record aside when it is one %s', async (_what, summary) => {
    const factory = new IDBFactory();
    const store = await openScenarioStore({ indexedDB: factory });
    const data = stored(summary);
    await idbKeyVal(factory, databaseName(DEFAULT_NAME, 'records')).set(data.id, data);
    const { records, quarantined } = await store.list();
    expect(quarantined).toEqual([]);
    expect(records.map((r) => r.id)).toEqual([data.id]);
    expect(recordSummary(records[0]!)).toEqual(valid);
    // The next save stores a valid one.
    expect(saved(await store.put(records[0]!, records[0]!.revision)).summary).toEqual(valid);
  });

  it('is used as it is when it is one of this version that fits the scenario', () => {
    const result = readRecord(stored(valid));
    expect(result).toMatchObject({ ok: true, record: { summary: valid } });
  });
});

describe('a record saved before summaries (schema 4)', () => {
  const old = () => {
    const { summary: _, ...record } = clone(newRecord(withGrowth(template, 0.01), 'quang-ninh-2025', 1));
    return { ...record, schema: 4, revision: 2 };
  };

  it('reads as the current schema, without a summary, which is then computed', () => {
    const result = readRecord(old());
    expect(result).toMatchObject({ ok: true, migrated: true, record: { schema: SCHEMA_VERSION } });
    if (!result.ok) return;
    expect(result.record.summary).toBeUndefined();
    expect(figures(recordSummary(result.record))).toEqual(fresh(withGrowth(template, 0.01)));
  });

  it('is written back with the summary a fresh computation gives, and keeps it on the next save', async () => {
    const factory = new IDBFactory();
    const records = idbKeyVal(factory, databaseName(DEFAULT_NAME, 'records'));
    const data = old();
    await records.set(data.id, data);
    const store = await openScenarioStore({ indexedDB: factory });
    const [listed] = (await store.list()).records;
    expect(listed).toMatchObject({ schema: SCHEMA_VERSION, revision: 2 });
    expect(figures(listed!.summary!)).toEqual(fresh(withGrowth(template, 0.01)));
    expect(await records.get(data.id)).toEqual(listed);
    const again = saved(await store.put(listed!, 2));
    expect(again.summary).toEqual(listed!.summary);
  });
});
