import { describe, expect, it } from 'vitest';
import { createRng, initVariance, initWeights } from '../../src/engine/index.ts';

const sampleVariance = (data: Float64Array): number => {
  const mean = data.reduce((a, b) => a + b, 0) / data.length;
  return data.reduce((a, b) => a + (b - mean) ** 2, 0) / data.length;
};

describe('He and Xavier initialisation', () => {
  it('targets Var = 2/fan_in (He) and 2/(fan_in + fan_out) (Xavier)', () => {
    expect(initVariance('he-normal', 50, 10)).toBe(2 / 50);
    expect(initVariance('he-uniform', 50, 10)).toBe(2 / 50);
    expect(initVariance('xavier-normal', 50, 10)).toBe(2 / 60);
    expect(initVariance('xavier-uniform', 50, 10)).toBe(2 / 60);
    // The fixed small scale ignores the layer's size: σ = 0.01 for any fan-in and fan-out.
    expect(initVariance('small-normal', 50, 10)).toBeCloseTo(1e-4, 15);
    expect(initVariance('small-normal', 5000, 3)).toBeCloseTo(1e-4, 15);
  });

  for (const scheme of ['he-normal', 'he-uniform', 'xavier-normal', 'xavier-uniform', 'small-normal'] as const) {
    it(`${scheme}: shape (in, out), sample variance within 5% of the target (N = 20000)`, () => {
      const W = initWeights(scheme, 100, 200, createRng(scheme));
      expect([W.rows, W.cols]).toEqual([100, 200]);
      const target = initVariance(scheme, 100, 200);
      // The standard error of a sample variance is about Var·√(2/N) ≈ 1% here (less for uniform).
      expect(Math.abs(sampleVariance(W.data) / target - 1)).toBeLessThan(0.05);
      if (scheme.endsWith('uniform')) {
        const limit = Math.sqrt(3 * target);
        expect(W.data.every((w) => Math.abs(w) <= limit)).toBe(true);
      }
    });
  }

  it('is reproducible from the seed and rejects unknown schemes', () => {
    expect(initWeights('he-normal', 3, 4, createRng(1)).data).toEqual(initWeights('he-normal', 3, 4, createRng(1)).data);
    expect(() => initWeights('glorot' as 'he-normal', 3, 4, createRng(1))).toThrow(/he-normal, he-uniform/);
    expect(() => initWeights('he-normal', 0, 4, createRng(1))).toThrow(RangeError);
  });
});
