import { describe, expect, it } from 'vitest';
import { argmaxRows, matrixFromRows, softmax, softmaxCrossEntropy } from '../../src/engine/index.ts';
import { centralDifference, expectClose } from './helpers/numeric.ts';

describe('mean softmax cross-entropy', () => {
  it('is log C for equal logits and the mean over the batch', () => {
    const { loss } = softmaxCrossEntropy(matrixFromRows([[0, 0, 0], [5, 5, 5]]), Int32Array.of(0, 2));
    expectClose(loss, Math.log(3), 1e-15);
    const one = softmaxCrossEntropy(matrixFromRows([[2, 0]]), Int32Array.of(1)).loss;
    expectClose(one, Math.log(1 + Math.exp(2)), 1e-15);
  });

  it('is stable for huge logits (log-sum-exp subtracts the max)', () => {
    const { loss, dLogits } = softmaxCrossEntropy(matrixFromRows([[1000, 0], [-1000, 1000]]), Int32Array.of(1, 0));
    expectClose(loss, (1000 + 2000) / 2, 1e-12);
    expect(dLogits.data.every(Number.isFinite)).toBe(true);
    expect(softmax(matrixFromRows([[800, 800]])).data).toEqual(Float64Array.of(0.5, 0.5));
  });

  it('gradient (softmax − onehot)/B matches central differences; rows sum to 0', () => {
    const logits = matrixFromRows([[0.3, -1.2, 2.0], [1.5, 0.1, -0.4]]);
    const labels = Int32Array.of(2, 1);
    const { dLogits } = softmaxCrossEntropy(logits, labels);
    for (let i = 0; i < logits.data.length; i++) {
      const numeric = centralDifference(() => softmaxCrossEntropy(logits, labels).loss, logits.data, i);
      expectClose(dLogits.data[i], numeric, 1e-7, `dz[${i}]`);
    }
    expectClose(dLogits.data[0] + dLogits.data[1] + dLogits.data[2], 0, 1e-16);
    expect(Array.from(argmaxRows(logits))).toEqual([2, 0]);
  });

  it('rejects labels out of range, of the wrong type or length, and an empty batch', () => {
    const logits = matrixFromRows([[0, 1]]);
    expect(() => softmaxCrossEntropy(logits, Int32Array.of(2))).toThrow(/labels\[0\] must be an integer in \[0, 1\]/);
    expect(() => softmaxCrossEntropy(logits, [0] as unknown as Int32Array)).toThrow(TypeError);
    expect(() => softmaxCrossEntropy(logits, Int32Array.of(0, 1))).toThrow(/length 1/);
    expect(() => softmaxCrossEntropy({ rows: 0, cols: 2, data: new Float64Array(0) }, new Int32Array(0))).toThrow(RangeError);
  });
});
