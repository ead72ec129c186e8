/**
 * The worker's logic, without the worker: a session receives requests (protocol.ts) and posts messages through
 * the functions it is given, so Node tests drive it with a fake clock and scheduler. It trains in slices of
 * `sliceMs`, yielding to the event loop between slices (so Pause and Reset are handled within one slice), and posts
 * progress at most every `progressMs`.
 */
import type { Dataset } from '../../src/engine/index.ts';
import { digitsDataset } from '../../src/digits/dataset.ts';
import type { DigitsResult } from '../../src/digits/parse.ts';
import { DIGITS_DROPOUT, type DigitsExperiment, advance, createDigitsExperiment, epochAt } from './model.ts';
import type { DigitsMessage, DigitsRequest, RunSnapshot, SessionState } from './protocol.ts';
import { firstLayerTiles } from './tiles.ts';

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
  let experiment: DigitsExperiment | null = null;
  let tileCount = DEFAULT_TILE_COUNT;
  let generation = 0; // bumped by reset/dispose: a pending slice or download of an older run does nothing
  let trainingMs = 0, lastProgress = -Infinity;

  const post = (message: DigitsMessage, transfer?: Transferable[]): void => env.post(message, transfer);
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
    const e = experiment, start = env.now();
    const before = e.runs[0].curves.epochs.length;
    let status;
    try {
      status = advance(e, start + sliceMs, env.now);
    } catch (error) {
      fail(`Training stopped: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const end = env.now();
    trainingMs += end - start;
    if (e.runs[0].curves.epochs.length > before) snapshot();
    if (status !== 'training') {
      state = status;
      progress();
      post({ type: 'done', status, finalTestError: [e.runs[0].curves.testError.at(-1) ?? NaN, e.runs[1].curves.testError.at(-1) ?? NaN], seconds: trainingMs / 1000 });
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
          tileCount = request.tileCount ?? DEFAULT_TILE_COUNT;
          state = 'loading';
          if (data !== null) return begin(request.settings);
          const token = generation;
          env.load(request.assetUrl, (loaded, total) => token === generation && post({ type: 'download', loaded, total })).then(
            (result) => {
              if (token !== generation) return;
              if (!result.ok) return fail(result.error);
              data = { train: digitsDataset(result.digits.train, result.digits.classes), test: digitsDataset(result.digits.test, result.digits.classes) };
              begin(request.settings);
            },
            (error: unknown) => token === generation && fail(`The digits data could not be loaded: ${error instanceof Error ? error.message : String(error)}`),
          );
          return;
        }
        case 'pause':
          if (state === 'training' || state === 'loading') {
            state = 'paused';
            progress();
          }
          return;
        case 'resume':
          if (state === 'paused' && experiment !== null) {
            state = 'training';
            progress();
            const token = generation;
            env.schedule(() => slice(token));
          } else if (state === 'paused') state = 'loading';
          return;
        case 'reset':
          generation++;
          experiment = null;
          state = 'idle';
          return;
        default:
          return fail(`Unknown request ${JSON.stringify((request as { type?: unknown } | null)?.type ?? request)}`);
      }
    },
    dispose() {
      generation++;
      experiment = null;
      state = 'idle';
    },
  };
}
