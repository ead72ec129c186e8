// Mean softmax cross-entropy over a batch of B examples with logits z (B × C) and integer labels:
//   L = (1/B) Σᵢ [ logsumexp(zᵢ) − zᵢ,yᵢ ],   logsumexp(z) = m + log Σⱼ exp(zⱼ − m) with m = maxⱼ zⱼ
// (subtracting the max keeps exp from overflowing), and its gradient
//   ∂L/∂zᵢⱼ = (softmax(zᵢ)ⱼ − [j = yᵢ]) / B.

import { type Matrix, assertMatrix } from './matrix.ts';
import { assertInteger } from './validate.ts';

/** Loss of the batch; writes ∂L/∂z into `dLogits` when given (no allocation). Labels are trusted. */
export function softmaxCrossEntropyInto(logits: Matrix, labels: Int32Array, dLogits: Matrix | null): number {
  const { rows, cols, data: z } = logits;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    let max = -Infinity;
    for (let j = 0; j < cols; j++) if (z[row + j] > max) max = z[row + j];
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += Math.exp(z[row + j] - max);
    const logSumExp = max + Math.log(sum);
    total += logSumExp - z[row + labels[i]];
    if (dLogits !== null) {
      const g = dLogits.data;
      for (let j = 0; j < cols; j++) g[row + j] = Math.exp(z[row + j] - logSumExp) / rows;
      g[row + labels[i]] -= 1 / rows;
    }
  }
  return total / rows;
}

/** Validated, allocating: the mean loss and its gradient with respect to the logits. */
export function softmaxCrossEntropy(logits: Matrix, labels: Int32Array): { loss: number; dLogits: Matrix } {
  assertMatrix(logits, 'logits');
  assertLabels(labels, logits.rows, logits.cols);
  if (logits.rows === 0) throw new RangeError('softmax cross-entropy needs at least 1 example, got 0');
  const dLogits = { rows: logits.rows, cols: logits.cols, data: new Float64Array(logits.data.length) };
  return { loss: softmaxCrossEntropyInto(logits, labels, dLogits), dLogits };
}

/** Row-wise softmax probabilities, computed stably. */
export function softmax(logits: Matrix): Matrix {
  assertMatrix(logits, 'logits');
  const { rows, cols, data: z } = logits;
  const out = new Float64Array(z.length);
  for (let i = 0; i < rows; i++) softmaxRowInto(z, i * cols, cols, out, i * cols);
  return { rows, cols, data: out };
}

/** softmax of the n logits z[from … from + n − 1], written to out[to …] (no allocation, no checks). */
export function softmaxRowInto(z: ArrayLike<number>, from: number, n: number, out: Float64Array, to: number): void {
  let max = -Infinity;
  for (let j = 0; j < n; j++) if (z[from + j] > max) max = z[from + j];
  let sum = 0;
  for (let j = 0; j < n; j++) sum += out[to + j] = Math.exp(z[from + j] - max);
  for (let j = 0; j < n; j++) out[to + j] /= sum;
}

/** Index of the largest entry of each row (the predicted class); ties go to the first. */
export function argmaxRows(m: Matrix): Int32Array {
  const out = new Int32Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let best = 0;
    for (let j = 1; j < m.cols; j++) if (m.data[i * m.cols + j] > m.data[i * m.cols + best]) best = j;
    out[i] = best;
  }
  return out;
}

/** Labels: an Int32Array of `count` class indices, each in [0, classes). */
export function assertLabels(labels: unknown, count: number, classes: number): asserts labels is Int32Array {
  if (!(labels instanceof Int32Array)) throw new TypeError(`labels must be an Int32Array of class indices`);
  if (labels.length !== count) throw new RangeError(`labels must have length ${count}, got ${labels.length}`);
  for (let i = 0; i < labels.length; i++) assertInteger(labels[i], `labels[${i}]`, 0, classes - 1);
}
