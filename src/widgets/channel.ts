/**
 * One BroadcastChannel per lesson, shared by everything that keeps windows in step
 * (the deck position and the widgets' parameters): presenter view ↔ projected audience view.
 */
export type ChannelMessage =
  // `version` and `writer` order concurrent changes the same way in every window (see sync-clock.ts).
  | { type: 'params'; values: Record<string, unknown>; version: number; writer: string }
  | { type: 'goto'; slide: number; step: number }
  | { type: 'hello' }
  // A deck window's answer to 'hello' (same numbering as 'goto'); only a window opened without a
  // position of its own adopts it, so a deep link opened beside a running deck stays where it points.
  | { type: 'position'; slide: number; step: number }
  | { type: 'action'; widget: string; action: string }
  // Blackout / whiteout of the projected screen (src/deck/blank.ts); null brings the slide back.
  | { type: 'blank'; tone: 'black' | 'white' | null };

type Envelope = { from: string; message: ChannelMessage };
type Handler = (message: ChannelMessage) => void;

export const windowId = `${Date.now().toString(36)}-${Math.floor(performance.now() * 1000).toString(36)}`;
let channel: BroadcastChannel | null = null;
const handlers = new Set<Handler>();

function channelName(): string {
  // Windows of the same lesson share a channel; the slide view and the reading view of a lesson too.
  const path = location.pathname.replace(/\/(slides|presenter)\/?$/, '/').replace(/\/+$/, '/');
  return `lesson:${path}`;
}

function open(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(channelName());
  channel.onmessage = (event: MessageEvent<Envelope>) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || data.from === windowId || !data.message) return;
    for (const handler of [...handlers]) handler(data.message);
  };
  return channel;
}

export function post(message: ChannelMessage): void {
  open()?.postMessage({ from: windowId, message } satisfies Envelope);
}

export function onMessage(handler: Handler): () => void {
  open();
  handlers.add(handler);
  return () => handlers.delete(handler);
}
