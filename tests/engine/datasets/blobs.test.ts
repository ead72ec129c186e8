import { describe, expect, it } from 'vitest';
import { blobs, createRng } from '../../../src/engine/index.ts';

describe('blobs', () => {
  it('clusters around centres evenly spaced on a circle, with standard deviation `noise`', () => {
    const data = blobs({ count: 3000, classes: 3, noise: 0.1, radius: 2, rng: createRng(1) });
    for (let c = 0; c < 3; c++) {
      const rows = [...data.labels.keys()].filter((i) => data.labels[i] === c);
      const mean = [0, 1].map((d) => rows.reduce((s, i) => s + data.x.data[2 * i + d], 0) / rows.length);
      const angle = (2 * Math.PI * c) / 3;
      expect(Math.abs(mean[0] - 2 * Math.cos(angle))).toBeLessThan(5 * (0.1 / Math.sqrt(rows.length)));
      expect(Math.abs(mean[1] - 2 * Math.sin(angle))).toBeLessThan(5 * (0.1 / Math.sqrt(rows.length)));
      const sd = Math.sqrt(rows.reduce((s, i) => s + (data.x.data[2 * i] - mean[0]) ** 2, 0) / rows.length);
      expect(Math.abs(sd - 0.1)).toBeLessThan(0.01);
    }
  });
});
