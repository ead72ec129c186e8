// The shapes the MLP works with: its layers, how a forward pass is run, what it returns, how it is initialised.

import type { Activation } from './activations/activation.ts';
import type { InitScheme } from './init.ts';
import type { Matrix } from './matrix.ts';
import type { Rng } from './rng.ts';

export interface DenseLayer {
  /** in × out weights (h = x W + b) and their gradient, same layout. */
  readonly W: Matrix;
  readonly b: Float64Array;
  readonly dW: Matrix;
  readonly db: Float64Array;
}

export interface HiddenLayer {
  readonly activation: Activation;
  readonly dropoutP: number;
}

export interface ForwardMode {
  /** Training: dropout active (and RReLU slopes random). Evaluation: no dropout (inverted dropout is the identity). */
  readonly training: boolean;
  /** Draws the dropout masks (and RReLU slopes) in training. */
  readonly rng?: Rng;
  /** Explicit 0/1 masks per hidden layer (batch × units), e.g. for replaying PyTorch; they override sampling and are
   * applied as a = f(z) ⊙ m / (1 − p) even when p = 0. Ignored in evaluation. */
  readonly masks?: readonly (Float64Array | null | undefined)[];
  /** An explicit 0/1 mask on the inputs (batch × inputs), applied as x ⊙ m / (1 − inputDropoutP) even when that p is
   * 0; overrides sampling. Ignored in evaluation. */
  readonly inputMask?: Float64Array | null;
}

/** Views into the network's buffers: valid until the next forward pass with the same batch size. */
export interface ForwardPass {
  readonly logits: Matrix;
  /** z of each hidden layer, before the activation. */
  readonly preActivations: readonly Matrix[];
  /** Output of each hidden layer: activation, then dropout in training. */
  readonly hidden: readonly Matrix[];
  /** The mask applied to each hidden layer, or null where none was. */
  readonly masks: readonly (Float64Array | null)[];
  /** What the first dense layer saw: the batch itself, or x ⊙ m / (1 − p) with input dropout. */
  readonly input: Matrix;
  /** The mask applied to the inputs, or null. */
  readonly inputMask: Float64Array | null;
}

export interface LayerWeights {
  readonly W: Matrix | readonly ArrayLike<number>[];
  readonly b: ArrayLike<number>;
}

export type MlpInit =
  | { readonly scheme: InitScheme; readonly rng: Rng }
  | { readonly weights: readonly LayerWeights[]; readonly preluSlopes?: readonly ArrayLike<number>[] };
