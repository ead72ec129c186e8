import { describe, expect, it } from 'vitest';
import { createRng, spirals, trainTestSplit } from '../../../src/engine/index.ts';

describe('trainTestSplit', () => {
  it('partitions the examples: sizes add up, no example in both, reproducible', () => {
    const data = spirals({ count: 100, rng: createRng(1) });
    const { train, test } = trainTestSplit(data, 0.25, createRng(2));
    expect([train.x.rows, test.x.rows]).toEqual([75, 25]);
    const key = (x: Float64Array, i: number) => `${x[2 * i]},${x[2 * i + 1]}`;
    const all = new Set(Array.from({ length: 100 }, (_, i) => key(data.x.data, i)));
    const trainKeys = new Set(Array.from({ length: 75 }, (_, i) => key(train.x.data, i)));
    const testKeys = Array.from({ length: 25 }, (_, i) => key(test.x.data, i));
    expect(testKeys.every((k) => all.has(k) && !trainKeys.has(k))).toBe(true);
    expect(trainTestSplit(data, 0.25, createRng(2))).toEqual({ train, test });
    expect(() => trainTestSplit(data, 1, createRng(2))).toThrow(/testFraction must be in \[0, 1\)/);
  });
});
