/**
 * Dropout on real digits (Srivastava et al. 2014, small): one ReLU MLP 784 → width → width → 10 trained twice from
 * the same initial weights on the same minibatches — without dropout, and with dropout on the inputs (p = 0.2) and
 * on both hidden layers (p = 0.5), as in the paper. Both use SGD with momentum. After every epoch each net is
 * measured in evaluation mode: error on the training digits and on the test digits, and on the test digits the
 * hidden activations (mean, exact zeros, histogram).
 *
 * The work is cut into units of a few milliseconds (a few steps of both nets, or 250 rows of one measurement), so
 * a worker can stop between any two and answer Pause at once. Pure: no timers, no DOM; the caller passes the clock.
 */
import type { Dataset, LayerWeights, Trainer } from '../../src/engine/index.ts';
import { createRng, selectExamples } from '../../src/engine/index.ts';
import { createDropoutPair } from '../../src/widgets/dropout-pair.ts';
import { type HistogramBins, type Probe, type ProbeJob, createProbe } from './probe.ts';

export const DIGITS_DROPOUT = {
  inputP: 0.2,
  hiddenP: 0.5,
  batchSize: 64,
  /** Histogram of hidden activations on the test digits: the same bins for both nets. */
  bins: { bins: 40, max: 4 } as HistogramBins,
  /** SGD steps of each net in one unit of work. */
  stepsPerUnit: 2,
  /** Rows of one measurement in one unit of work. */
  rowsPerUnit: 250,
};

export interface DigitsDropoutSettings {
  /** Training digits used (a prefix of the stored training part, itself stratified). */
  trainCount: number;
  /** Units in each of the two hidden layers. */
  width: number;
  epochs: number;
  lr: number;
  momentum: number;
  seed: number;
}

/** Chosen by experiment (see the README of this folder): both runs finish well within a minute, and the effect shows. */
export const DIGITS_DEFAULTS: DigitsDropoutSettings = { trainCount: 2000, width: 128, epochs: 40, lr: 0.01, momentum: 0.9, seed: 1 };

export interface Curves {
  readonly epochs: number[];
  readonly trainError: number[];
  readonly testError: number[];
}

export interface Run {
  readonly label: string;
  readonly inputP: number;
  readonly hiddenP: number;
  readonly trainer: Trainer;
  readonly curves: Curves;
  /** Test-set activations at the last measurement. */
  latest: Probe | null;
}

export type DigitsStatus = 'training' | 'done' | 'diverged';

export interface DigitsExperiment {
  readonly settings: DigitsDropoutSettings;
  readonly train: Dataset;
  readonly test: Dataset;
  readonly initialWeights: readonly LayerWeights[];
  readonly runs: readonly [Run, Run];
  readonly stepsTotal: number;
  step: number;
  status: DigitsStatus;
  /** Measurements in progress, in order: net 0 train, net 0 test, net 1 train, net 1 test. */
  measuring: { jobs: ProbeJob[]; at: number } | null;
}

export function createDigitsExperiment(data: { train: Dataset; test: Dataset }, settings: DigitsDropoutSettings = DIGITS_DEFAULTS): DigitsExperiment {
  const { trainCount, width, epochs, lr, momentum, seed } = settings;
  const train = trainCount === data.train.x.rows ? data.train : selectExamples(data.train, Int32Array.from({ length: trainCount }, (_, i) => i));
  const { batchSize, inputP, hiddenP } = DIGITS_DROPOUT;
  const pair = createDropoutPair({ sizes: [train.x.cols, width, width, train.classes], data: train, p: hiddenP, inputP, lr, momentum, batchSize, seed, rng: createRng(seed) });
  const runs = pair.lanes.map(({ label, p, inputP: ip, trainer }): Run => ({ label, inputP: ip, hiddenP: p, trainer, curves: { epochs: [], trainError: [], testError: [] }, latest: null })) as [Run, Run];
  const experiment: DigitsExperiment = {
    settings, train, test: data.test, initialWeights: pair.initialWeights, runs,
    stepsTotal: Math.ceil((epochs * trainCount) / batchSize), step: 0, status: 'training', measuring: null,
  };
  startMeasuring(experiment);
  return experiment;
}

/** The epoch (fraction of passes over the training digits) after `step` steps. */
export function epochAt(experiment: DigitsExperiment, step = experiment.step): number {
  return (step * DIGITS_DROPOUT.batchSize) / experiment.train.x.rows;
}

/** Runs units of work until `deadline` (in the clock of `now`) or the end; returns the status. At least one unit. */
export function advance(experiment: DigitsExperiment, deadline: number, now: () => number): DigitsStatus {
  do workUnit(experiment);
  while (experiment.status === 'training' && now() < deadline);
  return experiment.status;
}

/** One unit: a measurement chunk if one is in progress, else a few steps of both nets. */
export function workUnit(experiment: DigitsExperiment): void {
  if (experiment.status !== 'training') return;
  if (experiment.measuring !== null) {
    measureChunk(experiment);
    return;
  }
  const { batchSize, stepsPerUnit } = DIGITS_DROPOUT;
  const perEpoch = experiment.train.x.rows / batchSize;
  const nextEpochStep = Math.min(experiment.stepsTotal, Math.ceil((Math.floor(epochAt(experiment) + 1e-9) + 1) * perEpoch));
  const n = Math.min(stepsPerUnit, nextEpochStep - experiment.step);
  for (const run of experiment.runs) {
    if (run.trainer.step(n).length < n || run.trainer.state === 'diverged') {
      experiment.status = 'diverged';
      return;
    }
  }
  experiment.step += n;
  if (experiment.step === nextEpochStep) startMeasuring(experiment);
}

function startMeasuring(experiment: DigitsExperiment): void {
  const { bins, rowsPerUnit } = DIGITS_DROPOUT;
  experiment.measuring = {
    jobs: experiment.runs.flatMap(({ trainer }) => [createProbe(trainer.net, experiment.train, null, rowsPerUnit), createProbe(trainer.net, experiment.test, bins, rowsPerUnit)]),
    at: 0,
  };
}

function measureChunk(experiment: DigitsExperiment): void {
  const measuring = experiment.measuring as { jobs: ProbeJob[]; at: number };
  const job = measuring.jobs[measuring.at];
  job.step();
  if (!job.done) return;
  measuring.at++;
  if (measuring.at < measuring.jobs.length) return;
  const epoch = epochAt(experiment);
  experiment.runs.forEach((run, r) => {
    const onTrain = measuring.jobs[2 * r].result(), onTest = measuring.jobs[2 * r + 1].result();
    run.curves.epochs.push(epoch);
    run.curves.trainError.push(onTrain.error);
    run.curves.testError.push(onTest.error);
    run.latest = onTest;
  });
  experiment.measuring = null;
  if (experiment.step >= experiment.stepsTotal) experiment.status = 'done';
}
