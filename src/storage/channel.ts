import * as v from 'valibot';
import { randomId } from './record';

/** A change another tab made: a record saved at a revision, or deleted; tab is the sender's random id. */
export type SyncMessage =
  | { readonly type: 'saved'; readonly id: string; readonly revision: number; readonly tab: string }
  | { readonly type: 'deleted'; readonly id: string; readonly tab: string };

/** A message as posted: the channel adds its tab id. */
export type OutgoingSyncMessage =
  | { readonly type: 'saved'; readonly id: string; readonly revision: number }
  | { readonly type: 'deleted'; readonly id: string };

/** The tab's end of the sync channel. */
export interface SyncChannel {
  /** This tab's random id, sent with every message. */
  readonly tab: string;
  /** Tells the other tabs; does nothing once closed. */
  post(msg: OutgoingSyncMessage): void;
  /** Stops sending and receiving. */
  close(): void;
}

/** The BroadcastChannel name the app's tabs share. */
export const CHANNEL_NAME = 'grdp-scenarios';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
// v.object, not strictObject: a newer version in another tab may add fields this one can ignore.
const Message = v.variant('type', [
  v.object({ type: v.literal('saved'), id: Id, revision: v.pipe(v.number(), v.safeInteger(), v.minValue(1)), tab: Id }),
  v.object({ type: v.literal('deleted'), id: Id, tab: Id }),
]);

/** Listens for other tabs' changes; malformed messages and this tab's own are ignored; a no-op without BroadcastChannel. */
export function openSyncChannel(
  onMessage: (msg: SyncMessage) => void,
  options: { name?: string; tab?: string } = {},
): SyncChannel {
  const tab = options.tab ?? randomId();
  if (typeof BroadcastChannel !== 'function') return { tab, post: () => {}, close: () => {} };
  let channel: BroadcastChannel | undefined = new BroadcastChannel(options.name ?? CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const msg = v.safeParse(Message, event.data);
    if (msg.success && msg.output.tab !== tab) onMessage(msg.output);
  };
  return {
    tab,
    post: (msg) => channel?.postMessage({ ...msg, tab }),
    close: () => {
      channel?.close();
      channel = undefined;
    },
  };
}
