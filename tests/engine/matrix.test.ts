import { describe, expect, it } from 'vitest';
import { cloneMatrix, createMatrix, matmul, matrixFromRows, matrixRow, matrixToRows, transpose } from '../../src/engine/index.ts';

describe('matrix', () => {
  it('is row-major: entry (i, j) is data[i * cols + j]', () => {
    const m = matrixFromRows([[1, 2, 3], [4, 5, 6]]);
    expect(m.rows).toBe(2);
    expect(m.cols).toBe(3);
    expect(m.data[1 * 3 + 0]).toBe(4);
    expect(Array.from(matrixRow(m, 1))).toEqual([4, 5, 6]);
    expect(matrixToRows(m)).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('matmul and transpose compute the textbook products', () => {
    const a = matrixFromRows([[1, 2], [3, 4], [5, 6]]);
    const b = matrixFromRows([[1, 0, -1], [2, 1, 0]]);
    expect(matrixToRows(matmul(a, b))).toEqual([[5, 2, -1], [11, 4, -3], [17, 6, -5]]);
    expect(matrixToRows(transpose(a))).toEqual([[1, 3, 5], [2, 4, 6]]);
    expect(() => matmul(a, a)).toThrow(RangeError);
  });

  it('clones independently and validates shapes and values', () => {
    const m = createMatrix(2, 2);
    const c = cloneMatrix(m);
    c.data[0] = 1;
    expect(m.data[0]).toBe(0);
    expect(() => matrixFromRows([[1, 2], [3]])).toThrow(/row 1 must have 2 numbers/);
    expect(() => matrixFromRows([[1, NaN]])).toThrow(RangeError);
    expect(() => createMatrix(2, 2, new Float64Array(3))).toThrow(RangeError);
    expect(() => createMatrix(-1, 2)).toThrow(RangeError);
  });
});
