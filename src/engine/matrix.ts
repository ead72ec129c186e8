// Row-major float64 matrices: entry (i, j) of a rows × cols matrix is data[i * cols + j].
// A batch of B examples with n features is a B × n matrix (one example per row), as in PyTorch.

import { assertAllFinite, assertFloat64Array, assertInteger, describeValue } from './validate.ts';

export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** A rows × cols matrix of zeros (or wrapping `data`, which must hold rows · cols numbers). */
export function createMatrix(rows: number, cols: number, data?: Float64Array): Matrix {
  assertInteger(rows, 'matrix rows');
  assertInteger(cols, 'matrix cols');
  if (data === undefined) return { rows, cols, data: new Float64Array(rows * cols) };
  assertFloat64Array(data, 'matrix data', rows * cols);
  return { rows, cols, data };
}

/** Builds a matrix from nested arrays, e.g. [[1, 2], [3, 4]]; every row must have the same length. */
export function matrixFromRows(rows: ReadonlyArray<ArrayLike<number>>, what = 'matrix'): Matrix {
  if (!Array.isArray(rows)) throw new TypeError(`${what} must be an array of rows, got ${describeValue(rows)}`);
  const cols = rows.length > 0 ? rows[0].length : 0;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (row === null || typeof row !== 'object' || typeof row.length !== 'number') {
      throw new TypeError(`${what} row ${i} must be an array of numbers, got ${describeValue(row)}`);
    }
    if (row.length !== cols) throw new RangeError(`${what} row ${i} must have ${cols} numbers, got ${row.length}`);
    assertAllFinite(row, `${what} row ${i}`);
    for (let j = 0; j < cols; j++) data[i * cols + j] = row[j];
  });
  return { rows: rows.length, cols, data };
}

/** Nested plain arrays (for JSON and for display). */
export function matrixToRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/** Row i as a view (no copy). */
export function matrixRow(m: Matrix, i: number): Float64Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

/** An independent copy. */
export function cloneMatrix(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: m.data.slice() };
}

/** Checks that `m` is a matrix of the given shape with finite entries (used at public entry points). */
export function assertMatrix(m: unknown, what: string, rows?: number, cols?: number): asserts m is Matrix {
  if (m === null || typeof m !== 'object') throw new TypeError(`${what} must be a matrix {rows, cols, data}, got ${describeValue(m)}`);
  const { rows: r, cols: c, data } = m as Matrix;
  assertInteger(r, `${what}.rows`);
  assertInteger(c, `${what}.cols`);
  if (rows !== undefined && r !== rows) throw new RangeError(`${what} must have ${rows} rows, got ${r}`);
  if (cols !== undefined && c !== cols) throw new RangeError(`${what} must have ${cols} columns, got ${c}`);
  assertFloat64Array(data, `${what}.data`, r * c);
  assertAllFinite(data, `${what}.data`);
}

/** Plain product C = A B with the textbook triple loop, no shortcuts. It is the reference the
 * zero-skipping kernels in dense.ts are tested against. */
export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new RangeError(`matmul: inner sizes must agree, got ${a.rows}×${a.cols} · ${b.rows}×${b.cols}`);
  const c = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let sum = 0;
      for (let k = 0; k < a.cols; k++) sum += a.data[i * a.cols + k] * b.data[k * b.cols + j];
      c[i * b.cols + j] = sum;
    }
  }
  return { rows: a.rows, cols: b.cols, data: c };
}

/** Aᵀ. */
export function transpose(a: Matrix): Matrix {
  const t = new Float64Array(a.rows * a.cols);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) t[j * a.rows + i] = a.data[i * a.cols + j];
  return { rows: a.cols, cols: a.rows, data: t };
}
