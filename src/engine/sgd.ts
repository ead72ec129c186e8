// Stochastic gradient descent, optionally with momentum, in PyTorch's formulation:
//   without momentum:  w ← w − lr · g
//   with momentum μ:   v ← μ v + g,  w ← w − lr · v      (v starts at 0, so the first step is plain SGD)
// No weight decay (He et al. also exclude PReLU slopes from it).

import type { Parameter } from './parameter.ts';
import { assertFiniteNumber, assertInHalfOpenRange } from './validate.ts';

export interface SgdOptions {
  readonly lr: number;
  /** μ in [0, 1); default 0. */
  readonly momentum?: number;
}

export interface Sgd {
  /** Learning rate, > 0; may be changed between steps (e.g. from a slider). */
  lr: number;
  readonly momentum: number;
  /** Updates every parameter in place from its .grad. */
  step(parameters: readonly Parameter[]): void;
  /** Forgets the momentum buffers. */
  reset(): void;
}

export function createSgd(options: SgdOptions): Sgd {
  const momentum = options.momentum ?? 0;
  assertLearningRate(options.lr);
  assertInHalfOpenRange(momentum, 'sgd momentum', 0, 1);
  let lr = options.lr;
  let velocities = new WeakMap<Parameter, Float64Array>();
  return {
    get lr() {
      return lr;
    },
    set lr(value: number) {
      assertLearningRate(value);
      lr = value;
    },
    momentum,
    step(parameters) {
      for (const parameter of parameters) {
        const w = parameter.value, g = parameter.grad;
        if (momentum === 0) {
          for (let i = 0; i < w.length; i++) w[i] -= lr * g[i];
          continue;
        }
        let v = velocities.get(parameter);
        if (v === undefined) velocities.set(parameter, (v = new Float64Array(w.length)));
        for (let i = 0; i < w.length; i++) {
          v[i] = momentum * v[i] + g[i];
          w[i] -= lr * v[i];
        }
      }
    },
    reset() {
      velocities = new WeakMap();
    },
  };
}

function assertLearningRate(lr: unknown): void {
  assertFiniteNumber(lr, 'sgd lr');
  if (!(lr > 0)) throw new RangeError(`sgd lr must be in (0, ∞), got ${lr}`);
}
