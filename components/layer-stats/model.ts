/**
 * The numbers the layer-statistics widget draws: a deep MLP at initialisation (1 to MAX_DEPTH hidden layers), one
 * batch of 256 spiral points and one backward pass, per activation: ReLU, Leaky ReLU, PReLU, ELU, tanh, sigmoid.
 * Per hidden layer: the gradient norm of the weights and biases that feed it (layerGradientNorms) and the fraction
 * of exact zeros and the mean of its activations, plus a histogram of one chosen layer. All computed by the engine.
 *
 * Initialisation: 'he' (Var W = 2 / fan_in) or 'xavier' (2 / (fan_in + fan_out)) for every column, or 'auto': He
 * for the rectifiers, Xavier for tanh and sigmoid (the schemes each was designed for). Every column draws its
 * weights from the same seeded stream, so the columns differ only in the activation and the init's variance.
 *
 * Work: one column at depth 20, width 32 is a few milliseconds to a few tens of milliseconds in Node (two forward
 * passes and one backward pass over 256 × 32 × 20); six columns can exceed a frame, so layerStatsColumn computes
 * one column on its own, for a worker message or a frame each.
 */
import { createMlp, createRng, fractionOfExactZeros, histogram, layerGradientNorms, meanActivation, spirals, type Dataset, type InitScheme } from '../../src/engine/index.ts';

/** The three activations the widget has always shown. */
export type StatsActivation = 'relu' | 'tanh' | 'sigmoid';
export type LayerStatsActivation = StatsActivation | 'leaky_relu' | 'prelu' | 'elu';
export const STATS_ACTIVATIONS: readonly LayerStatsActivation[] = ['relu', 'leaky_relu', 'prelu', 'elu', 'tanh', 'sigmoid'];
/** 'small': every weight N(0, 0.01²) whatever the width: the kind of initialisation the scaled ones replaced. */
export type InitChoice = 'auto' | 'he' | 'xavier' | 'small';
export const INIT_CHOICES: readonly InitChoice[] = ['auto', 'he', 'xavier', 'small'];

/** Type parameter A: the activations a caller asks for (the three classic ones unless `acts` says otherwise). */
export interface LayerStatsSettings<A extends LayerStatsActivation = StatsActivation> {
  depth: number;
  width: number;
  seed: number;
  layer: number;
  /** Without `acts`: ReLU and tanh, plus sigmoid when true. */
  sigmoid?: boolean;
  /** The columns, in this order (unknown names dropped, repeats once). */
  acts?: readonly A[];
  /** Default 'auto'. */
  init?: InitChoice;
}

export interface HistogramBin {
  x0: number;
  x1: number;
  /** Fraction of all the layer's activations (batch × units) in [x0, x1). */
  share: number;
}

export interface ActivationColumn<A extends LayerStatsActivation = StatsActivation> {
  act: A;
  init: InitScheme;
  loss: number;
  /** Per hidden layer 1..depth: ‖∂L/∂(W, b)‖ of the dense layer that feeds it. */
  gradNorms: number[];
  /** gradNorms[0] / gradNorms[depth − 1]: how much of the last hidden layer's gradient reaches the first. */
  firstToLast: number;
  zeroFractions: number[];
  meanActivations: number[];
  histogram: HistogramBin[];
}

export interface LayerStats<A extends LayerStatsActivation = StatsActivation> {
  depth: number;
  width: number;
  seed: number;
  batch: number;
  /** The initialisation asked for ('auto': each column's own; see columns[i].init). */
  initChoice: InitChoice;
  /** The hidden layer whose histogram is shown (clamped to depth). */
  layer: number;
  /** The layer that was asked for, when it had to be clamped. */
  requestedLayer: number;
  columns: ActivationColumn<A>[];
}

export const BATCH = 256;
export const HISTOGRAM_BINS = 24;
export const MAX_DEPTH = 24;
export const MAX_WIDTH = 128;
/** The scheme each activation was designed for ('auto'). */
export const INIT_FOR: Record<LayerStatsActivation, InitScheme> = {
  relu: 'he-normal',
  leaky_relu: 'he-normal',
  prelu: 'he-normal',
  elu: 'he-normal',
  tanh: 'xavier-normal',
  sigmoid: 'xavier-normal',
};

export function initFor(act: LayerStatsActivation, choice: InitChoice): InitScheme {
  if (choice === 'small') return 'small-normal';
  return choice === 'he' ? 'he-normal' : choice === 'xavier' ? 'xavier-normal' : INIT_FOR[act];
}

const clampInt = (v: number, lo: number, hi: number, fallback: number): number =>
  Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : fallback;

export type LayerStatsSetup<A extends LayerStatsActivation = StatsActivation> = Omit<LayerStats<A>, 'columns'>;

/** Never throws: numbers are clamped to the widget's ranges. Everything of LayerStats but the columns, and the
 * activations to compute them for. */
export function normalizeLayerStatsSettings<A extends LayerStatsActivation>(settings: LayerStatsSettings<A>): LayerStatsSetup<A> & { acts: A[] } {
  const depth = clampInt(settings.depth, 1, MAX_DEPTH, 2);
  const requestedLayer = clampInt(settings.layer, 1, MAX_DEPTH, 1);
  const classic = (settings.sigmoid === true ? ['relu', 'tanh', 'sigmoid'] : ['relu', 'tanh']) as A[];
  const acts = Array.isArray(settings.acts) ? [...new Set(settings.acts.filter((a) => STATS_ACTIVATIONS.includes(a)))] : classic;
  return {
    depth,
    width: clampInt(settings.width, 2, MAX_WIDTH, 32),
    seed: clampInt(settings.seed, 0, 999_999, 1),
    batch: BATCH,
    initChoice: INIT_CHOICES.includes(settings.init as InitChoice) ? (settings.init as InitChoice) : 'auto',
    layer: Math.min(requestedLayer, depth),
    requestedLayer,
    acts,
  };
}

/** The batch every column sees: 256 spiral points from the seed's "data" stream. */
export function statsData(seed: number): Dataset {
  return spirals({ count: BATCH, rng: createRng(seed).fork('data') });
}

/** The network of one column at initialisation, from the seed's "init" stream (the same for every column). */
export function initialNet(act: LayerStatsActivation, init: InitScheme, depth: number, width: number, seed: number) {
  const sizes = [2, ...Array.from({ length: depth }, () => width), 3];
  return createMlp({ sizes, activation: { name: act } }, { scheme: init, rng: createRng(seed).fork('init') });
}

/** One column: for a worker message or a frame each. `s` comes from normalizeLayerStatsSettings. */
export function layerStatsColumn<A extends LayerStatsActivation>(s: LayerStatsSetup<A>, act: A, data: Dataset = statsData(s.seed)): ActivationColumn<A> {
  const init = initFor(act, s.initChoice);
  const net = initialNet(act, init, s.depth, s.width, s.seed);
  const loss = net.computeGradients(data.x, data.labels, { training: false });
  const gradNorms = Array.from(layerGradientNorms(net).subarray(0, s.depth));
  const { hidden } = net.forward(data.x);
  // The histogram's range is the chosen layer's own range of values.
  const shown = hidden[s.layer - 1].data;
  let lo = Infinity, hi = -Infinity;
  for (const v of shown) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(hi > lo)) hi = lo + 1;
  const h = histogram(shown, { bins: HISTOGRAM_BINS, min: lo, max: hi });
  return {
    act,
    init,
    loss,
    gradNorms,
    firstToLast: gradNorms[0] / gradNorms[s.depth - 1],
    zeroFractions: hidden.map((a) => fractionOfExactZeros(a.data)),
    meanActivations: hidden.map((a) => meanActivation(a.data)),
    histogram: Array.from(h.counts, (count, b) => ({ x0: h.edges[b], x1: h.edges[b + 1], share: count / shown.length })),
  };
}

export function layerStats<A extends LayerStatsActivation = StatsActivation>(settings: LayerStatsSettings<A>): LayerStats<A> {
  const { acts, ...s } = normalizeLayerStatsSettings(settings);
  const data = statsData(s.seed);
  return { ...s, columns: acts.map((act) => layerStatsColumn(s, act, data)) };
}
