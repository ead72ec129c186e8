// gatherNonZeros in WebAssembly: compressed sparse rows of a block of x, as `v !== 0` would select them (−0 is a
// zero, NaN is not), with odd and even row lengths, empty rows, and pairs of which one entry is zero.
import { describe, expect, it } from 'vitest';
import { setKernels } from '../../../src/engine/index.ts';
import { ensureMemory, webAssemblyKernels } from '../../../src/engine/wasm/runtime.ts';

function gather(rows: number[][], wAt: number, rowBytes: number): { rowStart: number[]; offsets: number[]; values: number[] } {
  setKernels('webassembly');
  const k = webAssemblyKernels();
  setKernels('auto');
  if (k === null) throw new Error('no WebAssembly');
  const cols = rows[0].length, n = rows.length, slots = n * cols + 1;
  const xAt = 0, rowStartAt = 8 * n * cols, offsetsAt = rowStartAt + 4 * (n + 1) + 8, valuesAt = Math.ceil((offsetsAt + 4 * slots) / 8) * 8;
  expect(ensureMemory(k, valuesAt + 8 * slots)).toBe(true);
  new Float64Array(k.memory.buffer, xAt, n * cols).set(rows.flat());
  k.gatherNonZeros(n, cols, xAt, wAt, rowBytes, rowStartAt, offsetsAt, valuesAt);
  const rowStart = [...new Int32Array(k.memory.buffer, rowStartAt, n + 1)];
  const count = rowStart[n];
  return { rowStart, offsets: [...new Int32Array(k.memory.buffer, offsetsAt, count)], values: [...new Float64Array(k.memory.buffer, valuesAt, count)] };
}

describe('gatherNonZeros (WebAssembly)', () => {
  it('lists each row’s non-zeros with the byte address of their row of W', () => {
    const { rowStart, offsets, values } = gather([[0, 2, 0, -0, 5], [0, 0, 0, 0, 0], [NaN, 0, -1, 0, Infinity]], 1000, 80);
    expect(rowStart).toEqual([0, 2, 2, 5]);
    expect(offsets).toEqual([1080, 1320, 1000, 1160, 1320]);
    expect(values).toEqual([2, 5, NaN, -1, Infinity]);
  });

  it('handles even rows, a single column and rows of non-zeros only', () => {
    expect(gather([[1, 0], [0, 3]], 0, 16)).toEqual({ rowStart: [0, 1, 2], offsets: [0, 16], values: [1, 3] });
    expect(gather([[7], [0], [-0], [5e-324]], 8, 24)).toEqual({ rowStart: [0, 1, 1, 1, 2], offsets: [8, 8], values: [7, 5e-324] });
    expect(gather([[1, 2, 3, 4]], 0, 8).offsets).toEqual([0, 8, 16, 24]);
  });
});
