// Monte Carlo dropout: the T-sample average of thinned networks, stated against its mathematics.
import { describe, expect, it } from 'vitest';
import {
  type Mlp, SAMPLE_BLOCK, createMlp, createRng, quantileSorted, runningPredictions, scaledProbabilities, softmax, summarizeSamples,
  thinnedProbabilities, voteDisagreement,
} from '../../src/engine/index.ts';

const CLASSES = 3;

function net(inputDropoutP: number, hiddenP: readonly number[], seed = 'w'): Mlp {
  const sizes = [5, 4, 4, CLASSES];
  const made = createMlp({ sizes, inputDropoutP, hidden: hiddenP.map((dropoutP) => ({ activation: { name: 'relu' }, dropoutP })) }, { scheme: 'he-normal', rng: createRng(seed) });
  const rng = createRng(`${seed}/biases`);
  for (const layer of made.layers) layer.b.forEach((_, j) => (layer.b[j] = rng.normal(0.2, 0.3)));
  return made;
}
const x = Float64Array.of(0.9, 0, 0.4, 1, 0.2);

/** Every mask of the last hidden layer (4 units) with its probability, the others kept; the exact expectation of f. */
function expectationOverLastLayerMasks(model: Mlp, p: number, f: (logits: Float64Array) => Float64Array): Float64Array {
  const units = model.sizes[2], out = new Float64Array(CLASSES);
  for (let bits = 0; bits < 1 << units; bits++) {
    const mask = Float64Array.from({ length: units }, (_, u) => (bits >> u) & 1);
    const kept = mask.reduce((s, m) => s + m, 0);
    const probability = (1 - p) ** kept * p ** (units - kept);
    const logits = model.forward({ rows: 1, cols: 5, data: x }, { training: true, masks: [Float64Array.from({ length: 4 }, () => 1), mask] }).logits.data;
    f(Float64Array.from(logits)).forEach((v, c) => (out[c] += probability * v));
  }
  return out;
}
const probabilitiesOf = (logits: Float64Array) => softmax({ rows: 1, cols: CLASSES, data: logits }).data;

describe('thinnedProbabilities (dropout kept on at test time)', () => {
  it('with p = 0 everywhere every sample is exactly the scaled network', () => {
    const plain = net(0, [0, 0]);
    const samples = thinnedProbabilities(plain, x, 25, createRng(1));
    const scaled = scaledProbabilities(plain, x);
    for (let t = 0; t < 25; t++) expect(Array.from(samples.subarray(t * CLASSES, (t + 1) * CLASSES))).toEqual(Array.from(scaled));
  });

  it('each sample is a probability vector, and samples differ when units are dropped', () => {
    const samples = thinnedProbabilities(net(0.2, [0.5, 0.5]), x, 30, createRng(2));
    for (let t = 0; t < 30; t++) expect(samples.subarray(t * CLASSES, (t + 1) * CLASSES).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(new Set(Array.from({ length: 30 }, (_, t) => samples[t * CLASSES].toFixed(12))).size).toBeGreaterThan(5);
  });

  it('sample s depends on the seed and s only: any start and count give the same rows', () => {
    const model = net(0.2, [0.5, 0.5]);
    const all = thinnedProbabilities(model, x, 47, createRng(3));
    const part = thinnedProbabilities(model, x, 17, createRng(3), 23); // starts inside a block of SAMPLE_BLOCK
    expect(23 % SAMPLE_BLOCK).not.toBe(0);
    expect(Array.from(part)).toEqual(Array.from(all.subarray(23 * CLASSES, 40 * CLASSES)));
  });

  it('E over masks of the logits is the scaled network\'s logits when dropout is last before the output (inverted scaling)', () => {
    // After the last dropout the network is linear: E[W (m ⊙ h) / (1 − p) + b] = W h + b.
    const p = 0.3, model = net(0, [0, p]);
    const expected = expectationOverLastLayerMasks(model, p, (logits) => logits);
    const scaled = model.forward({ rows: 1, cols: 5, data: x }).logits.data;
    expected.forEach((v, c) => expect(v).toBeCloseTo(scaled[c], 12));
  });

  it('the T-sample average converges to E over masks of softmax (law of large numbers), which differs from the scaled net', () => {
    const p = 0.5, model = net(0, [0, p]);
    const exact = expectationOverLastLayerMasks(model, p, probabilitiesOf);
    const T = 20_000;
    const samples = thinnedProbabilities(model, x, T, createRng(4));
    const distance = (n: number) => Math.max(...Array.from(exact, (e, c) => Math.abs(summarizeSamples(samples, CLASSES, n).mean[c] - e)));
    // A probability has standard deviation at most 1/2, so the average of n is within 4/(2√n) of its mean but for
    // a 1-in-15,000 chance per class; here the seed is fixed, so the check is deterministic.
    for (const n of [100, 1000, T]) expect(distance(n)).toBeLessThan(2 / Math.sqrt(n));
    expect(distance(T)).toBeLessThan(distance(100));
    // Softmax is not linear: the average over thinned nets is not exactly the scaled net's output.
    const scaled = scaledProbabilities(model, x);
    expect(Math.max(...Array.from(exact, (e, c) => Math.abs(e - scaled[c])))).toBeGreaterThan(1e-4);
  });
});

describe('summaries of the samples', () => {
  it('quantileSorted interpolates between order statistics like NumPy', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 12);
    expect(quantileSorted([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    expect(quantileSorted([5], 0.9)).toBe(5);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it('summarizeSamples: mean, 10th–90th percentiles and votes of the first T rows', () => {
    // Three samples over two classes.
    const samples = Float64Array.of(0.9, 0.1, 0.2, 0.8, 0.6, 0.4, 0, 1);
    const s = summarizeSamples(samples, 2, 3);
    expect(Array.from(s.mean).map((v) => +v.toFixed(12))).toEqual([0.566666666667, 0.433333333333]);
    expect(Array.from(s.votes)).toEqual([2, 1]);
    expect(s.low[0]).toBeCloseTo(0.28, 12); // sorted 0.2, 0.6, 0.9: at 0.1·2 = 0.2 → 0.2 + 0.2·0.4
    expect(s.high[0]).toBeCloseTo(0.84, 12);
    expect(summarizeSamples(samples, 2, 1).low[0]).toBe(0.9);
    expect(() => summarizeSamples(samples, 2, 5)).toThrow(RangeError);
  });

  it('runningPredictions follows the running sum; voteDisagreement is 0 for unanimity', () => {
    const samples = Float64Array.of(0.9, 0.1, 0.2, 0.8, 0.1, 0.9);
    expect(Array.from(runningPredictions(samples, 2))).toEqual([0, 0, 1]);
    expect(voteDisagreement(Int32Array.of(0, 7, 0))).toBe(0);
    expect(voteDisagreement(Int32Array.of(3, 1, 0))).toBe(0.25);
    expect(voteDisagreement(Int32Array.of(0, 0))).toBe(0);
  });
});
