// Weight initialisation, keeping the variance of activations roughly constant from layer to layer.
//   He (Kaiming, He et al. 2015, for rectifiers):   Var(W) = 2 / fan_in
//   Xavier (Glorot & Bengio 2010, for tanh-like):   Var(W) = 2 / (fan_in + fan_out)
// "normal" draws W ~ N(0, Var); "uniform" draws W ~ U(−limit, limit) with limit = √(3 Var), which has the same
// variance (so He-uniform limit = √(6 / fan_in), Xavier-uniform limit = √(6 / (fan_in + fan_out)), as in PyTorch's
// kaiming_uniform_ / xavier_uniform_ with their default gains). Biases start at zero.
//   Small (a fixed scale, blind to the layer's width):  W ~ N(0, 0.01²)
// The last is the kind of initialisation the scaled schemes replaced: in a deep net it shrinks the signal, and the
// gradient with it, by a fixed factor per layer (the layer-statistics widget shows it next to Xavier and He).

import type { Matrix } from './matrix.ts';
import type { Rng } from './rng.ts';
import { assertInteger } from './validate.ts';

export type InitScheme = 'he-normal' | 'he-uniform' | 'xavier-normal' | 'xavier-uniform' | 'small-normal';
export const INIT_SCHEMES: readonly InitScheme[] = ['he-normal', 'he-uniform', 'xavier-normal', 'xavier-uniform', 'small-normal'];
/** The standard deviation of the 'small-normal' scheme, whatever the layer's size. */
export const SMALL_INIT_STD = 0.01;

/** The variance the scheme targets for a weight matrix of shape (fanIn, fanOut). */
export function initVariance(scheme: InitScheme, fanIn: number, fanOut: number): number {
  assertInitScheme(scheme);
  if (scheme === 'small-normal') return SMALL_INIT_STD ** 2;
  return scheme.startsWith('he-') ? 2 / fanIn : 2 / (fanIn + fanOut);
}

/** A fanIn × fanOut weight matrix drawn from `rng` according to `scheme`. */
export function initWeights(scheme: InitScheme, fanIn: number, fanOut: number, rng: Rng): Matrix {
  assertInteger(fanIn, 'fanIn', 1);
  assertInteger(fanOut, 'fanOut', 1);
  const variance = initVariance(scheme, fanIn, fanOut);
  const data = new Float64Array(fanIn * fanOut);
  if (scheme.endsWith('-normal')) {
    const std = Math.sqrt(variance);
    for (let i = 0; i < data.length; i++) data[i] = rng.normal(0, std);
  } else {
    const limit = Math.sqrt(3 * variance);
    for (let i = 0; i < data.length; i++) data[i] = rng.uniform(-limit, limit);
  }
  return { rows: fanIn, cols: fanOut, data };
}

export function assertInitScheme(scheme: unknown): asserts scheme is InitScheme {
  if (!INIT_SCHEMES.includes(scheme as InitScheme)) {
    throw new TypeError(`init scheme must be one of ${INIT_SCHEMES.join(', ')}, got ${String(scheme)}`);
  }
}
