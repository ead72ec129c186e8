/**
 * One look per activation function, shared by every chart that compares activations (layer-stats, variants-race):
 * an Okabe–Ito colour, a text colour with 4.5:1 contrast in both themes, a dash pattern and a marker shape, so a
 * line is never told apart by colour alone, and ReLU looks the same in every chart of the lesson. No chart shows
 * sigmoid and RReLU together, so they share a colour (with their own dash and marker).
 */
export interface ActivationStyle {
  readonly label: string;
  readonly color: string;
  readonly text: string;
  readonly dash: string;
  readonly symbol: string;
}

export const ACTIVATION_STYLES: Readonly<Record<string, ActivationStyle>> = {
  relu: { label: 'ReLU', color: 'var(--c-blue)', text: 'var(--c-blue-text)', dash: 'none', symbol: 'circle' },
  tanh: { label: 'tanh', color: 'var(--c-orange)', text: 'var(--c-orange-text)', dash: '8 5', symbol: 'square' },
  sigmoid: { label: 'sigmoid', color: 'var(--c-green)', text: 'var(--c-green-text)', dash: '2 4', symbol: 'triangle' },
  rrelu: { label: 'RReLU', color: 'var(--c-green)', text: 'var(--c-green-text)', dash: '6 2 1 2', symbol: 'wye' },
  leaky_relu: { label: 'Leaky ReLU', color: 'var(--c-purple)', text: 'var(--c-purple-text)', dash: '12 4 2 4', symbol: 'diamond' },
  prelu: { label: 'PReLU', color: 'var(--c-yellow)', text: 'var(--c-yellow-text)', dash: '4 3', symbol: 'star' },
  elu: { label: 'ELU', color: 'var(--c-sky)', text: 'var(--c-sky-text)', dash: '1 3', symbol: 'cross' },
};

export function activationStyle(act: string): ActivationStyle {
  return ACTIVATION_STYLES[act] ?? ACTIVATION_STYLES.relu;
}
