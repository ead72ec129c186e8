// Pure statistics for the benchmark: medians and spreads of timed rounds, ratios against the peers, the "does it
// learn?" check and the comparison of two sets of logits. No timing, no I/O: everything here is unit-tested.

export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly rounds: number;
}

/** The median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median, smallest and largest of the per-round rates. */
export function summarize(rates: readonly number[]): Summary {
  if (rates.some((r) => !Number.isFinite(r) || r <= 0)) throw new RangeError(`rates must be finite and positive, got ${rates.join(', ')}`);
  return { median: median(rates), min: Math.min(...rates), max: Math.max(...rates), rounds: rates.length };
}

/** value / (the largest of the peers' values): > 1 means faster than every peer. */
export function ratioToBest(value: number, peers: readonly number[]): number {
  if (peers.length === 0) throw new RangeError('ratioToBest needs at least one peer');
  return value / Math.max(...peers);
}

/** Round-by-round ratios value[r] / max over peers of peer[r]: each compares rates measured seconds apart, so a
 * load change on the machine between rounds cancels out; their median complements the ratio of the medians. */
export function pairedRatios(values: readonly number[], peers: readonly (readonly number[])[]): number[] {
  if (peers.length === 0) throw new RangeError('pairedRatios needs at least one peer');
  if (peers.some((p) => p.length !== values.length)) throw new RangeError('pairedRatios needs the same number of rounds for everyone');
  return values.map((v, r) => v / Math.max(...peers.map((p) => p[r])));
}

/** The name of the largest value in a record. */
export function argmaxName(values: Readonly<Record<string, number>>): string {
  const entries = Object.entries(values);
  if (entries.length === 0) throw new RangeError('argmaxName of an empty record');
  return entries.reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

export interface LearningCheck {
  readonly ok: boolean;
  readonly steps: number;
  readonly firstMean: number;
  readonly lastMean: number;
  /** Why the check failed (empty when ok). */
  readonly reason: string;
}

/** A contender learns when, over at least `minSteps` steps, every loss is finite and the mean of the last `window`
 * losses is below the mean of the first `window`. */
export function checkLearning(losses: readonly number[], window = 50, minSteps = 500): LearningCheck {
  const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  const steps = losses.length;
  const firstMean = steps >= window ? mean(losses.slice(0, window)) : NaN;
  const lastMean = steps >= window ? mean(losses.slice(steps - window)) : NaN;
  let reason = '';
  if (steps < Math.max(minSteps, 2 * window)) reason = `only ${steps} steps (need ${Math.max(minSteps, 2 * window)})`;
  else if (!losses.every(Number.isFinite)) reason = 'a loss is not finite';
  else if (!(lastMean < firstMean)) reason = `mean loss of the last ${window} steps (${lastMean.toFixed(4)}) is not below the first ${window} (${firstMean.toFixed(4)})`;
  return { ok: reason === '', steps, firstMean, lastMean, reason };
}

export interface Agreement {
  readonly ok: boolean;
  /** Largest |a − b|. */
  readonly maxAbsDiff: number;
  /** Largest |a − b| / max(1, |b|): the quantity compared with the tolerance. */
  readonly maxScaledDiff: number;
}

/** Do a and b agree entry by entry to |a − b| ≤ tolerance · max(1, |b|)? (NaN never agrees.) */
export function compareOutputs(a: ArrayLike<number>, b: ArrayLike<number>, tolerance: number): Agreement {
  if (a.length !== b.length) throw new RangeError(`compareOutputs: lengths differ (${a.length} vs ${b.length})`);
  let maxAbsDiff = 0, maxScaledDiff = 0, ok = true;
  for (let i = 0; i < a.length; i++) {
    const diff = Math.abs(a[i] - b[i]);
    const scaled = diff / Math.max(1, Math.abs(b[i]));
    if (!(scaled <= tolerance)) ok = false;
    if (diff > maxAbsDiff || Number.isNaN(diff)) maxAbsDiff = diff;
    if (scaled > maxScaledDiff || Number.isNaN(scaled)) maxScaledDiff = scaled;
  }
  return { ok, maxAbsDiff, maxScaledDiff };
}
