import { describe, expect, it } from 'vitest';
import { createRng, spirals } from '../../../src/engine/index.ts';

describe('spirals', () => {
  it('k balanced classes of 2-D points; without noise every point lies on its arm, radius in (0, 1]', () => {
    const data = spirals({ count: 300, classes: 3, noise: 0, rng: createRng(1) });
    expect([data.x.rows, data.x.cols, data.classes]).toEqual([300, 2, 3]);
    expect([0, 1, 2].map((c) => data.labels.filter((l) => l === c).length)).toEqual([100, 100, 100]);
    for (let i = 0; i < 300; i++) {
      const [a, b] = [data.x.data[2 * i], data.x.data[2 * i + 1]];
      const r = Math.hypot(a, b);
      expect(r > 0 && r <= 1 + 1e-12).toBe(true);
      // θ = 2πc/k + turns·2π·r (turns 0.75), modulo 2π
      const expected = (2 * Math.PI * data.labels[i]) / 3 + 0.75 * 2 * Math.PI * r;
      const diff = Math.atan2(b, a) - expected;
      expect(Math.abs(Math.atan2(Math.sin(diff), Math.cos(diff)))).toBeLessThan(1e-9);
    }
  });

  it('is reproducible from the rng; noise moves the points', () => {
    const a = spirals({ count: 50, noise: 0.1, rng: createRng(2) });
    expect(spirals({ count: 50, noise: 0.1, rng: createRng(2) })).toEqual(a);
    expect(spirals({ count: 50, noise: 0.1, rng: createRng(3) }).x.data).not.toEqual(a.x.data);
    expect(spirals({ count: 50, noise: 0, rng: createRng(2) }).x.data).not.toEqual(a.x.data);
  });

  it('rejects bad counts, class numbers and noise', () => {
    expect(() => spirals({ count: 0, rng: createRng(1) })).toThrow(/count must be an integer in \[1/);
    expect(() => spirals({ count: 10, classes: 1, rng: createRng(1) })).toThrow(/classes must be an integer in \[2, 64\]/);
    expect(() => spirals({ count: 10, noise: -1, rng: createRng(1) })).toThrow(/noise must be in \[0, ∞\)/);
    expect(() => spirals({ count: 10, noise: NaN, rng: createRng(1) })).toThrow(RangeError);
  });
});
