// z = x W + b (and optionally a = ReLU(z)) through the WebAssembly kernels (csr-kernel.ts), with the same
// zero-skipping and the same sums in the same order as denseForwardInto's TypeScript path, so the results are
// identical bit for bit.
//
// Per call: W and b are copied into the module's memory (they may have changed since the last call: SGD updates
// them in place), then x is processed in chunks of rows: the chunk copied in, its non-zeros gathered into compressed
// sparse rows (gather-kernel.ts), the product computed (csr-kernel.ts), the chunk of z (and of a) copied out. Chunks
// keep the memory small and in cache.

import type { Matrix } from '../matrix.ts';
import { countCall, ensureMemory, kernelChoice, webAssemblyKernels } from './runtime.ts';

/** Rows per chunk × the wider of the layer's two sides: with 784 inputs, 83 rows. */
const CHUNK_ENTRIES = 1 << 16;
/** 'auto' uses WebAssembly from this many rows on. Copying W in costs about as much as one row's product, so
 * WebAssembly wins from a few rows whatever the layer's shape. scripts/bench/kernel-crossover.ts, two runs on a
 * shared 2-core machine: TypeScript time / WebAssembly time 0.47–1.20 at 1 row, 1.17–2.20 at 4 rows, over every
 * layer shape of the two benchmark nets. */
export const AUTO_MIN_ROWS = 4;

const align16 = (n: number): number => (n + 15) & ~15;

/** Computes z = x W + b with WebAssembly, and a = ReLU(z) when `a` is given (same shape as z), and returns true; or
 * returns false (nothing written) when the TypeScript kernels should do it: WebAssembly unavailable or switched off,
 * too little work for 'auto', memory exhausted. */
export function webAssemblyDenseForward(x: Matrix, W: Matrix, b: Float64Array, z: Matrix, a: Float64Array | null = null): boolean {
  const nIn = W.rows, nOut = W.cols, rows = x.rows;
  if (rows === 0 || nIn === 0) return false;
  if (kernelChoice() === 'auto' && rows < AUTO_MIN_ROWS) return false;
  const k = webAssemblyKernels();
  if (k === null) return false;
  const chunkRows = Math.max(1, Math.min(rows, Math.floor(CHUNK_ENTRIES / Math.max(nIn, nOut))));
  const slots = chunkRows * nIn + 1; // + 1: the branch-free gather writes one slot past the last non-zero
  const wBytes = align16(nIn * nOut * 8), bBytes = align16(nOut * 8), outBytes = align16(chunkRows * nOut * 8);
  const wAt = 0, bAt = wAt + wBytes, outAt = bAt + bBytes, rowStartAt = outAt + outBytes;
  const aAt = rowStartAt + align16((chunkRows + 1) * 4), offsetsAt = aAt + (a === null ? 0 : outBytes);
  const valuesAt = offsetsAt + align16(slots * 4), xAt = valuesAt + align16(slots * 8);
  const end = xAt + chunkRows * nIn * 8;
  if (end > 0x7fff0000 || !ensureMemory(k, end)) return false;
  const buffer = k.memory.buffer;
  new Float64Array(buffer, wAt, nIn * nOut).set(W.data.subarray(0, nIn * nOut));
  new Float64Array(buffer, bAt, nOut).set(b.subarray(0, nOut));
  const out = new Float64Array(buffer, outAt, chunkRows * nOut), activated = new Float64Array(buffer, aAt, a === null ? 0 : chunkRows * nOut);
  const xs = new Float64Array(buffer, xAt, chunkRows * nIn);
  for (let first = 0; first < rows; first += chunkRows) {
    const n = Math.min(chunkRows, rows - first);
    xs.set(x.data.subarray(first * nIn, (first + n) * nIn));
    k.gatherNonZeros(n, nIn, xAt, wAt, nOut * 8, rowStartAt, offsetsAt, valuesAt);
    if (a === null) k.csrTimesDense(n, nOut, rowStartAt, offsetsAt, valuesAt, bAt, outAt);
    else k.csrTimesDenseRelu(n, nOut, rowStartAt, offsetsAt, valuesAt, bAt, outAt, aAt);
    z.data.set(n === chunkRows ? out : out.subarray(0, n * nOut), first * nOut);
    if (a !== null) a.set(n === chunkRows ? activated : activated.subarray(0, n * nOut), first * nOut);
  }
  countCall();
  return true;
}
