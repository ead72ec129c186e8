// Logistic sigmoid.
//   f(x) = 1 / (1 + e^(−x)),   f'(x) = f(x) (1 − f(x))     (at most 1/4: gradients shrink layer after layer)
// Evaluated as e^x / (1 + e^x) for x < 0 so that e^(−x) never overflows.

import { type Activation, elementwiseActivation, mapVector } from './activation.ts';
import { checkParamKeys } from './params.ts';

export const sigmoidAt = (v: number): number => {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
};

const sigmoidSlopeAt = (v: number): number => {
  const y = sigmoidAt(v);
  return y * (1 - y);
};

/** The logistic sigmoid elementwise. */
export function sigmoid(x: Float64Array): Float64Array {
  return mapVector(x, sigmoidAt, 'sigmoid x');
}

/** f'(x) = σ(x)(1 − σ(x)). */
export function sigmoidDerivative(x: Float64Array): Float64Array {
  return mapVector(x, sigmoidSlopeAt, 'sigmoid x');
}

export function createSigmoidActivation(params?: Record<string, number | boolean>): Activation {
  checkParamKeys('sigmoid', params, []);
  return elementwiseActivation('sigmoid', {}, sigmoidAt, sigmoidSlopeAt);
}
