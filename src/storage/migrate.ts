import type { Migrations } from './record';

/** Whether data is a plain object (not null, not an array), as stored records are. */
export const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Stored data brought to the current schema, with the schema it was stored in; or why it cannot be. */
export type Migrated =
  { ok: true; data: Record<string, unknown>; from: number } | { ok: false; reason: string; newer?: number };

/**
 * Reads the schema version of unknown stored data and runs the migration steps from it up to `current`; never
 * throws. Data of a newer schema is refused with `newer` set: that version reads it, this one must leave it be.
 */
export function migrate(data: unknown, current: number, migrations: Migrations): Migrated {
  if (!isObject(data)) return { ok: false, reason: 'not an object' };
  const from = data.schema;
  if (typeof from !== 'number' || !Number.isSafeInteger(from) || from < 0) {
    return { ok: false, reason: 'no valid schema version' };
  }
  if (from > current) {
    const reads = `this version reads up to ${current}`;
    return { ok: false, reason: `written by a newer version of the app (schema ${from}; ${reads})`, newer: from };
  }
  let migrated = data;
  for (let schema = from; schema < current; schema++) {
    // Own steps only: a schema number never reaches the prototype's members.
    const step = Object.hasOwn(migrations, schema) ? migrations[schema] : undefined;
    if (!step) return { ok: false, reason: `no migration from schema ${schema}` };
    try {
      const next = step(migrated);
      if (!isObject(next)) return { ok: false, reason: `migration from schema ${schema} did not return an object` };
      migrated = { ...next, schema: schema + 1 };
    } catch (error) {
      return { ok: false, reason: `migration from schema ${schema} failed: ${String(error)}` };
    }
  }
  return { ok: true, data: migrated, from };
}
