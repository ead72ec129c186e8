import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activation, elu, eluAlphaDerivative, eluDerivative } from '../../../src/engine/index.ts';
import { awayFromZero } from '../helpers/arbitraries.ts';
import { atPoint, expectClose, scalarDerivative } from '../helpers/numeric.ts';

describe('elu', () => {
  it('x for x > 0, α(eˣ − 1) otherwise; derivative α at 0 and −0 (PyTorch; TF.js says 1)', () => {
    expect(Array.from(elu(Float64Array.of(2, 0, -0)))).toEqual([2, 0, -0]);
    expect(elu(Float64Array.of(-30), 0.5)[0]).toBeCloseTo(-0.5, 12); // saturates at −α
    expect(Array.from(eluDerivative(Float64Array.of(0, -0, 1e-7), 0.5))).toEqual([0.5, 0.5, 1]);
    expect(activation({ name: 'elu' }).params).toEqual({ alpha: 1 });
  });

  it('∂f/∂x and ∂f/∂α match central differences', () => {
    fc.assert(
      fc.property(awayFromZero(), fc.double({ min: 0.1, max: 3, noNaN: true }), (x, alpha) => {
        expectClose(eluDerivative(Float64Array.of(x), alpha)[0], scalarDerivative(atPoint((v) => elu(v, alpha)), x), 1e-6, 'df/dx');
        const fOfAlpha = (a: number): number => elu(Float64Array.of(x), a)[0];
        expectClose(eluAlphaDerivative(Float64Array.of(x))[0], scalarDerivative(fOfAlpha, alpha), 1e-6, 'df/dalpha');
      }),
      { seed: 14 },
    );
  });

  it('the registry kernel matches the vector functions', () => {
    const act = activation({ name: 'elu', params: { alpha: 0.5 } });
    const x = Float64Array.of(-3, -0.1, 0, 0.1, 2);
    const y = new Float64Array(5), d = new Float64Array(5);
    act.forwardInto(x, y, d, 5, { training: false });
    expect(y).toEqual(elu(x, 0.5));
    expect(d).toEqual(eluDerivative(x, 0.5));
    expect(() => elu(x, Infinity)).toThrow(/alpha must be a finite number/);
  });
});
