/** The activations the layer-stats widget shows: ReLU and tanh, the variants and sigmoid when asked for (legend order). */
import type { LayerStatsActivation } from './model.ts';

export function activationsFor(values: { variants: boolean; sigmoid: boolean }): LayerStatsActivation[] {
  return ['relu', ...(values.variants ? (['leaky_relu', 'prelu', 'elu'] as const) : []), 'tanh', ...(values.sigmoid ? (['sigmoid'] as const) : [])];
}
