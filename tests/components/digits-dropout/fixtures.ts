// Synthetic 28×28 "digits" for fast tests: class c lights a 4-pixel-wide vertical bar at column 2 + 2c (with some
// noise), on a background of exact zeros like MNIST's. Learnable in a few steps.
import type { Dataset } from '../../../src/engine/index.ts';
import { createRng } from '../../../src/engine/index.ts';
import type { DigitsAsset, DigitsPart } from '../../../src/digits/format.ts';

export function barPart(count: number, seed: string): DigitsPart {
  const rng = createRng(seed);
  const pixels = new Uint8Array(count * 784), labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const c = i % 10;
    labels[i] = c;
    for (let row = 4; row < 24; row++) for (let col = 2 + 2 * c; col < 6 + 2 * c; col++) if (rng.uniform() < 0.7) pixels[i * 784 + row * 28 + col] = 100 + rng.integer(156);
  }
  return { count, pixels, labels, sources: Uint16Array.from({ length: count }, (_, i) => i) };
}

export function barAsset(trainCount = 200, testCount = 100): DigitsAsset {
  return { width: 28, height: 28, classes: 10, splitSeed: 1, train: barPart(trainCount, 'train'), test: barPart(testCount, 'test') };
}

export function toDatasets(asset: DigitsAsset, digitsDataset: (part: DigitsPart, classes: number) => Dataset): { train: Dataset; test: Dataset } {
  return { train: digitsDataset(asset.train, 10), test: digitsDataset(asset.test, 10) };
}
