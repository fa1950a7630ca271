import * as v from 'valibot';
import { upgradeFormulas, validateScenario, type Scenario } from '../engine';
import { randomId } from './record';

/** Edits of the open scenario that have not reached IndexedDB yet, copied synchronously so a closing tab keeps them. */
export interface JournalEntry {
  /** The saved record the edits belong to, or null for a scenario that has no record (an unsaved link). */
  readonly recordId: string | null;
  /** The record's revision the edits were made on (null without a record). */
  readonly revision: number | null;
  readonly templateId: string;
  readonly scenario: Scenario;
  /** When it was written, ms since the epoch. */
  readonly at: number;
}

/** A journal entry found at start, with the key to clear it by once replayed. */
export interface FoundEntry {
  readonly key: string;
  readonly entry: JournalEntry;
  /** Written by this tab before it reloaded (or crashed), not by another tab that may still be open. */
  readonly ownTab: boolean;
}

/** A synchronous copy of unsaved edits (localStorage), one entry per open document and tab. */
export interface Journal {
  /** The key for a document in this tab: its record id, or a fresh one for a document without a record. */
  keyFor(recordId: string | null): string;
  /** Writes an entry now; false when it could not be written (storage blocked or full). */
  write(key: string, entry: JournalEntry): boolean;
  /** Removes an entry once its edits are stored (or knowingly discarded). */
  clear(key: string): void;
  /** The readable entries; unreadable ones are left where they are. */
  entries(): FoundEntry[];
}

const PREFIX = 'grdp-scenarios.unsaved.';
const TAB_KEY = 'grdp-scenarios.tab';
// 2: LOG is Excel's base-10 logarithm; an entry of version 1 (an older tab's) is read with "log(x)" as "ln(x)".
const VERSION = 2;

const Stored = v.object({
  v: v.union([v.literal(1), v.literal(VERSION)]),
  tab: v.string(),
  recordId: v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
  revision: v.nullable(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  templateId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  scenario: v.unknown(),
  at: v.pipe(v.number(), v.finite()),
});

/** Opens the journal on localStorage (sessionStorage names the tab); a journal that keeps nothing where both are blocked. */
export function openJournal(
  local: Storage | undefined = storageOf('localStorage'),
  session: Storage | undefined = storageOf('sessionStorage'),
): Journal {
  const tab = tabId(session);
  return {
    keyFor: (recordId) => `${PREFIX}${tab}.${recordId ?? `new-${randomId()}`}`,
    write(key, entry) {
      try {
        local?.setItem(key, JSON.stringify({ v: VERSION, tab, ...entry }));
        return !!local;
      } catch {
        return false;
      }
    },
    clear(key) {
      try {
        local?.removeItem(key);
      } catch {
        // Blocked storage had nothing to clear.
      }
    },
    entries() {
      const found: FoundEntry[] = [];
      for (const key of keysOf(local)) {
        const entry = readEntry(local!, key);
        if (entry) found.push({ key, entry: entry.entry, ownTab: entry.tab === tab });
      }
      return found.sort((a, b) => a.entry.at - b.entry.at);
    },
  };
}

function readEntry(local: Storage, key: string): { tab: string; entry: JournalEntry } | undefined {
  let data: unknown;
  try {
    data = JSON.parse(local.getItem(key) ?? 'null');
  } catch {
    return undefined;
  }
  const parsed = v.safeParse(Stored, data);
  if (!parsed.success) return undefined;
  const scenario = validateScenario(parsed.output.scenario);
  if (!scenario.ok) return undefined;
  const { tab, recordId, revision, templateId, at } = parsed.output;
  const upgraded = parsed.output.v === 1 ? upgradeFormulas(scenario.scenario) : scenario.scenario;
  return { tab, entry: { recordId, revision, templateId, scenario: upgraded, at } };
}

function keysOf(local: Storage | undefined): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; local && i < local.length; i++) {
      const key = local.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
  } catch {
    // Blocked storage holds no entries.
  }
  return keys;
}

// sessionStorage outlives a reload of the same tab but not the tab: it tells this tab's entries from another's.
function tabId(session: Storage | undefined): string {
  try {
    const known = session?.getItem(TAB_KEY);
    if (known) return known;
    const id = randomId();
    session?.setItem(TAB_KEY, id);
    return id;
  } catch {
    return randomId();
  }
}

function storageOf(name: 'localStorage' | 'sessionStorage'): Storage | undefined {
  // Reading the global itself throws where storage is blocked.
  try {
    return globalThis[name];
  } catch {
    return undefined;
  }
}
