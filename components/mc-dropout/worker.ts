/**
 * The MC-dropout worker: the engine's Monte Carlo sampling and the test-set curve off the main thread, with the same
 * modules the page and the tests use (Vite bundles this file and its imports as a module worker). All logic is in
 * session.ts; this file connects it to the worker's messages, clock and event loop.
 */
import { fetchBytes, loadDigits } from '../../src/digits/load.ts';
import { parseNetwork } from './network-file.ts';
import type { McRequest } from './protocol.ts';
import { createMcSession } from './session.ts';
import pretrainedCurve from './pretrained-curve.json';

// A zero-delay scheduler (a MessageChannel task; setTimeout(fn, 0) is clamped to 4 ms once nested). The page's
// requests still get their turn between two slices of the curve.
const queue: (() => void)[] = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => queue.shift()?.();

const session = createMcSession({
  post: (message) => self.postMessage(message),
  loadNetwork: async (url) => {
    try {
      return parseNetwork(await fetchBytes(url));
    } catch (error) {
      return { ok: false, error: `The pre-trained network could not be downloaded: ${error instanceof Error ? error.message : String(error)}` };
    }
  },
  loadDigits: (url) => loadDigits(url),
  now: () => performance.now(),
  schedule: (fn) => {
    queue.push(fn);
    channel.port2.postMessage(null);
  },
  pretrainedCurve,
});

self.onmessage = (event: MessageEvent<McRequest>) => session.handle(event.data);
