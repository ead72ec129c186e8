// Figure 11 of Srivastava et al. (2014), small: over a labelled dataset, the error of the T-sample Monte Carlo
// average p̄_T for every T = 1 … Tmax, next to the scaled network's error. One pass of Tmax samples per example gives
// every T ≤ Tmax along the way (runningPredictions). Also counted per T: how often p̄_T picks the scaled network's
// class, and per example how much the Tmax sampled networks disagree (voteDisagreement).
// A job advances `chunk` examples per step(), so a worker can stream partial results; example i draws its samples
// from rng.fork(`example i`), so the numbers do not depend on the chunking.

import type { Dataset } from './datasets/dataset.ts';
import { assertDataset } from './datasets/dataset.ts';
import { argmaxAt, runningPredictions, scaledProbabilities, summarizeSamples, thinnedProbabilities, voteDisagreement } from './mc-dropout.ts';
import type { Mlp } from './mlp.ts';
import type { Rng } from './rng.ts';
import { assertInteger } from './validate.ts';

export interface McCurve {
  readonly Tmax: number;
  /** Examples measured so far (the first `count` of the dataset). */
  readonly count: number;
  /** wrong[T − 1]: examples whose T-sample average predicts a class other than the label. */
  readonly wrong: Int32Array;
  /** agree[T − 1]: examples whose T-sample average picks the same class as the scaled network. */
  readonly agree: Int32Array;
  /** Examples the scaled network gets wrong. */
  readonly scaledWrong: number;
  /** Per example measured: 1 − the share of the Tmax sampled networks' votes that its most-voted class got. */
  readonly disagreement: Float64Array;
  /** Per example measured: the class the Tmax-sample average predicts. */
  readonly predicted: Int32Array;
}

export interface McCurveJob {
  readonly done: boolean;
  /** Measures the next `chunk` examples (none once done). */
  step(): void;
  /** The counts so far (copies). */
  curve(): McCurve;
}

export function createMcCurveJob(net: Mlp, data: Dataset, options: { Tmax: number; rng: Rng; chunk?: number; count?: number }): McCurveJob {
  assertDataset(data, 'mc curve data');
  const { Tmax, rng, chunk = 1 } = options;
  const count = options.count ?? data.x.rows;
  assertInteger(Tmax, 'mc curve Tmax', 1, 100_000);
  assertInteger(chunk, 'mc curve chunk', 1);
  assertInteger(count, 'mc curve count', 0, data.x.rows);
  const classes = net.sizes[net.sizes.length - 1], cols = data.x.cols;
  const wrong = new Int32Array(Tmax), agree = new Int32Array(Tmax);
  const disagreement = new Float64Array(count), predicted = new Int32Array(count);
  let next = 0, scaledWrong = 0;
  return {
    get done() {
      return next >= count;
    },
    step() {
      for (const end = Math.min(count, next + chunk); next < end; next++) {
        const i = next, x = data.x.data.subarray(i * cols, (i + 1) * cols), label = data.labels[i];
        const scaled = scaledProbabilities(net, x);
        const scaledClass = argmaxAt(scaled, 0, classes);
        if (scaledClass !== label) scaledWrong++;
        const samples = thinnedProbabilities(net, x, Tmax, rng.fork(`example ${i}`));
        const running = runningPredictions(samples, classes, Tmax);
        for (let t = 0; t < Tmax; t++) {
          if (running[t] !== label) wrong[t]++;
          if (running[t] === scaledClass) agree[t]++;
        }
        disagreement[i] = voteDisagreement(summarizeSamples(samples, classes, Tmax).votes);
        predicted[i] = running[Tmax - 1];
      }
    },
    curve() {
      return { Tmax, count: next, wrong: wrong.slice(), agree: agree.slice(), scaledWrong, disagreement: disagreement.slice(0, next), predicted: predicted.slice(0, next) };
    },
  };
}
