import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFloat, stringifyFloatJson } from '../../src/engine/index.ts';

describe('float JSON', () => {
  it('round-trips every finite double exactly, −0 included', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        expect(Object.is(JSON.parse(formatFloat(v)), v)).toBe(true);
      }),
      { seed: 30, numRuns: 2000 },
    );
    expect(formatFloat(-0)).toBe('-0.0');
    expect(formatFloat(2)).toBe('2.0');
    expect(formatFloat(1e21)).toBe('1e+21');
    expect(formatFloat(5e-324)).toBe('5e-324');
  });

  it('writes nested objects and arrays as one valid JSON document', () => {
    const value = { results: [{ y: [0, -0, 1.5], scale: 2, final: [{ W: [[1]], b: [0.1] }] }] };
    const text = stringifyFloatJson(value);
    expect(text).toBe('{"results":[{"y":[0.0,-0.0,1.5],"scale":2.0,"final":[{"W":[[1.0]],"b":[0.1]}]}]}');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('refuses NaN and infinities instead of writing null', () => {
    expect(() => stringifyFloatJson({ a: [1, NaN] })).toThrow(/\$\.a\[1\] is NaN/);
    expect(() => formatFloat(Infinity)).toThrow(RangeError);
  });
});
