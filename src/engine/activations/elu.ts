// ELU, the exponential linear unit (Clevert et al. 2015): smooth, saturates at −α, pushes mean activations to 0.
//   f(x)   = x for x > 0, else α(eˣ − 1)
//   ∂f/∂x  = 1 for x > 0, else α·eˣ          (α at x = 0, as PyTorch; TF.js uses 1 there)
//   ∂f/∂α  = 0 for x > 0, else eˣ − 1         (α is a fixed hyperparameter; this is for gradient checks)
// α defaults to 1, the value used in all of Clevert et al.'s experiments.

import { type Activation, elementwiseActivation, mapVector } from './activation.ts';
import { checkParamKeys, numberParam } from './params.ts';

export const DEFAULT_ELU_ALPHA = 1;

const alphaOf = (alpha: number): number => numberParam('elu', { alpha }, 'alpha', DEFAULT_ELU_ALPHA);

/** ELU elementwise. */
export function elu(x: Float64Array, alpha = DEFAULT_ELU_ALPHA): Float64Array {
  const a = alphaOf(alpha);
  return mapVector(x, (v) => (v > 0 ? v : a * Math.expm1(v)), 'elu x');
}

/** ∂f/∂x: 1 where x > 0, else α eˣ. */
export function eluDerivative(x: Float64Array, alpha = DEFAULT_ELU_ALPHA): Float64Array {
  const a = alphaOf(alpha);
  return mapVector(x, (v) => (v > 0 ? 1 : a * Math.exp(v)), 'elu x');
}

/** ∂f/∂α: 0 where x > 0, else eˣ − 1. */
export function eluAlphaDerivative(x: Float64Array): Float64Array {
  return mapVector(x, (v) => (v > 0 ? 0 : Math.expm1(v)), 'elu x');
}

export function createEluActivation(params?: Record<string, number | boolean>): Activation {
  const a = numberParam('elu', checkParamKeys('elu', params, ['alpha']), 'alpha', DEFAULT_ELU_ALPHA);
  return elementwiseActivation(
    'elu',
    { alpha: a },
    (v) => (v > 0 ? v : a * Math.expm1(v)),
    (v) => (v > 0 ? 1 : a * Math.exp(v)),
  );
}
