// Leaky ReLU (Maas, Hannun & Ng 2013): a small fixed slope s on the negative side, so units never stop learning.
//   f(x)  = x for x > 0, else s·x
//   f'(x) = 1 for x > 0, else s      (s at x = 0, as PyTorch)
// PyTorch's negative_slope defaults to 0.01 (TF.js uses 0.2 / 0.3: say which one a widget shows).

import { type Activation, backwardVector, mapVector } from './activation.ts';
import { checkParamKeys, numberParam } from './params.ts';

export const DEFAULT_NEGATIVE_SLOPE = 0.01;

/** Leaky ReLU with slope `negativeSlope` for x ≤ 0, elementwise. */
export function leakyRelu(x: Float64Array, negativeSlope = DEFAULT_NEGATIVE_SLOPE): Float64Array {
  const s = numberParam('leaky_relu', { negative_slope: negativeSlope }, 'negative_slope', DEFAULT_NEGATIVE_SLOPE);
  return mapVector(x, (v) => (v > 0 ? v : s * v), 'leaky_relu x');
}

/** f'(x): 1 where x > 0, else negativeSlope. */
export function leakyReluDerivative(x: Float64Array, negativeSlope = DEFAULT_NEGATIVE_SLOPE): Float64Array {
  const s = numberParam('leaky_relu', { negative_slope: negativeSlope }, 'negative_slope', DEFAULT_NEGATIVE_SLOPE);
  return mapVector(x, (v) => (v > 0 ? 1 : s), 'leaky_relu x');
}

export function createLeakyReluActivation(params?: Record<string, number | boolean>): Activation {
  const p = checkParamKeys('leaky_relu', params, ['negative_slope']);
  const s = numberParam('leaky_relu', p, 'negative_slope', DEFAULT_NEGATIVE_SLOPE);
  return leakyKernel('leaky_relu', { negative_slope: s }, s);
}

/** The fixed-slope kernel shared by leaky_relu and RReLU in evaluation mode. */
export function leakyKernel(name: 'leaky_relu' | 'rrelu', params: Record<string, number>, s: number): Activation {
  return {
    name,
    params,
    parameters: [],
    forwardInto(z, y, derivative) {
      const n = z.length;
      for (let i = 0; i < n; i++) {
        const zi = z[i];
        y[i] = zi > 0 ? zi : s * zi;
      }
      if (derivative !== null) for (let i = 0; i < n; i++) derivative[i] = z[i] > 0 ? 1 : s;
    },
    accumulateParameterGradient() {},
    forward: (x) => mapVector(x, (v) => (v > 0 ? v : s * v), `${name} x`),
    backward: (x, upstream) => backwardVector(x, upstream, (v) => (v > 0 ? 1 : s), name),
  };
}
