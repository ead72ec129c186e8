import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activation, leakyRelu, leakyReluDerivative } from '../../../src/engine/index.ts';
import { SPECIAL_POINTS, awayFromZero } from '../helpers/arbitraries.ts';
import { atPoint, scalarDerivative } from '../helpers/numeric.ts';

describe('leaky_relu', () => {
  it('defaults to PyTorch negative_slope 0.01; slope s for x ≤ 0 including 0 and −0', () => {
    expect(Array.from(leakyRelu(Float64Array.of(-2, 3)))).toEqual([-0.02, 3]);
    expect(Array.from(leakyReluDerivative(SPECIAL_POINTS, 0.2))).toEqual([0.2, 0.2, 1, 0.2, 1, 0.2, 1, 0.2]);
    expect(activation({ name: 'leaky_relu' }).params).toEqual({ negative_slope: 0.01 });
  });

  it('derivative matches central differences away from the kink, for any slope', () => {
    fc.assert(
      fc.property(awayFromZero(), fc.double({ min: -1, max: 1, noNaN: true }), (x, s) => {
        const numeric = scalarDerivative(atPoint((v) => leakyRelu(v, s)), x);
        expect(Math.abs(leakyReluDerivative(Float64Array.of(x), s)[0] - numeric)).toBeLessThan(1e-6);
      }),
      { seed: 12 },
    );
  });

  it('registry kernel uses the given slope; bad slopes are rejected', () => {
    const act = activation({ name: 'leaky_relu', params: { negative_slope: 0.2 } });
    expect(Array.from(act.forward(Float64Array.of(-1, 0, 2)))).toEqual([-0.2, 0, 2]);
    expect(() => leakyRelu(Float64Array.of(1), NaN)).toThrow(/negative_slope must be a finite number/);
    expect(() => activation({ name: 'leaky_relu', params: { negativeSlope: 0.2 } })).toThrow(/valid: negative_slope/);
  });
});
