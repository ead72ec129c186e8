// The engine's network computed WITHOUT zero-skipping, for the "engine (dense)" row: the same register-blocked
// row kernel as the engine (sparse-rows.ts) fed with every entry instead of only the non-zeros, the same mask
// sampling, loss and SGD update. It does the same arithmetic in the same order plus the products by exact zeros,
// so its numbers equal the engine's (only signs of zero sums may differ): the benchmark checks that (≤ 1e-12),
// and the speed difference is what skipping the zeros buys.
//
// Only for ReLU hidden layers with inverted dropout, as in the benchmark workload.

import { type Matrix, type Rng, createMatrix, denseInputGradientInto, sampleDropoutMaskInto, softmaxCrossEntropyInto } from '../../src/engine/index.ts';
import { NonZeroList, sparseRowTimesMatrix } from '../../src/engine/sparse-rows.ts';
import type { Weights } from './workload.ts';

interface Buffers {
  readonly z: Matrix[]; // pre-activations of every layer (the last are the logits)
  readonly a: Matrix[]; // hidden outputs after ReLU and dropout
  readonly mask: Float64Array[];
  readonly gate: Float64Array[]; // mask / (1 − p) · f'(z)
  readonly dz: Matrix[];
  readonly dx: Matrix[]; // dz_{l} Wᵀ before the gate
}

export interface DenseMlp {
  readonly layers: readonly Weights[];
  /** One SGD step on a batch; returns the loss before the update. */
  step(x: Matrix, labels: Int32Array): number;
  /** Evaluation-mode logits (a view, valid until the next call with the same batch size). */
  forward(x: Matrix): Matrix;
}

export function createDenseMlp(weights: readonly Weights[], dropoutP: number, lr: number, rng: Rng): DenseMlp {
  const layers = weights.map(({ W, b }) => ({ W: { rows: W.rows, cols: W.cols, data: W.data.slice() }, b: b.slice() }));
  const grads = layers.map(({ W, b }) => ({ dW: createMatrix(W.rows, W.cols), db: new Float64Array(b.length) }));
  const sizes = [layers[0].W.rows, ...layers.map((l) => l.W.cols)];
  const L = layers.length, scale = 1 / (1 - dropoutP);
  const list = new NonZeroList(); // here a list of ALL entries, zeros included
  list.ensure(Math.max(...sizes));
  const zeros = new Float64Array(Math.max(...sizes));
  const cache = new Map<number, Buffers>();
  const buffers = (B: number): Buffers => {
    let buf = cache.get(B);
    if (buf === undefined) {
      const hidden = (h: number) => new Float64Array(B * sizes[h + 1]);
      buf = {
        z: layers.map((_, l) => createMatrix(B, sizes[l + 1])),
        a: layers.slice(1).map((_, h) => createMatrix(B, sizes[h + 1])),
        mask: layers.slice(1).map((_, h) => hidden(h)),
        gate: layers.slice(1).map((_, h) => hidden(h)),
        dz: layers.map((_, l) => createMatrix(B, sizes[l + 1])),
        dx: layers.map((_, l) => createMatrix(B, sizes[l])),
      };
      cache.set(B, buf);
    }
    return buf;
  };

  /** z = x W + b over every entry of x (no skipping). */
  const linear = (x: Matrix, { W, b }: Weights, z: Matrix): void => {
    const nIn = W.rows, nOut = W.cols;
    for (let i = 0; i < x.rows; i++) {
      for (let k = 0; k < nIn; k++) {
        list.offset[k] = k * nOut;
        list.value[k] = x.data[i * nIn + k];
      }
      sparseRowTimesMatrix(b, list, nIn, W.data, z.data, i * nOut, nOut);
    }
  };

  const forward = (x: Matrix, training: boolean): Buffers => {
    const buf = buffers(x.rows);
    let input = x;
    for (let l = 0; l < L; l++) {
      linear(input, layers[l], buf.z[l]);
      if (l === L - 1) break;
      const z = buf.z[l].data, a = buf.a[l].data, mask = buf.mask[l], gate = buf.gate[l];
      for (let i = 0; i < z.length; i++) a[i] = z[i] > 0 ? z[i] : 0;
      if (training) {
        sampleDropoutMaskInto(rng, dropoutP, mask);
        for (let i = 0; i < a.length; i++) a[i] *= mask[i] * scale;
        for (let i = 0; i < a.length; i++) gate[i] = mask[i] * scale * (z[i] > 0 ? 1 : 0);
      }
      input = buf.a[l];
    }
    return buf;
  };

  const step = (x: Matrix, labels: Int32Array): number => {
    list.ensure(x.rows);
    const buf = forward(x, true);
    const loss = softmaxCrossEntropyInto(buf.z[L - 1], labels, buf.dz[L - 1]);
    for (let l = L - 1; l >= 0; l--) {
      const input = l === 0 ? x : buf.a[l - 1], dz = buf.dz[l], { dW, db } = grads[l];
      const nIn = dW.rows, nOut = dW.cols, B = x.rows;
      for (let k = 0; k < nIn; k++) { // dW[k, :] = Σᵢ x[i, k] dz[i, :] over every example i
        for (let i = 0; i < B; i++) {
          list.offset[i] = i * nOut;
          list.value[i] = input.data[i * nIn + k];
        }
        sparseRowTimesMatrix(zeros, list, B, dz.data, dW.data, k * nOut, nOut);
      }
      for (let j = 0; j < nOut; j++) {
        let sum = 0;
        for (let i = 0; i < B; i++) sum += dz.data[i * nOut + j];
        db[j] = sum;
      }
      if (l === 0) break;
      denseInputGradientInto(dz, layers[l].W, null, buf.dx[l]); // a null gate: every dot product is computed
      const dx = buf.dx[l].data, gate = buf.gate[l - 1], below = buf.dz[l - 1].data;
      for (let i = 0; i < dx.length; i++) below[i] = gate[i] * dx[i];
    }
    layers.forEach(({ W, b }, l) => {
      const { dW, db } = grads[l];
      for (let i = 0; i < W.data.length; i++) W.data[i] -= lr * dW.data[i];
      for (let i = 0; i < b.length; i++) b[i] -= lr * db[i];
    });
    return loss;
  };

  return { layers, step, forward: (x) => forward(x, false).z[L - 1] };
}
