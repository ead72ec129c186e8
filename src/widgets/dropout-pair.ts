/**
 * The controlled comparison of the dropout widgets (dropout-overfit, unit-ablation): one ReLU network, initialised
 * once (He normal, from the run's `init` stream), trained twice from those same weights, without dropout and with
 * dropout p. Both trainers share the seed, so they see the same minibatches in the same order; only the dropout masks
 * differ.
 */
import { createMlp, createTrainer, type Dataset, type LayerWeights, type Rng, type Trainer } from '../engine/index.ts';

export interface DropoutPairSettings {
  /** Layer sizes, inputs to classes. */
  sizes: readonly number[];
  data: Dataset;
  /** Drop probability of the second net's hidden layers. */
  p: number;
  /** Drop probability of the second net's inputs (default 0: none). */
  inputP?: number;
  lr: number;
  /** SGD momentum of both trainers (default 0). */
  momentum?: number;
  batchSize: number;
  /** Seed of both trainers (minibatch order, dropout masks). */
  seed: number;
  /** The run's random stream; the initial weights come from its fork 'init'. */
  rng: Rng;
}

export interface PairedTrainer {
  /** 'no dropout' or 'dropout p = <p>'. */
  label: string;
  p: number;
  /** Drop probability of the inputs. */
  inputP: number;
  trainer: Trainer;
}

export function createDropoutPair(settings: DropoutPairSettings): { initialWeights: LayerWeights[]; lanes: PairedTrainer[] } {
  const { sizes, data, p, inputP = 0, lr, momentum, batchSize, seed, rng } = settings;
  const initialWeights = createMlp({ sizes, activation: { name: 'relu' } }, { scheme: 'he-normal', rng: rng.fork('init') }).exportWeights();
  const lanes = [
    { label: 'no dropout', p: 0, inputP: 0 },
    { label: inputP > 0 ? `dropout p = ${inputP} (inputs), ${p} (hidden)` : `dropout p = ${p}`, p, inputP },
  ].map((lane) => {
    const net = createMlp({ sizes, activation: { name: 'relu' }, dropoutP: lane.p, inputDropoutP: lane.inputP }, { weights: initialWeights });
    return { ...lane, trainer: createTrainer({ net, data, batchSize, lr, momentum, seed }) };
  });
  return { initialWeights, lanes };
}
