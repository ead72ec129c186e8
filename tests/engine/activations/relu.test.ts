import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activation, relu, reluDerivative } from '../../../src/engine/index.ts';
import { SPECIAL_POINTS, awayFromZero, finiteDouble, vectorOf } from '../helpers/arbitraries.ts';
import { atPoint, scalarDerivative } from '../helpers/numeric.ts';

describe('relu', () => {
  it('is non-negative and idempotent: relu(relu(x)) = relu(x)', () => {
    fc.assert(
      fc.property(vectorOf(finiteDouble()), (x) => {
        const y = relu(x);
        expect(y.every((v) => v >= 0)).toBe(true);
        expect(relu(y)).toEqual(y);
      }),
      { seed: 10 },
    );
  });

  it('max(0, x) with derivative 1 for x > 0 and 0 for x ≤ 0, including 0 and −0 (PyTorch)', () => {
    expect(Array.from(relu(SPECIAL_POINTS))).toEqual([0, 0, 1e-7, 0, 30, 0, 1, 0]);
    expect(Array.from(reluDerivative(SPECIAL_POINTS))).toEqual([0, 0, 1, 0, 1, 0, 1, 0]);
  });

  it('derivative matches central differences away from the kink', () => {
    fc.assert(
      fc.property(awayFromZero(), (x) => {
        expect(reluDerivative(Float64Array.of(x))[0]).toBeCloseTo(scalarDerivative(atPoint(relu), x), 6);
      }),
      { seed: 11 },
    );
  });

  it('the registry object agrees with the vector functions, batch kernel included', () => {
    const act = activation({ name: 'relu' });
    const x = Float64Array.of(-2, -0, 0, 0.5, 3, -1);
    const y = new Float64Array(6), d = new Float64Array(6);
    act.forwardInto(x, y, d, 3, { training: true });
    expect(y).toEqual(relu(x));
    expect(d).toEqual(reluDerivative(x));
    expect(Array.from(act.backward(x, Float64Array.of(1, 2, 3, 4, 5, 6)))).toEqual([0, 0, 0, 4, 5, 0]);
  });

  it('rejects NaN and non-Float64Array input', () => {
    expect(() => relu(Float64Array.of(1, NaN))).toThrow(/relu x\[1\] must be a finite number/);
    expect(() => relu([1, 2] as unknown as Float64Array)).toThrow(TypeError);
    expect(() => activation({ name: 'relu', params: { slope: 1 } })).toThrow(/unknown key "slope"/);
  });
});
