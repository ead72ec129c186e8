// The WebAssembly path of the dense forward pass computes the same sums in the same order as the TypeScript path:
// the outputs must be identical bit for bit (Object.is, so even the sign of a zero), on random shapes, sparsity
// (exact zeros and −0 in x, which both paths skip) and values, with and without the fused ReLU.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type Matrix, createRng, denseForwardInto, denseReluForwardInto, kernelStatus, setKernels } from '../../../src/engine/index.ts';
import { AUTO_MIN_ROWS, webAssemblyDenseForward } from '../../../src/engine/wasm/dense-forward.ts';

afterEach(() => setKernels('auto'));

function sparseMatrix(seed: number, rows: number, cols: number, zeroFraction: number, scale = 1): Matrix {
  const rng = createRng(seed);
  const data = Float64Array.from({ length: rows * cols }, () => (rng.uniform() < zeroFraction ? (rng.bernoulli(0.5) ? 0 : -0) : scale * rng.normal()));
  return { rows, cols, data };
}

/** z (and a) from both paths; returns the index of the first entry that is not identical, or −1. */
function firstDifference(x: Matrix, W: Matrix, b: Float64Array, relu: boolean): number {
  const run = (choice: 'typescript' | 'webassembly') => {
    setKernels(choice);
    const z = { rows: x.rows, cols: W.cols, data: new Float64Array(x.rows * W.cols).fill(NaN) };
    const a = new Float64Array(x.rows * W.cols).fill(NaN);
    if (relu) denseReluForwardInto(x, W, b, z, a);
    else denseForwardInto(x, W, b, z);
    return relu ? [...z.data, ...a] : [...z.data];
  };
  const ts = run('typescript'), wasm = run('webassembly');
  return ts.findIndex((v, i) => !Object.is(v, wasm[i]));
}

const shapes = fc.record({
  seed: fc.integer(),
  rows: fc.integer({ min: 1, max: 12 }),
  // Up to 40 outputs: every column path of the kernel (16, 8, 2 and 1 at a time) and their combinations.
  nIn: fc.integer({ min: 1, max: 40 }),
  nOut: fc.integer({ min: 1, max: 40 }),
  zeroFraction: fc.constantFrom(0, 0.5, 0.8, 0.95, 1),
  scale: fc.constantFrom(1, 1e-3, 1e300), // 1e300: sums overflow to ±Infinity (and NaN), identically
  relu: fc.boolean(),
});

describe('WebAssembly dense forward', () => {
  it('is available in Node (the property tests below would otherwise compare TypeScript with itself)', () => {
    setKernels('webassembly');
    denseForwardInto(sparseMatrix(1, 2, 3, 0), sparseMatrix(2, 3, 4, 0), new Float64Array(4), { rows: 2, cols: 4, data: new Float64Array(8) });
    expect(kernelStatus().webassembly).toBe('ready');
  });

  it('equals the TypeScript kernel bit for bit on random shapes, sparsity and values', () => {
    fc.assert(
      fc.property(shapes, ({ seed, rows, nIn, nOut, zeroFraction, scale, relu }) => {
        const x = sparseMatrix(seed, rows, nIn, zeroFraction, scale);
        const W = sparseMatrix(seed + 1, nIn, nOut, 0.1);
        const b = sparseMatrix(seed + 2, 1, nOut, 0.2).data;
        expect(firstDifference(x, W, b, relu)).toBe(-1);
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it('equals it on batches larger than one chunk (the MNIST shape: 784 inputs, 83 rows a chunk)', () => {
    const x = sparseMatrix(3, 300, 784, 0.8);
    const W = sparseMatrix(4, 784, 37, 0);
    const b = sparseMatrix(5, 1, 37, 0).data;
    expect(firstDifference(x, W, b, false)).toBe(-1);
    expect(firstDifference(x, W, b, true)).toBe(-1);
  });

  it('equals it when x holds NaN, ±Infinity, −0 and subnormals (selected as `v !== 0` selects them)', () => {
    const special = [NaN, Infinity, -Infinity, -0, 0, 5e-324, -5e-324, 1];
    const rng = createRng('special');
    const x = { rows: 7, cols: 9, data: Float64Array.from({ length: 63 }, () => special[rng.integer(special.length)]) };
    const W = sparseMatrix(9, 9, 19, 0), b = sparseMatrix(10, 1, 19, 0).data;
    expect(firstDifference(x, W, b, false)).toBe(-1);
    expect(firstDifference(x, W, b, true)).toBe(-1);
  });

  it('ReLU gives +0 (not −0) for negative, zero and −0 sums, as relu.ts does', () => {
    setKernels('webassembly');
    const x = { rows: 1, cols: 1, data: Float64Array.of(1) };
    const W = { rows: 1, cols: 3, data: Float64Array.of(-2, 0, -0) };
    const z = { rows: 1, cols: 3, data: new Float64Array(3) }, a = new Float64Array(3).fill(NaN);
    denseReluForwardInto(x, W, Float64Array.of(0, -0, -0), z, a);
    expect([...z.data].map((v) => Object.is(v, -0))).toEqual([false, false, true]);
    expect([...a].every((v) => Object.is(v, 0))).toBe(true);
  });

  it("'auto' leaves batches of fewer than 4 rows to TypeScript (copying W in would cost more than it saves)", () => {
    setKernels('auto');
    const W = sparseMatrix(6, 64, 8, 0), b = new Float64Array(8);
    const small = sparseMatrix(7, AUTO_MIN_ROWS - 1, 64, 0), large = sparseMatrix(8, AUTO_MIN_ROWS, 64, 0);
    const z = (x: Matrix) => ({ rows: x.rows, cols: 8, data: new Float64Array(x.rows * 8) });
    expect(webAssemblyDenseForward(small, W, b, z(small))).toBe(false);
    expect(webAssemblyDenseForward(large, W, b, z(large))).toBe(true);
    setKernels('typescript');
    expect(webAssemblyDenseForward(large, W, b, z(large))).toBe(false);
  });
});
