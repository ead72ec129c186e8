/**
 * The variants race's fixed setup: the lanes (one activation each, with the parameters the papers used), the
 * network and data, the two regimes, and how a replicate's initial weights and data are drawn.
 */
import { createMlp, createRng, generateDataset, trainTestSplit, type ActivationSpec, type Dataset, type LayerWeights } from '../../src/engine/index.ts';

export const VARIANTS = [
  { act: 'relu', label: 'ReLU', spec: { name: 'relu' } },
  // Maas et al. 2013's slope, PyTorch's default.
  { act: 'leaky_relu', label: 'Leaky ReLU', spec: { name: 'leaky_relu', params: { negative_slope: 0.01 } } },
  // One learned slope per unit (He et al.'s channel-wise form; a unit is a channel here), starting at 0.25. One slope
  // shared by a layer sums the gradient of 32 units: it diverged in 8 of 9 runs (seeds 1–3) at the stress learning rate.
  { act: 'prelu', label: 'PReLU', spec: { name: 'prelu', params: { per_unit: true } } },
  // PyTorch's convention: slope r ~ U(1/8, 1/3) in training, (1/8 + 1/3) / 2 ≈ 0.229 in evaluation.
  { act: 'rrelu', label: 'RReLU', spec: { name: 'rrelu' } },
  // α = 1, as in all of Clevert et al.'s experiments.
  { act: 'elu', label: 'ELU', spec: { name: 'elu' } },
  { act: 'tanh', label: 'tanh', spec: { name: 'tanh' } },
] as const satisfies readonly { act: string; label: string; spec: ActivationSpec }[];

export type RaceActivation = (typeof VARIANTS)[number]['act'];
export const RACE_ACTIVATIONS: readonly RaceActivation[] = VARIANTS.map((v) => v.act);

export const SETUP = {
  sizes: [2, 32, 32, 32, 3] as readonly number[],
  /** Spiral points (3 arms), of which testFraction are held out. */
  count: 300,
  pointNoise: 0.05,
  testFraction: 0.2,
  batchSize: 32,
  maxSteps: 600,
  /** Steps between measurements; also the size of one chunk of work. */
  measureEvery: 20,
  /** Replicates (seeds) per activation: the default and the most allowed. */
  seeds: 3,
  maxSeeds: 5,
};

export type Regime = 'normal' | 'stress';
/** The learning rate and the initial value of every hidden bias (the output layer's biases stay 0). */
export const REGIMES: Readonly<Record<Regime, { lr: number; biasShift: number }>> = {
  normal: { lr: 0.1, biasShift: 0 },
  stress: { lr: 0.3, biasShift: -0.5 },
};

/** Replicate r's initial weights: one He-normal draw, hidden biases set to the regime's shift. */
export function initialWeights(seed: number, replicate: number, biasShift: number): LayerWeights[] {
  const rng = createRng(seed).fork(`init ${replicate}`);
  const net = createMlp({ sizes: SETUP.sizes, activation: { name: 'relu' } }, { scheme: 'he-normal', rng });
  const last = SETUP.sizes.length - 2;
  return net.exportWeights().map(({ W, b }, l) => ({ W, b: l < last ? b.map(() => biasShift) : b }));
}

/** The race's data: the same spirals and split for every replicate. */
export function raceData(seed: number): { train: Dataset; test: Dataset } {
  const rng = createRng(seed);
  const all = generateDataset({ name: 'spirals', count: SETUP.count, noise: SETUP.pointNoise, classes: 3 }, rng.fork('data'));
  return trainTestSplit(all, SETUP.testFraction, rng.fork('split'));
}
