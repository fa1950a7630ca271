import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSyncChannel, type SyncChannel, type SyncMessage } from './channel';

// A name per test: BroadcastChannel reaches every worker thread, so tests running side by side would hear each other.
const name = () => `test-sync-${crypto.randomUUID()}`;
const open: SyncChannel[] = [];
const raws: BroadcastChannel[] = [];

function listen(channelName: string, tab?: string): { channel: SyncChannel; received: SyncMessage[] } {
  const received: SyncMessage[] = [];
  const channel = openSyncChannel((msg) => received.push(msg), { name: channelName, tab });
  open.push(channel);
  return { channel, received };
}

function rawChannel(channelName: string): BroadcastChannel {
  const raw = new BroadcastChannel(channelName);
  raws.push(raw);
  return raw;
}

afterEach(() => {
  for (const c of open.splice(0)) c.close();
  for (const c of raws.splice(0)) c.close();
  vi.unstubAllGlobals();
});

describe('openSyncChannel', () => {
  it('delivers saves and deletes from another tab, stamped with that tab’s id', async () => {
    const channelName = name();
    const { received } = listen(channelName);
    const { channel: other } = listen(channelName);
    other.post({ type: 'saved', id: 'a', revision: 3 });
    other.post({ type: 'deleted', id: 'b' });
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(received).toEqual([
      { type: 'saved', id: 'a', revision: 3, tab: other.tab },
      { type: 'deleted', id: 'b', tab: other.tab },
    ]);
  });

  it('ignores malformed messages', async () => {
    const channelName = name();
    const { received } = listen(channelName);
    const sender = rawChannel(channelName);
    const malformed: unknown[] = [
      null,
      'saved',
      42,
      [],
      { type: 'saved' },
      { type: 'saved', id: 'a', revision: '2', tab: 't' },
      { type: 'saved', id: 'a', revision: 0, tab: 't' },
      { type: 'saved', id: 'a', revision: 1.5, tab: 't' },
      { type: 'saved', id: '', revision: 1, tab: 't' },
      { type: 'saved', id: 'a', revision: 1 },
      { type: 'deleted', id: 7, tab: 't' },
      { type: 'renamed', id: 'a', tab: 't' },
    ];
    for (const msg of malformed) sender.postMessage(msg);
    sender.postMessage({ type: 'deleted', id: 'last', tab: 't', fromNewerVersion: true });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received).toEqual([{ type: 'deleted', id: 'last', tab: 't' }]);
  });

  it('ignores messages from its own tab', async () => {
    const channelName = name();
    const { received } = listen(channelName, 'tab-1');
    const { channel: sameTab } = listen(channelName, 'tab-1');
    const { channel: otherTab } = listen(channelName, 'tab-2');
    sameTab.post({ type: 'deleted', id: 'mine' });
    otherTab.post({ type: 'deleted', id: 'theirs' });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]?.id).toBe('theirs');
  });

  it('neither sends nor receives once closed', async () => {
    const channelName = name();
    const { channel, received } = listen(channelName);
    const { received: otherReceived } = listen(channelName);
    const sender = rawChannel(channelName);
    channel.close();
    channel.post({ type: 'deleted', id: 'after close' });
    sender.postMessage({ type: 'deleted', id: 'to the closed one', tab: 't' });
    await vi.waitFor(() => expect(otherReceived).toHaveLength(1));
    expect(otherReceived[0]?.id).toBe('to the closed one');
    expect(received).toEqual([]);
  });

  it('is a no-op where BroadcastChannel is missing', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const channel = openSyncChannel(() => {
      throw new Error('no message expected');
    });
    expect(channel.tab).toMatch(/^[0-9a-f-]{36}$/);
    expect(() => channel.post({ type: 'saved', id: 'a', revision: 1 })).not.toThrow();
    expect(() => channel.close()).not.toThrow();
  });
});
