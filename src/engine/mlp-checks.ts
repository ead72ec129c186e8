// Validation of what callers hand to the MLP: explicit initial weights and the forward mode (masks, rng).

import { type Matrix, assertMatrix, matrixFromRows } from './matrix.ts';
import type { ForwardMode, LayerWeights } from './mlp-types.ts';
import { assertAllFinite, assertBinaryMask, describeValue } from './validate.ts';

/** Copies and checks explicit weights against the layer sizes: W is in × out (a Matrix or `in` rows of `out`
 * numbers), b has `out` numbers, everything finite. */
export function checkInitWeights(weights: readonly LayerWeights[], sizes: readonly number[]): { W: Matrix; b: Float64Array }[] {
  const L = sizes.length - 1;
  if (!Array.isArray(weights) || weights.length !== L) {
    throw new RangeError(`mlp weights must have ${L} entries (one {W, b} per dense layer), got ${describeValue(weights)}`);
  }
  return weights.map((layer, l) => {
    const what = `mlp weights[${l}]`;
    if (layer === null || typeof layer !== 'object') throw new TypeError(`${what} must be {W, b}, got ${describeValue(layer)}`);
    let W: Matrix;
    if (Array.isArray(layer.W)) W = matrixFromRows(layer.W, `${what}.W`);
    else {
      assertMatrix(layer.W, `${what}.W`);
      W = { rows: layer.W.rows, cols: layer.W.cols, data: layer.W.data.slice() };
    }
    if (W.rows !== sizes[l] || W.cols !== sizes[l + 1]) {
      throw new RangeError(`${what}.W must be ${sizes[l]} × ${sizes[l + 1]} (in × out), got ${W.rows} × ${W.cols}`);
    }
    const given = layer.b;
    if (given === null || typeof given !== 'object' || typeof given.length !== 'number') {
      throw new TypeError(`${what}.b must be an array of ${sizes[l + 1]} numbers, got ${describeValue(given)}`);
    }
    if (given.length !== sizes[l + 1]) throw new RangeError(`${what}.b must have ${sizes[l + 1]} numbers, got ${given.length}`);
    assertAllFinite(given, `${what}.b`);
    return { W, b: Float64Array.from(given) };
  });
}

export function checkForwardMode(mode: ForwardMode, batchSize: number, sizes: readonly number[]): void {
  if (mode === null || typeof mode !== 'object' || typeof mode.training !== 'boolean') {
    throw new TypeError(`mlp mode must be {training: boolean, rng?, masks?, inputMask?}, got ${describeValue(mode)}`);
  }
  if (!mode.training) return;
  if (mode.inputMask !== undefined && mode.inputMask !== null) assertBinaryMask(mode.inputMask, 'mlp inputMask', batchSize * sizes[0]);
  if (mode.masks === undefined) return;
  const hiddenCount = sizes.length - 2;
  if (!Array.isArray(mode.masks) || mode.masks.length !== hiddenCount) {
    throw new RangeError(`mlp masks must have ${hiddenCount} entries (one per hidden layer), got ${describeValue(mode.masks)}`);
  }
  mode.masks.forEach((mask, h) => {
    if (mask !== null && mask !== undefined) assertBinaryMask(mask, `mlp masks[${h}]`, batchSize * sizes[h + 1]);
  });
}
