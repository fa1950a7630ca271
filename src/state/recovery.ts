import { newRecord, type FoundEntry } from '../storage';
import { renamed } from './library-files';
import type { LibraryHost } from './library-host';
import type { LocaleState } from './locale.svelte';

/** How long another tab's journal entry is left alone: that tab may still be open and about to save it. */
export const OTHER_TAB_GRACE_MS = 10_000;

/**
 * Stores the edits a closed or reloaded tab left in the journal: onto their record when it has not changed since,
 * else as a new scenario (a copy named as recovered), so that nothing is written over. An entry is cleared only
 * once its edits are stored. Returns how many were stored as new scenarios.
 */
export async function replayJournal(host: LibraryHost, locale: LocaleState, now = Date.now()): Promise<number> {
  let copies = 0;
  for (const found of host.journal.entries()) {
    if (!found.ownTab && now - found.entry.at < OTHER_TAB_GRACE_MS) continue;
    const outcome = await replay(host, locale, found);
    if (outcome === 'copy') copies++;
    if (outcome !== 'kept') host.journal.clear(found.key);
  }
  return copies;
}

async function replay(host: LibraryHost, locale: LocaleState, found: FoundEntry): Promise<'stored' | 'copy' | 'kept'> {
  const { recordId, revision, templateId, scenario } = found.entry;
  const stored = recordId === null ? undefined : await host.store.get(recordId).catch(() => undefined);
  if (stored && JSON.stringify(stored.scenario) === JSON.stringify(scenario)) return 'stored';
  if (stored && stored.revision === revision) {
    const result = await host.store.put({ ...stored, scenario }, stored.revision);
    if (result.ok) return 'stored';
  }
  const name = host.uniqueName(locale.t('library.recoveredName', { name: scenario.meta.name }));
  const result = await host.store.put(newRecord(renamed(scenario, name), stored ?? templateId), null);
  return result.ok ? 'copy' : 'kept';
}
