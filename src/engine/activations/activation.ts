// What every activation provides, so the MLP can use any of them. Names follow torch.nn.functional.
// Convention at the kink (as PyTorch): x = 0 and x = −0 take the x ≤ 0 branch for value and derivative.

import type { Parameter } from '../parameter.ts';
import type { Rng } from '../rng.ts';
import { assertFiniteVector } from '../validate.ts';

export type ActivationName = 'relu' | 'leaky_relu' | 'prelu' | 'rrelu' | 'elu' | 'tanh' | 'sigmoid' | 'softplus';

export type ActivationParams = Readonly<Record<string, number | boolean>>;

export interface ActivationSpec {
  readonly name: ActivationName;
  readonly params?: ActivationParams;
}

/** Training mode matters only for RReLU (random slopes, drawn from `rng`); evaluation is the default. */
export interface ActivationMode {
  readonly training: boolean;
  readonly rng?: Rng;
}

export interface Activation {
  readonly name: ActivationName;
  /** Resolved parameters, defaults filled in (e.g. leaky_relu → { negative_slope: 0.01 }). */
  readonly params: ActivationParams;
  /** Learned parameters: PReLU slopes (one, or one per unit); empty for every other activation. */
  readonly parameters: readonly Parameter[];
  /** Batch kernel, no allocation: y = f(z) over a (z.length / cols) × cols row-major batch, and f'(z) into
   * `derivative` when given. In training mode RReLU draws each negative slope from mode.rng. */
  forwardInto(z: Float64Array, y: Float64Array, derivative: Float64Array | null, cols: number, mode: ActivationMode): void;
  /** Learned slopes only: slope.grad += Σ du ⊙ ∂f/∂a, with ∂f/∂a = min(z, 0). A no-op for the others. */
  accumulateParameterGradient(z: Float64Array, du: Float64Array, cols: number): void;
  /** Allocating convenience on one vector (a 1 × n batch): y = f(x). */
  forward(x: Float64Array, mode?: ActivationMode): Float64Array;
  /** Allocating convenience: dx = upstream ⊙ f'(x) (evaluation-mode slope for RReLU); also accumulates the
   * learned slopes' gradients like accumulateParameterGradient. */
  backward(x: Float64Array, upstream: Float64Array): Float64Array;
}

/** Builds an Activation without learned parameters from its scalar forward and derivative. */
export function elementwiseActivation(
  name: ActivationName,
  params: ActivationParams,
  f: (x: number) => number,
  fPrime: (x: number) => number,
): Activation {
  const forwardInto = (z: Float64Array, y: Float64Array, derivative: Float64Array | null): void => {
    for (let i = 0; i < z.length; i++) y[i] = f(z[i]);
    if (derivative !== null) for (let i = 0; i < z.length; i++) derivative[i] = fPrime(z[i]);
  };
  return {
    name,
    params,
    parameters: [],
    forwardInto,
    accumulateParameterGradient: () => {},
    forward: (x) => mapVector(x, f, `${name} x`),
    backward: (x, upstream) => backwardVector(x, upstream, fPrime, name),
  };
}

/** Validated elementwise map of a finite vector. */
export function mapVector(x: Float64Array, f: (v: number) => number, what: string): Float64Array {
  assertFiniteVector(x, what);
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = f(x[i]);
  return y;
}

/** Validated upstream ⊙ f'(x). */
export function backwardVector(x: Float64Array, upstream: Float64Array, fPrime: (v: number) => number, name: string): Float64Array {
  assertFiniteVector(x, `${name} x`);
  assertFiniteVector(upstream, `${name} upstream`, x.length);
  const dx = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) dx[i] = upstream[i] * fPrime(x[i]);
  return dx;
}
