// A step-wise trainer a widget can advance a few steps per animation frame: it owns the dataset, the batch size,
// its own random streams, the step count and the optimiser. Minibatches are drawn without replacement, reshuffling
// every epoch. Divergence is never hidden: a non-finite loss or parameter, or a loss above `maxLoss` (by default
// ten times the loss of a uniform guess, 10·ln(classes), which a learning rate that is far too large reaches long
// before any number overflows), puts the trainer in the "diverged" state; it skips that update and takes no
// further steps until reset().

import type { Dataset } from './datasets/dataset.ts';
import { assertDataset } from './datasets/dataset.ts';
import type { InitScheme } from './init.ts';
import { type Matrix, createMatrix } from './matrix.ts';
import { type Mlp, createMlp } from './mlp.ts';
import type { MlpConfig } from './mlp-config.ts';
import { type Rng, type Seed, createRng } from './rng.ts';
import { type Sgd, createSgd } from './sgd.ts';
import { type Evaluation, evaluateMlp } from './evaluate.ts';
import { assertInteger, describeValue } from './validate.ts';

export type TrainerState = 'ready' | 'diverged';

export interface TrainerOptions {
  /** Either a network (its current parameters are what reset() returns to)… */
  readonly net?: Mlp;
  /** …or a configuration, initialised with `init` (default 'he-normal') from the trainer's seed. */
  readonly config?: MlpConfig;
  readonly init?: InitScheme;
  readonly data: Dataset;
  readonly batchSize: number;
  readonly lr: number;
  readonly momentum?: number;
  /** Seeds the trainer's streams: "init" (weights), "batches" (shuffling) and "dropout" (masks, RReLU slopes). */
  readonly seed: Seed;
  /** A minibatch loss above this counts as divergence (default 10·ln(classes)). */
  readonly maxLoss?: number;
}

export interface Trainer {
  readonly net: Mlp;
  readonly data: Dataset;
  readonly batchSize: number;
  readonly optimizer: Sgd;
  readonly stepCount: number;
  readonly state: TrainerState;
  /** Loss of the most recent step (NaN before the first). */
  readonly lastLoss: number;
  /** Takes up to n steps (default 1); returns the loss of each step taken, before its update. Takes none when
   * diverged. */
  step(n?: number): number[];
  /** Loss and accuracy in evaluation mode (no dropout) on `data` (default: the training data). */
  evaluate(data?: Dataset): Evaluation;
  /** Back to step 0: initial parameters, fresh random streams, no momentum. */
  reset(): void;
}

export function createTrainer(options: TrainerOptions): Trainer {
  const { data, batchSize, seed } = options;
  assertDataset(data, 'trainer data');
  assertInteger(batchSize, 'trainer batchSize', 1, data.x.rows);
  const rootRng = createRng(seed);
  const net = chooseNet(options, rootRng);
  if (net.sizes[0] !== data.x.cols || net.sizes[net.sizes.length - 1] !== data.classes) {
    throw new RangeError(`trainer: the net maps ${net.sizes[0]} inputs to ${net.sizes[net.sizes.length - 1]} classes, the data has ${data.x.cols} features and ${data.classes} classes`);
  }
  const optimizer = createSgd({ lr: options.lr, momentum: options.momentum });
  const maxLoss = options.maxLoss ?? defaultMaxLoss(data.classes);
  if (!(maxLoss > 0)) throw new RangeError(`trainer maxLoss must be a positive number, got ${describeValue(options.maxLoss)}`);
  const parameters = net.parameters();
  const initialValues = parameters.map((p) => p.value.slice());
  const order = Int32Array.from({ length: data.x.rows }, (_, i) => i);
  const batchX: Matrix = createMatrix(batchSize, data.x.cols);
  const batchLabels = new Int32Array(batchSize);

  let batchRng: Rng, dropoutRng: Rng, cursor: number, stepCount: number, state: TrainerState, lastLoss: number;
  const reset = (): void => {
    parameters.forEach((p, i) => p.value.set(initialValues[i]));
    optimizer.reset();
    batchRng = rootRng.fork('batches');
    dropoutRng = rootRng.fork('dropout');
    order.forEach((_, i) => (order[i] = i));
    batchRng.shuffle(order);
    cursor = 0;
    stepCount = 0;
    state = 'ready';
    lastLoss = NaN;
  };
  reset();

  const nextBatch = (): void => {
    const cols = data.x.cols;
    for (let r = 0; r < batchSize; r++) {
      if (cursor === order.length) {
        batchRng.shuffle(order); // a new epoch
        cursor = 0;
      }
      const i = order[cursor++];
      batchX.data.set(data.x.data.subarray(i * cols, (i + 1) * cols), r * cols);
      batchLabels[r] = data.labels[i];
    }
  };

  const allFinite = (): boolean => {
    for (const { value } of parameters) for (let i = 0; i < value.length; i++) if (!Number.isFinite(value[i])) return false;
    return true;
  };

  return {
    net,
    data,
    batchSize,
    optimizer,
    get stepCount() {
      return stepCount;
    },
    get state() {
      return state;
    },
    get lastLoss() {
      return lastLoss;
    },
    step(n = 1) {
      assertInteger(n, 'trainer step count n', 0);
      const losses: number[] = [];
      for (let s = 0; s < n && state === 'ready'; s++) {
        nextBatch();
        const loss = net.computeGradients(batchX, batchLabels, { training: true, rng: dropoutRng });
        lastLoss = loss;
        if (!Number.isFinite(loss) || loss > maxLoss) {
          state = 'diverged';
          break;
        }
        optimizer.step(parameters);
        stepCount++;
        losses.push(loss);
        if (!allFinite()) state = 'diverged';
      }
      return losses;
    },
    evaluate(evaluationData = data) {
      return evaluateMlp(net, evaluationData);
    },
    reset,
  };
}

/** Ten times the cross-entropy of a uniform guess over `classes` classes. */
export function defaultMaxLoss(classes: number): number {
  return 10 * Math.log(Math.max(2, classes));
}

function chooseNet(options: TrainerOptions, rootRng: Rng): Mlp {
  if ((options.net === undefined) === (options.config === undefined)) {
    throw new TypeError(`trainer needs exactly one of net or config, got ${describeValue(options.net ?? options.config)}`);
  }
  if (options.net !== undefined) return options.net;
  return createMlp(options.config as MlpConfig, { scheme: options.init ?? 'he-normal', rng: rootRng.fork('init') });
}
