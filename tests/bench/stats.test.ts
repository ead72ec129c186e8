// The benchmark's pure statistics: medians, ratios, the "does it learn?" check, output agreement.
import { describe, expect, it } from 'vitest';
import { argmaxName, checkLearning, compareOutputs, median, pairedRatios, ratioToBest, summarize } from '../../scripts/bench/stats.ts';

describe('median and summarize', () => {
  it('odd and even counts, unsorted input, input left untouched', () => {
    const values = [5, 1, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow(RangeError);
  });

  it('summarize gives median, min, max and the round count; rejects non-positive or non-finite rates', () => {
    expect(summarize([300, 100, 200, 1000, 250])).toEqual({ median: 250, min: 100, max: 1000, rounds: 5 });
    expect(() => summarize([100, 0])).toThrow(RangeError);
    expect(() => summarize([100, NaN])).toThrow(RangeError);
  });
});

describe('ratios', () => {
  it('divides by the fastest peer', () => {
    expect(ratioToBest(3000, [200, 600])).toBe(5);
    expect(ratioToBest(300, [600, 200])).toBe(0.5);
    expect(() => ratioToBest(1, [])).toThrow(RangeError);
  });

  it('pairedRatios compares each round with the fastest peer of the same round', () => {
    expect(pairedRatios([3000, 1000], [[200, 100], [600, 500]])).toEqual([5, 2]);
    expect(() => pairedRatios([1, 2], [[1]])).toThrow(RangeError);
    expect(() => pairedRatios([1], [])).toThrow(RangeError);
  });

  it('argmaxName names the largest value (the first on ties)', () => {
    expect(argmaxName({ 'tfjs-cpu': 200, 'tfjs-wasm': 600 })).toBe('tfjs-wasm');
    expect(argmaxName({ a: 1, b: 1 })).toBe('a');
    expect(() => argmaxName({})).toThrow(RangeError);
  });
});

describe('checkLearning', () => {
  const falling = Array.from({ length: 600 }, (_, i) => 1.1 * Math.exp(-i / 200) + 0.05 * Math.sin(i));

  it('passes a falling loss curve and reports both means', () => {
    const check = checkLearning(falling);
    expect(check.ok).toBe(true);
    expect(check.reason).toBe('');
    expect(check.steps).toBe(600);
    expect(check.lastMean).toBeLessThan(check.firstMean);
    expect(check.firstMean).toBeCloseTo(falling.slice(0, 50).reduce((s, x) => s + x, 0) / 50, 12);
  });

  it('fails a flat or rising curve, a short run, and a non-finite loss', () => {
    expect(checkLearning(new Array(600).fill(1.0986)).ok).toBe(false);
    expect(checkLearning([...falling].reverse()).reason).toMatch(/not below/);
    expect(checkLearning(falling.slice(0, 499)).reason).toMatch(/only 499 steps/);
    const withNaN = [...falling];
    withNaN[300] = NaN;
    expect(checkLearning(withNaN).reason).toMatch(/not finite/);
  });

  it('honours the window and the minimum number of steps', () => {
    expect(checkLearning([3, 2, 1, 0], 2, 4).ok).toBe(true);
    expect(checkLearning([3, 2, 1, 0], 2, 5).ok).toBe(false);
  });
});

describe('compareOutputs', () => {
  it('uses |a − b| ≤ tolerance · max(1, |b|)', () => {
    expect(compareOutputs([1, 100], [1, 100], 0)).toEqual({ ok: true, maxAbsDiff: 0, maxScaledDiff: 0 });
    const close = compareOutputs([1.00005, 100.005], [1, 100], 1e-4);
    expect(close.ok).toBe(true);
    expect(close.maxAbsDiff).toBeCloseTo(0.005, 9);
    expect(close.maxScaledDiff).toBeCloseTo(5e-5, 9);
    expect(compareOutputs([0.0002], [0], 1e-4).ok).toBe(false);
  });

  it('NaN never agrees; lengths must match', () => {
    const check = compareOutputs([NaN, 1], [0, 1], 1);
    expect(check.ok).toBe(false);
    expect(check.maxAbsDiff).toBeNaN();
    expect(() => compareOutputs([1], [1, 2], 1)).toThrow(RangeError);
  });
});
