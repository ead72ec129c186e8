import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRng,
  dropout,
  dropoutScale,
  invertedDropout,
  invertedDropoutEval,
  invertedDropoutSampled,
  sampleDropoutMask,
  standardDropout,
  standardDropoutEval,
  standardDropoutSampled,
} from '../../src/engine/index.ts';
import { finiteDouble, vectorOf } from './helpers/arbitraries.ts';

const dropP = fc.double({ min: 0, max: 0.95, noNaN: true });

describe('inverted dropout', () => {
  it('training: x ⊙ m / (1 − p) with the given mask', () => {
    expect(Array.from(invertedDropout(Float64Array.of(1, 2, 3, 4), 0.5, Float64Array.of(1, 0, 0, 1)))).toEqual([2, 0, 0, 8]);
    expect(dropoutScale(0.2)).toBe(1 / 0.8);
  });

  it('is the identity with p = 0 (in training) and in evaluation (any p)', () => {
    fc.assert(
      fc.property(vectorOf(finiteDouble()), dropP, fc.integer(), (x, p, seed) => {
        expect(invertedDropoutSampled(x, 0, createRng(seed)).y).toEqual(x);
        expect(invertedDropoutEval(x, p)).toEqual(x);
        expect(dropout(x, { p, training: false }).y).toEqual(x);
      }),
      { seed: 21 },
    );
  });

  it('its mean over N masks converges to x: per-element std of the mean is |x|·√(p / ((1 − p) N)); within 5 std', () => {
    // One output is x·m/(1−p) with m ~ Bernoulli(1−p): mean x, variance x² p/(1−p). Averaging N independent masks
    // divides the variance by N. Seeded, so deterministic; 5 standard deviations make a false failure ~1e-6 per element.
    const N = 4000;
    for (const p of [0.1, 0.5, 0.8]) {
      const x = Float64Array.of(-3, -0.5, 0.25, 1, 7);
      const rng = createRng(`mean ${p}`);
      const sum = new Float64Array(x.length);
      for (let n = 0; n < N; n++) invertedDropoutSampled(x, p, rng).y.forEach((v, i) => (sum[i] += v));
      x.forEach((xi, i) => {
        const std = Math.abs(xi) * Math.sqrt(p / ((1 - p) * N));
        expect(Math.abs(sum[i] / N - xi), `p=${p} i=${i}`).toBeLessThan(5 * std);
      });
    }
  });

  it('the mean test is sharp enough to catch ConvNetJS-style wrong scaling (×p instead of ×(1−p))', () => {
    const p = 0.8, N = 4000, x = 1;
    const rng = createRng('convnetjs');
    let sum = 0;
    // ConvNetJS's train/test mismatch is equivalent to a training scale of (1−p)/p relative to test time.
    for (let n = 0; n < N; n++) sum += standardDropoutSampled(Float64Array.of(x), p, rng).y[0] / p;
    expect(Math.abs(sum / N - x)).toBeGreaterThan(5 * Math.sqrt(p / ((1 - p) * N)));
  });
});

describe('standard (original) dropout', () => {
  it('training keeps x ⊙ m unscaled; evaluation scales by the retain probability 1 − p', () => {
    expect(Array.from(standardDropout(Float64Array.of(1, 2, 3), 0.5, Float64Array.of(1, 0, 1)))).toEqual([1, 0, 3]);
    expect(Array.from(standardDropoutEval(Float64Array.of(10, -4), 0.25))).toEqual([7.5, -3]);
    expect(Array.from(dropout(Float64Array.of(10), { p: 0.25, training: false, form: 'standard' }).y)).toEqual([7.5]);
  });

  it('the test-time output (1 − p)·x equals the mean training output (within 5 std of the mean of N masks)', () => {
    const N = 4000, p = 0.3;
    const x = Float64Array.of(-2, 0.5, 4);
    const rng = createRng('standard');
    const sum = new Float64Array(x.length);
    for (let n = 0; n < N; n++) standardDropoutSampled(x, p, rng).y.forEach((v, i) => (sum[i] += v));
    const test = standardDropoutEval(x, p);
    x.forEach((xi, i) => {
      const std = Math.abs(xi) * Math.sqrt((p * (1 - p)) / N); // Var(x·m) = x² p (1 − p)
      expect(Math.abs(sum[i] / N - test[i])).toBeLessThan(5 * std);
    });
  });
});

describe('masks', () => {
  it('keep each unit with probability 1 − p, independently, reproducibly from the seed', () => {
    const mask = sampleDropoutMask(createRng(1), 0.3, 20000);
    expect(mask.every((m) => m === 0 || m === 1)).toBe(true);
    const kept = mask.reduce((a, b) => a + b, 0) / mask.length;
    expect(Math.abs(kept - 0.7)).toBeLessThan(5 * Math.sqrt((0.3 * 0.7) / 20000));
    expect(sampleDropoutMask(createRng(1), 0.3, 50)).toEqual(sampleDropoutMask(createRng(1), 0.3, 50));
    expect(sampleDropoutMask(createRng(1), 0.3, 50)).not.toEqual(sampleDropoutMask(createRng(2), 0.3, 50));
    expect(sampleDropoutMask(createRng(1), 0, 5)).toEqual(new Float64Array(5).fill(1));
  });

  it('the sampling entry points return the mask they applied', () => {
    const x = Float64Array.of(1, 2, 3, 4, 5, 6);
    const { y, mask } = invertedDropoutSampled(x, 0.5, createRng(4));
    expect(y).toEqual(invertedDropout(x, 0.5, mask));
    const viaOptions = dropout(x, { p: 0.5, training: true, rng: createRng(4) });
    expect(viaOptions.mask).toEqual(mask);
  });
});

describe('bad input', () => {
  it('p = 1, p = −0.1, p = NaN → RangeError naming [0, 1)', () => {
    for (const p of [1, -0.1, NaN, 1.5]) {
      expect(() => invertedDropoutEval(Float64Array.of(1), p)).toThrow(RangeError);
      expect(() => invertedDropoutEval(Float64Array.of(1), p)).toThrow(/dropout p must be in \[0, 1\)/);
      expect(() => sampleDropoutMask(createRng(1), p, 3)).toThrow(RangeError);
      expect(() => dropoutScale(p)).toThrow(RangeError);
    }
  });

  it('a mask of the wrong length or with values other than 0/1, NaN in x, and no mask nor rng', () => {
    expect(() => invertedDropout(Float64Array.of(1, 2), 0.5, Float64Array.of(1))).toThrow(/length 2/);
    expect(() => invertedDropout(Float64Array.of(1), 0.5, Float64Array.of(0.5))).toThrow(/0 \(dropped\) or 1 \(kept\)/);
    expect(() => invertedDropout(Float64Array.of(NaN), 0.5, Float64Array.of(1))).toThrow(RangeError);
    expect(() => dropout(Float64Array.of(1), { p: 0.5, training: true })).toThrow(/needs a mask or an rng/);
  });
});
