// The WebAssembly twin of sparseRowTimesMatrix (sparse-rows.ts), for a whole batch in compressed sparse rows (CSR):
//   z[i, j] = bias[j] + Σ over the non-zeros t of row i of value[t] · W[k_t, j],   summed in ascending t,
// and, in the ReLU variant, also a[i, j] = z[i, j] > 0 ? z[i, j] : 0 (relu.ts's definition) from the same registers.
// Columns go 16 at a time (8 f64x2 accumulators, kept in registers), then 8, then 2, then 1; each sum gets
// f64x2.mul then f64x2.add (never a fused multiply-add), so every output has exactly the roundings of the
// TypeScript kernel: the two paths agree bit for bit, not just to a tolerance.
//
// csrTimesDense(rows, cols, rowStart, offsets, values, bias, z) and csrTimesDenseRelu(…, z, a), every argument an
// i32, pointers in bytes:
//   rowStart: rows + 1 i32 indices t (row i's non-zeros are t = rowStart[i] … rowStart[i + 1] − 1),
//   offsets:  one i32 per non-zero: the byte address of its row k_t of W (W is row-major, `cols` f64 per row),
//   values:   one f64 per non-zero, bias: cols f64, z and a: rows × cols f64 (row-major).
// The caller guarantees the memory holds all of it; the kernel checks nothing.

import { type Code, F64, I32, V128, type WasmFunction, breakIf, ifThen, op, whileLoop } from './assembler.ts';

// Locals: the parameters, then scratch. Pointers are byte addresses; jb = 8 j is the column's byte offset in a row.
const ROWS = 0, COLS = 1, ROW_START = 2, OFFSETS = 3, VALUES = 4, BIAS = 5, Z = 6, A = 7; // A: ReLU variant only
const I = 8, JB = 9, PO = 10, PV = 11, PO_END = 12, M = 13, ROW_BYTES = 14, PO_START = 15, PV_START = 16, P = 17, ZO = 18, AO = 19;
const V = 20, ZERO = 21, ACC = 22; // v128: the broadcast value, zeros, then up to 8 accumulators
const SCALAR_ACC = 30; // f64

/** One pass over row i's non-zeros, four at a time, then two, then the odd one (in ascending t throughout):
 * `update(n)` handles the non-zero n places after the pointers (its value at PV + 8 n, its W row + jb in M). */
function overNonZeros(update: (n: number) => Code): number[] {
  const address = (n: number): number[] => [...op.get(PO), ...op.i32Load(4 * n), ...op.get(JB), ...op.i32Add, ...op.set(M)];
  const advance = (n: number): number[] => [
    ...op.get(PO), ...op.i32Const(4 * n), ...op.i32Add, ...op.set(PO),
    ...op.get(PV), ...op.i32Const(8 * n), ...op.i32Add, ...op.set(PV),
  ];
  return [
    ...op.get(PO_START), ...op.set(PO),
    ...op.get(PV_START), ...op.set(PV),
    ...whileLoop(
      [...op.get(PO), ...op.i32Const(16), ...op.i32Add, ...op.get(PO_END), ...op.i32GtU], breakIf,
      address(0), update(0), address(1), update(1), address(2), update(2), address(3), update(3), advance(4),
    ),
    ...whileLoop(
      [...op.get(PO), ...op.i32Const(8), ...op.i32Add, ...op.get(PO_END), ...op.i32GtU], breakIf,
      address(0), update(0), address(1), update(1), advance(2),
    ),
    ...op.get(PO), ...op.get(PO_END), ...op.i32LtU, ...ifThen(address(0), update(0)),
  ];
}

/** 2 · lanes columns from jb on, with `lanes` f64x2 accumulators; then jb advances past them. */
function vectorColumns(lanes: number, relu: boolean): number[] {
  const k = Array.from({ length: lanes }, (_, n) => n);
  return [
    ...op.get(BIAS), ...op.get(JB), ...op.i32Add, ...op.set(P),
    ...k.flatMap((n) => [...op.get(P), ...op.v128Load(16 * n), ...op.set(ACC + n)]),
    ...overNonZeros((t) => [
      ...op.get(PV), ...op.v128Load64Splat(8 * t), ...op.set(V),
      ...k.flatMap((n) => [...op.get(ACC + n), ...op.get(V), ...op.get(M), ...op.v128Load(16 * n), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(ACC + n)]),
    ]),
    ...op.get(ZO), ...op.get(JB), ...op.i32Add, ...op.set(P),
    ...k.flatMap((n) => [...op.get(P), ...op.get(ACC + n), ...op.v128Store(16 * n)]),
    ...(relu ? [
      ...op.get(AO), ...op.get(JB), ...op.i32Add, ...op.set(P),
      ...k.flatMap((n) => [...op.get(P), ...op.get(ZERO), ...op.get(ACC + n), ...op.f64x2Pmax, ...op.v128Store(16 * n)]),
    ] : []),
  ];
}

/** The last column when `cols` is odd. */
function scalarColumn(relu: boolean): number[] {
  return [
    ...op.get(BIAS), ...op.get(JB), ...op.i32Add, ...op.f64Load(), ...op.set(SCALAR_ACC),
    ...overNonZeros((t) => [...op.get(SCALAR_ACC), ...op.get(PV), ...op.f64Load(8 * t), ...op.get(M), ...op.f64Load(), ...op.f64Mul, ...op.f64Add, ...op.set(SCALAR_ACC)]),
    ...op.get(ZO), ...op.get(JB), ...op.i32Add, ...op.get(SCALAR_ACC), ...op.f64Store(),
    ...(relu ? [...op.get(AO), ...op.get(JB), ...op.i32Add, ...op.get(SCALAR_ACC), ...op.f64Const0, ...op.f64Const0, ...op.get(SCALAR_ACC), ...op.f64Lt, ...op.select, ...op.f64Store()] : []),
  ];
}

/** Is there no room for `bytes` more bytes of columns in the row (jb + bytes > rowBytes)? */
const noRoomFor = (bytes: number): number[] => [...op.get(JB), ...op.i32Const(bytes), ...op.i32Add, ...op.get(ROW_BYTES), ...op.i32GtU];

/** `columns` for every row i in turn, with its non-zeros (PO_START … PO_END, PV_START) and its rows of z, a (ZO, AO). */
function forEachRow(relu: boolean, columns: Code): number[] {
  return [
    ...op.get(Z), ...op.set(ZO),
    ...(relu ? [...op.get(A), ...op.set(AO)] : []),
    ...op.i32Const(0), ...op.set(I),
    ...whileLoop(
      [...op.get(I), ...op.get(ROWS), ...op.i32GeU], breakIf,
      [...op.get(ROW_START), ...op.get(I), ...op.i32Const(2), ...op.i32Shl, ...op.i32Add, ...op.set(P)],
      [...op.get(OFFSETS), ...op.get(P), ...op.i32Load(), ...op.i32Const(2), ...op.i32Shl, ...op.i32Add, ...op.set(PO_START)],
      [...op.get(OFFSETS), ...op.get(P), ...op.i32Load(4), ...op.i32Const(2), ...op.i32Shl, ...op.i32Add, ...op.set(PO_END)],
      [...op.get(VALUES), ...op.get(P), ...op.i32Load(), ...op.i32Const(3), ...op.i32Shl, ...op.i32Add, ...op.set(PV_START)],
      columns,
      [...op.get(ZO), ...op.get(ROW_BYTES), ...op.i32Add, ...op.set(ZO)],
      relu ? [...op.get(AO), ...op.get(ROW_BYTES), ...op.i32Add, ...op.set(AO)] : [],
      [...op.get(I), ...op.i32Const(1), ...op.i32Add, ...op.set(I)],
    ),
  ];
}

const advance = (bytes: number): number[] => [...op.get(JB), ...op.i32Const(bytes), ...op.i32Add, ...op.set(JB)];

// Column blocks outside, rows inside: a block of W's columns (16 · 8 bytes of each row of W) is reused by every
// row of the batch while it is in cache.
function body(relu: boolean): number[] {
  return [
    ...op.get(COLS), ...op.i32Const(3), ...op.i32Shl, ...op.set(ROW_BYTES),
    ...op.f64Const0, ...op.f64x2Splat, ...op.set(ZERO),
    ...op.i32Const(0), ...op.set(JB),
    ...whileLoop(noRoomFor(128), breakIf, forEachRow(relu, vectorColumns(8, relu)), advance(128)),
    ...noRoomFor(64), ...op.i32Eqz, ...ifThen(forEachRow(relu, vectorColumns(4, relu)), advance(64)),
    ...whileLoop(noRoomFor(16), breakIf, forEachRow(relu, vectorColumns(1, relu)), advance(16)),
    ...op.get(JB), ...op.get(ROW_BYTES), ...op.i32LtU, ...ifThen(forEachRow(relu, scalarColumn(relu))),
  ];
}

// Both functions declare the same locals (the plain one has one parameter fewer, so one more i32 local: unused).
const locals = (params: number): readonly (readonly [number, number])[] => [[AO - params + 1, I32], [ACC + 8 - V, V128], [1, F64]];

export const CSR_TIMES_DENSE: WasmFunction = { exportName: 'csrTimesDense', params: 7, locals: locals(7), body: body(false) };
export const CSR_TIMES_DENSE_RELU: WasmFunction = { exportName: 'csrTimesDenseRelu', params: 8, locals: locals(8), body: body(true) };
