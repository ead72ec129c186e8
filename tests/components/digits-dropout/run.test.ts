// The page's side of a run (run.ts) against a fake worker that runs the real session (session.ts) in Node: requests
// and replies wait in queues the test pumps by hand, as the worker's event loop would.
import { describe, expect, it } from 'vitest';
import type { DigitsResult } from '../../../src/digits/parse.ts';
import type { DigitsMessage, DigitsRequest } from '../../../components/digits-dropout/protocol.ts';
import { createDigitsSession } from '../../../components/digits-dropout/session.ts';
import { createDigitsRun, type RunChange, type WorkerLike } from '../../../components/digits-dropout/run.ts';
import { barAsset } from './fixtures.ts';

const SETTINGS = { trainCount: 200, width: 8, epochs: 3, lr: 0.05, momentum: 0.9, seed: 3 };

function fakeWorkers(result: () => DigitsResult = () => ({ ok: true, digits: barAsset(200, 50) })) {
  const workers: FakeWorker[] = [];
  const downloads: (() => void)[] = [];
  class FakeWorker implements WorkerLike {
    onmessage: WorkerLike['onmessage'] = null;
    onerror: WorkerLike['onerror'] = null;
    terminated = false;
    readonly requests: DigitsRequest[] = [];
    readonly #tasks: (() => void)[] = [];
    #clock = 0;
    readonly session = createDigitsSession({
      post: (message: DigitsMessage) => this.#tasks.push(() => this.onmessage?.({ data: message })),
      load: (_url, onProgress) => {
        onProgress(0, 100);
        return new Promise((resolve) => downloads.push(() => (onProgress(100, 100), resolve(result()))));
      },
      now: () => this.#clock++,
      schedule: (fn) => this.#tasks.push(fn),
      sliceMs: 3,
      progressMs: 6,
    });
    postMessage(message: DigitsRequest): void {
      if (this.terminated) return;
      this.requests.push(message);
      this.#tasks.push(() => this.session.handle(message));
    }
    terminate(): void {
      this.terminated = true;
      this.session.dispose();
      this.#tasks.length = 0;
    }
    /** Runs up to n queued tasks (requests, slices, replies to the page). */
    pump(n = Infinity): void {
      for (let i = 0; i < n && this.#tasks.length > 0 && !this.terminated; i++) this.#tasks.shift()!();
    }
  }
  const pumpAll = async (n = Infinity): Promise<void> => {
    for (let round = 0; round < 50; round++) {
      for (const w of workers) w.pump(n);
      await Promise.resolve();
      await Promise.resolve();
    }
  };
  const finishDownloads = async (): Promise<void> => {
    await pumpAll();
    while (downloads.length) downloads.shift()!();
    await pumpAll();
  };
  const run = createDigitsRun({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    assetUrl: '/base/data/mnist-10k.bin',
    tileCount: 4,
  });
  const changes: RunChange[] = [];
  run.subscribe((change) => changes.push(change));
  return { run, workers, pumpAll, finishDownloads, changes, live: () => workers.filter((w) => !w.terminated) };
}

describe('digits run (the page side)', () => {
  it('creates no worker until Train; then downloads, trains to the end and keeps what the worker reported', async () => {
    const h = fakeWorkers();
    expect(h.workers).toHaveLength(0);
    h.run.play(SETTINGS);
    expect(h.workers).toHaveLength(1);
    expect(h.run.view).toMatchObject({ state: 'loading', playing: true, settings: SETTINGS });
    await h.pumpAll();
    expect(h.run.view.download).toEqual({ loaded: 0, total: 100 });
    await h.finishDownloads();
    const view = h.run.view;
    expect(view).toMatchObject({ state: 'done', playing: false, stepping: false });
    expect(view.curves![0].epochs.map(Math.round)).toEqual([0, 1, 2, 3]);
    expect(view.finished!.finalTestError).toEqual(view.curves!.map((c) => c.testError.at(-1)));
    // The dropout net's weights came with the end of the run (for mc-dropout: trained.ts).
    expect(view.finished!.network).toMatchObject({ sizes: [784, 8, 8, 10], dropout: { input: 0.2, hidden: [0.5, 0.5] } });
    expect(view.snapshot!.runs[0].tileCount).toBe(4);
    expect(view.initialTiles).toHaveLength(4 * 784);
    expect(h.changes).toContain('curves');
    expect(h.changes).toContain('snapshot');
    // The finished run keeps its worker and its digits: the next Train downloads nothing.
    h.run.play(SETTINGS);
    await h.pumpAll();
    expect(h.workers).toHaveLength(1);
    expect(h.run.view.state).toBe('done');
  });

  it('the epoch-0 tiles are the starting weights both nets share, kept while the weights move on', async () => {
    const h = fakeWorkers();
    const first: Float32Array[][] = [];
    h.run.subscribe((change, view) => {
      if (change === 'snapshot' && first.length === 0) first.push(view.snapshot!.runs.map((r) => r.tiles.slice()));
    });
    h.run.play(SETTINGS);
    await h.finishDownloads();
    const [[a, b]] = first;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(h.run.view.initialTiles!)).toEqual(Array.from(a));
    const now = h.run.view.snapshot!.runs[1].tiles;
    expect(now.some((w, k) => w !== a[k])).toBe(true);
  });

  it('pause and resume; Train during a step trains on', async () => {
    const h = fakeWorkers();
    h.run.play(SETTINGS);
    await h.finishDownloads(); // a first run to the end (the digits are now in the worker)
    h.run.play(SETTINGS);
    h.run.play(SETTINGS); // pause at once
    expect(h.run.view).toMatchObject({ state: 'paused', playing: false });
    await h.pumpAll();
    expect(h.run.view.state).toBe('paused');
    h.run.step(SETTINGS);
    expect(h.run.view).toMatchObject({ stepping: true, playing: false });
    h.run.play(SETTINGS); // Train during the step
    expect(h.run.view).toMatchObject({ stepping: false, playing: true });
    await h.pumpAll();
    expect(h.run.view.state).toBe('done');
  });

  it('a pause waits for the worker to confirm where it stopped; a Step pressed meanwhile still trains its epoch', async () => {
    const h = fakeWorkers();
    const LONG = { ...SETTINGS, epochs: 10 }; // long enough that the step below is not the last epoch
    h.run.play(LONG);
    await h.finishDownloads(); // the digits are now in the worker
    const [worker] = h.workers;
    const pausingSeen: boolean[] = [];
    h.run.subscribe((_change, view) => pausingSeen.push(view.pausing));
    h.run.play(LONG); // a new run
    // Run until the page has a report and more reports wait in the queue, sent before the pause below.
    while (h.run.view.progress === null || h.run.view.progress.step === 0) worker.pump(1);
    worker.pump(4);
    h.run.play(LONG); // Pause
    expect(h.run.view).toMatchObject({ state: 'paused', playing: false, pausing: true });
    let confirmed = -1;
    for (let i = 0; i < 100 && h.run.view.pausing; i++) {
      worker.pump(1);
      confirmed = i;
      if (h.run.view.pausing) expect(h.run.view.progress!.state).toBe('training'); // a report sent before the pause
    }
    expect(confirmed).toBeGreaterThan(0); // reports sent before the pause arrived after it, and kept it pending
    expect(h.run.view).toMatchObject({ state: 'paused', pausing: false });
    expect(h.run.view.progress!.state).toBe('paused');
    const stoppedAt = h.run.view.progress!.step;
    await h.pumpAll();
    expect(h.run.view.progress!.step).toBe(stoppedAt); // nothing moves once confirmed

    // Pause, then One epoch before the confirmation arrives: the confirmation is not mistaken for the step's end.
    h.run.play(LONG); // resume
    worker.pump(6);
    const measured = () => h.run.view.curves![0].epochs.length;
    h.run.play(LONG); // Pause
    const before = measured();
    h.run.step(LONG);
    expect(h.run.view).toMatchObject({ stepping: true, pausing: true });
    for (let i = 0; i < 100 && h.run.view.pausing; i++) worker.pump(1);
    expect(h.run.view).toMatchObject({ pausing: false, stepping: true }); // confirmed; the step is still to come
    await h.pumpAll();
    expect(h.run.view).toMatchObject({ state: 'paused', stepping: false, pausing: false });
    expect(measured()).toBeGreaterThan(before); // the epoch was trained and measured
    expect(pausingSeen).toContain(true);
  });

  it('One epoch from idle downloads, measures epoch 0, trains one epoch and pauses', async () => {
    const h = fakeWorkers();
    h.run.step(SETTINGS);
    expect(h.run.view).toMatchObject({ state: 'loading', stepping: true, playing: false });
    await h.finishDownloads();
    expect(h.run.view).toMatchObject({ state: 'paused', stepping: false });
    expect(h.run.view.curves![0].epochs.map(Math.round)).toEqual([0, 1]);
    h.run.step(SETTINGS);
    await h.pumpAll();
    expect(h.run.view.curves![0].epochs.map(Math.round)).toEqual([0, 1, 2]);
    h.run.step(SETTINGS);
    h.run.step(SETTINGS); // ignored: a step is under way
    await h.pumpAll();
    expect(h.run.view.state).toBe('done');
  });

  it('Reset terminates the worker and forgets the run; nothing it said afterwards counts', async () => {
    const h = fakeWorkers();
    h.run.play(SETTINGS);
    await h.finishDownloads();
    h.run.play(SETTINGS);
    await h.pumpAll(1);
    h.run.reset();
    expect(h.live()).toHaveLength(0);
    expect(h.run.view).toMatchObject({ state: 'idle', curves: null, snapshot: null, progress: null });
    await h.pumpAll();
    expect(h.run.view.state).toBe('idle');
    // The next Train starts a fresh worker, which downloads again.
    h.run.play(SETTINGS);
    expect(h.workers).toHaveLength(2);
    expect(h.run.view.state).toBe('loading');
  });

  it('Reset during the download keeps the worker until the download settles, then terminates it', async () => {
    const h = fakeWorkers();
    h.run.play(SETTINGS);
    await h.pumpAll();
    h.run.reset();
    expect(h.run.view.state).toBe('idle');
    expect(h.live()).toHaveLength(1);
    expect(h.workers[0].requests.at(-1)).toEqual({ type: 'reset' });
    await h.finishDownloads();
    expect(h.live()).toHaveLength(0);
    expect(h.run.view.state).toBe('idle');
  });

  it('Train again before that download settles reuses the worker and its download', async () => {
    const h = fakeWorkers();
    h.run.play(SETTINGS);
    await h.pumpAll();
    h.run.reset();
    h.run.play(SETTINGS);
    await h.finishDownloads();
    expect(h.workers).toHaveLength(1);
    expect(h.run.view.state).toBe('done');
  });

  it('a changed setting resets a run with other settings; the same settings keep it', async () => {
    const h = fakeWorkers();
    h.run.configure(SETTINGS);
    expect(h.workers).toHaveLength(0);
    h.run.play(SETTINGS);
    await h.finishDownloads();
    h.run.configure({ ...SETTINGS });
    expect(h.run.view.state).toBe('done');
    h.run.configure({ ...SETTINGS, width: 16 });
    expect(h.run.view.state).toBe('idle');
    expect(h.live()).toHaveLength(0);
  });

  it('a damaged download: a readable error, the worker kept until it said loaded, and Train tries again', async () => {
    const h = fakeWorkers(() => ({ ok: false, error: 'The digits data could not be read: it is truncated: 10 of 7870032 payload bytes arrived.' }));
    h.run.play(SETTINGS);
    await h.finishDownloads();
    expect(h.run.view).toMatchObject({ state: 'failed', playing: false, error: expect.stringMatching(/truncated/) });
    h.run.play(SETTINGS);
    expect(h.workers).toHaveLength(2);
    expect(h.workers[0].terminated).toBe(true);
    expect(h.run.view.state).toBe('loading');
  });

  it('a worker that cannot be created, or that crashes, fails with a sentence', async () => {
    const broken = createDigitsRun({
      createWorker: () => {
        throw new Error('blocked by the page');
      },
      assetUrl: '/x',
    });
    broken.play(SETTINGS);
    expect(broken.view).toMatchObject({ state: 'failed', playing: false, error: 'The training thread could not start: blocked by the page' });
    const h = fakeWorkers();
    h.run.play(SETTINGS);
    h.workers[0].onerror?.({ message: 'SyntaxError', preventDefault: () => {} });
    expect(h.run.view).toMatchObject({ state: 'failed', error: 'The training worker stopped: SyntaxError.' });
    expect(h.live()).toHaveLength(0);
  });
});
