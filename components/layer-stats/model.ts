/**
 * The numbers the layer-statistics widget draws: a deep MLP at initialisation, one batch of 256 spiral
 * points and one backward pass, for ReLU (He init) and tanh / sigmoid (Xavier init). Per hidden layer: the
 * gradient norm of its weights and biases (layerGradientNorms) and the fraction of exact zeros in its
 * activations (hiddenLayerStatistics), plus a histogram of one chosen layer. All computed by the engine.
 */
import { createMlp, createRng, hiddenLayerStatistics, layerGradientNorms, spirals, type InitScheme } from '../../src/engine/index.ts';

export type StatsActivation = 'relu' | 'tanh' | 'sigmoid';

export interface LayerStatsSettings {
  depth: number;
  width: number;
  seed: number;
  layer: number;
  sigmoid: boolean;
}

export interface HistogramBin {
  x0: number;
  x1: number;
  /** Fraction of all the layer's activations (batch × units) in [x0, x1). */
  share: number;
}

export interface ActivationColumn {
  act: StatsActivation;
  init: InitScheme;
  loss: number;
  /** Per hidden layer 1..depth: ‖∂L/∂(W, b)‖ of the dense layer that feeds it. */
  gradNorms: number[];
  zeroFractions: number[];
  meanActivations: number[];
  histogram: HistogramBin[];
}

export interface LayerStats {
  depth: number;
  width: number;
  seed: number;
  batch: number;
  /** The hidden layer whose histogram is shown (clamped to depth). */
  layer: number;
  /** The layer that was asked for, when it had to be clamped. */
  requestedLayer: number;
  columns: ActivationColumn[];
}

export const BATCH = 256;
export const HISTOGRAM_BINS = 24;
export const INIT_FOR: Record<StatsActivation, InitScheme> = { relu: 'he-normal', tanh: 'xavier-normal', sigmoid: 'xavier-normal' };

const clampInt = (v: number, lo: number, hi: number, fallback: number): number =>
  Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : fallback;

function column(act: StatsActivation, s: LayerStats, data: ReturnType<typeof spirals>): ActivationColumn {
  const root = createRng(s.seed);
  const sizes = [2, ...Array.from({ length: s.depth }, () => s.width), data.classes];
  // Same seed → the same random stream for every activation; only the init's variance differs.
  const net = createMlp({ sizes, activation: { name: act } }, { scheme: INIT_FOR[act], rng: root.fork('init') });
  const loss = net.computeGradients(data.x, data.labels, { training: false });
  const gradNorms = Array.from(layerGradientNorms(net).subarray(0, s.depth));
  // The histogram's range is the chosen layer's own range of values.
  const shown = net.forward(data.x).hidden[s.layer - 1].data;
  let lo = Infinity, hi = -Infinity;
  for (const v of shown) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(hi > lo)) hi = lo + 1;
  const stats = hiddenLayerStatistics(net, data.x, { bins: HISTOGRAM_BINS, min: lo, max: hi });
  const h = stats[s.layer - 1].histogram;
  const total = shown.length;
  return {
    act,
    init: INIT_FOR[act],
    loss,
    gradNorms,
    zeroFractions: stats.map((l) => l.fractionOfExactZeros),
    meanActivations: stats.map((l) => l.meanActivation),
    histogram: Array.from(h.counts, (count, b) => ({ x0: h.edges[b], x1: h.edges[b + 1], share: count / total })),
  };
}

export function layerStats(settings: LayerStatsSettings): LayerStats {
  const depth = clampInt(settings.depth, 1, 6, 2);
  const width = clampInt(settings.width, 2, 128, 32);
  const seed = clampInt(settings.seed, 0, 999_999, 1);
  const requestedLayer = clampInt(settings.layer, 1, 6, 1);
  const layer = Math.min(requestedLayer, depth);
  const data = spirals({ count: BATCH, rng: createRng(seed).fork('data') });
  const acts: StatsActivation[] = settings.sigmoid ? ['relu', 'tanh', 'sigmoid'] : ['relu', 'tanh'];
  const s: LayerStats = { depth, width, seed, batch: BATCH, layer, requestedLayer, columns: [] };
  s.columns = acts.map((act) => column(act, s, data));
  return s;
}
