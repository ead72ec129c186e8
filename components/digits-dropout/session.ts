/**
 * The worker's logic, without the worker: a session receives requests (protocol.ts) and posts messages through
 * the functions it is given, so Node tests drive it with a fake clock and scheduler. It trains in slices of
 * `sliceMs`, yielding to the event loop between slices (so Pause and Reset are handled within one slice), and posts
 * progress at most every `progressMs`.
 *
 * One download per session: a start while the digits are still arriving waits for the same download, and a reset
 * does not cancel it (the digits are kept for the next start). When it settles the session posts `loaded`, so the
 * page knows it may terminate the worker without cutting a request off.
 */
import type { Dataset } from '../../src/engine/index.ts';
import { digitsDataset } from '../../src/digits/dataset.ts';
import type { DigitsResult } from '../../src/digits/parse.ts';
import { DIGITS_DROPOUT, type DigitsExperiment, createDigitsExperiment, epochAt, workUnit } from './model.ts';
import type { DigitsMessage, DigitsRequest, RunSnapshot, SessionState } from './protocol.ts';
import { firstLayerTiles } from './tiles.ts';
import { networkBuffers, trainedNetwork } from './trained.ts';

export interface SessionEnvironment {
  post(message: DigitsMessage, transfer?: Transferable[]): void;
  /** Downloads and decodes the asset (src/digits/load.ts in the worker). */
  load(url: string, onProgress: (loaded: number, total: number | null) => void): Promise<DigitsResult>;
  now(): number;
  /** Runs fn soon, after pending messages (setTimeout(fn, 0) in the worker). */
  schedule(fn: () => void): void;
  sliceMs?: number;
  progressMs?: number;
}

export interface DigitsSession {
  handle(request: DigitsRequest): void;
  readonly state: SessionState;
  /** Stops everything (what terminating the worker does). */
  dispose(): void;
}

export const DEFAULT_TILE_COUNT = 64;

export function createDigitsSession(env: SessionEnvironment): DigitsSession {
  const sliceMs = env.sliceMs ?? 50, progressMs = env.progressMs ?? 200;
  let state: SessionState = 'idle';
  let data: { train: Dataset; test: Dataset } | null = null;
  /** The download in flight (null before the first start, and again once it has failed, so a later start retries). */
  let loading: Promise<DigitsResult> | null = null;
  let disposed = false;
  let experiment: DigitsExperiment | null = null;
  /** Set by a step request: pause once this many epochs have been measured (the epoch-0 measurement counts). */
  let pauseAtMeasurements: number | null = null;
  let tileCount = DEFAULT_TILE_COUNT;
  let generation = 0; // bumped by reset/dispose: a pending slice or download of an older run does nothing
  let trainingMs = 0, lastProgress = -Infinity;

  const post = (message: DigitsMessage, transfer?: Transferable[]): void => {
    if (!disposed) env.post(message, transfer);
  };
  const fail = (message: string): void => {
    state = 'failed';
    post({ type: 'error', message });
  };

  function progress(): void {
    if (experiment === null) return;
    const e = experiment, examples = e.step * DIGITS_DROPOUT.batchSize * 2;
    const rate = trainingMs > 0 ? (examples / trainingMs) * 1000 : 0;
    const left = (e.stepsTotal - e.step) * DIGITS_DROPOUT.batchSize * 2;
    post({
      type: 'progress', state, epoch: epochAt(e), epochs: e.settings.epochs, step: e.step, stepsTotal: e.stepsTotal,
      examplesPerSecond: rate, etaSeconds: rate > 0 ? left / rate : null,
      runs: [0, 1].map((r) => {
        const { label, curves } = e.runs[r];
        return { label, epochs: [...curves.epochs], trainError: [...curves.trainError], testError: [...curves.testError] };
      }) as never,
    });
    lastProgress = env.now();
  }

  function snapshot(): void {
    if (experiment === null) return;
    const runs = experiment.runs.map((run): RunSnapshot => {
      const tiles = firstLayerTiles(run.trainer.net, tileCount);
      return { hidden: run.latest?.hidden ?? [], tiles, tileCount: tiles.length / experiment!.train.x.cols };
    }) as unknown as [RunSnapshot, RunSnapshot];
    post({ type: 'snapshot', epoch: epochAt(experiment), bins: DIGITS_DROPOUT.bins, runs }, runs.map((r) => r.tiles.buffer as ArrayBuffer));
  }

  function slice(token: number): void {
    if (token !== generation || state !== 'training' || experiment === null) return;
    const e = experiment, start = env.now(), deadline = start + sliceMs;
    const measured = (): number => e.runs[0].curves.epochs.length;
    let seen = measured();
    let status;
    try {
      // At least one unit of work, then until the deadline, the end, or the epoch a step asked for. A snapshot is
      // taken as soon as a measurement completes, so its weights are those the measurement saw (at epoch 0, the
      // starting weights both nets share), not those of a few steps later in the same slice.
      do {
        workUnit(e);
        if (measured() > seen) {
          seen = measured();
          snapshot();
        }
      } while (e.status === 'training' && env.now() < deadline && (pauseAtMeasurements === null || measured() < pauseAtMeasurements));
      status = e.status;
    } catch (error) {
      fail(`Training stopped: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const end = env.now();
    trainingMs += end - start;
    if (status !== 'training') {
      state = status;
      progress();
      const network = status === 'done' ? trainedNetwork(e.runs[1].trainer.net) : null;
      post(
        { type: 'done', status, finalTestError: [e.runs[0].curves.testError.at(-1) ?? NaN, e.runs[1].curves.testError.at(-1) ?? NaN], seconds: trainingMs / 1000, network },
        network ? networkBuffers(network) : [],
      );
      return;
    }
    if (pauseAtMeasurements !== null && measured() >= pauseAtMeasurements) {
      pauseAtMeasurements = null;
      state = 'paused';
      progress();
      return;
    }
    if (end - lastProgress >= progressMs) progress();
    env.schedule(() => slice(token));
  }

  function begin(settings: Parameters<typeof createDigitsExperiment>[1]): void {
    try {
      experiment = createDigitsExperiment(data!, settings);
    } catch (error) {
      fail(`The experiment could not start: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    trainingMs = 0;
    const token = generation;
    if (state === 'loading') state = 'training';
    progress();
    if (state === 'training') env.schedule(() => slice(token));
  }

  return {
    get state() {
      return state;
    },
    handle(request) {
      switch (request?.type) {
        case 'start': {
          generation++;
          experiment = null;
          pauseAtMeasurements = null;
          tileCount = request.tileCount ?? DEFAULT_TILE_COUNT;
          state = 'loading';
          if (data !== null) return begin(request.settings);
          const token = generation;
          download(request.assetUrl).then((result) => {
            if (token !== generation) return;
            if (!result.ok) return fail(result.error);
            begin(request.settings);
          });
          return;
        }
        case 'pause':
          pauseAtMeasurements = null;
          if (state === 'training' || state === 'loading') {
            state = 'paused';
            progress();
          }
          return;
        case 'resume':
          pauseAtMeasurements = null;
          resume();
          return;
        case 'step':
          // One more measured epoch: from a pause, or while the digits are still arriving (the epoch-0 measurement
          // and one epoch of training). Ignored while training on.
          if (state === 'loading' && experiment === null) pauseAtMeasurements = 2;
          else if (state === 'paused') {
            pauseAtMeasurements = (experiment?.runs[0].curves.epochs.length ?? 0) + (experiment === null ? 2 : 1);
            resume();
          }
          return;
        case 'reset':
          generation++;
          experiment = null;
          pauseAtMeasurements = null;
          state = 'idle';
          return;
        default:
          return fail(`Unknown request ${JSON.stringify((request as { type?: unknown } | null)?.type ?? request)}`);
      }
    },
    dispose() {
      generation++;
      disposed = true;
      experiment = null;
      state = 'idle';
    },
  };

  function resume(): void {
    if (state !== 'paused') return;
    if (experiment === null) {
      state = 'loading'; // paused before the digits arrived: begin() starts training when they do
      return;
    }
    state = 'training';
    progress();
    const token = generation;
    env.schedule(() => slice(token));
  }

  /** The digits, downloaded once: every start waits for the same download; a failed one is tried again next time. */
  function download(url: string): Promise<DigitsResult> {
    loading ??= env
      .load(url, (loaded, total) => {
        if (state === 'loading' || (state === 'paused' && experiment === null)) post({ type: 'download', loaded, total });
      })
      .catch((error: unknown): DigitsResult => ({ ok: false, error: `The digits data could not be loaded: ${error instanceof Error ? error.message : String(error)}` }))
      .then((result) => {
        if (result.ok) data = { train: digitsDataset(result.digits.train, result.digits.classes), test: digitsDataset(result.digits.test, result.digits.classes) };
        else loading = null;
        post({ type: 'loaded', ok: result.ok });
        return result;
      });
    return loading;
  }
}
