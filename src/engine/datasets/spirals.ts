// Interleaved spirals, one arm per class (the CS231n toy problem): linear models fail, a small MLP succeeds.
// Arm c, point j of n: radius r = (j + 1) / n, angle θ = 2πc/k + turns · 2π · r; x = r (cos θ, sin θ) + noise.
// Noise is Gaussian, standard deviation `noise` per coordinate (the points lie in the unit disc).

import type { Rng } from '../rng.ts';
import { assertFiniteNumber, assertInteger } from '../validate.ts';
import { type Dataset, balancedClass, checkGeneratorOptions } from './dataset.ts';

export interface SpiralsOptions {
  readonly count: number;
  readonly classes?: number;
  readonly noise?: number;
  /** Turns of each arm from the centre to radius 1; default 0.75. */
  readonly turns?: number;
  readonly rng: Rng;
}

export function spirals({ count, classes = 3, noise = 0.05, turns = 0.75, rng }: SpiralsOptions): Dataset {
  checkGeneratorOptions('spirals', count, noise);
  assertInteger(classes, 'spirals classes', 2, 64);
  assertFiniteNumber(turns, 'spirals turns');
  const x = new Float64Array(count * 2);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const { label, indexInClass } = balancedClass(i, classes);
    const perClass = Math.ceil((count - label) / classes);
    const r = (indexInClass + 1) / perClass;
    const theta = (2 * Math.PI * label) / classes + turns * 2 * Math.PI * r;
    x[2 * i] = r * Math.cos(theta) + rng.normal(0, noise);
    x[2 * i + 1] = r * Math.sin(theta) + rng.normal(0, noise);
    labels[i] = label;
  }
  return { x: { rows: count, cols: 2, data: x }, labels, classes };
}
