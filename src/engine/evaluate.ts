// Evaluation-mode quality of a network on a dataset: mean cross-entropy and accuracy (fraction of examples whose
// largest logit is the true class). Large datasets are processed in chunks of rows, without copying them.

import type { Dataset } from './datasets/dataset.ts';
import { assertDataset } from './datasets/dataset.ts';
import { softmaxCrossEntropyInto } from './loss.ts';
import { type Matrix, assertMatrix } from './matrix.ts';
import type { Mlp } from './mlp.ts';
import { assertInteger } from './validate.ts';

export interface Evaluation {
  readonly loss: number;
  readonly accuracy: number;
}

// Rows per forward pass: small enough for the layer buffers to stay in cache, large enough to amortise calls.
const DEFAULT_CHUNK = 256;

export function evaluateMlp(net: Mlp, data: Dataset, chunkSize = DEFAULT_CHUNK): Evaluation {
  assertDataset(data, 'evaluation data');
  assertInteger(chunkSize, 'evaluation chunkSize', 1);
  if (data.x.rows === 0) throw new RangeError('evaluation data must have at least 1 example, got 0');
  let lossSum = 0, correct = 0;
  forEachChunk(data.x, chunkSize, (x, start) => {
    const { logits } = net.forward(x);
    const labels = data.labels.subarray(start, start + x.rows);
    lossSum += softmaxCrossEntropyInto(logits, labels, null) * x.rows;
    for (let i = 0; i < x.rows; i++) if (argmaxRow(logits, i) === labels[i]) correct++;
  });
  return { loss: lossSum / data.x.rows, accuracy: correct / data.x.rows };
}

/** Predicted class of every row of x (evaluation mode). */
export function predictClasses(net: Mlp, x: Matrix, chunkSize = DEFAULT_CHUNK): Int32Array {
  assertMatrix(x, 'prediction input');
  const out = new Int32Array(x.rows);
  forEachChunk(x, chunkSize, (chunk, start) => {
    const { logits } = net.forward(chunk);
    for (let i = 0; i < chunk.rows; i++) out[start + i] = argmaxRow(logits, i);
  });
  return out;
}

function argmaxRow(m: Matrix, i: number): number {
  let best = 0;
  const row = i * m.cols;
  for (let j = 1; j < m.cols; j++) if (m.data[row + j] > m.data[row + best]) best = j;
  return best;
}

/** Calls fn on consecutive row blocks of x, as views into x.data. */
function forEachChunk(x: Matrix, chunkSize: number, fn: (chunk: Matrix, start: number) => void): void {
  for (let start = 0; start < x.rows; start += chunkSize) {
    const rows = Math.min(chunkSize, x.rows - start);
    fn({ rows, cols: x.cols, data: x.data.subarray(start * x.cols, (start + rows) * x.cols) }, start);
  }
}
