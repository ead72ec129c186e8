// PReLU, the parametric ReLU (He et al. 2015): a leaky ReLU whose negative slope a is LEARNED by backprop.
//   f(x)     = x for x > 0, else a·x
//   ∂f/∂x    = 1 for x > 0, else a          (a at x = 0, as PyTorch)
//   ∂f/∂a    = min(x, 0)                    (0 for x > 0; x itself on the negative side)
// dL/da sums upstream · min(x, 0) over every example and every unit sharing the slope.
// Default: ONE slope shared by the whole layer (PyTorch num_parameters = 1), initialised to a = 0.25;
// { per_unit: true } gives one slope per unit (PyTorch num_parameters = units). a may become negative.

import { createParameter } from '../parameter.ts';
import { assertFiniteVector, assertInteger } from '../validate.ts';
import { type Activation, mapVector } from './activation.ts';
import { checkParamKeys, numberParam } from './params.ts';

export const DEFAULT_PRELU_SLOPE = 0.25;

/** PReLU with a fixed slope a, elementwise. */
export function prelu(x: Float64Array, a = DEFAULT_PRELU_SLOPE): Float64Array {
  const s = numberParam('prelu', { a }, 'a', DEFAULT_PRELU_SLOPE);
  return mapVector(x, (v) => (v > 0 ? v : s * v), 'prelu x');
}

/** ∂f/∂x: 1 where x > 0, else a. */
export function preluDerivative(x: Float64Array, a = DEFAULT_PRELU_SLOPE): Float64Array {
  const s = numberParam('prelu', { a }, 'a', DEFAULT_PRELU_SLOPE);
  return mapVector(x, (v) => (v > 0 ? 1 : s), 'prelu x');
}

/** ∂f/∂a = min(x, 0), elementwise (does not depend on a). */
export function preluSlopeDerivative(x: Float64Array): Float64Array {
  return mapVector(x, (v) => (v > 0 ? 0 : v), 'prelu x');
}

/** `units` is the layer width; needed only with per_unit slopes. */
export function createPreluActivation(params?: Record<string, number | boolean>, units?: number): Activation {
  const p = checkParamKeys('prelu', params, ['a', 'per_unit']);
  const a = numberParam('prelu', p, 'a', DEFAULT_PRELU_SLOPE);
  const perUnit = p.per_unit ?? false;
  if (typeof perUnit !== 'boolean') throw new TypeError(`prelu per_unit must be true or false, got ${String(perUnit)}`);
  if (perUnit) assertInteger(units, 'prelu units (required with per_unit)', 1);
  const slope = createParameter('prelu_slope', new Float64Array(perUnit ? (units as number) : 1).fill(a));
  const s = slope.value, grad = slope.grad;

  const checkCols = (cols: number): void => {
    if (perUnit && cols !== s.length) throw new RangeError(`prelu with per-unit slopes needs ${s.length} units, got ${cols}`);
  };

  const activation: Activation = {
    name: 'prelu',
    params: { a, per_unit: perUnit },
    parameters: [slope],
    forwardInto(z, y, derivative, cols) {
      checkCols(cols);
      const n = z.length;
      for (let i = 0; i < n; i++) {
        const zi = z[i];
        const ai = perUnit ? s[i % cols] : s[0];
        if (zi > 0) {
          y[i] = zi;
          if (derivative !== null) derivative[i] = 1;
        } else {
          y[i] = ai * zi;
          if (derivative !== null) derivative[i] = ai;
        }
      }
    },
    accumulateParameterGradient(z, du, cols) {
      checkCols(cols);
      const n = z.length;
      if (perUnit) {
        for (let i = 0; i < n; i++) if (!(z[i] > 0)) grad[i % cols] += du[i] * z[i];
      } else {
        let sum = 0;
        for (let i = 0; i < n; i++) if (!(z[i] > 0)) sum += du[i] * z[i];
        grad[0] += sum;
      }
    },
    forward(x) {
      assertFiniteVector(x, 'prelu x');
      const y = new Float64Array(x.length);
      activation.forwardInto(x, y, null, x.length, { training: false });
      return y;
    },
    backward(x, upstream) {
      assertFiniteVector(x, 'prelu x');
      assertFiniteVector(upstream, 'prelu upstream', x.length);
      const derivative = new Float64Array(x.length);
      activation.forwardInto(x, new Float64Array(x.length), derivative, x.length, { training: false });
      activation.accumulateParameterGradient(x, upstream, x.length);
      for (let i = 0; i < x.length; i++) derivative[i] *= upstream[i];
      return derivative;
    },
  };
  return activation;
}
