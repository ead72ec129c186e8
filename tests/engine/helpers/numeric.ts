// Test helpers: tolerance comparisons and central finite differences in float64.
import { expect } from 'vitest';

/** |actual − expected| ≤ tolerance · max(1, |expected|), element by element, with the index in the message. */
export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number, what = 'value'): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const bound = tolerance * Math.max(1, Math.abs(expected[i]));
    if (!(Math.abs(actual[i] - expected[i]) <= bound)) {
      expect.fail(`${what}[${i}]: got ${actual[i]}, expected ${expected[i]} (tolerance ${bound})`);
    }
  }
}

export function expectClose(actual: number, expected: number, tolerance: number, what = 'value'): void {
  expectAllClose([actual], [expected], tolerance, what);
}

/** Central difference (f(θ + h) − f(θ − h)) / 2h of a scalar function of one entry of `values`, which is restored. */
export function centralDifference(f: () => number, values: Float64Array, i: number, h = 1e-6): number {
  const saved = values[i];
  values[i] = saved + h;
  const plus = f();
  values[i] = saved - h;
  const minus = f();
  values[i] = saved;
  return (plus - minus) / (2 * h);
}


/** Central difference of a scalar function at x. */
export function scalarDerivative(f: (x: number) => number, x: number, h = 1e-6): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** Applies a vector function to one number (to finite-difference the engine's own vector functions). */
export function atPoint(f: (x: Float64Array) => Float64Array): (x: number) => number {
  return (x) => f(Float64Array.of(x))[0];
}
