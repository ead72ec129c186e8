// Dropout inside the MLP's training forward pass, on the inputs and after each hidden activation (inverted:
// y = v ⊙ m / (1 − p), m ~ Bernoulli(1 − p) per entry, see dropout.ts). An explicit mask from ForwardMode overrides
// sampling and is applied even when p = 0 (that is how PyTorch cases are replayed). Masks are drawn from mode.rng
// in a fixed order: inputs first (only when inputDropoutP > 0), then hidden layer 0, 1, … (each only when its p > 0).

import { sampleDropoutMaskInto } from './dropout.ts';
import { type Matrix, createMatrix } from './matrix.ts';
import type { ForwardMode } from './mlp-types.ts';
import type { TrainingBuffers } from './mlp-workspace.ts';

/** The mask to use for one layer in training, written into `buffer`, or null for none. */
function chooseMask(given: Float64Array | null | undefined, p: number, mode: ForwardMode, buffer: () => Float64Array, what: string): Float64Array | null {
  if (given !== null && given !== undefined) {
    const mask = buffer();
    mask.set(given);
    return mask;
  }
  if (p === 0) return null;
  if (mode.rng === undefined) throw new TypeError(`mlp training with ${what} dropout p = ${p} needs mode.rng or mode.masks`);
  const mask = buffer();
  sampleDropoutMaskInto(mode.rng, p, mask);
  return mask;
}

/** Input dropout for a training pass: returns what the first layer sees (x itself when no mask applies) and the mask. */
export function dropInputs(x: Matrix, p: number, mode: ForwardMode, buffers: TrainingBuffers): { input: Matrix; mask: Float64Array | null } {
  const storage = (): { mask: Float64Array; dropped: Matrix } => {
    if (buffers.inputDropout === null) {
      buffers.inputDropout = { mask: new Float64Array(x.rows * x.cols), dropped: createMatrix(x.rows, x.cols) };
    }
    return buffers.inputDropout;
  };
  const mask = chooseMask(mode.inputMask, p, mode, () => storage().mask, 'input');
  if (mask === null) return { input: x, mask: null };
  const { dropped } = storage();
  const scale = 1 / (1 - p), v = x.data, out = dropped.data;
  // Branch-free (a random mask makes a "kept?" test a coin-flip branch); zero pixels stay exactly 0.
  for (let i = 0; i < out.length; i++) out[i] = v[i] * mask[i] * scale;
  return { input: dropped, mask };
}

/** Hidden-layer dropout for a training pass, in place on the activations `a` of layer h; returns the mask or null. */
export function dropHidden(a: Float64Array, h: number, p: number, mode: ForwardMode, buffers: TrainingBuffers): Float64Array | null {
  const mask = chooseMask(mode.masks?.[h], p, mode, () => buffers.mask[h], `hidden layer ${h}`);
  if (mask === null) return null;
  const scale = 1 / (1 - p);
  for (let i = 0; i < a.length; i++) a[i] *= mask[i] * scale;
  return mask;
}
