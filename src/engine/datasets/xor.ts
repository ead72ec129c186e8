// XOR: points uniform in the square [−1, 1]²; class 0 where x₁·x₂ > 0 (first and third quadrants), class 1
// elsewhere. The label is decided on the clean point, then Gaussian noise of standard deviation `noise` is added
// to each coordinate, so noise blurs the boundary along the axes.

import type { Rng } from '../rng.ts';
import { type Dataset, checkGeneratorOptions } from './dataset.ts';

export interface XorOptions {
  readonly count: number;
  readonly noise?: number;
  readonly rng: Rng;
}

export function xor({ count, noise = 0.05, rng }: XorOptions): Dataset {
  checkGeneratorOptions('xor', count, noise);
  const x = new Float64Array(count * 2);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const a = rng.uniform(-1, 1);
    const b = rng.uniform(-1, 1);
    labels[i] = a * b > 0 ? 0 : 1;
    x[2 * i] = a + rng.normal(0, noise);
    x[2 * i + 1] = b + rng.normal(0, noise);
  }
  return { x: { rows: count, cols: 2, data: x }, labels, classes: 2 };
}
