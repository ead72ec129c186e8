// The benchmark's workloads, built once and shared by every contender so that all of them do identical work:
//   A (training):  MLP 2→64→64→3, ReLU, inverted dropout p = 0.5 after each hidden layer, mean softmax
//                  cross-entropy, plain SGD lr 0.1, batches of 32 from a 3-class spiral, the same batches in the
//                  same order, from the same He-initialised weights (the engine's, copied).
//   B (inference): the same net in evaluation mode on a 64 × 64 grid over the data's extent (4,096 points), the
//                  decision-boundary picture a widget draws.

import { type Matrix, type Rng, createMlp, createRng, spirals } from '../../src/engine/index.ts';

export const SIZES = [2, 64, 64, 3] as const;
export const DROPOUT_P = 0.5;
export const LEARNING_RATE = 0.1;
export const BATCH_SIZE = 32;
export const DATA_COUNT = 600;
export const GRID_SIDE = 64;
/** Distinct batches prepared; training cycles through them in order. */
export const BATCH_COUNT = 512;

/** The network and optimiser every contender of a workload builds: ReLU hidden layers, inverted dropout. */
export interface NetSpec {
  readonly sizes: readonly number[];
  /** Drop probability of the inputs (0: none) and after each hidden layer. */
  readonly inputDropoutP: number;
  readonly dropoutP: number;
  readonly lr: number;
  /** SGD momentum (0: plain SGD). */
  readonly momentum: number;
}

export const SPEC_A: NetSpec = { sizes: SIZES, inputDropoutP: 0, dropoutP: DROPOUT_P, lr: LEARNING_RATE, momentum: 0 };

export interface Weights {
  readonly W: Matrix;
  readonly b: Float64Array;
}

export interface Batch {
  readonly x: Matrix;
  readonly labels: Int32Array;
}

export interface Workload {
  readonly spec: NetSpec;
  readonly data: { readonly x: Matrix; readonly labels: Int32Array; readonly classes: number };
  readonly batches: readonly Batch[];
  /** What inference evaluates in one pass (workload B: the grid; C: the test digits). */
  readonly grid: Matrix;
  readonly initialWeights: readonly Weights[];
  readonly seed: string;
}

export function createWorkload(seed = 'bench'): Workload {
  const rng = createRng(seed);
  const data = spirals({ count: DATA_COUNT, classes: SIZES[SIZES.length - 1], rng: rng.fork('data') });
  const order = batchOrder(data.x.rows, BATCH_SIZE, BATCH_COUNT, rng.fork('batches'));
  const batches = Array.from({ length: BATCH_COUNT }, (_, s) => takeRows(data.x, data.labels, order.subarray(s * BATCH_SIZE, (s + 1) * BATCH_SIZE)));
  const net = createMlp({ sizes: [...SIZES], activation: { name: 'relu' }, dropoutP: DROPOUT_P }, { scheme: 'he-normal', rng: rng.fork('init') });
  const initialWeights = net.layers.map(({ W, b }) => ({ W: { rows: W.rows, cols: W.cols, data: W.data.slice() }, b: b.slice() }));
  return { spec: SPEC_A, data, batches, grid: gridOver(data.x, GRID_SIDE, 0.1), initialWeights, seed };
}

/** Example indices for `batches` minibatches of `batchSize`: without replacement within an epoch, reshuffled (by
 * Fisher-Yates from `rng`) at the start of every epoch, the way the engine's trainer draws them. */
export function batchOrder(count: number, batchSize: number, batches: number, rng: Rng): Int32Array {
  const epoch = Int32Array.from({ length: count }, (_, i) => i);
  const out = new Int32Array(batches * batchSize);
  let cursor = count;
  for (let t = 0; t < out.length; t++) {
    if (cursor === count) {
      rng.shuffle(epoch);
      cursor = 0;
    }
    out[t] = epoch[cursor++];
  }
  return out;
}

/** side × side points evenly spaced over the bounding box of the rows of x (2 columns), widened by `margin` times
 * its size on each side; row-major, x varying fastest. */
export function gridOver(x: Matrix, side: number, margin: number): Matrix {
  if (x.cols !== 2) throw new RangeError(`gridOver needs 2 columns, got ${x.cols}`);
  if (!(side >= 2)) throw new RangeError(`gridOver side must be at least 2, got ${side}`);
  const lo = [Infinity, Infinity], hi = [-Infinity, -Infinity];
  for (let i = 0; i < x.rows; i++) {
    for (let c = 0; c < 2; c++) {
      lo[c] = Math.min(lo[c], x.data[2 * i + c]);
      hi[c] = Math.max(hi[c], x.data[2 * i + c]);
    }
  }
  const data = new Float64Array(side * side * 2);
  for (let c = 0; c < 2; c++) {
    const pad = (hi[c] - lo[c]) * margin;
    lo[c] -= pad;
    hi[c] += pad;
  }
  for (let r = 0; r < side; r++) {
    for (let q = 0; q < side; q++) {
      const p = 2 * (r * side + q);
      data[p] = lo[0] + ((hi[0] - lo[0]) * q) / (side - 1);
      data[p + 1] = lo[1] + ((hi[1] - lo[1]) * r) / (side - 1);
    }
  }
  return { rows: side * side, cols: 2, data };
}

export function takeRows(x: Matrix, labels: Int32Array, indices: Int32Array): Batch {
  const data = new Float64Array(indices.length * x.cols);
  const out = new Int32Array(indices.length);
  indices.forEach((i, r) => {
    data.set(x.data.subarray(i * x.cols, (i + 1) * x.cols), r * x.cols);
    out[r] = labels[i];
  });
  return { x: { rows: indices.length, cols: x.cols, data }, labels: out };
}

/** A deep copy, so no contender can disturb another's starting point. */
export function copyWeights(weights: readonly Weights[]): Weights[] {
  return weights.map(({ W, b }) => ({ W: { rows: W.rows, cols: W.cols, data: W.data.slice() }, b: b.slice() }));
}
