/**
 * The pre-trained network of the MC-dropout widget, made reproducibly by this project's engine (Node; run by
 * `npm run train:mc`, checked by tests/components/mc-dropout/pretrain.test.ts): 784 → 64 → 64 → 10 ReLU with
 * inverted dropout p = 0.2 on the pixels and 0.5 on both hidden layers (Srivastava et al. 2014's usual rates), He
 * initialisation, SGD with momentum on the 8,000 training digits (src/digits: the class-stratified split, seed 1929).
 * Small enough that the file is about 220 KB and training takes seconds. The test error is measured on the 2,000
 * test digits with the weights as stored (float32).
 */
import { type Dataset, createTrainer, evaluateMlp } from '../../src/engine/index.ts';
import type { StoredNetwork, TrainingSettings } from './network-file.ts';
import { mlpFromSpec } from './network.ts';

export const MC_ARCHITECTURE = { sizes: [784, 64, 64, 10], inputP: 0.2, hiddenP: 0.5 } as const;
export const MC_TRAINING: TrainingSettings = { seed: 1, epochs: 15, batchSize: 64, trainCount: 8000, lr: 0.02, momentum: 0.9 };

export function trainMcNetwork(train: Dataset, test: Dataset, training: TrainingSettings = MC_TRAINING): StoredNetwork {
  const { sizes, inputP, hiddenP } = MC_ARCHITECTURE;
  if (train.x.rows !== training.trainCount) throw new RangeError(`expected ${training.trainCount} training digits, got ${train.x.rows}`);
  const trainer = createTrainer({
    config: { sizes, activation: { name: 'relu' }, dropoutP: hiddenP, inputDropoutP: inputP },
    init: 'he-normal', data: train, batchSize: training.batchSize, lr: training.lr, momentum: training.momentum, seed: training.seed,
  });
  trainer.step(Math.round((training.epochs * training.trainCount) / training.batchSize));
  if (trainer.state !== 'ready') throw new Error('training diverged');
  const dropout = { input: inputP, hidden: sizes.slice(1, -1).map(() => hiddenP) };
  // The weights as the file stores them (float32), and the test error of exactly those.
  const weights = trainer.net.layers.map(({ W, b }) => ({ W: W.data.map(Math.fround), b: b.map(Math.fround) }));
  const net = mlpFromSpec({ label: 'pre-trained', sizes, weights, dropout, testError: null });
  const accuracy = evaluateMlp(net, test).accuracy;
  const wrong = Math.round((1 - accuracy) * test.x.rows);
  return { sizes: [...sizes], dropout, training, test: { error: wrong / test.x.rows, count: test.x.rows, wrong }, weights };
}
