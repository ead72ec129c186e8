// Dropout (Srivastava et al. 2014). p is the DROP probability (PyTorch, TF.js and the lecture; the paper's p is
// the retain probability 1 − p). Each unit of each example is kept independently: m ~ Bernoulli(1 − p).
//
//   inverted (what frameworks do):  training y = x ⊙ m / (1 − p)      evaluation y = x
//   standard (the paper's form):    training y = x ⊙ m                evaluation y = (1 − p) x
// Both make E[training output] = evaluation output: E[m] = 1 − p. (ConvNetJS scales by p instead of 1 − p at
// test time: wrong whenever p ≠ 0.5.) The backward pass multiplies by the same factor: dx = dy ⊙ m / (1 − p).
// p must be in [0, 1); p = 0 keeps everything (identity) and draws nothing from the rng.

import type { Rng } from './rng.ts';
import { assertBinaryMask, assertFiniteVector, assertInHalfOpenRange } from './validate.ts';

export type DropoutForm = 'inverted' | 'standard';

export function assertDropoutP(p: unknown): asserts p is number {
  assertInHalfOpenRange(p, 'dropout p', 0, 1);
}

/** The inverted-dropout training scale 1 / (1 − p). */
export function dropoutScale(p: number): number {
  assertDropoutP(p);
  return 1 / (1 - p);
}

/** Fills `mask` with 1 (kept, probability 1 − p) or 0 (dropped, probability p). No allocation. */
export function sampleDropoutMaskInto(rng: Rng, p: number, mask: Float64Array): void {
  assertDropoutP(p);
  if (p === 0) {
    mask.fill(1);
    return;
  }
  // One 32-bit draw per unit: kept when u < (1 − p)·2³², u uniform in [0, 2³²) — probability 1 − p to within 2⁻³².
  const threshold = (1 - p) * 4294967296;
  for (let i = 0; i < mask.length; i++) mask[i] = +(rng.nextUint32() < threshold);
}

/** A fresh mask of `length` units: 1 = kept, 0 = dropped. */
export function sampleDropoutMask(rng: Rng, p: number, length: number): Float64Array {
  const mask = new Float64Array(length);
  sampleDropoutMaskInto(rng, p, mask);
  return mask;
}

/** Inverted dropout in training with an explicit mask: y = x ⊙ m / (1 − p). */
export function invertedDropout(x: Float64Array, p: number, mask: Float64Array): Float64Array {
  checkArguments(x, p, mask);
  const scale = 1 / (1 - p);
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = x[i] * mask[i] * scale;
  return y;
}

/** Inverted dropout in training, sampling the mask from `rng`; returns the output and the mask it used. */
export function invertedDropoutSampled(x: Float64Array, p: number, rng: Rng): { y: Float64Array; mask: Float64Array } {
  assertFiniteVector(x, 'dropout x');
  const mask = sampleDropoutMask(rng, p, x.length);
  return { y: invertedDropout(x, p, mask), mask };
}

/** Inverted dropout in evaluation: the identity (a copy of x). */
export function invertedDropoutEval(x: Float64Array, p: number): Float64Array {
  checkArguments(x, p);
  return x.slice();
}

/** Standard (original) dropout in training with an explicit mask: y = x ⊙ m, no scaling. */
export function standardDropout(x: Float64Array, p: number, mask: Float64Array): Float64Array {
  checkArguments(x, p, mask);
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = x[i] * mask[i];
  return y;
}

/** Standard dropout in training, sampling the mask from `rng`. */
export function standardDropoutSampled(x: Float64Array, p: number, rng: Rng): { y: Float64Array; mask: Float64Array } {
  assertFiniteVector(x, 'dropout x');
  const mask = sampleDropoutMask(rng, p, x.length);
  return { y: standardDropout(x, p, mask), mask };
}

/** Standard dropout in evaluation: every unit is present, so scale by the retain probability: y = (1 − p) x. */
export function standardDropoutEval(x: Float64Array, p: number): Float64Array {
  checkArguments(x, p);
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = (1 - p) * x[i];
  return y;
}

export interface DropoutOptions {
  readonly p: number;
  readonly training: boolean;
  /** Default 'inverted'. */
  readonly form?: DropoutForm;
  /** Training: the mask to apply; if absent one is drawn from `rng`. */
  readonly mask?: Float64Array;
  readonly rng?: Rng;
}

/** One entry point for widgets: returns the output and, in training, the mask used (null in evaluation). */
export function dropout(x: Float64Array, options: DropoutOptions): { y: Float64Array; mask: Float64Array | null } {
  const { p, training, form = 'inverted', mask, rng } = options;
  if (form !== 'inverted' && form !== 'standard') throw new TypeError(`dropout form must be "inverted" or "standard", got ${String(form)}`);
  if (!training) return { y: form === 'inverted' ? invertedDropoutEval(x, p) : standardDropoutEval(x, p), mask: null };
  if (mask === undefined && rng === undefined) throw new TypeError('dropout in training needs a mask or an rng');
  const m = mask ?? sampleDropoutMask(rng as Rng, p, x.length);
  return { y: form === 'inverted' ? invertedDropout(x, p, m) : standardDropout(x, p, m), mask: m };
}

function checkArguments(x: Float64Array, p: number, mask?: Float64Array): void {
  assertDropoutP(p);
  assertFiniteVector(x, 'dropout x');
  if (mask !== undefined) assertBinaryMask(mask, 'dropout mask', x.length);
}
