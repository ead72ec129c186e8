// The zero-skipping kernels must give the same numbers as the plain dense computation (≤ 1e-12).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Matrix,
  createRng,
  dense,
  denseBackward,
  denseInputGradientInto,
  matmul,
  transpose,
} from '../../src/engine/index.ts';
import { expectAllClose } from './helpers/numeric.ts';

/** A rows × cols matrix in which roughly `zeroFraction` of the entries are exactly 0 (some of them −0). */
function sparseMatrix(seed: number, rows: number, cols: number, zeroFraction: number): Matrix {
  const rng = createRng(seed);
  const data = Float64Array.from({ length: rows * cols }, () => (rng.uniform() < zeroFraction ? (rng.bernoulli(0.5) ? 0 : -0) : rng.normal()));
  return { rows, cols, data };
}

const shapes = fc.record({
  seed: fc.integer(),
  batch: fc.integer({ min: 1, max: 9 }),
  // Up to 20: covers the kernels' unrolled paths (8 and 3 output columns at a time, 4 gated units at a time).
  nIn: fc.integer({ min: 1, max: 20 }),
  nOut: fc.integer({ min: 1, max: 20 }),
  zeroFraction: fc.constantFrom(0, 0.5, 0.9, 1),
});

describe('dense kernels skip exact zeros without changing the result', () => {
  it('forward: x W + b equals the plain product plus bias', () => {
    fc.assert(
      fc.property(shapes, ({ seed, batch, nIn, nOut, zeroFraction }) => {
        const x = sparseMatrix(seed, batch, nIn, zeroFraction);
        const W = sparseMatrix(seed + 1, nIn, nOut, 0);
        const b = sparseMatrix(seed + 2, 1, nOut, 0).data;
        const reference = matmul(x, W);
        for (let i = 0; i < batch; i++) for (let j = 0; j < nOut; j++) reference.data[i * nOut + j] += b[j];
        expectAllClose(dense(x, W, b).data, reference.data, 1e-12, 'z');
      }),
      { seed: 2, numRuns: 200 },
    );
  });

  it('backward: dW = xᵀ dz, db = column sums of dz, dx = dz Wᵀ', () => {
    fc.assert(
      fc.property(shapes, ({ seed, batch, nIn, nOut, zeroFraction }) => {
        const x = sparseMatrix(seed, batch, nIn, zeroFraction);
        const W = sparseMatrix(seed + 1, nIn, nOut, 0);
        const dz = sparseMatrix(seed + 3, batch, nOut, 0);
        const { dx, dW, db } = denseBackward(x, W, dz);
        expectAllClose(dW.data, matmul(transpose(x), dz).data, 1e-12, 'dW');
        expectAllClose(dx.data, matmul(dz, transpose(W)).data, 1e-12, 'dx');
        const sums = new Float64Array(nOut);
        for (let i = 0; i < batch; i++) for (let j = 0; j < nOut; j++) sums[j] += dz.data[i * nOut + j];
        expectAllClose(db, sums, 1e-12, 'db');
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it('input gradient with a gate: gate ⊙ (dz Wᵀ), zero exactly where the gate is zero', () => {
    fc.assert(
      fc.property(shapes, ({ seed, batch, nIn, nOut, zeroFraction }) => {
        const W = sparseMatrix(seed + 1, nIn, nOut, 0);
        const dz = sparseMatrix(seed + 3, batch, nOut, 0);
        const gate = sparseMatrix(seed + 4, batch, nIn, zeroFraction).data;
        const dx: Matrix = { rows: batch, cols: nIn, data: new Float64Array(batch * nIn).fill(123) };
        denseInputGradientInto(dz, W, gate, dx);
        const full = matmul(dz, transpose(W)).data.map((v, i) => v * gate[i]);
        expectAllClose(dx.data, full, 1e-12, 'dx');
        gate.forEach((g, i) => {
          if (g === 0) expect(dx.data[i]).toBe(0);
        });
      }),
      { seed: 4, numRuns: 200 },
    );
  });

  it('rejects mismatched shapes and non-finite values', () => {
    const W = sparseMatrix(1, 3, 2, 0);
    expect(() => dense(sparseMatrix(2, 4, 2, 0), W, new Float64Array(2))).toThrow(/3 columns/);
    expect(() => dense(sparseMatrix(2, 4, 3, 0), W, new Float64Array(3))).toThrow(/length 2/);
    const bad = sparseMatrix(2, 1, 3, 0);
    bad.data[1] = NaN;
    expect(() => dense(bad, W, new Float64Array(2))).toThrow(RangeError);
  });
});
