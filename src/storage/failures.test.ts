import { describe, expect, it } from 'vitest';
import { quarantineEntry, setAside, writeFailure, type AsideFrom } from './failures';
import { memoryKeyVal } from './keyval';

function parts(unreadable: AsideFrom['unreadable'] = () => true) {
  const quarantine = memoryKeyVal();
  const source = memoryKeyVal();
  return { quarantine, source, from: { quarantine, source, unreadable } };
}

describe('setting an unreadable value aside', () => {
  it('copies it into quarantine with its reason and time, then deletes it where it was', async () => {
    const { quarantine, source, from } = parts();
    await source.set('k', 'garbage');
    const set = await setAside(from, 'k', 'garbage', 'not an object', 42);
    expect(set).toEqual({
      moved: true,
      entry: { id: expect.any(String), key: 'k', raw: 'garbage', reason: 'not an object', at: 42 },
    });
    expect(await source.get('k')).toBeUndefined();
    expect(await quarantine.get(set.entry.id)).toEqual({ key: 'k', raw: 'garbage', reason: 'not an object', at: 42 });
  });

  it('tags the entry with the part it came from, and reads the tag back', async () => {
    const { quarantine, source } = parts();
    await source.set('t@1', 'garbage');
    const set = await setAside(
      { quarantine, source, part: 'templates', unreadable: () => true },
      't@1',
      'garbage',
      'x',
      1,
    );
    const [pair] = await quarantine.entries();
    expect(quarantineEntry(pair!)).toEqual(set.entry);
    expect(set.entry.part).toBe('templates');
  });

  it('leaves what another tab wrote meanwhile when that reads, though the copy is kept', async () => {
    const { quarantine, source, from } = parts((_key, value) => value === 'garbage');
    await source.set('k', { fresh: true });
    const set = await setAside(from, 'k', 'garbage', 'not an object', 1);
    expect(set.moved).toBe(true);
    expect(await source.get('k')).toEqual({ fresh: true });
    expect(await quarantine.entries()).toHaveLength(1);
  });

  it('lists a malformed quarantine entry with no key, and one of a part it does not know as malformed', () => {
    expect(quarantineEntry(['q1', 42])).toEqual({
      id: 'q1',
      key: '',
      raw: 42,
      reason: 'an unreadable quarantine entry',
      at: 0,
    });
    const unknownPart = { key: 'k', raw: 1, reason: 'r', at: 1, part: 'somewhere' };
    expect(quarantineEntry(['q2', unknownPart])).toMatchObject({ id: 'q2', key: '', raw: unknownPart });
  });
});

describe('a failed write', () => {
  it('is a full quota by any of the names browsers give it, else a failure', () => {
    expect(writeFailure(new DOMException('full', 'QuotaExceededError')).reason).toBe('quota');
    expect(writeFailure({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' })).toEqual({
      ok: false,
      reason: 'quota',
      message: 'NS_ERROR_DOM_QUOTA_REACHED',
    });
    expect(writeFailure(Object.assign(new Error('full'), { code: 22 })).reason).toBe('quota');
    expect(writeFailure('odd')).toEqual({ ok: false, reason: 'failed', message: 'odd' });
  });
});
