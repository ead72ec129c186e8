import { describe, expect, it } from 'vitest';
import { digitsDataset } from '../../src/digits/dataset.ts';
import { tinyPart } from './helpers.ts';

describe('digitsDataset', () => {
  const part = tinyPart(6, 4, 3, 3);

  it('turns grey levels k into k / 255 and keeps the labels, for the whole part or a prefix', () => {
    const all = digitsDataset(part, 3);
    expect(all.x.rows).toBe(6);
    expect(all.x.cols).toBe(12);
    expect(Array.from(all.x.data)).toEqual(Array.from(part.pixels, (k) => k / 255));
    expect(Array.from(all.labels)).toEqual(Array.from(part.labels));
    const first = digitsDataset(part, 3, 2);
    expect(first.x.data).toEqual(all.x.data.subarray(0, 24));
    expect(first.classes).toBe(3);
  });

  it('rejects a count outside the part', () => {
    expect(() => digitsDataset(part, 3, 7)).toThrow(/\[1, 6\]/);
    expect(() => digitsDataset(part, 3, 0)).toThrow(RangeError);
  });
});
