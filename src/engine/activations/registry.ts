// activation({ name, params }) → an Activation object (forward and derivative together), usable by the MLP.
// Names and parameter names are PyTorch's: relu, leaky_relu {negative_slope}, prelu {a, per_unit},
// rrelu {lower, upper}, elu {alpha}, tanh, sigmoid, softplus {beta, threshold}.

import { describeValue } from '../validate.ts';
import type { Activation, ActivationName, ActivationSpec } from './activation.ts';
import { createEluActivation } from './elu.ts';
import { createLeakyReluActivation } from './leaky-relu.ts';
import { createPreluActivation } from './prelu.ts';
import { createReluActivation } from './relu.ts';
import { createRreluActivation } from './rrelu.ts';
import { createSigmoidActivation } from './sigmoid.ts';
import { createSoftplusActivation } from './softplus.ts';
import { createTanhActivation } from './tanh.ts';

type Factory = (params: Record<string, number | boolean> | undefined, units: number | undefined) => Activation;

const FACTORIES: Readonly<Record<ActivationName, Factory>> = {
  relu: createReluActivation,
  leaky_relu: createLeakyReluActivation,
  prelu: createPreluActivation,
  rrelu: createRreluActivation,
  elu: createEluActivation,
  tanh: createTanhActivation,
  sigmoid: createSigmoidActivation,
  softplus: createSoftplusActivation,
};

export const ACTIVATION_NAMES = Object.keys(FACTORIES) as ActivationName[];

/** A fresh activation (PReLU gets its own learned slope). `units` is the layer width, needed for per-unit PReLU. */
export function activation(spec: ActivationSpec, options: { units?: number } = {}): Activation {
  if (spec === null || typeof spec !== 'object') throw new TypeError(`activation spec must be {name, params?}, got ${describeValue(spec)}`);
  const factory = Object.hasOwn(FACTORIES, spec.name) ? FACTORIES[spec.name] : undefined;
  if (factory === undefined) {
    throw new TypeError(`activation name must be one of ${ACTIVATION_NAMES.join(', ')}, got ${describeValue(spec.name)}`);
  }
  return factory(spec.params as Record<string, number | boolean> | undefined, options.units);
}
