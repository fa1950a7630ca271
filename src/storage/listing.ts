import * as v from 'valibot';
import { cleanText } from '../engine';
import { readListSummary, SCHEMA_VERSION, type ListSummary, type StoredScenario } from './record';

/**
 * What the library shows of a saved scenario before its record is read: kept beside the records as a cache written
 * with every save, so that a list of many scenarios appears without reading and checking each one. The records
 * stay the truth: the full list that follows replaces these and repairs any that are missing or out of date.
 */
export interface Listing {
  readonly schema: typeof SCHEMA_VERSION;
  readonly id: string;
  readonly name: string;
  readonly updatedAt: number;
  readonly revision: number;
  readonly baseYear: number;
  readonly horizon: number;
  readonly summary: ListSummary;
}

const Time = v.pipe(v.number(), v.finite(), v.minValue(0));
const Year = v.pipe(v.number(), v.safeInteger());

const Entry = v.strictObject({
  schema: v.literal(SCHEMA_VERSION),
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  name: v.pipe(v.string(), v.maxLength(200), v.transform(cleanText)),
  updatedAt: Time,
  revision: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  baseYear: Year,
  horizon: Year,
  summary: v.unknown(),
});

/** The listing of a record that carries its summary; undefined for one that does not (it is listed when read). */
export function listingOf(record: StoredScenario): Listing | undefined {
  const { summary, scenario } = record;
  if (!summary) return undefined;
  const { name, baseYear, horizon } = scenario.meta;
  const { id, updatedAt, revision } = record;
  return { schema: SCHEMA_VERSION, id, name, updatedAt, revision, baseYear, horizon, summary };
}

/** Reads a stored listing (unknown data) kept under key; undefined unless it is a valid one of this schema. */
export function readListing(key: IDBValidKey, data: unknown): Listing | undefined {
  const parsed = v.safeParse(Entry, data, { abortEarly: true });
  if (!parsed.success || parsed.output.id !== key) return undefined;
  const summary = readListSummary(parsed.output.summary, parsed.output);
  return summary && { ...parsed.output, summary };
}

/** Whether two listings hold the same (so a stored one needs no rewrite). */
export function isSameListing(a: Listing | undefined, b: Listing): boolean {
  if (!a) return false;
  const keys: (keyof ListSummary)[] = ['version', 'targetYear', 'share', 'met'];
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.updatedAt === b.updatedAt &&
    a.revision === b.revision &&
    a.baseYear === b.baseYear &&
    a.horizon === b.horizon &&
    keys.every((k) => Object.is(a.summary[k], b.summary[k]))
  );
}
