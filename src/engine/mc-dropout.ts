// Monte Carlo dropout (the ensemble inside one network). A network trained with dropout is, at every step, one of
// the exponentially many "thinned" networks that share its weights. At test time the scaled network (inverted
// dropout: the network untouched) stands in for the average of all of them; Srivastava et al. (2014, Fig. 11)
// found that averaging about 50 sampled thinned networks matched it. Keeping dropout on at test time samples that
// ensemble directly:
//   sample t:  p⁽ᵗ⁾ = softmax(f(x; masks mᵗ)),  every mask drawn fresh, inverted scaling m / (1 − p) as in training
//   average:   p̄_T = (1/T) Σₜ p⁽ᵗ⁾  → E_m[softmax(f(x; m))] as T grows (law of large numbers)
// Sample t of an input is a function of the seed and t alone (see thinnedProbabilities), so the first T samples are
// the same whether they are computed at once or a few at a time, and T can grow without changing earlier ones.

import { softmaxRowInto } from './loss.ts';
import type { Matrix } from './matrix.ts';
import { EVALUATION_MODE, type Mlp } from './mlp.ts';
import type { Rng } from './rng.ts';
import { assertFloat64Array, assertInteger } from './validate.ts';

function asRow(net: Mlp, x: Float64Array): Matrix {
  assertFloat64Array(x, 'mc dropout input', net.sizes[0]);
  return { rows: 1, cols: x.length, data: x };
}

/** The scaled (evaluation-mode) network's class probabilities for one input. */
export function scaledProbabilities(net: Mlp, x: Float64Array): Float64Array {
  const out = new Float64Array(net.sizes[net.sizes.length - 1]);
  softmaxRowInto(net.forward(asRow(net, x), EVALUATION_MODE).logits.data, 0, out.length, out, 0);
  return out;
}

/** Samples are drawn in blocks of this many rows (one forward pass each, one rng fork each). */
export const SAMPLE_BLOCK = 10;

/**
 * Class probabilities of `count` thinned networks for one input x, samples start … start + count − 1, as a
 * count × classes array (row t = sample start + t). Samples come in blocks of SAMPLE_BLOCK: block k (samples
 * 10k … 10k + 9) is one training-mode forward pass of x repeated 10 times, its masks drawn from rng.fork(`samples k`),
 * so sample s is the same whatever start and count asked for it.
 */
export function thinnedProbabilities(net: Mlp, x: Float64Array, count: number, rng: Rng, start = 0): Float64Array {
  assertInteger(count, 'mc dropout sample count', 0, 1 << 24);
  assertInteger(start, 'mc dropout first sample', 0);
  asRow(net, x);
  const classes = net.sizes[net.sizes.length - 1], B = SAMPLE_BLOCK;
  const tile = new Float64Array(B * x.length);
  for (let r = 0; r < B; r++) tile.set(x, r * x.length);
  const batch: Matrix = { rows: B, cols: x.length, data: tile };
  const out = new Float64Array(count * classes);
  for (let block = Math.floor(start / B); block * B < start + count; block++) {
    const { logits } = net.forward(batch, { training: true, rng: rng.fork(`samples ${block}`) });
    for (let r = 0; r < B; r++) {
      const t = block * B + r - start;
      if (t >= 0 && t < count) softmaxRowInto(logits.data, r * classes, classes, out, t * classes);
    }
  }
  return out;
}

/** Index of the largest of values[offset … offset + n − 1], relative to offset; ties go to the first. */
export function argmaxAt(values: ArrayLike<number>, offset: number, n: number): number {
  let best = 0;
  for (let j = 1; j < n; j++) if (values[offset + j] > values[offset + best]) best = j;
  return best;
}

/** The q-quantile (q in [0, 1]) of sorted values, interpolating linearly between order statistics (NumPy's default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const at = q * (n - 1), lo = Math.floor(at), hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
}

export interface McSummary {
  /** How many samples were summarised. */
  readonly T: number;
  /** Mean probability of each class over the T samples: the T-sample average p̄_T. */
  readonly mean: Float64Array;
  /** Per class, the `low` and `high` quantiles of the T sampled probabilities (default 10th and 90th percentiles). */
  readonly low: Float64Array;
  readonly high: Float64Array;
  /** Per class, how many of the T thinned networks put it first. */
  readonly votes: Int32Array;
}

/** Mean, spread and votes of the first T rows of a samples × classes array of probabilities. */
export function summarizeSamples(samples: Float64Array, classes: number, T: number, quantiles: readonly [number, number] = [0.1, 0.9]): McSummary {
  assertInteger(classes, 'mc dropout classes', 1);
  assertInteger(T, 'mc dropout T', 1, Math.floor(samples.length / classes));
  const mean = new Float64Array(classes), low = new Float64Array(classes), high = new Float64Array(classes);
  const votes = new Int32Array(classes), column = new Float64Array(T);
  for (let t = 0; t < T; t++) votes[argmaxAt(samples, t * classes, classes)]++;
  for (let c = 0; c < classes; c++) {
    let sum = 0;
    for (let t = 0; t < T; t++) sum += column[t] = samples[t * classes + c];
    mean[c] = sum / T;
    column.sort();
    low[c] = quantileSorted(column, quantiles[0]);
    high[c] = quantileSorted(column, quantiles[1]);
  }
  return { T, mean, low, high, votes };
}

/**
 * The prediction of the T-sample average after each T = 1 … Tmax, from one pass over Tmax samples (a running sum):
 * predictions[T − 1] is the class p̄_T puts first.
 */
export function runningPredictions(samples: Float64Array, classes: number, Tmax = samples.length / classes): Int32Array {
  assertInteger(Tmax, 'mc dropout Tmax', 1, Math.floor(samples.length / classes));
  const sum = new Float64Array(classes), out = new Int32Array(Tmax);
  for (let t = 0; t < Tmax; t++) {
    for (let c = 0; c < classes; c++) sum[c] += samples[t * classes + c];
    out[t] = argmaxAt(sum, 0, classes);
  }
  return out;
}

/** How much the sampled networks disagree about one input: 1 − (share of the votes the most-voted class got). 0 when
 * all T agree; at most 1 − 1/classes. */
export function voteDisagreement(votes: Int32Array): number {
  let total = 0, top = 0;
  for (let c = 0; c < votes.length; c++) {
    total += votes[c];
    if (votes[c] > top) top = votes[c];
  }
  return total === 0 ? 0 : 1 - top / total;
}
