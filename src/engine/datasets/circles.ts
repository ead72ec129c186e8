// Two concentric circles (as scikit-learn's make_circles): class 0 on the outer circle of radius 1, class 1 on
// the inner circle of radius `factor`. Angles are uniform; Gaussian noise of standard deviation `noise` is added
// to each coordinate.

import type { Rng } from '../rng.ts';
import { assertInHalfOpenRange } from '../validate.ts';
import { type Dataset, balancedClass, checkGeneratorOptions } from './dataset.ts';

export interface CirclesOptions {
  readonly count: number;
  readonly noise?: number;
  /** Inner radius relative to the outer one, in (0, 1); default 0.5. */
  readonly factor?: number;
  readonly rng: Rng;
}

export function circles({ count, noise = 0.05, factor = 0.5, rng }: CirclesOptions): Dataset {
  checkGeneratorOptions('circles', count, noise);
  assertInHalfOpenRange(factor, 'circles factor', Number.MIN_VALUE, 1);
  const x = new Float64Array(count * 2);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const { label } = balancedClass(i, 2);
    const radius = label === 0 ? 1 : factor;
    const theta = rng.uniform(0, 2 * Math.PI);
    x[2 * i] = radius * Math.cos(theta) + rng.normal(0, noise);
    x[2 * i + 1] = radius * Math.sin(theta) + rng.normal(0, noise);
    labels[i] = label;
  }
  return { x: { rows: count, cols: 2, data: x }, labels, classes: 2 };
}
