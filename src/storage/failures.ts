import * as v from 'valibot';
import type { KeyVal } from './keyval';
import { randomId } from './record';

/** A stored value that could not be read, kept aside with its raw data and the reason. */
export interface Quarantined {
  /** Its key in the quarantine store, for removeQuarantined. */
  readonly id: string;
  /** Its key where it was stored. */
  readonly key: string;
  readonly raw: unknown;
  readonly reason: string;
  /** When it was set aside, ms since the epoch. */
  readonly at: number;
  /** 'templates' when it was a template version; absent for a saved scenario (as in every entry made before). */
  readonly part?: 'templates';
}

/** What setAside did: the entry, and whether it is in the quarantine store or still where it was. */
export type SetAside = { entry: Quarantined; moved: boolean };

/** The part unreadable values are set aside from, and how to tell that what is stored there now is still unreadable. */
export interface AsideFrom {
  readonly quarantine: KeyVal;
  readonly source: KeyVal;
  readonly part?: 'templates';
  readonly unreadable: (key: IDBValidKey, value: unknown) => boolean;
}

const Entry = v.object({
  key: v.string(),
  raw: v.unknown(),
  reason: v.string(),
  at: v.number(),
  part: v.optional(v.literal('templates')),
});

/**
 * Copies an unreadable value into quarantine, then deletes it where it was if it is still unreadable (another tab
 * may have replaced it); when it cannot be copied, it stays where it was and the reason says so.
 */
export async function setAside(
  from: AsideFrom,
  key: IDBValidKey,
  raw: unknown,
  reason: string,
  at: number,
): Promise<SetAside> {
  const entry = { key: String(key), raw, reason, at, ...(from.part && { part: from.part }) };
  const id = randomId();
  try {
    await from.quarantine.set(id, entry);
  } catch (error) {
    const left = `${reason} (left in place: it could not be set aside: ${messageOf(error)})`;
    return { entry: { id, ...entry, reason: left }, moved: false };
  }
  try {
    await from.source.change(key, (old) => (old !== undefined && from.unreadable(key, old) ? 'delete' : 'keep'));
  } catch {
    // The copy is safe in quarantine; the value left behind is only set aside again next time.
  }
  return { entry: { id, ...entry }, moved: true };
}

/** A quarantine store's entry as listed; a malformed one is still listed, with no key, so it can be dismissed. */
export function quarantineEntry([key, value]: [IDBValidKey, unknown]): Quarantined {
  const entry = v.safeParse(Entry, value);
  if (entry.success) {
    const { part, ...fields } = entry.output;
    return { id: String(key), ...fields, ...(part && { part }) };
  }
  return { id: String(key), key: '', raw: value, reason: 'an unreadable quarantine entry', at: 0 };
}

/** The message of something thrown, or its name when it has no message. */
export function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    return error.message || ('name' in error ? String(error.name) : 'unknown error');
  }
  return String(error);
}

/** A failed write as a save reports it: 'quota' when the disk or the origin's quota is full, else 'failed'. */
export function writeFailure(error: unknown): { ok: false; reason: 'quota' | 'failed'; message: string } {
  const { name, code } =
    typeof error === 'object' && error !== null ? (error as { name?: unknown; code?: unknown }) : {};
  // Code 22 and Firefox's old name are how older browsers report a full quota.
  const quota = name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
  return { ok: false, reason: quota ? 'quota' : 'failed', message: messageOf(error) };
}
