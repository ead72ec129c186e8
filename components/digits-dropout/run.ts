/**
 * The page's side of a digits run: it owns the worker (worker.ts), turns Train / Step / Reset into requests
 * (protocol.ts) and keeps what the worker last said, for every instance of the widget on the page to draw. One run
 * per page, shared: the lesson shows the experiment beside two bullets, and both places show the same run (training
 * it twice would double half a minute of work for the same numbers).
 *
 * Lifecycle. The worker is created by the first Train or Step. Reset terminates it, so nothing keeps running; the
 * next Train starts a fresh one. A worker whose download is still in flight is not terminated (a fetch cut off by
 * terminate() is never reported as finished or failed): it is reset, kept for the next start, and terminated once
 * it says `loaded`. A finished run keeps its worker, which keeps the decoded digits for the next run.
 *
 * Pure apart from the worker it is given: no DOM, no timers.
 */
import type { DigitsDropoutSettings } from './model.ts';
import type { DigitsMessage, DigitsRequest, RunCurves, RunSnapshot } from './protocol.ts';
import type { HistogramBins } from './probe.ts';
import type { TrainedNetwork } from './trained.ts';

/** What the run needs of a Worker. */
export interface WorkerLike {
  postMessage(message: DigitsRequest): void;
  terminate(): void;
  onmessage: ((event: { data: DigitsMessage }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null;
}

export type RunState = 'idle' | 'loading' | 'training' | 'paused' | 'done' | 'diverged' | 'failed';

export type ProgressMessage = Extract<DigitsMessage, { type: 'progress' }>;

export interface RunView {
  readonly state: RunState;
  /** The Train button is pressed: downloading or training on (not a single step, not paused). */
  readonly playing: boolean;
  /** A Step (one epoch) is under way. */
  readonly stepping: boolean;
  /** Paused by the page, not yet confirmed by the worker: a report it sent before the pause may still arrive, and
   * its confirmation brings where it stopped. */
  readonly pausing: boolean;
  /** The settings of the run shown (null before the first start). */
  readonly settings: DigitsDropoutSettings | null;
  readonly download: { readonly loaded: number; readonly total: number | null } | null;
  readonly progress: ProgressMessage | null;
  readonly curves: readonly [RunCurves, RunCurves] | null;
  readonly snapshot: { readonly epoch: number; readonly bins: HistogramBins; readonly runs: readonly [RunSnapshot, RunSnapshot] } | null;
  /** Weight tiles at epoch 0: the starting weights both nets share. */
  readonly initialTiles: Float32Array | null;
  readonly finished: { readonly finalTestError: readonly [number, number]; readonly seconds: number; readonly network: TrainedNetwork | null } | null;
  readonly error: string | null;
  /** Bumped when the curves, the snapshot, or anything at all changes: what a drawing depends on. */
  readonly versions: { readonly curves: number; readonly snapshot: number; readonly any: number };
}

export type RunChange = 'state' | 'download' | 'progress' | 'curves' | 'snapshot' | 'reset';

export interface DigitsRun {
  readonly view: RunView;
  /** Train / Pause: start (or restart a finished run), pause, resume. */
  play(settings: DigitsDropoutSettings): void;
  /** One more epoch, then pause (from idle: download, measure epoch 0, train one epoch). Ignored while training on. */
  step(settings: DigitsDropoutSettings): void;
  /** Back to idle; the worker is terminated (or retired once its download settles). */
  reset(): void;
  /** The controls changed: a run with other settings is reset (the next Train uses the new ones). */
  configure(settings: DigitsDropoutSettings): void;
  subscribe(listener: (change: RunChange, view: RunView) => void): () => void;
  /** Live workers (0 or 1, plus one retiring while its download settles). */
  readonly workers: number;
}

export interface RunOptions {
  createWorker(): WorkerLike;
  assetUrl: string;
  tileCount?: number;
}

const sameSettings = (a: DigitsDropoutSettings, b: DigitsDropoutSettings): boolean =>
  (Object.keys(a) as (keyof DigitsDropoutSettings)[]).every((key) => a[key] === b[key]);

/** Nothing trained yet: the view before the first Train (and after Reset). */
export const IDLE_VIEW: RunView = {
  state: 'idle', playing: false, stepping: false, pausing: false, settings: null, download: null, progress: null, curves: null, snapshot: null,
  initialTiles: null, finished: null, error: null, versions: { curves: 0, snapshot: 0, any: 0 },
};

export function createDigitsRun(options: RunOptions): DigitsRun {
  const listeners = new Set<(change: RunChange, view: RunView) => void>();
  let view: RunView = IDLE_VIEW;
  let worker: WorkerLike | null = null;
  /** The current worker's download has not settled yet. */
  let downloading = false;
  /** The current worker holds the decoded digits (its download succeeded). */
  let workerHasDigits = false;
  /** Reset while downloading: terminate on `loaded` unless a new start claims it first. */
  let retiring = false;
  /** Messages are ignored between a reset and the next start (only `loaded` still counts). */
  let listening = false;
  /** The worker has started the current run's experiment (a progress message arrived). */
  let experimentStarted = false;

  const emit = (change: RunChange, patch: Partial<RunView>): void => {
    const versions = { ...view.versions, any: view.versions.any + 1 };
    if (change === 'curves' || change === 'reset') versions.curves++;
    if (change === 'snapshot' || change === 'reset') versions.snapshot++;
    view = { ...view, ...patch, versions };
    for (const listener of [...listeners]) listener(change, view);
  };

  const terminate = (): void => {
    worker?.terminate();
    worker = null;
    downloading = false;
    workerHasDigits = false;
    retiring = false;
  };

  const onMessage = (message: DigitsMessage): void => {
    if (message.type === 'loaded') {
      downloading = false;
      workerHasDigits = message.ok;
      if (retiring) terminate();
      return;
    }
    if (!listening) return;
    switch (message.type) {
      case 'download':
        emit('download', { download: { loaded: message.loaded, total: message.total } });
        return;
      case 'progress': {
        experimentStarted = true;
        const grew = (message.runs[0].epochs.length ?? 0) !== (view.curves?.[0].epochs.length ?? -1);
        let { state, playing, stepping } = view;
        if (state === 'loading') state = 'training';
        // The worker pauses by itself at the end of a step; any other state it reports the page has already set.
        // (A 'paused' report while the page waits for its pause to be confirmed is that confirmation, even when a
        // Step pressed since then is queued behind it.)
        const confirmsPause = view.pausing && message.state === 'paused';
        if (message.state === 'paused' && stepping && !confirmsPause) [state, stepping] = ['paused', false];
        const pausing = view.pausing && !confirmsPause;
        emit(grew ? 'curves' : 'progress', { progress: message, curves: message.runs, state, playing, stepping, pausing });
        return;
      }
      case 'snapshot': {
        const initialTiles = message.epoch === 0 || view.initialTiles === null ? message.runs[0].tiles.slice() : view.initialTiles;
        emit('snapshot', { snapshot: { epoch: message.epoch, bins: message.bins, runs: message.runs }, initialTiles });
        return;
      }
      case 'done':
        emit('state', { state: message.status, playing: false, stepping: false, pausing: false, finished: { finalTestError: message.finalTestError, seconds: message.seconds, network: message.network ?? null } });
        return;
      case 'error':
        emit('state', { state: 'failed', playing: false, stepping: false, pausing: false, error: message.message });
        return;
    }
  };

  const ensureWorker = (): WorkerLike => {
    if (worker) return worker;
    const created = options.createWorker();
    created.onmessage = (event) => {
      if (worker === created) onMessage(event.data);
    };
    created.onerror = (event) => {
      event.preventDefault?.();
      if (worker !== created) return;
      terminate();
      if (listening) emit('state', { state: 'failed', playing: false, stepping: false, pausing: false, error: `The training worker stopped: ${event.message || 'it could not run'}.` });
    };
    worker = created;
    return created;
  };

  /** A new run on the current worker (a fresh one if there is none, or if the last one failed). */
  const start = (settings: DigitsDropoutSettings, stepping: boolean): void => {
    if (view.state === 'failed' && !downloading) terminate();
    let target: WorkerLike;
    try {
      target = ensureWorker();
    } catch (error) {
      listening = false;
      emit('reset', { ...IDLE_VIEW, versions: view.versions, state: 'failed', settings, error: `The training thread could not start: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    retiring = false;
    listening = true;
    experimentStarted = false;
    emit('reset', { ...IDLE_VIEW, versions: view.versions, state: 'loading', playing: !stepping, stepping, settings });
    target.postMessage({ type: 'start', assetUrl: options.assetUrl, settings, tileCount: options.tileCount });
    // A worker without the digits downloads them (or is still downloading them); one that has them trains at once.
    if (!workerHasDigits) downloading = true;
    if (stepping) target.postMessage({ type: 'step' });
  };

  const run: DigitsRun = {
    get view() {
      return view;
    },
    get workers() {
      return worker ? 1 : 0;
    },
    play(settings) {
      switch (view.state) {
        case 'idle':
        case 'done':
        case 'diverged':
        case 'failed':
          start(settings, false);
          return;
        case 'loading':
        case 'training':
          if (view.stepping) {
            // Train during a step: train on instead of pausing after it.
            worker?.postMessage({ type: 'resume' });
            emit('state', { playing: true, stepping: false, pausing: false });
            return;
          }
          worker?.postMessage({ type: 'pause' });
          // The worker confirms a pause with a report, once its experiment has begun (before, there is nothing to report).
          emit('state', { state: 'paused', playing: false, pausing: experimentStarted });
          return;
        case 'paused':
          worker?.postMessage({ type: 'resume' });
          emit('state', { state: experimentStarted ? 'training' : 'loading', playing: true, pausing: false });
          return;
      }
    },
    step(settings) {
      switch (view.state) {
        case 'idle':
        case 'done':
        case 'diverged':
        case 'failed':
          start(settings, true);
          return;
        case 'paused':
          worker?.postMessage({ type: 'step' });
          emit('state', { state: experimentStarted ? 'training' : 'loading', stepping: true });
          return;
        default:
          return; // already training or stepping
      }
    },
    reset() {
      listening = false;
      if (worker && downloading) {
        worker.postMessage({ type: 'reset' });
        retiring = true;
      } else terminate();
      if (view.state !== 'idle') emit('reset', { ...IDLE_VIEW, versions: view.versions });
    },
    configure(settings) {
      if (view.settings !== null && !sameSettings(view.settings, settings)) run.reset();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return run;
}
