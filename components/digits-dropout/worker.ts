/**
 * The digits-dropout worker: trains both nets off the main thread with the same engine modules the page and the
 * tests use (imported, not copied; Vite bundles this file and its imports as a module worker:
 * `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`). All logic is in session.ts; this file
 * only connects it to the worker's messages, clock and event loop. The page stops it with worker.terminate().
 */
import { loadDigits } from '../../src/digits/load.ts';
import type { DigitsRequest } from './protocol.ts';
import { createDigitsSession } from './session.ts';

// A zero-delay scheduler: setTimeout(fn, 0) is clamped to 4 ms once nested, a MessageChannel task is not, and
// messages from the page (Pause, Reset) still get their turn between two slices.
const queue: (() => void)[] = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => queue.shift()?.();

const session = createDigitsSession({
  post: (message, transfer = []) => self.postMessage(message, { transfer }),
  load: (url, onProgress) => loadDigits(url, { onProgress }),
  now: () => performance.now(),
  schedule: (fn) => {
    queue.push(fn);
    channel.port2.postMessage(null);
  },
});

self.onmessage = (event: MessageEvent<DigitsRequest>) => session.handle(event.data);
