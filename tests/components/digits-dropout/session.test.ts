// The worker protocol, driven in Node: a fake clock (1 ms per reading) and a scheduler queue the test runs by hand.
import { describe, expect, it } from 'vitest';
import type { DigitsResult } from '../../../src/digits/parse.ts';
import type { DigitsMessage } from '../../../components/digits-dropout/protocol.ts';
import { createDigitsSession } from '../../../components/digits-dropout/session.ts';
import { barAsset } from './fixtures.ts';

const SETTINGS = { trainCount: 200, width: 8, epochs: 3, lr: 0.05, momentum: 0.9, seed: 3 };

function harness(result: DigitsResult = { ok: true, digits: barAsset(200, 50) }) {
  const messages: { message: DigitsMessage; transfer?: Transferable[] }[] = [];
  const queue: (() => void)[] = [];
  let clock = 0, loads = 0;
  let finishLoad: () => void = () => {};
  const session = createDigitsSession({
    post: (message, transfer) => messages.push({ message, transfer }),
    load: (_url, onProgress) => {
      loads++;
      onProgress(0, 1000);
      onProgress(1000, 1000);
      return new Promise((resolve) => (finishLoad = () => resolve(result)));
    },
    now: () => clock++,
    schedule: (fn) => queue.push(fn),
    sliceMs: 3,
    progressMs: 6,
  });
  const flush = async (): Promise<void> => {
    finishLoad();
    await Promise.resolve();
    await Promise.resolve();
  };
  /** Runs up to n scheduled slices; returns how many ran. */
  const run = (n = Infinity): number => {
    let ran = 0;
    while (queue.length > 0 && ran < n) {
      queue.shift()?.();
      ran++;
    }
    return ran;
  };
  const ofType = <T extends DigitsMessage['type']>(type: T) => messages.filter((m) => m.message.type === type).map((m) => m.message as Extract<DigitsMessage, { type: T }>);
  return { session, messages, queue, flush, run, ofType, loads: () => loads };
}

describe('digits session (the worker protocol)', () => {
  it('start → download progress → training progress and snapshots → done', async () => {
    const h = harness();
    h.session.handle({ type: 'start', assetUrl: '/data/mnist-10k.bin', settings: SETTINGS, tileCount: 4 });
    expect(h.session.state).toBe('loading');
    await h.flush();
    expect(h.ofType('download')).toEqual([{ type: 'download', loaded: 0, total: 1000 }, { type: 'download', loaded: 1000, total: 1000 }]);
    expect(h.session.state).toBe('training');
    h.run();
    expect(h.session.state).toBe('done');
    const progress = h.ofType('progress');
    expect(progress.length).toBeGreaterThan(2);
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ state: 'done', epochs: 3, step: last.stepsTotal, etaSeconds: 0 });
    expect(last.epoch).toBe((10 * 64) / 200); // 3 epochs of 200 digits in batches of 64: 10 steps, 3.2 passes
    expect(last.examplesPerSecond).toBeGreaterThan(0);
    for (const run of last.runs) {
      expect(run.epochs.map((e) => Math.round(e))).toEqual([0, 1, 2, 3]);
      expect(run.testError.every((e) => e >= 0 && e <= 1)).toBe(true);
    }
    expect(last.runs.map((r) => r.label)).toEqual(['no dropout', 'dropout p = 0.2 (inputs), 0.5 (hidden)']);
    const snapshots = h.messages.filter((m) => m.message.type === 'snapshot');
    expect(snapshots.length).toBe(4); // at epoch 0, 1, 2, 3
    const { message, transfer } = snapshots.at(-1)!;
    if (message.type !== 'snapshot') throw new Error('unreachable');
    for (const run of message.runs) {
      expect(run.tileCount).toBe(4);
      expect(run.tiles.length).toBe(4 * 784);
      expect(run.hidden.map((layer) => layer.counts.length)).toEqual([message.bins.bins, message.bins.bins]);
      expect(Number.isFinite(run.hidden[0].mean)).toBe(true);
    }
    expect(transfer).toEqual(message.runs.map((r) => r.tiles.buffer));
    const [done] = h.ofType('done');
    expect(done.status).toBe('done');
    expect(done.finalTestError).toEqual(last.runs.map((r) => r.testError.at(-1)));
  });

  it('pause stops progress until resume; the run then finishes where it left off', async () => {
    const h = harness();
    h.session.handle({ type: 'start', assetUrl: '/x', settings: SETTINGS });
    await h.flush();
    h.run(2);
    h.session.handle({ type: 'pause' });
    expect(h.session.state).toBe('paused');
    expect(h.ofType('progress').at(-1)?.state).toBe('paused');
    const count = h.messages.length;
    const stepAtPause = h.ofType('progress').at(-1)!.step;
    h.run(); // the slice already scheduled sees the pause and does nothing
    expect(h.messages.length).toBe(count);
    expect(h.queue.length).toBe(0);
    h.session.handle({ type: 'resume' });
    expect(h.ofType('progress').at(-1)).toMatchObject({ state: 'training', step: stepAtPause });
    h.run();
    expect(h.session.state).toBe('done');
  });

  it('reset forgets the run (nothing more is posted) and keeps the digits: a new start downloads nothing', async () => {
    const h = harness();
    h.session.handle({ type: 'start', assetUrl: '/x', settings: SETTINGS });
    await h.flush();
    h.run(1);
    h.session.handle({ type: 'reset' });
    expect(h.session.state).toBe('idle');
    const count = h.messages.length;
    h.run();
    expect(h.messages.length).toBe(count);
    h.session.handle({ type: 'start', assetUrl: '/x', settings: { ...SETTINGS, epochs: 1 } });
    expect(h.session.state).toBe('training');
    h.run();
    expect(h.loads()).toBe(1);
    expect(h.ofType('done').length).toBe(1);
  });

  it('dispose (what terminating the worker does) silences a download still in flight and any scheduled slice', async () => {
    const h = harness();
    h.session.handle({ type: 'start', assetUrl: '/x', settings: SETTINGS });
    const count = h.messages.length;
    h.session.dispose();
    await h.flush();
    h.run();
    expect(h.messages.length).toBe(count);
    expect(h.session.state).toBe('idle');
  });

  it('posts a readable error for a damaged download or an unknown request, and never throws', async () => {
    const h = harness({ ok: false, error: 'The digits data could not be read: it is truncated: 10 of 7870000 payload bytes arrived.' });
    h.session.handle({ type: 'start', assetUrl: '/x', settings: SETTINGS });
    await h.flush();
    expect(h.ofType('error')).toEqual([{ type: 'error', message: expect.stringMatching(/truncated/) }]);
    expect(h.session.state).toBe('failed');
    h.session.handle({ type: 'launch' } as never);
    expect(h.ofType('error').at(-1)?.message).toMatch(/Unknown request "launch"/);
    const bad = harness();
    bad.session.handle({ type: 'start', assetUrl: '/x', settings: { ...SETTINGS, width: 0 } });
    await bad.flush();
    expect(bad.ofType('error').at(-1)?.message).toMatch(/could not start: .*\[1, /);
  });

  it('step trains to the end of the next measured epoch, then pauses; from a start it measures epoch 0 and trains one', async () => {
    const h = harness();
    h.session.handle({ type: 'start', assetUrl: '/x', settings: SETTINGS });
    h.session.handle({ type: 'step' }); // while the digits arrive
    await h.flush();
    h.run();
    expect(h.session.state).toBe('paused');
    const first = h.ofType('progress').at(-1)!;
    expect(first.state).toBe('paused');
    expect(first.runs[0].epochs.map(Math.round)).toEqual([0, 1]);
    expect(h.ofType('snapshot').length).toBe(2);
    h.session.handle({ type: 'step' });
    expect(h.session.state).toBe('training');
    h.run();
    expect(h.session.state).toBe('paused');
    expect(h.ofType('progress').at(-1)!.runs[0].epochs.map(Math.round)).toEqual([0, 1, 2]);
    h.session.handle({ type: 'step' }); // the last epoch: the run ends rather than pausing
    h.run();
    expect(h.session.state).toBe('done');
    expect(h.ofType('done').length).toBe(1);
  });

  it('step while training on, or before any start, changes nothing; pause cancels a pending step', async () => {
    const h = harness();
    h.session.handle({ type: 'step' });
    expect(h.session.state).toBe('idle');
    h.session.handle({ type: 'start', assetUrl: '/x', settings: SETTINGS });
    await h.flush();
    h.session.handle({ type: 'step' });
    h.run();
    expect(h.session.state).toBe('done'); // trained on to the end
    const again = harness();
    again.session.handle({ type: 'start', assetUrl: '/x', settings: SETTINGS });
    await again.flush();
    again.run(1);
    again.session.handle({ type: 'pause' });
    again.session.handle({ type: 'step' });
    again.session.handle({ type: 'pause' });
    again.run();
    again.session.handle({ type: 'resume' });
    again.run();
    expect(again.session.state).toBe('done');
  });

  it('a reset during the download keeps it going (one download), posts loaded when it settles, and nothing else', async () => {
    const h = harness();
    h.session.handle({ type: 'start', assetUrl: '/x', settings: SETTINGS });
    h.session.handle({ type: 'reset' });
    const count = h.messages.length;
    await h.flush();
    h.run();
    expect(h.messages.slice(count).map((m) => m.message)).toEqual([{ type: 'loaded', ok: true }]);
    h.session.handle({ type: 'start', assetUrl: '/x', settings: SETTINGS });
    expect(h.session.state).toBe('training');
    h.run();
    expect(h.loads()).toBe(1);
    expect(h.ofType('done').length).toBe(1);
  });

  it('a start while the digits are still arriving waits for the same download', async () => {
    const h = harness();
    h.session.handle({ type: 'start', assetUrl: '/x', settings: SETTINGS });
    h.session.handle({ type: 'reset' });
    h.session.handle({ type: 'start', assetUrl: '/x', settings: { ...SETTINGS, epochs: 1 } });
    expect(h.session.state).toBe('loading');
    await h.flush();
    h.run();
    expect(h.loads()).toBe(1);
    expect(h.ofType('loaded')).toEqual([{ type: 'loaded', ok: true }]);
    expect(h.ofType('done').length).toBe(1);
    expect(h.ofType('progress').at(-1)!.epochs).toBe(1);
  });

  it('a failed download is reported once and tried again by the next start', async () => {
    const h = harness({ ok: false, error: 'The digits data could not be read: it is corrupt (the checksum of its data does not match).' });
    h.session.handle({ type: 'start', assetUrl: '/x', settings: SETTINGS });
    await h.flush();
    expect(h.ofType('loaded')).toEqual([{ type: 'loaded', ok: false }]);
    expect(h.ofType('error').length).toBe(1);
    h.session.handle({ type: 'start', assetUrl: '/x', settings: SETTINGS });
    await h.flush();
    expect(h.loads()).toBe(2);
  });
});
