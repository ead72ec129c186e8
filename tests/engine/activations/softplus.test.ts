import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activation, sigmoid, softplus, softplusDerivative } from '../../../src/engine/index.ts';
import { atPoint, expectClose, scalarDerivative } from '../helpers/numeric.ts';

describe('softplus', () => {
  it('log(1 + eˣ) with derivative σ(x); above the threshold 20 exactly x and 1 (PyTorch)', () => {
    expect(softplus(Float64Array.of(0))[0]).toBe(Math.log(2));
    expect(Array.from(softplus(Float64Array.of(20.5, 30)))).toEqual([20.5, 30]);
    expect(Array.from(softplusDerivative(Float64Array.of(20.5, 30)))).toEqual([1, 1]);
    expect(softplusDerivative(Float64Array.of(20))[0]).toBe(sigmoid(Float64Array.of(20))[0]); // 20 itself is below
    expectClose(softplus(Float64Array.of(-30))[0] / Math.exp(-30), 1, 1e-12); // log1p keeps the tiny tail accurate
  });

  it('is a smooth rectifier: above relu, within log 2 of it', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (x) => {
        const y = softplus(Float64Array.of(x))[0];
        expect(y).toBeGreaterThanOrEqual(Math.max(0, x));
        expect(y - Math.max(0, x)).toBeLessThanOrEqual(Math.log(2) + 1e-15);
      }),
      { seed: 19 },
    );
  });

  it('derivative matches central differences (beta 1 and 2)', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), fc.constantFrom(1, 2), (x, beta) => {
        expectClose(softplusDerivative(Float64Array.of(x), beta)[0], scalarDerivative(atPoint((v) => softplus(v, beta)), x), 1e-6);
      }),
      { seed: 20 },
    );
    expect(() => activation({ name: 'softplus', params: { beta: 0 } })).toThrow(/beta must be in \(0, ∞\)/);
  });
});
