import { describe, expect, it } from 'vitest';
import { createRng, xor } from '../../../src/engine/index.ts';

describe('xor', () => {
  it('without noise: points in [−1, 1]², class 0 exactly where x₁·x₂ > 0', () => {
    const data = xor({ count: 400, noise: 0, rng: createRng(1) });
    for (let i = 0; i < 400; i++) {
      const [a, b] = [data.x.data[2 * i], data.x.data[2 * i + 1]];
      expect(Math.abs(a) <= 1 && Math.abs(b) <= 1).toBe(true);
      expect(data.labels[i]).toBe(a * b > 0 ? 0 : 1);
    }
    const zeros = data.labels.filter((l) => l === 0).length;
    expect(zeros).toBeGreaterThan(150);
    expect(zeros).toBeLessThan(250);
  });

  it('noise is added after labelling, so some points land in the other quadrant', () => {
    const data = xor({ count: 2000, noise: 0.3, rng: createRng(2) });
    let flipped = 0;
    for (let i = 0; i < 2000; i++) if ((data.x.data[2 * i] * data.x.data[2 * i + 1] > 0 ? 0 : 1) !== data.labels[i]) flipped++;
    expect(flipped).toBeGreaterThan(0);
  });
});
