import { describe, expect, it } from 'vitest';
import { withInput } from '../engine';
import { quangNinh } from '../templates/quang-ninh';
import { openJournal } from './journal';
import { MemoryStorage } from './memory-storage';

const entry = (name = 'Kế hoạch') => ({
  recordId: 'rec-1',
  revision: 3,
  templateId: 'quang-ninh',
  scenario: { ...quangNinh.scenario, meta: { ...quangNinh.scenario.meta, name } },
  at: 1000,
});

describe('openJournal', () => {
  it('keeps an entry written now for the next start of the same tab', () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    const journal = openJournal(local, session);
    const key = journal.keyFor('rec-1');
    expect(journal.write(key, entry())).toBe(true);
    // A reload: the same tab's sessionStorage, a new journal.
    const after = openJournal(local, session);
    expect(after.entries()).toEqual([{ key, entry: entry(), ownTab: true }]);
    after.clear(key);
    expect(openJournal(local, session).entries()).toEqual([]);
  });

  it('tells another tab’s entries from this tab’s', () => {
    const local = new MemoryStorage();
    const other = openJournal(local, new MemoryStorage());
    other.write(other.keyFor('rec-1'), entry());
    expect(
      openJournal(local, new MemoryStorage())
        .entries()
        .map((e) => e.ownTab),
    ).toEqual([false]);
  });

  it('gives two documents without a record two keys', () => {
    const journal = openJournal(new MemoryStorage(), new MemoryStorage());
    expect(journal.keyFor(null)).not.toBe(journal.keyFor(null));
    expect(journal.keyFor('rec-1')).toBe(journal.keyFor('rec-1'));
  });

  it('reads an older tab’s entry with its log(x) formulas as ln(x), so they keep their numbers', () => {
    const local = new MemoryStorage();
    const scenario = withInput(quangNinh.scenario, 'manufacturing.growth', 2027, '=log(2) / 10');
    local.setItem('grdp-scenarios.unsaved.x.y', JSON.stringify({ v: 1, tab: 'x', ...entry(), scenario }));
    const [found] = openJournal(local, new MemoryStorage()).entries();
    expect(found?.entry.scenario).toEqual(withInput(quangNinh.scenario, 'manufacturing.growth', 2027, '=ln(2) / 10'));
  });

  it('leaves alone what it cannot read and what is no scenario', () => {
    const local = new MemoryStorage();
    local.setItem('grdp-scenarios.unsaved.x.y', '{not json');
    local.setItem('grdp-scenarios.unsaved.x.z', JSON.stringify({ v: 1, tab: 'x', ...entry(), scenario: { rows: 5 } }));
    local.setItem('grdp-scenarios.unsaved.x.w', JSON.stringify({ v: 3, tab: 'x', ...entry() }));
    local.setItem('grdp-scenarios.lang', 'en');
    expect(openJournal(local, new MemoryStorage()).entries()).toEqual([]);
    expect(local.length).toBe(4);
  });

  it('says so when the copy cannot be written, and works with no storage at all', () => {
    const local = new MemoryStorage();
    local.failing = true;
    const journal = openJournal(local, new MemoryStorage());
    expect(journal.write(journal.keyFor('rec-1'), entry())).toBe(false);
    const none = openJournal(undefined, undefined);
    expect(none.write(none.keyFor(null), entry())).toBe(false);
    expect(none.entries()).toEqual([]);
  });
});
