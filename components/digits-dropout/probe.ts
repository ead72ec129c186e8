/**
 * What the digits widget measures on a dataset, in evaluation mode (no dropout), a chunk of rows at a time:
 * the classification error and, for every hidden layer, the mean activation, the fraction of exact zeros and a
 * histogram of the activations over fixed bins [0, max] (Srivastava et al. 2014, Fig. 8: with dropout the
 * activations are sparser and their mean is lower). The same bins for both nets, so their histograms compare.
 */
import { type Dataset, type Mlp, argmaxRows } from '../../src/engine/index.ts';

export interface ActivationSummary {
  readonly mean: number;
  readonly zeroFraction: number;
  /** counts[b] = activations in [b·max/bins, (b+1)·max/bins); exact zeros fall in bin 0 (and are counted apart too). */
  readonly counts: Int32Array;
  /** Activations above max (in no bin). */
  readonly above: number;
}

export interface Probe {
  readonly error: number;
  /** One per hidden layer; empty when the probe was asked for the error only. */
  readonly hidden: readonly ActivationSummary[];
}

export interface HistogramBins {
  readonly bins: number;
  readonly max: number;
}

/** A measurement over `data` that advances `chunk` rows per call of `step()`; `result()` once `done`. */
export interface ProbeJob {
  readonly done: boolean;
  step(): void;
  result(): Probe;
}

export function createProbe(net: Mlp, data: Dataset, bins: HistogramBins | null, chunk = 250): ProbeJob {
  const hiddenCount = net.sizes.length - 2;
  const sums = new Float64Array(hiddenCount), zeros = new Float64Array(hiddenCount), above = new Float64Array(hiddenCount);
  const counts = Array.from({ length: hiddenCount }, () => new Int32Array(bins?.bins ?? 0));
  const cols = data.x.cols, rows = data.x.rows;
  let start = 0, wrong = 0;
  return {
    get done() {
      return start >= rows;
    },
    step() {
      if (start >= rows) return;
      const n = Math.min(chunk, rows - start);
      const pass = net.forward({ rows: n, cols, data: data.x.data.subarray(start * cols, (start + n) * cols) });
      const predicted = argmaxRows(pass.logits);
      for (let i = 0; i < n; i++) if (predicted[i] !== data.labels[start + i]) wrong++;
      if (bins !== null) pass.hidden.forEach((a, h) => accumulate(a.data, bins, h));
      start += n;
    },
    result() {
      if (start < rows) throw new RangeError(`probe: ${rows - start} rows are still to measure`);
      const hidden = bins === null ? [] : counts.map((c, h) => {
        const total = rows * net.sizes[h + 1];
        return { mean: sums[h] / total, zeroFraction: zeros[h] / total, counts: c, above: above[h] };
      });
      return { error: wrong / rows, hidden };
    },
  };

  function accumulate(a: Float64Array, { bins: nBins, max }: HistogramBins, h: number): void {
    const c = counts[h], scale = nBins / max;
    let sum = 0, zero = 0, over = 0;
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      sum += v;
      zero += +(v === 0);
      if (v > max) over++;
      else c[Math.min(nBins - 1, Math.floor(v * scale))]++;
    }
    sums[h] += sum;
    zeros[h] += zero;
    above[h] += over;
  }
}
