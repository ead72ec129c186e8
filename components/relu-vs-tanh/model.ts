/**
 * ReLU vs tanh, a small-scale analogue of Krizhevsky et al. 2012, Fig. 1: the same network (same layer sizes,
 * the same He-normal initial weights, copied) trained with the same minibatches and learning rate, once with
 * ReLU and once with tanh hidden units; we count the steps each needs to reach a target training error.
 *
 * Training error is measured on the whole training set after every step, so the step counts are exact.
 */
import { createMlp, createRng, createTrainer, generateDataset, type Dataset, type LayerWeights, type Trainer } from '../../src/engine/index.ts';

export const RACE = {
  /** 2 inputs → two hidden layers of 32 → 3 classes. */
  sizes: [2, 32, 32, 3] as readonly number[],
  count: 300,
  /** Standard deviation of the Gaussian noise added to the spiral points. */
  pointNoise: 0.05,
  batchSize: 32,
  /** The budget: a run stops after this many steps even if a net never reaches the target. */
  maxSteps: 3000,
  /** At most this many steps per animation frame, so the race can be watched (a few seconds at most). */
  stepsPerFrame: 12,
};

export const LANES = [
  { activation: 'relu', label: 'ReLU' },
  { activation: 'tanh', label: 'tanh' },
] as const;

export interface RaceSettings {
  seed: number;
  lr: number;
  /** Target training error as a fraction in (0, 1), e.g. 0.1. */
  targetError: number;
  /** Step budget (default RACE.maxSteps). */
  maxSteps?: number;
}

export interface Lane {
  readonly label: string;
  readonly trainer: Trainer;
  /** Training error (fraction of the training set misclassified) after step i; index 0 is before training. */
  readonly errors: number[];
  /** First step at which the training error was at or below the target, or null. */
  reachedAt: number | null;
}

export type RaceStatus = 'ready' | 'done' | 'diverged';

export interface Race {
  readonly settings: RaceSettings;
  readonly data: Dataset;
  readonly lanes: readonly Lane[];
  readonly initialWeights: readonly LayerWeights[];
  step: number;
  status: RaceStatus;
}

export function createRace(settings: RaceSettings): Race {
  const rng = createRng(settings.seed);
  const data = generateDataset({ name: 'spirals', count: RACE.count, noise: RACE.pointNoise, classes: 3 }, rng.fork('data'));
  // One He-normal draw, copied into both nets: the only difference between the lanes is the activation.
  const initialWeights = createMlp({ sizes: RACE.sizes, activation: { name: 'relu' } }, { scheme: 'he-normal', rng: rng.fork('init') }).exportWeights();
  const lanes = LANES.map(({ activation, label }) => {
    const net = createMlp({ sizes: RACE.sizes, activation: { name: activation } }, { weights: initialWeights });
    // Same seed → same "batches" stream → the same minibatches in the same order for both nets.
    const trainer = createTrainer({ net, data, batchSize: RACE.batchSize, lr: settings.lr, seed: settings.seed });
    const lane: Lane = { label, trainer, errors: [trainingError(trainer)], reachedAt: null };
    if (lane.errors[0] <= settings.targetError) lane.reachedAt = 0;
    return lane;
  });
  return { settings, data, lanes, initialWeights, step: 0, status: 'ready' };
}

/** Fraction of the training set the lane's net misclassifies, rounded to a whole number of examples. */
export function trainingError(trainer: Trainer): number {
  const n = trainer.data.x.rows;
  return Math.round((1 - trainer.evaluate().accuracy) * n) / n;
}

export function budget(race: Race): number {
  return race.settings.maxSteps ?? RACE.maxSteps;
}

/** One step for both nets (and a measurement of each); returns the race's status afterwards. */
export function stepRace(race: Race): RaceStatus {
  if (race.status !== 'ready') return race.status;
  for (const lane of race.lanes) {
    // The engine's trainer decides divergence: a non-finite loss, or one above ten times a uniform guess's
    // (a saturated tanh net or a dead ReLU net can keep a finite loss forever).
    const [loss] = lane.trainer.step(1);
    if (lane.trainer.state === 'diverged' || loss === undefined) {
      race.status = 'diverged';
      return race.status;
    }
  }
  race.step++;
  for (const lane of race.lanes) {
    const error = trainingError(lane.trainer);
    lane.errors.push(error);
    if (lane.reachedAt === null && error <= race.settings.targetError + 1e-12) lane.reachedAt = race.step;
  }
  if (race.lanes.every((lane) => lane.reachedAt !== null) || race.step >= budget(race)) race.status = 'done';
  return race.status;
}

/** Steps until `deadline` (a performance.now() time), at most `maxSteps`, or until done / diverged. */
export function advanceRace(race: Race, deadline: number, maxSteps = RACE.stepsPerFrame, now: () => number = () => performance.now()): RaceStatus {
  for (let s = 0; s < maxSteps && race.status === 'ready'; s++) {
    stepRace(race);
    if (now() >= deadline) break;
  }
  return race.status;
}

export type Verdict =
  | { kind: 'both'; relu: number; tanh: number; ratio: number }
  | { kind: 'only'; winner: string; loser: string; steps: number; budget: number }
  | { kind: 'neither'; budget: number }
  | { kind: 'pending'; leader: string | null; leaderSteps: number | null };

/** What the race shows so far: who reached the target in how many steps, and the ratio tanh / ReLU. */
export function verdict(race: Race): Verdict {
  const [relu, tanh] = race.lanes;
  if (relu.reachedAt !== null && tanh.reachedAt !== null) {
    // Both at step 0 (a target above the initial error) would be 0 / 0: call it a tie.
    const ratio = relu.reachedAt === 0 ? (tanh.reachedAt === 0 ? 1 : Infinity) : tanh.reachedAt / relu.reachedAt;
    return { kind: 'both', relu: relu.reachedAt, tanh: tanh.reachedAt, ratio };
  }
  const finished = race.status === 'done';
  const reached = race.lanes.find((l) => l.reachedAt !== null);
  if (finished && reached) {
    const other = race.lanes.find((l) => l !== reached) as Lane;
    return { kind: 'only', winner: reached.label, loser: other.label, steps: reached.reachedAt as number, budget: budget(race) };
  }
  if (finished) return { kind: 'neither', budget: budget(race) };
  return { kind: 'pending', leader: reached?.label ?? null, leaderSteps: reached?.reachedAt ?? null };
}
