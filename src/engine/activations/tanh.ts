// Hyperbolic tangent, the classic saturating activation ReLU is compared against (Krizhevsky et al. 2012).
//   f(x) = tanh x,   f'(x) = 1 − tanh² x      (vanishes for large |x|: the gradient problem rectifiers avoid)

import { type Activation, elementwiseActivation, mapVector } from './activation.ts';
import { checkParamKeys } from './params.ts';

const tanhSlopeAt = (v: number): number => {
  const y = Math.tanh(v);
  return 1 - y * y;
};

/** tanh elementwise. */
export function tanh(x: Float64Array): Float64Array {
  return mapVector(x, Math.tanh, 'tanh x');
}

/** f'(x) = 1 − tanh²(x). */
export function tanhDerivative(x: Float64Array): Float64Array {
  return mapVector(x, tanhSlopeAt, 'tanh x');
}

export function createTanhActivation(params?: Record<string, number | boolean>): Activation {
  checkParamKeys('tanh', params, []);
  return elementwiseActivation('tanh', {}, Math.tanh, tanhSlopeAt);
}
