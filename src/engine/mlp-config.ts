// MLP configuration: layer sizes [in, hidden..., out] and, per hidden layer, its activation and dropout p.
// Long form:   { sizes: [2, 64, 64, 3], hidden: [{ activation: { name: 'relu' }, dropoutP: 0.5 }, ...] }
// Shorthand:   { sizes: [2, 64, 64, 3], activation: { name: 'relu' }, dropoutP: 0.5 }  (same for every hidden layer)
// Dropout follows each hidden activation. Either form may add `inputDropoutP` (default 0): inverted dropout on the
// inputs, x ⊙ m / (1 − p), as Srivastava et al. use on MNIST pixels (drop 0.2). There is none on the logits.

import type { ActivationSpec } from './activations/activation.ts';
import { assertDropoutP } from './dropout.ts';
import { assertInteger, describeValue } from './validate.ts';

export interface HiddenLayerSpec {
  readonly activation: ActivationSpec;
  /** Drop probability after this layer's activation, in [0, 1); default 0. */
  readonly dropoutP?: number;
}

export type MlpConfig = (
  | { readonly sizes: readonly number[]; readonly hidden: readonly HiddenLayerSpec[] }
  | { readonly sizes: readonly number[]; readonly activation: ActivationSpec; readonly dropoutP?: number }
) & {
  /** Drop probability of each input, in [0, 1); default 0. */
  readonly inputDropoutP?: number;
};

export interface NormalizedMlpConfig {
  readonly sizes: readonly number[];
  readonly inputDropoutP: number;
  readonly hidden: readonly { readonly activation: ActivationSpec; readonly dropoutP: number }[];
}

export function normalizeMlpConfig(config: MlpConfig): NormalizedMlpConfig {
  if (config === null || typeof config !== 'object') throw new TypeError(`mlp config must be an object, got ${describeValue(config)}`);
  const { sizes } = config;
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new RangeError(`mlp sizes must list at least 2 layer sizes [in, ..., out], got ${describeValue(sizes)}`);
  }
  sizes.forEach((n, i) => assertInteger(n, `mlp sizes[${i}]`, 1, 1 << 20));
  if (sizes[sizes.length - 1] < 2) throw new RangeError(`mlp output size (classes) must be at least 2, got ${sizes[sizes.length - 1]}`);
  const hiddenCount = sizes.length - 2;
  let hidden: readonly HiddenLayerSpec[];
  if ('hidden' in config) {
    if ('activation' in config) throw new TypeError('mlp config: give either `hidden` or the `activation` shorthand, not both');
    if (!Array.isArray(config.hidden) || config.hidden.length !== hiddenCount) {
      throw new RangeError(`mlp hidden must have ${hiddenCount} entries (one per hidden layer), got ${describeValue(config.hidden)}`);
    }
    hidden = config.hidden;
  } else {
    hidden = Array.from({ length: hiddenCount }, () => ({ activation: config.activation, dropoutP: config.dropoutP }));
  }
  const inputDropoutP = config.inputDropoutP ?? 0;
  assertDropoutP(inputDropoutP);
  return {
    sizes: [...sizes],
    inputDropoutP,
    hidden: hidden.map((layer, h) => {
      if (layer === null || typeof layer !== 'object') throw new TypeError(`mlp hidden[${h}] must be {activation, dropoutP?}`);
      const dropoutP = layer.dropoutP ?? 0;
      assertDropoutP(dropoutP);
      if (layer.activation === null || typeof layer.activation !== 'object') {
        throw new TypeError(`mlp hidden[${h}].activation must be {name, params?}, got ${describeValue(layer.activation)}`);
      }
      return { activation: layer.activation, dropoutP };
    }),
  };
}
