import { describe, expect, it } from 'vitest';
import { apportion, stratifiedSplit } from '../../src/digits/split.ts';

const labelsOf = (counts: number[]): Int32Array => Int32Array.from(counts.flatMap((n, c) => Array<number>(n).fill(c)));
const classCounts = (labels: Int32Array, indices: Int32Array, classes: number): number[] => {
  const counts = new Array<number>(classes).fill(0);
  for (const i of indices) counts[labels[i]]++;
  return counts;
};

describe('apportion', () => {
  it('shares a total in proportion, summing exactly (largest remainders)', () => {
    expect(apportion(10, [10, 10, 10])).toEqual([4, 3, 3]);
    expect(apportion(2000, [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978])).toEqual([200, 225, 198, 206, 196, 173, 203, 214, 189, 196]);
    expect(apportion(0, [3, 4])).toEqual([0, 0]);
    expect(() => apportion(8, [3, 4])).toThrow(RangeError);
  });
});

describe('stratifiedSplit', () => {
  const counts = [50, 80, 30, 61];
  const labels = labelsOf(counts);
  const split = stratifiedSplit(labels, 4, 44, 7);

  it('is a partition of the examples with the asked test size', () => {
    expect(split.test.length).toBe(44);
    expect([...split.train, ...split.test].sort((a, b) => a - b)).toEqual(Array.from(labels, (_, i) => i));
  });

  it('keeps the class proportions in both parts', () => {
    const quotas = apportion(44, counts);
    expect(classCounts(labels, split.test, 4)).toEqual(quotas);
    expect(classCounts(labels, split.train, 4)).toEqual(counts.map((n, c) => n - quotas[c]));
  });

  it('stores each part so that every prefix is stratified (within two examples per class)', () => {
    const trainCounts = classCounts(labels, split.train, 4), n = split.train.length;
    for (let prefix = 1; prefix <= n; prefix++) {
      const got = classCounts(labels, split.train.subarray(0, prefix), 4);
      got.forEach((k, c) => expect(Math.abs(k - (prefix * trainCounts[c]) / n), `prefix ${prefix} class ${c}`).toBeLessThan(2));
    }
  });

  it('depends only on the seed', () => {
    expect(stratifiedSplit(labels, 4, 44, 7)).toEqual(split);
    expect(stratifiedSplit(labels, 4, 44, 8).test).not.toEqual(split.test);
  });

  it('rejects labels outside the classes', () => {
    expect(() => stratifiedSplit(Int32Array.of(0, 4), 4, 1, 1)).toThrow(/label 1 must be an integer in \[0, 3\]/);
  });
});
