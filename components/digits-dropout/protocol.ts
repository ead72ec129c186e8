/**
 * The messages between the digits widget (main thread) and its worker. Small and structured-clone friendly: curves
 * are plain arrays of at most epochs + 1 numbers; weight tiles travel as transferred Float32Array buffers.
 *
 * Page → worker: start (download the digits if not yet, build both nets, train), pause, resume, step (train to the
 * end of the next measured epoch, then pause), reset (forget the run; the downloaded digits stay). The page ends
 * everything with worker.terminate() (on Reset or when it leaves), but not while the worker's download is in flight:
 * a fetch cut off by terminate() is never reported as finished or failed, so the page resets the worker instead and
 * terminates it on `loaded`.
 * Worker → page: download progress, loaded (the download settled, whatever run asked for it), progress (a few times a
 * second while training, and on every state change), snapshot (after each measurement: test-set activations and
 * weight tiles of both nets), done (with the dropout net's weights, trained.ts), error.
 */
import type { DigitsDropoutSettings, DigitsStatus } from './model.ts';
import type { ActivationSummary, HistogramBins } from './probe.ts';
import type { TrainedNetwork } from './trained.ts';

export type DigitsRequest =
  | { readonly type: 'start'; readonly assetUrl: string; readonly settings: DigitsDropoutSettings; readonly tileCount?: number }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'step' }
  | { readonly type: 'reset' };

export type SessionState = 'idle' | 'loading' | 'training' | 'paused' | 'done' | 'diverged' | 'failed';

export interface RunCurves {
  readonly label: string;
  readonly epochs: number[];
  readonly trainError: number[];
  readonly testError: number[];
}

export type DigitsMessage =
  | { readonly type: 'download'; readonly loaded: number; readonly total: number | null }
  /** The worker's download has settled (well or not), even if the run that started it was reset since. */
  | { readonly type: 'loaded'; readonly ok: boolean }
  | {
    readonly type: 'progress';
    readonly state: SessionState;
    /** Passes over the training digits so far (fractional) and planned. */
    readonly epoch: number;
    readonly epochs: number;
    readonly step: number;
    readonly stepsTotal: number;
    /** Training examples per second, both nets together, measurements included (the rate the ETA uses). */
    readonly examplesPerSecond: number;
    /** Seconds left at that rate; null before the rate is known. */
    readonly etaSeconds: number | null;
    readonly runs: readonly [RunCurves, RunCurves];
  }
  | {
    readonly type: 'snapshot';
    readonly epoch: number;
    readonly bins: HistogramBins;
    /** Per net: hidden-layer activations on the test digits, and its first `tileCount` units' weights (tileCount × 784). */
    readonly runs: readonly [RunSnapshot, RunSnapshot];
  }
  | {
    readonly type: 'done';
    readonly status: Exclude<DigitsStatus, 'training'>;
    readonly finalTestError: readonly [number, number];
    readonly seconds: number;
    /** The dropout net's weights when the run finished (not when it diverged): for the page's other widgets. */
    readonly network: TrainedNetwork | null;
  }
  | { readonly type: 'error'; readonly message: string };

export interface RunSnapshot {
  readonly hidden: readonly ActivationSummary[];
  readonly tiles: Float32Array;
  readonly tileCount: number;
}
