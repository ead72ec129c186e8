import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activation, createRng, rrelu, rreluEval, rreluEvalSlope } from '../../../src/engine/index.ts';
import { awayFromZero } from '../helpers/arbitraries.ts';
import { expectClose, scalarDerivative } from '../helpers/numeric.ts';

describe('rrelu', () => {
  it('evaluation: a leaky ReLU with the mean slope (lower + upper)/2 = 11/48 for PyTorch defaults', () => {
    expect(rreluEvalSlope()).toBe((1 / 8 + 1 / 3) / 2);
    expect(Array.from(rreluEval(Float64Array.of(-48, 0, 2)))).toEqual([-48 * ((1 / 8 + 1 / 3) / 2), 0, 2]);
    expect(Array.from(activation({ name: 'rrelu' }).backward(Float64Array.of(-0, 1), Float64Array.of(1, 1)))).toEqual([rreluEvalSlope(), 1]);
  });

  it('training: each x ≤ 0 gets its own slope from U(lower, upper); x > 0 passes through', () => {
    const x = Float64Array.from({ length: 4000 }, (_, i) => (i % 2 === 0 ? -1 - (i % 7) : 1 + (i % 5)));
    const { y, slopes } = rrelu(x, createRng(1), 0.1, 0.3);
    let sum = 0, n = 0;
    x.forEach((v, i) => {
      if (v > 0) {
        expect(y[i]).toBe(v);
        expect(slopes[i]).toBe(1);
      } else {
        expect(slopes[i] >= 0.1 && slopes[i] < 0.3).toBe(true);
        expect(y[i]).toBe(slopes[i] * v);
        sum += slopes[i];
        n++;
      }
    });
    // The mean of n draws from U(0.1, 0.3) has standard deviation 0.2/√(12 n).
    expect(Math.abs(sum / n - 0.2)).toBeLessThan(5 * (0.2 / Math.sqrt(12 * n)));
    expect(new Set(slopes).size).toBeGreaterThan(1000);
  });

  it('is reproducible from the rng and needs one in training', () => {
    const x = Float64Array.of(-1, -2, -3);
    expect(rrelu(x, createRng(5)).y).toEqual(rrelu(x, createRng(5)).y);
    expect(rrelu(x, createRng(5)).y).not.toEqual(rrelu(x, createRng(6)).y);
    const act = activation({ name: 'rrelu' });
    expect(() => act.forwardInto(x, new Float64Array(3), null, 3, { training: true })).toThrow(/needs mode.rng/);
  });

  it('derivatives match central differences: eval slope, and in training the drawn slope (same rng → same draw)', () => {
    fc.assert(
      fc.property(awayFromZero(), fc.integer(), (x, seed) => {
        const evalAt = (v: number): number => rreluEval(Float64Array.of(v))[0];
        expectClose(activation({ name: 'rrelu' }).backward(Float64Array.of(x), Float64Array.of(1))[0], scalarDerivative(evalAt, x), 1e-6, 'eval');
        const trainAt = (v: number): number => rrelu(Float64Array.of(v), createRng(seed)).y[0];
        expectClose(rrelu(Float64Array.of(x), createRng(seed)).slopes[0], scalarDerivative(trainAt, x), 1e-6, 'train');
      }),
      { seed: 22 },
    );
  });

  it('rejects lower > upper and non-finite bounds', () => {
    expect(() => rreluEval(Float64Array.of(1), 0.5, 0.2)).toThrow(/lower <= upper/);
    expect(() => activation({ name: 'rrelu', params: { lower: NaN } })).toThrow(RangeError);
  });
});
