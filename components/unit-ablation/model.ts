/**
 * Knock-out test of hidden units, after Srivastava et al. 2014 (co-adaptation, Fig. 7): two copies of one
 * network (same initial weights, same minibatches) are trained without dropout and with drop probability p; then,
 * in evaluation mode, each hidden unit is silenced on its own (its activation set to 0 for every test example)
 * and the drop in test accuracy is measured. If the representation is distributed, no single unit matters much.
 * The mean absolute correlation between the units' activations is measured as well.
 *
 * Silencing uses the engine's explicit dropout masks on a dropout-free twin of the trained net (same weights):
 * a = f(z) ⊙ m / (1 − 0) = f(z) ⊙ m, with m = 1 except a 0 for the silenced unit — exactly the evaluation-mode
 * forward pass with that unit zeroed.
 */
import { createMlp, createRng, generateDataset, type Dataset, type LayerWeights, type Matrix, type Mlp, type Trainer } from '../../src/engine/index.ts';
import { createDropoutPair } from '../../src/widgets/dropout-pair.ts';

export const ABLATION = {
  sizes: [2, 32, 32, 3] as readonly number[],
  trainCount: 300,
  testCount: 1024,
  pointNoise: 0.05,
  batchSize: 16,
  maxSteps: 3000,
  /** SGD steps of one net in one unit of work (after the first ten steps, which go one at a time). */
  trainChunk: 10,
  /** The training loss is recorded every this many steps (a multiple of trainChunk). */
  recordEvery: 50,
  /** Test rows per forward pass while silencing units. */
  chunkRows: 256,
  /** Products summed in one unit of work while correlating a layer's units (64 pairs of 1,024 test points). */
  correlationProducts: 65_536,
  /** A unit "matters" when silencing it costs more than this much test accuracy (1 percentage point). */
  significant: 0.01,
};

export interface AblationSettings {
  p: number;
  lr: number;
  seed: number;
  maxSteps?: number;
}

export interface Lane {
  readonly label: string;
  readonly p: number;
  readonly trainer: Trainer;
  readonly steps: number[];
  /** Mean training-set loss (evaluation mode) at each recorded step. */
  readonly trainLoss: number[];
  /** Test accuracy of the intact net (NaN until measured). */
  baseAccuracy: number;
  /** Per hidden layer, per unit: test accuracy lost when that unit is silenced (NaN until measured). */
  readonly drops: Float64Array[];
  /** Per hidden layer: mean |Pearson correlation| over pairs of non-constant units (NaN until measured). */
  readonly correlation: number[];
  /** Per hidden layer: units whose activation is not constant on the test set (dead units are). */
  readonly activeUnits: number[];
  /** The dropout-free twin used for the knock-outs (made once training ends). */
  probe: Mlp | null;
  /** The twin's hidden activations on the test set (for the correlations; dropped once they are measured). */
  probeHidden: readonly Matrix[] | null;
  /** The correlation of one hidden layer's units, part-way (null between layers). */
  correlationJob: CorrelationJob | null;
}

export type AblationPhase = 'training' | 'ablating' | 'done' | 'diverged';

export interface Ablation {
  readonly settings: AblationSettings;
  readonly train: Dataset;
  readonly test: Dataset;
  readonly initialWeights: readonly LayerWeights[];
  readonly lanes: readonly Lane[];
  step: number;
  phase: AblationPhase;
  /** The net that trains next within the current chunk (both train the same chunk before the step moves on). */
  trainingLane: number;
  /** Next knock-out: lane, hidden layer, unit (unit −2: measure the intact net first; −1: the correlations of this
   * layer's units, one layer per unit of work). */
  cursor: { lane: number; layer: number; unit: number };
}

export function createAblation(settings: AblationSettings): Ablation {
  const rng = createRng(settings.seed);
  const spec = { name: 'spirals' as const, noise: ABLATION.pointNoise };
  const train = generateDataset({ ...spec, count: ABLATION.trainCount }, rng.fork('train'));
  const test = generateDataset({ ...spec, count: ABLATION.testCount }, rng.fork('test'));
  const sizes = ABLATION.sizes;
  const hiddenCount = sizes.length - 2;
  const pair = createDropoutPair({ sizes, data: train, p: settings.p, lr: settings.lr, batchSize: ABLATION.batchSize, seed: settings.seed, rng });
  const { initialWeights } = pair;
  const lanes: Lane[] = pair.lanes.map(({ label, p, trainer }) => {
    return {
      label,
      p,
      trainer,
      steps: [0],
      trainLoss: [trainer.evaluate().loss],
      baseAccuracy: NaN,
      drops: Array.from({ length: hiddenCount }, (_, h) => new Float64Array(sizes[h + 1]).fill(NaN)),
      correlation: new Array<number>(hiddenCount).fill(NaN),
      activeUnits: new Array<number>(hiddenCount).fill(0),
      probe: null,
      probeHidden: null,
      correlationJob: null,
    };
  });
  return { settings, train, test, initialWeights, lanes, step: 0, phase: 'training', trainingLane: 0, cursor: { lane: 0, layer: 0, unit: -2 } };
}

/** A copy of `net` with the same weights and activations and no dropout anywhere. */
export function dropoutFreeTwin(net: Mlp): Mlp {
  return createMlp({ sizes: net.sizes, hidden: net.config.hidden.map((h) => ({ activation: h.activation, dropoutP: 0 })) }, { weights: net.exportWeights() });
}

function argmaxRow(logits: Matrix, i: number): number {
  let best = 0;
  for (let j = 1; j < logits.cols; j++) if (logits.data[i * logits.cols + j] > logits.data[i * logits.cols + best]) best = j;
  return best;
}

/**
 * Test accuracy of `probe` (a dropout-free net) with hidden unit `unit` of hidden layer `layer` silenced for every
 * example: a forward pass with an explicit mask of ones except a 0 in that unit's column.
 */
export function ablatedAccuracy(probe: Mlp, data: Dataset, layer: number, unit: number, chunkRows = ABLATION.chunkRows): number {
  const units = probe.sizes[layer + 1];
  if (!Number.isInteger(unit) || unit < 0 || unit >= units) throw new RangeError(`unit must be an integer in [0, ${units}), got ${unit}`);
  const hiddenCount = probe.sizes.length - 2;
  let correct = 0;
  for (let start = 0; start < data.x.rows; start += chunkRows) {
    const rows = Math.min(chunkRows, data.x.rows - start);
    const x: Matrix = { rows, cols: data.x.cols, data: data.x.data.subarray(start * data.x.cols, (start + rows) * data.x.cols) };
    const mask = new Float64Array(rows * units).fill(1);
    for (let r = 0; r < rows; r++) mask[r * units + unit] = 0;
    const masks = Array.from({ length: hiddenCount }, (_, h) => (h === layer ? mask : null));
    const { logits } = probe.forward(x, { training: true, masks });
    for (let r = 0; r < rows; r++) if (argmaxRow(logits, r) === data.labels[start + r]) correct++;
  }
  return correct / data.x.rows;
}

/**
 * Mean |Pearson correlation| over the pairs of non-constant columns of a matrix, computed a slice at a time
 * (advanceCorrelation), so that no slice is a long task even while the code still runs cold.
 */
export interface CorrelationJob {
  readonly rows: number;
  /** The non-constant columns, centred, one after another (each pair's sum runs over contiguous memory). */
  readonly centred: Float64Array;
  /** Sum of squared deviations of each of those columns. */
  readonly squares: Float64Array;
  readonly active: number;
  /** The first column of the next pairs to sum (pairs u < v). */
  u: number;
  sum: number;
  pairs: number;
}

export function startCorrelation(a: Matrix): CorrelationJob {
  const { rows, cols, data } = a;
  const mean = new Float64Array(cols), sd = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mean[j] += data[i * cols + j] / rows;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) sd[j] += (data[i * cols + j] - mean[j]) ** 2;
  const active: number[] = [];
  for (let j = 0; j < cols; j++) if (sd[j] > 1e-12 * rows) active.push(j);
  const centred = new Float64Array(active.length * rows);
  active.forEach((j, k) => {
    for (let i = 0; i < rows; i++) centred[k * rows + i] = data[i * cols + j] - mean[j];
  });
  return { rows, centred, squares: Float64Array.from(active, (j) => sd[j]), active: active.length, u: 0, sum: 0, pairs: 0 };
}

/** Sums the pairs of the next columns until about `maxProducts` products are done; true when every pair is. */
export function advanceCorrelation(job: CorrelationJob, maxProducts = Infinity): boolean {
  const { rows, centred, squares, active } = job;
  let products = 0;
  while (job.u < active - 1 && products < maxProducts) {
    const u = job.u;
    for (let v = u + 1; v < active; v++) {
      let c = 0;
      for (let i = 0, pu = u * rows, pv = v * rows; i < rows; i++) c += centred[pu + i] * centred[pv + i];
      job.sum += Math.abs(c / Math.sqrt(squares[u] * squares[v]));
      job.pairs++;
    }
    products += (active - 1 - u) * rows;
    job.u++;
  }
  return job.u >= active - 1;
}

export function correlationResult(job: CorrelationJob): { value: number; active: number } {
  return { value: job.pairs > 0 ? job.sum / job.pairs : NaN, active: job.active };
}

/** Mean |Pearson correlation| over all pairs of columns of `a` that are not constant; and how many those are. */
export function meanAbsCorrelation(a: Matrix): { value: number; active: number } {
  const job = startCorrelation(a);
  advanceCorrelation(job);
  return correlationResult(job);
}

function budget(state: Ablation): number {
  return state.settings.maxSteps ?? ABLATION.maxSteps;
}

/** One unit of work: a few SGD steps of one net, or measuring one intact net, or silencing one unit. */
export function workUnit(state: Ablation): AblationPhase {
  if (state.phase === 'training') trainChunk(state);
  else if (state.phase === 'ablating') ablateNext(state);
  return state.phase;
}

/** SGD steps per net in the next chunk: single steps at first (the first calls also compile the code paths, so
 * they are kept short), then ABLATION.trainChunk. */
function chunkSize(state: Ablation): number {
  return Math.min(state.step < ABLATION.trainChunk ? 1 : ABLATION.trainChunk, budget(state) - state.step);
}

/** Trains one net for one chunk; when both have, the step count moves on. */
function trainChunk(state: Ablation): void {
  const end = budget(state);
  const n = chunkSize(state);
  const lane = state.lanes[state.trainingLane];
  const losses = lane.trainer.step(n);
  if (lane.trainer.state === 'diverged' || losses.length < n) { // the engine's trainer decides divergence
    state.phase = 'diverged';
    return;
  }
  state.trainingLane++;
  if (state.trainingLane < state.lanes.length) return;
  state.trainingLane = 0;
  state.step += n;
  if (state.step % ABLATION.recordEvery === 0 || state.step === end) {
    for (const l of state.lanes) {
      l.steps.push(state.step);
      l.trainLoss.push(l.trainer.evaluate().loss);
    }
  }
  if (state.step >= end) state.phase = 'ablating';
}

function ablateNext(state: Ablation): void {
  const { cursor } = state;
  const lane = state.lanes[cursor.lane];
  if (cursor.unit === -2) {
    lane.probe = dropoutFreeTwin(lane.trainer.net);
    lane.baseAccuracy = lane.trainer.evaluate(state.test).accuracy;
    cursor.unit = -1;
    return;
  }
  if (cursor.unit === -1) {
    // One layer's correlations over several units of work: the forward pass and the centring, then slices of pairs.
    if (!lane.correlationJob) {
      const hidden = (lane.probeHidden ??= (lane.probe as Mlp).forward(state.test.x).hidden);
      lane.correlationJob = startCorrelation(hidden[cursor.layer]);
      return;
    }
    if (!advanceCorrelation(lane.correlationJob, ABLATION.correlationProducts)) return;
    const { value, active } = correlationResult(lane.correlationJob);
    lane.correlationJob = null;
    lane.correlation[cursor.layer] = value;
    lane.activeUnits[cursor.layer] = active;
    cursor.layer++;
    if (cursor.layer < lane.drops.length) return;
    lane.probeHidden = null;
    cursor.layer = 0;
    cursor.unit = 0;
    return;
  }
  const probe = lane.probe as Mlp;
  lane.drops[cursor.layer][cursor.unit] = lane.baseAccuracy - ablatedAccuracy(probe, state.test, cursor.layer, cursor.unit);
  cursor.unit++;
  if (cursor.unit < lane.drops[cursor.layer].length) return;
  cursor.unit = 0;
  cursor.layer++;
  if (cursor.layer < lane.drops.length) return;
  cursor.layer = 0;
  cursor.unit = -2;
  cursor.lane++;
  if (cursor.lane >= state.lanes.length) state.phase = 'done';
}

/** Work until `deadline` (a performance.now() time) or until done / diverged. */
export function advanceAblation(state: Ablation, deadline: number, now: () => number = () => performance.now()): AblationPhase {
  while (state.phase === 'training' || state.phase === 'ablating') {
    workUnit(state);
    if (now() >= deadline) break;
  }
  return state.phase;
}

/** Knock-outs measured so far and still to do (for the progress line). */
export function ablationProgress(state: Ablation): { done: number; total: number } {
  let done = 0, total = 0;
  for (const lane of state.lanes) for (const drops of lane.drops) for (const d of drops) {
    total++;
    if (!Number.isNaN(d)) done++;
  }
  return { done, total };
}

export interface LayerSummary {
  /** Measured units, sorted by drop, largest first. */
  sorted: number[];
  measured: number;
  units: number;
  maxDrop: number;
  /** Units whose silencing costs more than ABLATION.significant. */
  significant: number;
  correlation: number;
  activeUnits: number;
}

export function summarizeLayer(lane: Lane, layer: number): LayerSummary {
  const measured = Array.from(lane.drops[layer]).filter((d) => !Number.isNaN(d));
  const sorted = measured.sort((a, b) => b - a);
  return {
    sorted,
    measured: sorted.length,
    units: lane.drops[layer].length,
    maxDrop: sorted.length > 0 ? sorted[0] : NaN,
    significant: sorted.filter((d) => d > ABLATION.significant + 1e-12).length,
    correlation: lane.correlation[layer],
    activeUnits: lane.activeUnits[layer],
  };
}
