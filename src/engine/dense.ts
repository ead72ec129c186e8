// Dense (fully connected) layer z = x W + b, W shaped (in, out) as in the reference cases, with its backward pass.
//
// Why the kernels skip zeros: after ReLU and dropout most hidden activations are EXACTLY zero (about 3 in 4 with
// ReLU and p = 0.5). A zero input row k contributes nothing to z = x W (x_ik · W_k,: = 0), nothing to
// dW = xᵀ dz (the same product), and a unit whose gate (dropout mask × f'(z)) is zero needs no dx at all.
// Skipping them changes only the sign of some zero sums, never a value, and makes training several times faster.
// Loop order is i-k-j with hoisted row offsets: the inner loop runs along contiguous rows of W, dW and z.
// The *Into kernels allocate nothing; they trust their caller (the MLP) for shapes.

import { type Matrix, assertMatrix } from './matrix.ts';
import { assertFiniteVector } from './validate.ts';

/** z = x W + b for a batch (x: B × in, W: in × out, b: out, z: B × out), skipping exact zeros of x. */
export function denseForwardInto(x: Matrix, W: Matrix, b: Float64Array, z: Matrix): void {
  const ws = W.data, zs = z.data;
  const nIn = W.rows, nOut = W.cols;
  ensureScratch(nIn);
  const index = scratchIndex, value = scratchValue;
  for (let i = 0; i < x.rows; i++) {
    const zRow = i * nOut;
    const n = gatherNonZeros(x.data, i * nIn, nIn, index, value);
    for (let j = 0; j < nOut; j++) zs[zRow + j] = b[j];
    for (let t = 0; t < n; t++) {
      const xik = value[t], wRow = index[t] * nOut;
      for (let j = 0; j < nOut; j++) zs[zRow + j] += xik * ws[wRow + j];
    }
  }
}

/** dW = xᵀ dz and db = Σᵢ dz[i, :] (overwritten, not accumulated), skipping exact zeros of x. */
export function denseParameterGradientInto(x: Matrix, dz: Matrix, dW: Matrix, db: Float64Array): void {
  const ds = dz.data, gw = dW.data;
  const nIn = dW.rows, nOut = dW.cols;
  ensureScratch(nIn);
  const index = scratchIndex, value = scratchValue;
  gw.fill(0);
  db.fill(0);
  for (let i = 0; i < x.rows; i++) {
    const dRow = i * nOut;
    for (let j = 0; j < nOut; j++) db[j] += ds[dRow + j];
    const n = gatherNonZeros(x.data, i * nIn, nIn, index, value);
    for (let t = 0; t < n; t++) {
      const xik = value[t], wRow = index[t] * nOut; // rows k with x[i, k] = 0 would add 0 · dz[i, :]
      for (let j = 0; j < nOut; j++) gw[wRow + j] += xik * ds[dRow + j];
    }
  }
}

// Compacting a row's non-zeros first keeps the unpredictable "is it zero?" test (a coin flip after ReLU and
// dropout) out of the inner loop. The scratch buffers are private to this module and only grow.
let scratchIndex = new Int32Array(64);
let scratchValue = new Float64Array(64);

function ensureScratch(n: number): void {
  if (scratchIndex.length < n) {
    scratchIndex = new Int32Array(n);
    scratchValue = new Float64Array(n);
  }
}

/** Writes the positions and values of the non-zero entries of data[offset .. offset + n) and returns their count. */
function gatherNonZeros(data: Float64Array, offset: number, n: number, index: Int32Array, value: Float64Array): number {
  let count = 0;
  for (let k = 0; k < n; k++) {
    const v = data[offset + k];
    if (v !== 0) {
      index[count] = k;
      value[count++] = v;
    }
  }
  return count;
}

/** dx[i, k] = gate[i, k] · Σⱼ dz[i, j] W[k, j], i.e. dx = gate ⊙ (dz Wᵀ). The dot product is computed only where
 * the gate is non-zero (dropped units and units with f'(z) = 0 get 0 without any work). A null gate means all ones. */
export function denseInputGradientInto(dz: Matrix, W: Matrix, gate: Float64Array | null, dx: Matrix): void {
  const ds = dz.data, ws = W.data, out = dx.data;
  const nIn = W.rows, nOut = W.cols;
  for (let i = 0; i < dz.rows; i++) {
    const xRow = i * nIn, dRow = i * nOut;
    for (let k = 0; k < nIn; k++) {
      const g = gate === null ? 1 : gate[xRow + k];
      if (g === 0) {
        out[xRow + k] = 0;
        continue;
      }
      const wRow = k * nOut;
      let sum = 0;
      for (let j = 0; j < nOut; j++) sum += ds[dRow + j] * ws[wRow + j];
      out[xRow + k] = g * sum;
    }
  }
}

/** Validated, allocating forward pass: returns x W + b. */
export function dense(x: Matrix, W: Matrix, b: Float64Array): Matrix {
  assertMatrix(W, 'dense W');
  assertMatrix(x, 'dense x', undefined, W.rows);
  assertFiniteVector(b, 'dense b', W.cols);
  const z = { rows: x.rows, cols: W.cols, data: new Float64Array(x.rows * W.cols) };
  denseForwardInto(x, W, b, z);
  return z;
}

/** Validated, allocating backward pass of z = x W + b given dL/dz: returns dL/dx, dL/dW and dL/db. */
export function denseBackward(x: Matrix, W: Matrix, dz: Matrix): { dx: Matrix; dW: Matrix; db: Float64Array } {
  assertMatrix(W, 'dense W');
  assertMatrix(x, 'dense x', undefined, W.rows);
  assertMatrix(dz, 'dense dz', x.rows, W.cols);
  const dx = { rows: x.rows, cols: W.rows, data: new Float64Array(x.rows * W.rows) };
  const dW = { rows: W.rows, cols: W.cols, data: new Float64Array(W.rows * W.cols) };
  const db = new Float64Array(W.cols);
  denseParameterGradientInto(x, dz, dW, db);
  denseInputGradientInto(dz, W, null, dx);
  return { dx, dW, db };
}
