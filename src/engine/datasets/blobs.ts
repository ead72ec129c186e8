// Gaussian blobs: k isotropic clusters whose centres sit evenly on a circle of radius `radius` (default 0.7),
// centre c at angle 2πc/k. Here `noise` is the clusters' standard deviation per coordinate.

import type { Rng } from '../rng.ts';
import { assertFiniteNumber, assertInteger } from '../validate.ts';
import { type Dataset, balancedClass, checkGeneratorOptions } from './dataset.ts';

export interface BlobsOptions {
  readonly count: number;
  readonly classes?: number;
  readonly noise?: number;
  readonly radius?: number;
  readonly rng: Rng;
}

export function blobs({ count, classes = 3, noise = 0.2, radius = 0.7, rng }: BlobsOptions): Dataset {
  checkGeneratorOptions('blobs', count, noise);
  assertInteger(classes, 'blobs classes', 2, 64);
  assertFiniteNumber(radius, 'blobs radius');
  const x = new Float64Array(count * 2);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const { label } = balancedClass(i, classes);
    const angle = (2 * Math.PI * label) / classes;
    x[2 * i] = radius * Math.cos(angle) + rng.normal(0, noise);
    x[2 * i + 1] = radius * Math.sin(angle) + rng.normal(0, noise);
    labels[i] = label;
  }
  return { x: { rows: count, cols: 2, data: x }, labels, classes };
}
