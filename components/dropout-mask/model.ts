/**
 * The numbers behind the dropout-mask widget, all from the engine. A mini-batch of 4 samples goes through the
 * 4–5–5–2 net of Figure 1; for EACH sample and EACH layer the engine draws its own mask m ~ Bernoulli(1 − p)
 * (sampleDropoutMask), from a stream of its own: createRng(seed) forked by resample count, sample and layer. So a
 * mask is reproducible from (seed, resample, sample, layer), and switching a layer off or changing the other
 * layer's p never changes it. Raising p only drops more units: a unit is kept when its 32-bit draw is below
 * (1 − p)·2³², and the draws do not depend on p.
 *
 * Backpropagation through the thinned net is the engine's too: a tiny net with random weights runs one forward
 * and backward pass on the chosen sample with these masks (createMlp, computeGradients with explicit masks), and
 * a weight "carries gradient" when its ∂L/∂w is not exactly zero.
 */
import { createMlp, createRng, invertedDropout, sampleDropoutMask, type Rng } from '../../src/engine/index.ts';

/** Units per layer: inputs, two hidden layers, outputs (as the Figure 1 redraw). */
export const NET_SIZES: readonly number[] = [4, 5, 5, 2];
/** Samples in the mini-batch. */
export const BATCH_SIZE = 4;

export interface MaskSettings {
  /** Drop probability of hidden units. */
  readonly p: number;
  /** Drop probability of input units. */
  readonly pin: number;
  readonly seed: number;
  /** How many times "Resample masks" was pressed: selects the stream the masks come from. */
  readonly resample: number;
  readonly dropInput: boolean;
  readonly dropHidden: boolean;
}

export interface LayerMask {
  /** 0 = input, 1 and 2 = hidden layers (the output layer is never dropped). */
  readonly layer: number;
  /** Is dropout applied to this layer? */
  readonly active: boolean;
  /** Drop probability in use (0 when the layer's dropout is off). */
  readonly p: number;
  /** 1 = kept, 0 = dropped. */
  readonly mask: Float64Array;
  readonly kept: number;
  /** (1 − p)·n, the expected number of kept units. */
  readonly expected: number;
}

export interface SampleMasks {
  /** 1-based. */
  readonly sample: number;
  readonly layers: readonly LayerMask[];
}

/** The stream one mask comes from; independent of every other (sample, layer) and of p. */
export function maskStream(seed: number, resample: number, sample: number, layer: number): Rng {
  return createRng(seed).fork(`dropout-mask/resample-${resample}`).fork(`sample-${sample}`).fork(`layer-${layer}`);
}

export function layerMask(settings: MaskSettings, sample: number, layer: number): LayerMask {
  const n = NET_SIZES[layer];
  const active = layer === 0 ? settings.dropInput : settings.dropHidden;
  const p = active ? (layer === 0 ? settings.pin : settings.p) : 0;
  const mask = active ? sampleDropoutMask(maskStream(settings.seed, settings.resample, sample, layer), p, n) : new Float64Array(n).fill(1);
  let kept = 0;
  for (const m of mask) kept += m;
  return { layer, active, p, mask, kept, expected: (1 - p) * n };
}

/** Masks of every sample of the mini-batch, for the input layer and both hidden layers. */
export function batchMasks(settings: MaskSettings, batchSize = BATCH_SIZE): SampleMasks[] {
  return Array.from({ length: batchSize }, (_, s) => ({
    sample: s + 1,
    layers: NET_SIZES.slice(0, -1).map((_, layer) => layerMask(settings, s + 1, layer)),
  }));
}

export interface GradientFlow {
  /** |∂L/∂W| of each dense layer (in × out, row-major), for the one sample. */
  readonly magnitudes: readonly Float64Array[];
  /** Weights with a non-zero gradient, and all weights. */
  readonly flowing: number;
  readonly total: number;
  /** Weights touching a dropped unit that nevertheless got a non-zero gradient (always 0; checked, not assumed). */
  readonly leaks: number;
}

/**
 * One backward pass of a small tanh net (random weights and input from the seed) on one sample with its masks.
 * tanh, not ReLU, so that every kept unit passes some gradient: with ReLU a kept unit with negative input would
 * block it as well, which is a different story.
 */
export function gradientFlow(settings: MaskSettings, masks: SampleMasks): GradientFlow {
  const root = createRng(settings.seed).fork('dropout-mask/net');
  const [input, hidden1, hidden2] = masks.layers;
  const net = createMlp(
    { sizes: NET_SIZES, activation: { name: 'tanh' }, dropoutP: hidden1.p },
    { scheme: 'xavier-normal', rng: root.fork('weights') },
  );
  const inputs = root.fork(`input-${masks.sample}`);
  const raw = Float64Array.from({ length: NET_SIZES[0] }, () => inputs.normal(0, 1));
  const x = invertedDropout(raw, input.p, input.mask);
  const label = Int32Array.of((masks.sample - 1) % NET_SIZES.at(-1)!);
  net.computeGradients({ rows: 1, cols: x.length, data: x }, label, { training: true, masks: [hidden1.mask, hidden2.mask] });
  const keptIn = (layer: number, i: number) => layer >= masks.layers.length || masks.layers[layer].mask[i] !== 0;
  let flowing = 0, total = 0, leaks = 0;
  const magnitudes = net.layers.map((layer, l) => {
    const out = new Float64Array(layer.dW.data.length);
    for (let i = 0; i < layer.dW.rows; i++) {
      for (let j = 0; j < layer.dW.cols; j++) {
        const g = Math.abs(layer.dW.data[i * layer.dW.cols + j]);
        out[i * layer.dW.cols + j] = Number.isFinite(g) ? g : 0;
        total++;
        if (g > 0) {
          flowing++;
          if (!keptIn(l, i) || !keptIn(l + 1, j)) leaks++;
        }
      }
    }
    return out;
  });
  return { magnitudes, flowing, total, leaks };
}

/** Weights between kept units (both ends kept): where the thinned net still has connections. */
export function keptWeights(masks: SampleMasks): number {
  const keptCounts = [...masks.layers.map((l) => l.kept), NET_SIZES.at(-1)!];
  let total = 0;
  for (let l = 0; l + 1 < keptCounts.length; l++) total += keptCounts[l] * keptCounts[l + 1];
  return total;
}
