/**
 * The messages between the MC-dropout widget (main thread) and its worker. Small: a prediction is four vectors of 10
 * numbers and the 784 input pixels; the test-set curve is two arrays of Tmax counts and a few digits.
 *
 * Page → worker:
 * - start: fetch the pre-trained network (about 220 KB) and then the digits (the test digits, for the gallery and
 *   the curve). A prediction on a drawing needs the network only.
 * - predict: an input (a drawing's ink, or test digit i) and T. Newer requests replace older ones still waiting.
 * - use-network / use-pretrained: switch networks (the one the student trained in digits-dropout, or back); the
 *   curve starts again for the network in use.
 * Worker → page: network (ready, with what it is), digits (the gallery), prediction or refused (an empty canvas),
 * curve (partial, every few hundred milliseconds, and when done), error.
 */
import type { NetworkSpec } from './network.ts';

export type McInput =
  | { readonly kind: 'ink'; readonly width: number; readonly height: number; readonly ink: Uint8Array }
  | { readonly kind: 'test'; readonly index: number };

export type McRequest =
  | { readonly type: 'start'; readonly networkUrl: string; readonly digitsUrl: string }
  | { readonly type: 'predict'; readonly id: number; readonly input: McInput; readonly T: number }
  | { readonly type: 'use-network'; readonly spec: NetworkSpec }
  | { readonly type: 'use-pretrained' };

export interface NetworkInfo {
  readonly kind: 'pretrained' | 'trained';
  readonly label: string;
  readonly sizes: readonly number[];
  readonly dropout: { readonly input: number; readonly hidden: readonly number[] };
  readonly testError: number | null;
}

export interface GalleryDigit {
  /** Index in the 2,000 test digits. */
  readonly index: number;
  readonly label: number;
  /** 784 grey levels 0–255. */
  readonly pixels: Uint8Array;
}

export interface Prediction {
  readonly id: number;
  readonly T: number;
  readonly source: { readonly kind: 'ink' } | { readonly kind: 'test'; readonly index: number; readonly label: number };
  /** The 784 inputs as the network sees them, 0–1. */
  readonly input: Float32Array;
  readonly scaled: number[];
  readonly mean: number[];
  readonly low: number[];
  readonly high: number[];
  readonly votes: number[];
  readonly network: string;
}

export interface CurveUpdate {
  readonly network: string;
  readonly Tmax: number;
  /** Test digits measured so far, of `total`. */
  readonly count: number;
  readonly total: number;
  readonly wrong: number[];
  readonly agree: number[];
  readonly scaledWrong: number;
  /** The digits the sampled networks disagree on most, so far, most first. */
  readonly disagree: ReadonlyArray<GalleryDigit & { readonly disagreement: number; readonly predicted: number }>;
  readonly done: boolean;
}

export type McMessage =
  | { readonly type: 'network'; readonly network: NetworkInfo }
  | { readonly type: 'digits'; readonly gallery: readonly GalleryDigit[]; readonly testCount: number }
  | ({ readonly type: 'prediction' } & Prediction)
  | { readonly type: 'refused'; readonly id: number; readonly message: string }
  | ({ readonly type: 'curve' } & CurveUpdate)
  | { readonly type: 'error'; readonly message: string };
