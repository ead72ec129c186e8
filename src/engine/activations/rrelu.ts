// RReLU, the randomized leaky ReLU (Xu et al. 2015), in PyTorch's convention.
//   training:   f(x) = x for x > 0, else r·x with r ~ U(lower, upper) drawn independently for every element
//               (∂f/∂x = r there, 1 for x > 0). Defaults lower = 1/8, upper = 1/3.
//   evaluation: a leaky ReLU with the mean slope (lower + upper) / 2 = 11/48 ≈ 0.229 for the defaults.
// (Xu et al. divide instead: y = x / a, a ~ U(3, 8), a = 5.5 at test, i.e. slope 1/5.5 ≈ 0.18.)

import type { Rng } from '../rng.ts';
import { assertFiniteVector } from '../validate.ts';
import { type Activation, type ActivationMode, backwardVector, mapVector } from './activation.ts';
import { checkParamKeys, numberParam } from './params.ts';

export const DEFAULT_RRELU_LOWER = 1 / 8;
export const DEFAULT_RRELU_UPPER = 1 / 3;

/** The slope used in evaluation mode: (lower + upper) / 2. */
export function rreluEvalSlope(lower = DEFAULT_RRELU_LOWER, upper = DEFAULT_RRELU_UPPER): number {
  checkBounds(lower, upper);
  return (lower + upper) / 2;
}

/** Evaluation mode: leaky ReLU with slope (lower + upper) / 2. */
export function rreluEval(x: Float64Array, lower = DEFAULT_RRELU_LOWER, upper = DEFAULT_RRELU_UPPER): Float64Array {
  const s = rreluEvalSlope(lower, upper);
  return mapVector(x, (v) => (v > 0 ? v : s * v), 'rrelu x');
}

/** Training mode: returns y and the slope each element used (the derivative ∂y/∂x: r where x ≤ 0, 1 elsewhere). */
export function rrelu(x: Float64Array, rng: Rng, lower = DEFAULT_RRELU_LOWER, upper = DEFAULT_RRELU_UPPER): { y: Float64Array; slopes: Float64Array } {
  assertFiniteVector(x, 'rrelu x');
  const activation = createRreluActivation({ lower, upper });
  const y = new Float64Array(x.length);
  const slopes = new Float64Array(x.length);
  activation.forwardInto(x, y, slopes, x.length, { training: true, rng });
  return { y, slopes };
}

export function createRreluActivation(params?: Record<string, number | boolean>): Activation {
  const p = checkParamKeys('rrelu', params, ['lower', 'upper']);
  const lower = numberParam('rrelu', p, 'lower', DEFAULT_RRELU_LOWER);
  const upper = numberParam('rrelu', p, 'upper', DEFAULT_RRELU_UPPER);
  const evalSlope = rreluEvalSlope(lower, upper);
  const evalDerivative = (v: number): number => (v > 0 ? 1 : evalSlope);
  return {
    name: 'rrelu',
    params: { lower, upper },
    parameters: [],
    forwardInto(z, y, derivative, _cols, mode: ActivationMode) {
      const n = z.length;
      if (!mode.training) {
        for (let i = 0; i < n; i++) y[i] = z[i] > 0 ? z[i] : evalSlope * z[i];
        if (derivative !== null) for (let i = 0; i < n; i++) derivative[i] = evalDerivative(z[i]);
        return;
      }
      const rng = mode.rng;
      if (rng === undefined) throw new TypeError('rrelu in training mode needs mode.rng to draw its slopes');
      for (let i = 0; i < n; i++) {
        const zi = z[i];
        // As PyTorch: a slope is drawn only for x ≤ 0.
        const r = zi > 0 ? 1 : lower + (upper - lower) * rng.uniform();
        y[i] = zi > 0 ? zi : r * zi;
        if (derivative !== null) derivative[i] = r;
      }
    },
    accumulateParameterGradient() {},
    forward(x, mode = { training: false }) {
      if (mode.training) return rrelu(x, mode.rng as Rng, lower, upper).y;
      return mapVector(x, (v) => (v > 0 ? v : evalSlope * v), 'rrelu x');
    },
    backward: (x, upstream) => backwardVector(x, upstream, evalDerivative, 'rrelu'),
  };
}

function checkBounds(lower: number, upper: number): void {
  numberParam('rrelu', { lower }, 'lower', DEFAULT_RRELU_LOWER);
  numberParam('rrelu', { upper }, 'upper', DEFAULT_RRELU_UPPER);
  if (!(lower <= upper)) throw new RangeError(`rrelu needs lower <= upper, got lower ${lower} > upper ${upper}`);
}
