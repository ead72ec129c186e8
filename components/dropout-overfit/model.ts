/**
 * Dropout as a regulariser: a big network (2 → 64 → 64 → classes) on a small noisy training set, trained twice
 * from the same initial weights with the same minibatches — without dropout and with drop probability p after
 * each hidden layer — and measured on a large test set from the same distribution.
 *
 * The work is cut into small units (a few SGD steps, one evaluation, a dozen rows of a decision map) so a
 * widget can run it within a per-frame time budget.
 */
import {
  createRng,
  generateDataset,
  predictClasses,
  type Dataset,
  type DatasetName,
  type Evaluation,
  type LayerWeights,
  type Matrix,
  type Rng,
  type Trainer,
} from '../../src/engine/index.ts';
import { createDropoutPair } from '../../src/widgets/dropout-pair.ts';

export const OVERFIT = {
  width: 64,
  trainCount: 90,
  testCount: 1024,
  batchSize: 16,
  maxSteps: 3000,
  /** SGD steps of one net in one unit of work (after the first five, which go one at a time). */
  trainChunk: 5,
  /** Train and test loss and error are measured every this many steps (a multiple of trainChunk). */
  evalEvery: 25,
  /** The decision maps are recomputed every this many steps (a multiple of evalEvery) and at the end. */
  mapEvery: 150,
  resolution: 48,
  /** Grid rows of one decision map computed in one unit of work. */
  mapRowsPerChunk: 12,
  extent: [-1.5, 1.5] as [number, number],
  /** Standard deviation of the Gaussian noise on the points (blobs: the clusters' spread). */
  pointNoise: { spirals: 0.08, circles: 0.1, xor: 0.1, blobs: 0.3 } as Record<DatasetName, number>,
};

export interface OverfitSettings {
  dataset: DatasetName;
  /** Fraction of labels (training and test) replaced by a different class at random. */
  labelNoise: number;
  /** Drop probability of the second net (the first has none). */
  p: number;
  lr: number;
  seed: number;
  maxSteps?: number;
}

export interface History {
  steps: number[];
  trainLoss: number[];
  testLoss: number[];
  trainError: number[];
  testError: number[];
}

export interface DecisionMap {
  predictions: Int32Array;
  step: number;
}

export interface Lane {
  readonly label: string;
  readonly p: number;
  readonly trainer: Trainer;
  readonly history: History;
  map: DecisionMap | null;
}

export type OverfitStatus = 'ready' | 'done' | 'diverged';

export interface Overfit {
  readonly settings: OverfitSettings;
  readonly train: Dataset;
  readonly test: Dataset;
  readonly initialWeights: readonly LayerWeights[];
  readonly lanes: readonly Lane[];
  /** The grid the decision maps are computed on: row 0 at the top (largest y). */
  readonly grid: Matrix;
  step: number;
  status: OverfitStatus;
  /** The net that trains next within the current chunk. */
  trainingLane: number;
  /** A measurement in progress (the nets do not train meanwhile): how many of net × {train, test} are done. */
  recording: { active: boolean; done: number; values: Evaluation[] };
  /** A decision-map computation in progress (the nets do not train meanwhile, so each map is of one step). */
  mapJob: { step: number; lane: number; row: number; buffers: Int32Array[] } | null;
}

/** Replace each label, with probability `fraction`, by one of the other classes (uniformly). */
export function withLabelNoise(data: Dataset, fraction: number, rng: Rng): Dataset {
  const labels = data.labels.slice();
  for (let i = 0; i < labels.length; i++) {
    if (rng.uniform() < fraction) labels[i] = (labels[i] + 1 + rng.integer(data.classes - 1)) % data.classes;
  }
  return { x: data.x, labels, classes: data.classes };
}

export function gridMatrix(resolution: number, [lo, hi]: [number, number]): Matrix {
  const data = new Float64Array(resolution * resolution * 2);
  for (let row = 0; row < resolution; row++) {
    const y = hi - ((row + 0.5) / resolution) * (hi - lo);
    for (let col = 0; col < resolution; col++) {
      const i = row * resolution + col;
      data[2 * i] = lo + ((col + 0.5) / resolution) * (hi - lo);
      data[2 * i + 1] = y;
    }
  }
  return { rows: resolution * resolution, cols: 2, data };
}

export function createOverfit(settings: OverfitSettings): Overfit {
  const rng = createRng(settings.seed);
  const spec = { name: settings.dataset, noise: OVERFIT.pointNoise[settings.dataset] };
  const train = withLabelNoise(generateDataset({ ...spec, count: OVERFIT.trainCount }, rng.fork('train')), settings.labelNoise, rng.fork('train-labels'));
  const test = withLabelNoise(generateDataset({ ...spec, count: OVERFIT.testCount }, rng.fork('test')), settings.labelNoise, rng.fork('test-labels'));
  const sizes = [2, OVERFIT.width, OVERFIT.width, train.classes];
  const pair = createDropoutPair({ sizes, data: train, p: settings.p, lr: settings.lr, batchSize: OVERFIT.batchSize, seed: settings.seed, rng });
  const { initialWeights } = pair;
  const lanes: Lane[] = pair.lanes.map(({ label, p, trainer }) => ({
    label,
    p,
    trainer,
    history: { steps: [], trainLoss: [], testLoss: [], trainError: [], testError: [] },
    map: null,
  }));
  const state: Overfit = { settings, train, test, initialWeights, lanes, grid: gridMatrix(OVERFIT.resolution, OVERFIT.extent), step: 0, status: 'ready', trainingLane: 0, recording: { active: false, done: 0, values: [] }, mapJob: null };
  record(state);
  // The maps before training are computed like every later one, a few rows per unit of work (prepareOverfit, or the
  // first units of training): all at once they would be one long task.
  startMapJob(state);
  return state;
}

function budget(state: Overfit): number {
  return state.settings.maxSteps ?? OVERFIT.maxSteps;
}

/** Measure both nets (evaluation mode) on the training and the test set, all at once. */
export function record(state: Overfit): void {
  while (recordOne(state));
}

/** One of the four measurements of a record (net × {train, test}); returns true while more remain. When the last
 * is done the record is appended to every history, so the histories always have equal lengths. */
function recordOne(state: Overfit): boolean {
  const k = state.recording.done;
  const lane = state.lanes[k >> 1];
  const which = k & 1 ? state.test : state.train;
  state.recording.values[k] = lane.trainer.evaluate(which);
  state.recording.done++;
  if (state.recording.done < 2 * state.lanes.length) return true;
  state.lanes.forEach((l, i) => {
    const tr = state.recording.values[2 * i], te = state.recording.values[2 * i + 1];
    const h = l.history;
    h.steps.push(state.step);
    h.trainLoss.push(tr.loss);
    h.testLoss.push(te.loss);
    h.trainError.push(1 - tr.accuracy);
    h.testError.push(1 - te.accuracy);
  });
  state.recording = { active: false, done: 0, values: [] };
  return false;
}

/** One unit of work (a few milliseconds at most): a chunk of steps of one net, one evaluation, or some map rows. */
export function workUnit(state: Overfit): OverfitStatus {
  if (state.status !== 'ready') return state.status;
  if (state.recording.active) {
    recordOne(state);
    return state.status;
  }
  if (state.mapJob) {
    mapChunk(state);
    return state.status;
  }
  const end = budget(state);
  if (state.step >= end) {
    if (state.lanes.some((lane) => lane.map?.step !== state.step)) startMapJob(state);
    else state.status = 'done';
    return state.status;
  }
  // Single steps at first (the first calls also compile the code paths, so they are kept short).
  const n = Math.min(state.step < OVERFIT.trainChunk ? 1 : OVERFIT.trainChunk, end - state.step);
  const lane = state.lanes[state.trainingLane];
  const losses = lane.trainer.step(n);
  // The engine's trainer decides divergence (a non-finite loss, or one above ten times a uniform guess's).
  if (lane.trainer.state === 'diverged' || losses.length < n) {
    state.status = 'diverged';
    return state.status;
  }
  // Both nets train the same chunk before the step count moves on.
  state.trainingLane++;
  if (state.trainingLane < state.lanes.length) return state.status;
  state.trainingLane = 0;
  state.step += n;
  if (state.step % OVERFIT.evalEvery === 0 || state.step === end) state.recording.active = true;
  if (state.step % OVERFIT.mapEvery === 0 && state.step < end) startMapJob(state);
  return state.status;
}

function startMapJob(state: Overfit): void {
  const cells = OVERFIT.resolution * OVERFIT.resolution;
  state.mapJob = { step: state.step, lane: 0, row: 0, buffers: state.lanes.map(() => new Int32Array(cells)) };
}

function mapChunk(state: Overfit): void {
  const job = state.mapJob;
  if (!job) return;
  const n = OVERFIT.resolution;
  const rows = Math.min(OVERFIT.mapRowsPerChunk, n - job.row);
  const start = job.row * n;
  const x: Matrix = { rows: rows * n, cols: 2, data: state.grid.data.subarray(start * 2, (start + rows * n) * 2) };
  job.buffers[job.lane].set(predictClasses(state.lanes[job.lane].trainer.net, x), start);
  job.row += rows;
  if (job.row < n) return;
  job.row = 0;
  job.lane++;
  if (job.lane < state.lanes.length) return;
  state.lanes.forEach((lane, i) => (lane.map = { predictions: job.buffers[i], step: job.step }));
  state.mapJob = null;
}

/** Before training: compute the step-0 decision maps until `deadline`, without training; true once they are there. */
export function prepareOverfit(state: Overfit, deadline: number, now: () => number = () => performance.now()): boolean {
  while (state.step === 0 && state.mapJob && state.status === 'ready') {
    workUnit(state);
    if (now() >= deadline) break;
  }
  return state.mapJob === null || state.step > 0;
}

/** Work until `deadline` (a performance.now() time) or until done / diverged. */
export function advanceOverfit(state: Overfit, deadline: number, now: () => number = () => performance.now()): OverfitStatus {
  while (state.status === 'ready') {
    workUnit(state);
    if (now() >= deadline) break;
  }
  return state.status;
}

export interface LaneSummary {
  label: string;
  p: number;
  step: number;
  trainError: number;
  testError: number;
  trainLoss: number;
  testLoss: number;
  /** Test error minus training error (the generalisation gap). */
  gap: number;
}

/** The latest measurement of each net. */
export function summarize(state: Overfit): LaneSummary[] {
  return state.lanes.map((lane) => {
    const h = lane.history;
    const last = h.steps.length - 1;
    return {
      label: lane.label,
      p: lane.p,
      step: h.steps[last],
      trainError: h.trainError[last],
      testError: h.testError[last],
      trainLoss: h.trainLoss[last],
      testLoss: h.testLoss[last],
      gap: h.testError[last] - h.trainError[last],
    };
  });
}
