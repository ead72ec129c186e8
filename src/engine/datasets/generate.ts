// generateDataset({ name, ... }, rng): one entry point for widgets that let the user pick the dataset.

import type { Rng } from '../rng.ts';
import { describeValue } from '../validate.ts';
import { blobs } from './blobs.ts';
import { circles } from './circles.ts';
import type { Dataset } from './dataset.ts';
import { spirals } from './spirals.ts';
import { xor } from './xor.ts';

export type DatasetName = 'spirals' | 'circles' | 'xor' | 'blobs';
export const DATASET_NAMES: readonly DatasetName[] = ['spirals', 'circles', 'xor', 'blobs'];

export interface DatasetSpec {
  readonly name: DatasetName;
  readonly count: number;
  readonly noise?: number;
  /** spirals and blobs only (circles and xor have 2). */
  readonly classes?: number;
}

export function generateDataset(spec: DatasetSpec, rng: Rng): Dataset {
  if (spec === null || typeof spec !== 'object') throw new TypeError(`dataset spec must be {name, count, noise?, classes?}, got ${describeValue(spec)}`);
  const { name, count, noise, classes } = spec;
  switch (name) {
    case 'spirals':
      return spirals({ count, noise, classes, rng });
    case 'blobs':
      return blobs({ count, noise, classes, rng });
    case 'circles':
      return circles({ count, noise, rng });
    case 'xor':
      return xor({ count, noise, rng });
    default:
      throw new TypeError(`dataset name must be one of ${DATASET_NAMES.join(', ')}, got ${describeValue(name)}`);
  }
}
