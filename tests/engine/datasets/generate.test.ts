import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, createRng, generateDataset, spirals } from '../../../src/engine/index.ts';

describe('generateDataset', () => {
  it('dispatches by name with the same stream as the direct call', () => {
    expect(generateDataset({ name: 'spirals', count: 30, noise: 0.1, classes: 4 }, createRng(1))).toEqual(
      spirals({ count: 30, noise: 0.1, classes: 4, rng: createRng(1) }),
    );
    for (const name of DATASET_NAMES) expect(generateDataset({ name, count: 12 }, createRng(name)).x.rows).toBe(12);
  });

  it('rejects unknown names', () => {
    expect(() => generateDataset({ name: 'moons' as 'xor', count: 10 }, createRng(1))).toThrow(/spirals, circles, xor, blobs/);
  });
});
