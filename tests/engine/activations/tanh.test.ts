import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activation, tanh, tanhDerivative } from '../../../src/engine/index.ts';
import { finiteDouble } from '../helpers/arbitraries.ts';
import { atPoint, expectClose, scalarDerivative } from '../helpers/numeric.ts';

describe('tanh', () => {
  it('is odd, bounded by 1, derivative 1 − tanh², 1 at 0 and vanishing at ±30', () => {
    expect(Array.from(tanhDerivative(Float64Array.of(0, -0)))).toEqual([1, 1]);
    expect(tanhDerivative(Float64Array.of(30))[0]).toBeLessThan(1e-20);
    fc.assert(
      fc.property(finiteDouble(), (x) => {
        const [y, yNeg] = tanh(Float64Array.of(x, -x));
        expect(y).toBe(-yNeg);
        expect(Math.abs(y)).toBeLessThanOrEqual(1);
      }),
      { seed: 15 },
    );
  });

  it('derivative matches central differences', () => {
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }), (x) => {
        expectClose(tanhDerivative(Float64Array.of(x))[0], scalarDerivative(atPoint(tanh), x), 1e-6);
      }),
      { seed: 16 },
    );
    expect(activation({ name: 'tanh' }).backward(Float64Array.of(0.5), Float64Array.of(2))[0]).toBeCloseTo(2 * (1 - Math.tanh(0.5) ** 2), 15);
  });
});
