/**
 * The messages between the digits widget (main thread) and its worker. Small and structured-clone friendly: curves
 * are plain arrays of at most epochs + 1 numbers; weight tiles travel as transferred Float32Array buffers.
 *
 * Page → worker: start (download the digits if not yet, build both nets, train), pause, resume, reset (forget the
 * run; the downloaded digits stay). The page ends everything with worker.terminate() (on Reset or when it leaves).
 * Worker → page: download progress, progress (a few times a second while training, and on every state change),
 * snapshot (after each measurement: test-set activations and weight tiles of both nets), done, error.
 */
import type { DigitsDropoutSettings, DigitsStatus } from './model.ts';
import type { ActivationSummary, HistogramBins } from './probe.ts';

export type DigitsRequest =
  | { readonly type: 'start'; readonly assetUrl: string; readonly settings: DigitsDropoutSettings; readonly tileCount?: number }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
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
  | { readonly type: 'done'; readonly status: Exclude<DigitsStatus, 'training'>; readonly finalTestError: readonly [number, number]; readonly seconds: number }
  | { readonly type: 'error'; readonly message: string };

export interface RunSnapshot {
  readonly hidden: readonly ActivationSummary[];
  readonly tiles: Float32Array;
  readonly tileCount: number;
}
