/**
 * The PReLU-slopes experiment: an MLP 2 → 32 → 32 → 3 with PReLU, one slope per hidden layer initialised at
 * 0.25 (He et al. 2015), trained by plain SGD on spirals with the engine's trainer. The run records every
 * layer's slope after every step (starting at 0.25 at step 0) and every minibatch loss.
 */
import { createRng, createTrainer, preluSlopes, spirals, type Trainer } from '../../src/engine/index.ts';

export interface PreluRunSettings {
  lr: number;
  seed: number;
}

export type RunResult = 'more' | 'done' | 'diverged';

export const SIZES = [2, 32, 32, 3] as const;
export const INITIAL_SLOPE = 0.25;
export const DATA_COUNT = 300;
export const BATCH_SIZE = 32;
export const MAX_STEPS = 2000;

export interface PreluRun {
  readonly settings: PreluRunSettings;
  readonly trainer: Trainer;
  /** steps[k] is the step count after which slopes[h][k] was read (0 = before training). */
  readonly steps: number[];
  /** One series per hidden layer. */
  readonly slopes: number[][];
  /** losses[k] is the minibatch loss of step k + 1 (before its update). */
  readonly losses: number[];
  diverged: boolean;
}

export function createPreluRun(settings: PreluRunSettings): PreluRun {
  const seed = Number.isFinite(settings.seed) ? settings.seed : 1;
  const lr = Number.isFinite(settings.lr) && settings.lr > 0 ? settings.lr : 0.1;
  const data = spirals({ count: DATA_COUNT, rng: createRng(seed).fork('prelu-data') });
  const trainer = createTrainer({
    config: { sizes: [...SIZES], activation: { name: 'prelu', params: { a: INITIAL_SLOPE } } },
    init: 'he-normal',
    data,
    batchSize: BATCH_SIZE,
    lr,
    seed,
  });
  const initial = preluSlopes(trainer.net).map((s) => s[0]);
  return { settings: { lr, seed }, trainer, steps: [0], slopes: initial.map((a) => [a]), losses: [], diverged: false };
}

/** Takes up to `n` steps, recording slopes and losses; stops at divergence or after MAX_STEPS. */
export function stepRun(run: PreluRun, n = 1): RunResult {
  for (let i = 0; i < n; i++) {
    if (run.diverged) return 'diverged';
    if (run.trainer.stepCount >= MAX_STEPS) return 'done';
    const [loss] = run.trainer.step(1);
    const slopes = preluSlopes(run.trainer.net).map((s) => s[0]);
    // The engine's trainer decides divergence (non-finite, or a loss above ten times a uniform guess's).
    if (run.trainer.state === 'diverged' || loss === undefined || !slopes.every(Number.isFinite)) {
      run.diverged = true;
      return 'diverged';
    }
    run.losses.push(loss);
    run.steps.push(run.trainer.stepCount);
    slopes.forEach((a, h) => run.slopes[h].push(a));
  }
  if (run.trainer.stepCount >= MAX_STEPS) return 'done';
  return 'more';
}

/** The latest recorded slope of each layer (finite by construction). */
export function latestSlopes(run: PreluRun): number[] {
  return run.slopes.map((series) => series[series.length - 1]);
}

/** Mean of the last `k` minibatch losses (NaN before the first step). */
export function recentLoss(run: PreluRun, k = 50): number {
  const tail = run.losses.slice(-k);
  return tail.length ? tail.reduce((s, v) => s + v, 0) / tail.length : NaN;
}

/** At most `max` points: every stride-th sample and always the last (the series are drawn, not stored). */
export function thin(xs: readonly number[], ys: readonly number[], max = 300): { xs: number[]; ys: number[] } {
  const stride = Math.max(1, Math.ceil(xs.length / max));
  const outX: number[] = [], outY: number[] = [];
  for (let i = 0; i < xs.length; i += stride) {
    outX.push(xs[i]);
    outY.push(ys[i]);
  }
  const last = xs.length - 1;
  if (last >= 0 && outX[outX.length - 1] !== xs[last]) {
    outX.push(xs[last]);
    outY.push(ys[last]);
  }
  return { xs: outX, ys: outY };
}

/** Minibatch losses averaged over consecutive blocks, at most `max` points (x = the block's last step). */
export function blockMeans(losses: readonly number[], max = 200): { xs: number[]; ys: number[] } {
  const size = Math.max(1, Math.ceil(losses.length / max));
  const xs: number[] = [], ys: number[] = [];
  for (let start = 0; start < losses.length; start += size) {
    const block = losses.slice(start, start + size);
    xs.push(start + block.length);
    ys.push(block.reduce((s, v) => s + v, 0) / block.length);
  }
  return { xs, ys };
}
