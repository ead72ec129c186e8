// A labelled classification dataset: one example per row of x, an integer class per example.

import { type Matrix, assertMatrix } from '../matrix.ts';
import { assertInteger, describeValue } from '../validate.ts';

export interface Dataset {
  readonly x: Matrix;
  readonly labels: Int32Array;
  readonly classes: number;
}

export function assertDataset(data: unknown, what: string): asserts data is Dataset {
  if (data === null || typeof data !== 'object') throw new TypeError(`${what} must be {x, labels, classes}, got ${describeValue(data)}`);
  const { x, labels, classes } = data as Dataset;
  assertMatrix(x, `${what}.x`);
  assertInteger(classes, `${what}.classes`, 1);
  if (!(labels instanceof Int32Array)) throw new TypeError(`${what}.labels must be an Int32Array, got ${describeValue(labels)}`);
  if (labels.length !== x.rows) throw new RangeError(`${what}.labels must have ${x.rows} entries (one per row of x), got ${labels.length}`);
  for (let i = 0; i < labels.length; i++) assertInteger(labels[i], `${what}.labels[${i}]`, 0, classes - 1);
}

/** The examples at `indices`, in that order (copied). */
export function selectExamples(data: Dataset, indices: ArrayLike<number>): Dataset {
  const cols = data.x.cols;
  const x = new Float64Array(indices.length * cols);
  const labels = new Int32Array(indices.length);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r];
    assertInteger(i, 'example index', 0, data.x.rows - 1);
    x.set(data.x.data.subarray(i * cols, (i + 1) * cols), r * cols);
    labels[r] = data.labels[i];
  }
  return { x: { rows: indices.length, cols, data: x }, labels, classes: data.classes };
}


/** Checks the options every generator shares: a positive integer count and a non-negative noise level. */
export function checkGeneratorOptions(name: string, count: unknown, noise: unknown): void {
  assertInteger(count, `${name} count`, 1);
  if (typeof noise !== 'number' || !(noise >= 0 && noise < Infinity)) {
    throw new RangeError(`${name} noise must be in [0, ∞), got ${String(noise)}`);
  }
}

/** Balanced labels: example i belongs to class i mod k; returns its class and its index within the class. */
export function balancedClass(i: number, classes: number): { label: number; indexInClass: number } {
  return { label: i % classes, indexInClass: Math.floor(i / classes) };
}
