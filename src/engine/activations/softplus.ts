// Softplus, the smooth rectifier Glorot et al. (2011) compare with the hard one.
//   f(x)  = (1/β) log(1 + e^(βx)),   f'(x) = σ(βx)
// As PyTorch, above the threshold (βx > 20 by default) it returns the linear branch exactly: f(x) = x, f'(x) = 1.
// log1p keeps f accurate for very negative x, where log(1 + e^(βx)) ≈ e^(βx) is tiny.

import { type Activation, elementwiseActivation, mapVector } from './activation.ts';
import { checkParamKeys, numberParam } from './params.ts';
import { sigmoidAt } from './sigmoid.ts';

export const DEFAULT_SOFTPLUS_BETA = 1;
export const DEFAULT_SOFTPLUS_THRESHOLD = 20;

function softplusFunctions(beta: number, threshold: number): { f: (v: number) => number; fPrime: (v: number) => number } {
  const b = numberParam('softplus', { beta }, 'beta', DEFAULT_SOFTPLUS_BETA);
  const t = numberParam('softplus', { threshold }, 'threshold', DEFAULT_SOFTPLUS_THRESHOLD);
  if (!(b > 0)) throw new RangeError(`softplus beta must be in (0, ∞), got ${b}`);
  return {
    f: (v) => (b * v > t ? v : Math.log1p(Math.exp(b * v)) / b),
    fPrime: (v) => (b * v > t ? 1 : sigmoidAt(b * v)),
  };
}

/** Softplus elementwise. */
export function softplus(x: Float64Array, beta = DEFAULT_SOFTPLUS_BETA, threshold = DEFAULT_SOFTPLUS_THRESHOLD): Float64Array {
  return mapVector(x, softplusFunctions(beta, threshold).f, 'softplus x');
}

/** f'(x) = σ(βx), or 1 above the threshold. */
export function softplusDerivative(x: Float64Array, beta = DEFAULT_SOFTPLUS_BETA, threshold = DEFAULT_SOFTPLUS_THRESHOLD): Float64Array {
  return mapVector(x, softplusFunctions(beta, threshold).fPrime, 'softplus x');
}

export function createSoftplusActivation(params?: Record<string, number | boolean>): Activation {
  const p = checkParamKeys('softplus', params, ['beta', 'threshold']);
  const beta = numberParam('softplus', p, 'beta', DEFAULT_SOFTPLUS_BETA);
  const threshold = numberParam('softplus', p, 'threshold', DEFAULT_SOFTPLUS_THRESHOLD);
  const { f, fPrime } = softplusFunctions(beta, threshold);
  return elementwiseActivation('softplus', { beta, threshold }, f, fPrime);
}
