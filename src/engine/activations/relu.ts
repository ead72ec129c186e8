// ReLU, the rectified linear unit (Glorot et al. 2011; Krizhevsky et al. 2012).
//   f(x)  = max(0, x)
//   f'(x) = 1 for x > 0, else 0      (0 at x = 0, as PyTorch)
// Its exact zeros make hidden codes sparse, and the zero-skipping kernels in dense.ts fast.

import { type Activation, backwardVector, mapVector } from './activation.ts';
import { checkParamKeys } from './params.ts';

const reluAt = (x: number): number => (x > 0 ? x : 0);
const reluSlopeAt = (x: number): number => (x > 0 ? 1 : 0);

/** max(0, x) elementwise. */
export function relu(x: Float64Array): Float64Array {
  return mapVector(x, reluAt, 'relu x');
}

/** f'(x): 1 where x > 0, else 0. */
export function reluDerivative(x: Float64Array): Float64Array {
  return mapVector(x, reluSlopeAt, 'relu x');
}

export function createReluActivation(params?: Record<string, number | boolean>): Activation {
  checkParamKeys('relu', params, []);
  return {
    name: 'relu',
    params: {},
    parameters: [],
    // Hand-written loop (not the generic helper): this is the hot path of the benchmark net.
    forwardInto(z, y, derivative) {
      const n = z.length;
      if (derivative === null) {
        for (let i = 0; i < n; i++) y[i] = z[i] > 0 ? z[i] : 0;
        return;
      }
      for (let i = 0; i < n; i++) {
        const zi = z[i];
        if (zi > 0) {
          y[i] = zi;
          derivative[i] = 1;
        } else {
          y[i] = 0;
          derivative[i] = 0;
        }
      }
    },
    accumulateParameterGradient() {},
    forward: (x) => relu(x),
    backward: (x, upstream) => backwardVector(x, upstream, reluSlopeAt, 'relu'),
  };
}
