import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activation, prelu, preluDerivative, preluSlopeDerivative } from '../../../src/engine/index.ts';
import { awayFromZero } from '../helpers/arbitraries.ts';
import { atPoint, expectClose, scalarDerivative } from '../helpers/numeric.ts';

describe('prelu', () => {
  it('starts at a = 0.25 with one slope shared by the layer; derivative a at 0 and −0', () => {
    const act = activation({ name: 'prelu' });
    expect(act.parameters).toHaveLength(1);
    expect(Array.from(act.parameters[0].value)).toEqual([0.25]);
    expect(Array.from(preluDerivative(Float64Array.of(0, -0, 1e-7, -1e-7)))).toEqual([0.25, 0.25, 1, 0.25]);
    expect(Array.from(preluSlopeDerivative(Float64Array.of(-2, 0, 3)))).toEqual([-2, 0, 0]);
  });

  it('∂f/∂x and ∂f/∂a match central differences (a may be negative)', () => {
    fc.assert(
      fc.property(awayFromZero(), fc.double({ min: -1, max: 1, noNaN: true }), (x, a) => {
        expectClose(preluDerivative(Float64Array.of(x), a)[0], scalarDerivative(atPoint((v) => prelu(v, a)), x), 1e-6, 'df/dx');
        const fOfA = (slope: number): number => prelu(Float64Array.of(x), slope)[0];
        expectClose(preluSlopeDerivative(Float64Array.of(x))[0], scalarDerivative(fOfA, a), 1e-6, 'df/da');
      }),
      { seed: 13 },
    );
  });

  it('backward returns upstream ⊙ f′ and accumulates dL/da = Σ upstream · min(x, 0)', () => {
    const act = activation({ name: 'prelu', params: { a: -0.5 } });
    const x = Float64Array.of(-2, 1, -0, 3, -4);
    const up = Float64Array.of(1, 2, 3, 4, 0.5);
    expect(Array.from(act.backward(x, up))).toEqual([-0.5, 2, -1.5, 4, -0.25]);
    expect(act.parameters[0].grad[0]).toBe(-2 + 0 + 0 + 0 + -2);
    act.backward(x, up);
    expect(act.parameters[0].grad[0]).toBe(-8); // accumulates until the owner zeroes it
  });

  it('per-unit slopes: one per column of a batch, each gradient summed over its column', () => {
    const act = activation({ name: 'prelu', params: { per_unit: true } }, { units: 2 });
    act.parameters[0].value.set([0.1, 0.3]);
    const z = Float64Array.of(-1, -1, 2, -2); // 2 rows × 2 units
    const y = new Float64Array(4), d = new Float64Array(4);
    act.forwardInto(z, y, d, 2, { training: true });
    expect(Array.from(y)).toEqual([-0.1, -0.3, 2, -0.6]);
    expect(Array.from(d)).toEqual([0.1, 0.3, 1, 0.3]);
    act.accumulateParameterGradient(z, Float64Array.of(1, 1, 1, 1), 2);
    expect(Array.from(act.parameters[0].grad)).toEqual([-1, -3]);
    expect(() => activation({ name: 'prelu', params: { per_unit: true } })).toThrow(/units/);
    expect(() => act.forwardInto(z, y, d, 4, { training: false })).toThrow(/2 units, got 4/);
  });
});
