/**
 * The race's latest numbers, per activation and per replicate (seed), and the two statistics the verdict needs:
 * the spread of a number across seeds, and the seed-by-seed (paired) difference between two activations. Pairing
 * is what makes three seeds enough: replicate r gives every activation the same initial weights and minibatches, so
 * a − b on the same seed removes most of the seed-to-seed variation.
 */
import { SETUP, latest, type Lane, type RaceActivation, type VariantsRace } from './model.ts';
import { sum, type Checkpoint } from './units.ts';

/** One activation's latest values, one entry per replicate; NaN for a replicate whose run diverged (or that has
 * not been measured yet). */
export interface LaneSummary {
  readonly act: RaceActivation;
  readonly label: string;
  readonly diverged: number;
  readonly trainLoss: readonly number[];
  readonly testAccuracy: readonly number[];
  /** Fraction of all hidden units inactive (z ≤ 0) on every training example. */
  readonly inactiveFraction: readonly number[];
  /** Units ever inactive at a checkpoint, and how many of those are active now (all layers together). */
  readonly everInactive: readonly number[];
  readonly revived: readonly number[];
  /** The same two counts in the first hidden layer, where a dead ReLU can never come back (its inputs are fixed). */
  readonly everInactiveFirstLayer: readonly number[];
  readonly revivedFirstLayer: readonly number[];
  /** meanActivation[h][r]: hidden layer h, replicate r. */
  readonly meanActivation: readonly (readonly number[])[];
}

export function summarizeLane(lane: Lane, units: number): LaneSummary {
  const pick = (f: (c: Checkpoint) => number): number[] => lane.runs.map((run) => {
    const c = latest(run);
    return run.status === 'diverged' || c === undefined ? NaN : f(c);
  });
  const layers = SETUP.sizes.length - 2;
  return {
    act: lane.act,
    label: lane.label,
    diverged: lane.runs.filter((run) => run.status === 'diverged').length,
    trainLoss: pick((c) => c.trainLoss),
    testAccuracy: pick((c) => c.testAccuracy),
    inactiveFraction: pick((c) => sum(c.inactive) / units),
    everInactive: pick((c) => sum(c.everInactive)),
    revived: pick((c) => sum(c.revived)),
    everInactiveFirstLayer: pick((c) => c.everInactive[0]),
    revivedFirstLayer: pick((c) => c.revived[0]),
    meanActivation: Array.from({ length: layers }, (_, h) => pick((c) => c.meanActivation[h])),
  };
}

export function summarizeRace(race: VariantsRace): LaneSummary[] {
  return race.lanes.filter((lane) => lane.runs.length > 0).map((lane) => summarizeLane(lane, race.units));
}

export interface Spread {
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** How many finite values went in (diverged replicates are left out). */
  readonly n: number;
}

export function spread(values: readonly number[]): Spread {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { mean: NaN, min: NaN, max: NaN, n: 0 };
  return { mean: sum(finite) / finite.length, min: Math.min(...finite), max: Math.max(...finite), n: finite.length };
}

export interface PairedDifference {
  /** Mean of a_r − b_r over the replicates where both are finite. */
  readonly mean: number;
  /** Sample standard deviation of the differences (0 for a single pair). */
  readonly sd: number;
  readonly n: number;
  /** At least two pairs, and every difference has the same non-zero sign. */
  readonly sameSign: boolean;
  /** True when the data show a difference beyond the seed-to-seed noise: sameSign, and |mean| ≥ 2 sd / √n (two
   * standard errors). A sign shared by every seed alone is weak evidence with few seeds (1 in 4 by chance with 3),
   * and one outlying seed can make it fail the second test: then the direction is steady but the size is not. */
  readonly clear: boolean;
}

/** How a difference reads: beyond the noise, the same direction in every seed but too uneven to call, or noise. */
export type Call = 'lower' | 'higher' | 'lower, unevenly' | 'higher, unevenly' | 'within noise';

export function callOf(d: PairedDifference): Call {
  if (!d.sameSign) return 'within noise';
  if (d.mean < 0) return d.clear ? 'lower' : 'lower, unevenly';
  return d.clear ? 'higher' : 'higher, unevenly';
}

export function pairedDifference(a: readonly number[], b: readonly number[]): PairedDifference {
  const d: number[] = [];
  for (let r = 0; r < Math.min(a.length, b.length); r++) if (Number.isFinite(a[r]) && Number.isFinite(b[r])) d.push(a[r] - b[r]);
  const n = d.length;
  if (n === 0) return { mean: NaN, sd: NaN, n, sameSign: false, clear: false };
  const mean = sum(d) / n;
  const sd = n > 1 ? Math.sqrt(sum(d.map((x) => (x - mean) ** 2)) / (n - 1)) : 0;
  const sameSign = n >= 2 && (d.every((x) => x > 0) || d.every((x) => x < 0));
  return { mean, sd, n, sameSign, clear: sameSign && Math.abs(mean) >= (2 * sd) / Math.sqrt(n) };
}
