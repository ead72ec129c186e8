import { describe, expect, it } from 'vitest';
import { circles, createRng } from '../../../src/engine/index.ts';

describe('circles', () => {
  it('class 0 on radius 1, class 1 on radius factor; balanced', () => {
    const data = circles({ count: 101, noise: 0, factor: 0.3, rng: createRng(1) });
    expect(data.classes).toBe(2);
    expect(data.labels.filter((l) => l === 0).length).toBe(51);
    for (let i = 0; i < data.x.rows; i++) {
      const r = Math.hypot(data.x.data[2 * i], data.x.data[2 * i + 1]);
      expect(r).toBeCloseTo(data.labels[i] === 0 ? 1 : 0.3, 12);
    }
  });

  it('is reproducible and validates factor', () => {
    expect(circles({ count: 20, rng: createRng(5) })).toEqual(circles({ count: 20, rng: createRng(5) }));
    expect(() => circles({ count: 20, factor: 1, rng: createRng(5) })).toThrow(/factor must be in/);
  });
});
