// Dense (fully connected) layer z = x W + b, W shaped (in, out) as in the reference cases, with its backward pass.
//
// Why the kernels skip zeros: after ReLU and dropout most hidden activations are EXACTLY zero (about 3 in 4 with
// ReLU and p = 0.5). A zero input row k contributes nothing to z = x W (x_ik · W_k,: = 0), nothing to
// dW = xᵀ dz (the same product), and a unit whose gate (dropout mask × f'(z)) is zero needs no dx at all.
// Skipping them changes only the sign of some zero sums, never a value, and makes training several times faster.
// Every sum runs in the order of the plain loops (over k for z, over examples i for dW, over j for dx), kept in
// local variables so it stays in registers (see sparse-rows.ts). The *Into kernels allocate nothing; they trust
// their caller (the MLP) for shapes.

import { type Matrix, assertMatrix } from './matrix.ts';
import { NonZeroList, gatherNonZeros, sparseRowTimesMatrix } from './sparse-rows.ts';
import { assertFiniteVector } from './validate.ts';
import { webAssemblyDenseForward } from './wasm/dense-forward.ts';

// Module-private scratch, one list per kernel (they only grow).
const forwardList = new NonZeroList(), parameterList = new NonZeroList(), inputList = new NonZeroList();
let zeros = new Float64Array(64);

/** z = x W + b for a batch (x: B × in, W: in × out, b: out, z: B × out), skipping exact zeros of x:
 * z[i, :] = b + Σ over the non-zero x[i, k] of x[i, k] · W[k, :]. */
export function denseForwardInto(x: Matrix, W: Matrix, b: Float64Array, z: Matrix): void {
  if (webAssemblyDenseForward(x, W, b, z)) return; // the same sums, bit for bit, when WebAssembly is there (wasm/)
  const nIn = W.rows, nOut = W.cols;
  forwardList.ensure(nIn);
  for (let i = 0; i < x.rows; i++) {
    const n = gatherNonZeros(x.data, i * nIn, nIn, 1, nOut, forwardList); // offsets of rows k of W
    sparseRowTimesMatrix(b, forwardList, n, W.data, z.data, i * nOut, nOut);
  }
}

/** Evaluation of a ReLU hidden layer: z = x W + b and a = ReLU(z) (a = z > 0 ? z : 0, as relu.ts), fused so
 * that WebAssembly computes a from the sums still in its registers. */
export function denseReluForwardInto(x: Matrix, W: Matrix, b: Float64Array, z: Matrix, a: Float64Array): void {
  if (webAssemblyDenseForward(x, W, b, z, a)) return;
  denseForwardInto(x, W, b, z);
  const zs = z.data, n = x.rows * W.cols;
  for (let i = 0; i < n; i++) a[i] = zs[i] > 0 ? zs[i] : 0;
}

/** dW = xᵀ dz and db = Σᵢ dz[i, :] (overwritten, not accumulated), skipping exact zeros of x:
 * dW[k, :] = Σ over the examples i with x[i, k] ≠ 0 of x[i, k] · dz[i, :]. */
export function denseParameterGradientInto(x: Matrix, dz: Matrix, dW: Matrix, db: Float64Array): void {
  const ds = dz.data;
  const nIn = dW.rows, nOut = dW.cols, rows = x.rows;
  parameterList.ensure(rows);
  if (zeros.length < nOut) zeros = new Float64Array(nOut);
  for (let k = 0; k < nIn; k++) {
    const n = gatherNonZeros(x.data, k, rows, nIn, nOut, parameterList); // column k of x; offsets of rows i of dz
    sparseRowTimesMatrix(zeros, parameterList, n, ds, dW.data, k * nOut, nOut);
  }
  for (let j = 0; j < nOut; j++) {
    let sum = 0;
    for (let i = 0; i < rows; i++) sum += ds[i * nOut + j];
    db[j] = sum;
  }
}

/** dx[i, k] = gate[i, k] · Σⱼ dz[i, j] W[k, j], i.e. dx = gate ⊙ (dz Wᵀ). The dot product is computed only where
 * the gate is non-zero (dropped units and units with f'(z) = 0 get 0 without any work), four units at a time
 * (four independent sums, so the additions overlap). A null gate means all ones. */
export function denseInputGradientInto(dz: Matrix, W: Matrix, gate: Float64Array | null, dx: Matrix): void {
  const ds = dz.data, ws = W.data, out = dx.data;
  const nIn = W.rows, nOut = W.cols;
  inputList.ensure(nIn);
  const unit = inputList.offset, g = inputList.value;
  out.fill(0, 0, dz.rows * nIn);
  for (let i = 0; i < dz.rows; i++) {
    const xRow = i * nIn, dRow = i * nOut;
    const n = gatherNonZeros(gate, xRow, nIn, 1, 1, inputList); // the units k with a non-zero gate
    let t = 0;
    for (; t + 4 <= n; t += 4) {
      const k0 = unit[t], k1 = unit[t + 1], k2 = unit[t + 2], k3 = unit[t + 3];
      const w0 = k0 * nOut, w1 = k1 * nOut, w2 = k2 * nOut, w3 = k3 * nOut;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let j = 0; j < nOut; j++) {
        const d = ds[dRow + j];
        s0 += d * ws[w0 + j]; s1 += d * ws[w1 + j]; s2 += d * ws[w2 + j]; s3 += d * ws[w3 + j];
      }
      out[xRow + k0] = g[t] * s0; out[xRow + k1] = g[t + 1] * s1; out[xRow + k2] = g[t + 2] * s2; out[xRow + k3] = g[t + 3] * s3;
    }
    for (; t < n; t++) {
      const k = unit[t], w = k * nOut;
      let sum = 0;
      for (let j = 0; j < nOut; j++) sum += ds[dRow + j] * ws[w + j];
      out[xRow + k] = g[t] * sum;
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
