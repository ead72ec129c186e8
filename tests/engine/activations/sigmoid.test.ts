import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activation, sigmoid, sigmoidDerivative } from '../../../src/engine/index.ts';
import { atPoint, expectClose, scalarDerivative } from '../helpers/numeric.ts';

describe('sigmoid', () => {
  it('σ(0) = 1/2, σ(−x) = 1 − σ(x), no overflow at ±800, derivative at most 1/4', () => {
    expect(sigmoid(Float64Array.of(0))[0]).toBe(0.5);
    expect(Array.from(sigmoid(Float64Array.of(-800, 800)))).toEqual([0, 1]);
    expect(sigmoidDerivative(Float64Array.of(0))[0]).toBe(0.25);
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        const [a, b] = sigmoid(Float64Array.of(x, -x));
        expect(Math.abs(a + b - 1)).toBeLessThan(1e-15);
        expect(sigmoidDerivative(Float64Array.of(x))[0]).toBeLessThanOrEqual(0.25);
      }),
      { seed: 17 },
    );
  });

  it('derivative matches central differences', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (x) => {
        expectClose(sigmoidDerivative(Float64Array.of(x))[0], scalarDerivative(atPoint(sigmoid), x), 1e-6);
      }),
      { seed: 18 },
    );
    expect(activation({ name: 'sigmoid' }).forward(Float64Array.of(2))[0]).toBe(sigmoid(Float64Array.of(2))[0]);
  });
});
