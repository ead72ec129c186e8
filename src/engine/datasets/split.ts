// Random train/test split: shuffle the example indices with the given rng, put the first round(n · testFraction)
// in the test set and the rest in the training set (each keeps the shuffled order).

import type { Rng } from '../rng.ts';
import { assertInHalfOpenRange } from '../validate.ts';
import { type Dataset, assertDataset, selectExamples } from './dataset.ts';

export function trainTestSplit(data: Dataset, testFraction: number, rng: Rng): { train: Dataset; test: Dataset } {
  assertDataset(data, 'split data');
  assertInHalfOpenRange(testFraction, 'testFraction', 0, 1);
  const order = rng.shuffle(Int32Array.from({ length: data.x.rows }, (_, i) => i));
  const testCount = Math.round(data.x.rows * testFraction);
  return { train: selectExamples(data, order.subarray(testCount)), test: selectExamples(data, order.subarray(0, testCount)) };
}
