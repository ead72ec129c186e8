// assertAllFinite checks a Float64Array with a branch-free sum first; a non-finite entry anywhere (in the unrolled
// part or the tail) must still be found and named.
import { describe, expect, it } from 'vitest';
import { assertAllFinite } from '../../src/engine/validate.ts';

describe('assertAllFinite', () => {
  it('accepts finite values, −0 and huge ones', () => {
    expect(() => assertAllFinite(Float64Array.of(0, -0, 1e308, -1e308, 5e-324, 3), 'x')).not.toThrow();
    expect(() => assertAllFinite(new Float64Array(0), 'x')).not.toThrow();
  });

  it('names the first non-finite entry, wherever it is', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      for (const at of [0, 3, 4, 9, 10]) {
        const values = new Float64Array(11).fill(1.5);
        values[at] = bad;
        expect(() => assertAllFinite(values, 'x')).toThrow(new RangeError(`x[${at}] must be a finite number, got ${bad}`));
      }
    }
    expect(() => assertAllFinite([1, Infinity], 'y')).toThrow(/y\[1\]/);
  });
});
