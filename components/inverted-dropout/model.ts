/**
 * The numbers behind the inverted-dropout widget, all from the engine. One layer's activations h (6 values ≥ 0, as
 * ReLU outputs, drawn from the seed) go through N dropout masks m₁…m_N ~ Bernoulli(1 − p), one after another from
 * one seeded stream. Per unit we keep the running mean of the inverted-dropout training output m ⊙ h / (1 − p)
 * (invertedDropout) and of the standard one m ⊙ h (standardDropout).
 *
 * E[m ⊙ h / (1 − p)] = h, the test-time output (invertedDropoutEval: the network is untouched), and the mean of N
 * independent draws has standard deviation h·√(p / ((1 − p)·N)) — each draw is h/(1 − p) with probability 1 − p
 * and 0 otherwise, variance h²·p/(1 − p). So the running mean stays within ±2 of those standard deviations of h
 * about 95% of the time per unit.
 */
import { createRng, dropoutScale, invertedDropout, invertedDropoutEval, sampleDropoutMaskInto, standardDropout, standardDropoutEval, type Rng } from '../../src/engine/index.ts';

export const UNITS = 6;
/** Most masks a run may draw (the `masks` parameter's maximum): redrawing them all after a change of p takes a few ms. */
export const MAX_MASKS = 2000;

/** h: 6 activations in [0.25, 2], rounded to 2 decimals so they read well (ReLU outputs are ≥ 0). */
export function activations(seed: number, units = UNITS): Float64Array {
  const rng = createRng(seed).fork('inverted-dropout/h');
  return Float64Array.from({ length: units }, () => Math.round(rng.uniform(0.25, 2) * 100) / 100);
}

/** Running sums of N masks' training outputs, extended draw by draw from one seeded stream. */
export interface MaskRun {
  readonly seed: number;
  readonly p: number;
  readonly h: Float64Array;
  /** Masks drawn so far. */
  count: number;
  /** Σ m_k ⊙ h / (1 − p) and Σ m_k ⊙ h per unit. */
  readonly invertedSum: Float64Array;
  readonly standardSum: Float64Array;
  /** The most recent mask (all ones before the first draw). */
  readonly lastMask: Float64Array;
  /** The most recent inverted training output. */
  lastOutput: Float64Array;
  readonly rng: Rng;
}

export function createMaskRun(seed: number, p: number): MaskRun {
  const h = activations(seed);
  return {
    seed,
    p,
    h,
    count: 0,
    invertedSum: new Float64Array(h.length),
    standardSum: new Float64Array(h.length),
    lastMask: new Float64Array(h.length).fill(1),
    lastOutput: new Float64Array(h.length),
    rng: createRng(seed).fork('inverted-dropout/masks'),
  };
}

/** Draws masks until `target` have been drawn (never more than MAX_MASKS). */
export function drawMasks(run: MaskRun, target: number): void {
  const goal = Math.min(MAX_MASKS, Math.max(0, Math.floor(target)));
  while (run.count < goal) {
    sampleDropoutMaskInto(run.rng, run.p, run.lastMask);
    const inverted = invertedDropout(run.h, run.p, run.lastMask);
    const standard = standardDropout(run.h, run.p, run.lastMask);
    for (let i = 0; i < run.h.length; i++) {
      run.invertedSum[i] += inverted[i];
      run.standardSum[i] += standard[i];
    }
    run.lastOutput = inverted;
    run.count++;
  }
}

export interface UnitEstimate {
  readonly h: number;
  /** Running mean of m ⊙ h / (1 − p) (NaN before the first mask). */
  readonly mean: number;
  /** Standard deviation of that mean: h·√(p / ((1 − p)·N)). */
  readonly std: number;
  /** |mean − h| ≤ 2·std (always true before the first mask is not claimed: false). */
  readonly withinTwoStd: boolean;
  /** The test-time output: h (invertedDropoutEval). */
  readonly test: number;
}

export function estimates(run: MaskRun): UnitEstimate[] {
  const test = invertedDropoutEval(run.h, run.p);
  const N = run.count;
  return Array.from(run.h, (h, i) => {
    const mean = N > 0 ? run.invertedSum[i] / N : NaN;
    const std = N > 0 ? h * Math.sqrt(run.p / ((1 - run.p) * N)) : NaN;
    return { h, mean, std, withinTwoStd: N > 0 && Math.abs(mean - h) <= 2 * std + 1e-12, test: test[i] };
  });
}

export type ConventionName = 'inverted' | 'standard' | 'convnetjs';

export interface Convention {
  readonly name: ConventionName;
  readonly label: string;
  /** E[training output] / h, exact: (1 − p)·f(h; m = 1) + p·f(h; m = 0), from the engine. */
  readonly trainFactor: number;
  /** Test-time output / h. */
  readonly testFactor: number;
  /** Mean training output over the masks drawn so far / h (NaN before the first). */
  readonly sampledFactor: number;
  /** E[train] = test: the network sees at test time what it saw on average in training. */
  readonly matches: boolean;
}

/**
 * The three conventions for one p, as multiples of h (computed on h = 1):
 * inverted (frameworks, the lecture): train m ⊙ h/(1 − p), test h;
 * standard (Srivastava et al. 2014): train m ⊙ h, test (1 − p)·h (they scale the weights at test time);
 * ConvNetJS: trains the standard way but scales by p (the DROP probability) at test time — right only at p = 0.5.
 */
export function conventions(p: number, run?: MaskRun): Convention[] {
  const one = Float64Array.of(1);
  const kept = Float64Array.of(1), dropped = Float64Array.of(0);
  const expectation = (f: (mask: Float64Array) => Float64Array) => (1 - p) * f(kept)[0] + p * f(dropped)[0];
  const invertedTrain = expectation((m) => invertedDropout(one, p, m));
  const standardTrain = expectation((m) => standardDropout(one, p, m));
  const sampled = (sums: Float64Array | undefined) => {
    if (!run || run.count === 0 || !sums) return NaN;
    let s = 0, h = 0;
    for (let i = 0; i < run.h.length; i++) {
      s += sums[i] / run.count;
      h += run.h[i];
    }
    return h > 0 ? s / h : NaN;
  };
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  const invertedTest = invertedDropoutEval(one, p)[0];
  const standardTest = standardDropoutEval(one, p)[0];
  // ConvNetJS multiplies by the drop probability at test time: the standard rule with p and 1 − p swapped.
  const convnetTest = p * one[0];
  return [
    { name: 'inverted', label: 'Inverted dropout (frameworks, this lecture)', trainFactor: invertedTrain, testFactor: invertedTest, sampledFactor: sampled(run?.invertedSum), matches: close(invertedTrain, invertedTest) },
    { name: 'standard', label: 'Standard dropout (Srivastava et al. 2014)', trainFactor: standardTrain, testFactor: standardTest, sampledFactor: sampled(run?.standardSum), matches: close(standardTrain, standardTest) },
    { name: 'convnetjs', label: 'ConvNetJS (bug: test × p)', trainFactor: standardTrain, testFactor: convnetTest, sampledFactor: sampled(run?.standardSum), matches: close(standardTrain, convnetTest) },
  ];
}

/** The inverted-dropout training scale 1/(1 − p), from the engine. */
export function trainingScale(p: number): number {
  return dropoutScale(p);
}
