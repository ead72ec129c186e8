// The WebAssembly twin of gatherNonZeros (sparse-rows.ts), for a block of rows: the compressed sparse rows that
// csr-kernel.ts multiplies. For each entry x[i, k] ≠ 0, in order, it appends the byte address of row k of W and the
// value; −0 counts as zero and NaN as non-zero, exactly as `v !== 0` in TypeScript.
//
// Two entries are tested at once (f64x2.ne against zero): MNIST rows are mostly runs of exact zeros, and a pair of
// zeros costs one load and one well-predicted branch. A pair with a non-zero is compacted without branches: both
// entries are written, only non-zeros advance the pointers.
//
// gatherNonZeros(rows, cols, x, wAt, rowBytes, rowStart, offsets, values), every argument an i32, pointers in bytes:
//   x: rows × cols f64 (row-major); W's row k is at wAt + k · rowBytes;
//   writes rowStart[0 … rows] (indices t, as csr-kernel.ts reads them), offsets and values (one slot past the last
//   non-zero may be written: the caller leaves room).

import { type Code, F64, I32, V128, type WasmFunction, breakIf, ifThen, op, whileLoop } from './assembler.ts';

const ROWS = 0, COLS = 1, X = 2, W_AT = 3, ROW_BYTES = 4, ROW_START = 5, OFFSETS = 6, VALUES = 7;
const R = 8, K = 9, PX = 10, PO = 11, PV = 12, ADDRESS = 13, PAIRS_END = 14;
const PAIR = 15, ZERO = 16; // v128
const VALUE = 17; // f64
const NON_ZERO = 18; // i32

/** Appends the f64 on the stack with W address ADDRESS (+ `rowOffset`): both slots are written, the pointers
 * advance only for a non-zero (f64.ne gives 0 or 1). */
function append(rowOffset: Code): number[] {
  return [
    ...op.set(VALUE),
    ...op.get(PO), ...op.get(ADDRESS), ...rowOffset, ...op.i32Store(),
    ...op.get(PV), ...op.get(VALUE), ...op.f64Store(),
    ...op.get(VALUE), ...op.f64Const0, ...op.f64Ne, ...op.set(NON_ZERO),
    ...op.get(PO), ...op.get(NON_ZERO), ...op.i32Const(2), ...op.i32Shl, ...op.i32Add, ...op.set(PO),
    ...op.get(PV), ...op.get(NON_ZERO), ...op.i32Const(3), ...op.i32Shl, ...op.i32Add, ...op.set(PV),
  ];
}

/** rowStart[r] (or rowStart[rows]) = the index t of the next slot. */
const storeRowStart: Code = [
  ...op.get(ROW_START), ...op.get(R), ...op.i32Const(2), ...op.i32Shl, ...op.i32Add,
  ...op.get(PO), ...op.get(OFFSETS), ...op.i32Sub, ...op.i32Const(2), ...op.i32ShrU, ...op.i32Store(),
];

const advanceBy = (local: number, bytes: Code): number[] => [...op.get(local), ...bytes, ...op.i32Add, ...op.set(local)];

const body: Code = [
  ...op.f64Const0, ...op.f64x2Splat, ...op.set(ZERO),
  ...op.get(X), ...op.set(PX),
  ...op.get(OFFSETS), ...op.set(PO),
  ...op.get(VALUES), ...op.set(PV),
  ...op.get(COLS), ...op.i32Const(1), ...op.i32Sub, ...op.set(PAIRS_END), // while k < cols − 1, a whole pair is left (cols ≥ 1)
  ...op.i32Const(0), ...op.set(R),
  ...whileLoop(
    [...op.get(R), ...op.get(ROWS), ...op.i32GeU], breakIf,
    storeRowStart,
    [...op.get(W_AT), ...op.set(ADDRESS), ...op.i32Const(0), ...op.set(K)],
    whileLoop(
      [...op.get(K), ...op.get(PAIRS_END), ...op.i32GeU], breakIf,
      [...op.get(PX), ...op.v128Load(), ...op.set(PAIR)],
      [...op.get(PAIR), ...op.get(ZERO), ...op.f64x2Ne, ...op.v128AnyTrue, ...ifThen(
        [...op.get(PAIR), ...op.f64x2ExtractLane(0), ...append([])],
        [...op.get(PAIR), ...op.f64x2ExtractLane(1), ...append([...op.get(ROW_BYTES), ...op.i32Add])],
      )],
      advanceBy(ADDRESS, [...op.get(ROW_BYTES), ...op.get(ROW_BYTES), ...op.i32Add]),
      advanceBy(PX, op.i32Const(16)),
      advanceBy(K, op.i32Const(2)),
    ),
    [...op.get(K), ...op.get(COLS), ...op.i32LtU, ...ifThen( // the last entry of an odd row
      [...op.get(PX), ...op.f64Load(), ...append([])],
      advanceBy(PX, op.i32Const(8)),
    )],
    advanceBy(R, op.i32Const(1)),
  ),
  ...storeRowStart,
];

export const GATHER_NON_ZEROS: WasmFunction = {
  exportName: 'gatherNonZeros',
  params: 8,
  locals: [[PAIRS_END - R + 1, I32], [2, V128], [1, F64], [1, I32]],
  body,
};
