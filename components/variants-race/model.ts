/**
 * The variants race: why Leaky ReLU, PReLU, RReLU and ELU exist, measured. One network (2 inputs → three hidden
 * layers of 32 → 3 classes), one He-normal draw of initial weights, one sequence of minibatches and one learning
 * rate, trained once per activation; tanh runs beside them as the reference. The only difference between the lanes
 * is the activation (He et al. 2015's initialisation suits every rectifier; tanh gets the same draw so that nothing
 * else differs, a standard deviation √2 larger than Xavier's at this width).
 *
 * "Stress" makes ReLU units die the way they do in practice: a larger learning rate and every hidden bias starting
 * at −0.5 instead of 0, so many units begin on the z ≤ 0 side for the whole training set and large updates push
 * more over. Everything else (data, weights, batches, steps) stays fixed.
 *
 * Noise: one run per activation says little, so every activation is trained from a few seeds (replicates): replicate
 * r draws its own initial weights and batch order, shared by all activations, on the same data. verdict.ts compares
 * activations seed by seed. The race advances in chunks (one run, SETUP.measureEvery steps and a measurement), so a
 * frame loop can run it against a deadline.
 */
import { createMlp, createTrainer, type Dataset, type Trainer } from '../../src/engine/index.ts';
import { RACE_ACTIVATIONS, REGIMES, SETUP, VARIANTS, initialWeights, raceData, type RaceActivation, type Regime } from './setup.ts';
import { createUnitTracker, type Checkpoint, type UnitTracker } from './units.ts';

export { RACE_ACTIVATIONS, REGIMES, SETUP, VARIANTS, initialWeights, raceData, type RaceActivation, type Regime } from './setup.ts';

export interface VariantsRaceSettings {
  seed: number;
  stress: boolean;
  /** Which lanes run (default all), in VARIANTS order whatever the order given. */
  acts?: readonly RaceActivation[];
  /** Replicates per activation, 1 to SETUP.maxSeeds (default SETUP.seeds). */
  seeds?: number;
  maxSteps?: number;
}

export interface NormalizedRaceSettings {
  readonly seed: number;
  readonly regime: Regime;
  readonly lr: number;
  readonly biasShift: number;
  readonly acts: readonly RaceActivation[];
  readonly seeds: number;
  readonly maxSteps: number;
}

export type RunStatus = 'ready' | 'done' | 'diverged';

/** One activation trained from one replicate's initial weights and batches. */
export interface Run {
  readonly act: RaceActivation;
  readonly replicate: number;
  /** The trainer's seed: the same for every activation of a replicate, so they see the same minibatches. */
  readonly batchSeed: string;
  readonly trainer: Trainer;
  readonly tracker: UnitTracker;
  /** Measurements every SETUP.measureEvery steps; index 0 is before training (taken by the run's first chunk, so
   * that creating a race costs almost nothing). */
  readonly history: Checkpoint[];
  status: RunStatus;
}

export interface Lane {
  readonly act: RaceActivation;
  readonly label: string;
  /** One run per replicate, in replicate order. */
  readonly runs: readonly Run[];
}

export interface VariantsRace {
  readonly settings: NormalizedRaceSettings;
  readonly train: Dataset;
  readonly test: Dataset;
  /** Hidden units per network (all layers). */
  readonly units: number;
  readonly lanes: readonly Lane[];
  /** Steps every live run has completed. */
  step: number;
  status: 'ready' | 'done';
}

const clampInt = (v: unknown, lo: number, hi: number, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : fallback;

/** Never throws: numbers are clamped to their ranges, unknown activations dropped. */
export function normalizeRaceSettings(settings: VariantsRaceSettings): NormalizedRaceSettings {
  const regime: Regime = settings.stress === true ? 'stress' : 'normal';
  const wanted = Array.isArray(settings.acts) ? settings.acts : RACE_ACTIVATIONS;
  return {
    seed: clampInt(settings.seed, 0, 999_999, 1),
    regime,
    ...REGIMES[regime],
    acts: RACE_ACTIVATIONS.filter((act) => wanted.includes(act)),
    seeds: clampInt(settings.seeds, 1, SETUP.maxSeeds, SETUP.seeds),
    maxSteps: clampInt(settings.maxSteps, SETUP.measureEvery, 100_000, SETUP.maxSteps),
  };
}

export function createVariantsRace(settings: VariantsRaceSettings): VariantsRace {
  const s = normalizeRaceSettings(settings);
  const { train, test } = raceData(s.seed);
  const weights = Array.from({ length: s.seeds }, (_, r) => initialWeights(s.seed, r, s.biasShift));
  const lanes = VARIANTS.filter((v) => s.acts.includes(v.act)).map(({ act, label, spec }) => ({
    act,
    label,
    runs: weights.map((w, replicate): Run => {
      const net = createMlp({ sizes: SETUP.sizes, activation: spec }, { weights: w });
      const batchSeed = `${s.seed}/run ${replicate}`;
      const trainer = createTrainer({ net, data: train, batchSize: SETUP.batchSize, lr: s.lr, seed: batchSeed });
      const tracker = createUnitTracker(net, train, test);
      return { act, replicate, batchSeed, trainer, tracker, history: [], status: 'ready' };
    }),
  }));
  const units = SETUP.sizes.slice(1, -1).reduce((a, b) => a + b, 0);
  const race: VariantsRace = { settings: s, train, test, units, lanes, step: 0, status: 'ready' };
  updateProgress(race);
  return race;
}

export const allRuns = (race: VariantsRace): Run[] => race.lanes.flatMap((lane) => lane.runs);
/** The run's latest measurement (undefined before its first chunk). */
export const latest = (run: Run): Checkpoint | undefined => run.history[run.history.length - 1];
/** Steps the run has taken and measured: −1 before its first measurement. */
export const measuredStep = (run: Run): number => latest(run)?.step ?? -1;

/** One chunk of work: the live run that is furthest behind takes up to measureEvery steps and is measured (its
 * first chunk only measures step 0). Returns false when there was nothing left to do. */
export function stepChunk(race: VariantsRace): boolean {
  let next: Run | null = null;
  for (const run of allRuns(race)) if (run.status === 'ready' && (next === null || measuredStep(run) < measuredStep(next))) next = run;
  if (next === null) return false;
  const from = measuredStep(next);
  if (from < 0) {
    next.history.push(next.tracker.measure(0));
    updateProgress(race);
    return true;
  }
  const n = Math.min(SETUP.measureEvery, race.settings.maxSteps - from);
  next.trainer.step(n);
  // The engine's trainer decides divergence (a non-finite loss or parameter, or a loss above 10·ln 3).
  if (next.trainer.state === 'diverged') next.status = 'diverged';
  else {
    next.history.push(next.tracker.measure(from + n));
    if (from + n >= race.settings.maxSteps) next.status = 'done';
  }
  updateProgress(race);
  return true;
}

function updateProgress(race: VariantsRace): void {
  const live = allRuns(race).filter((run) => run.status === 'ready');
  const steps = (live.length ? live : allRuns(race)).map((run) => Math.max(0, measuredStep(run)));
  race.step = live.length ? Math.min(...steps) : Math.max(0, ...steps);
  race.status = live.length ? 'ready' : 'done';
}

/** Chunks until `deadline` (a performance.now() time) or `maxChunks`, or until the race is done. */
export function advanceVariantsRace(race: VariantsRace, deadline: number, maxChunks = Infinity, now: () => number = () => performance.now()): VariantsRace['status'] {
  for (let c = 0; c < maxChunks && stepChunk(race); c++) if (now() >= deadline) break;
  return race.status;
}
