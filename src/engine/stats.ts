// Statistics the widgets show about a network, computed here so the pages only draw them:
// sparsity (exact zeros: Glorot et al. 2011 report about half at initialisation with rectifiers),
// mean activation and its histogram (Srivastava et al. 2014, Fig. 8), dead units, gradient norms, PReLU slopes.

import { type Matrix, assertMatrix } from './matrix.ts';
import { EVALUATION_MODE, type Mlp } from './mlp.ts';
import type { ForwardMode } from './mlp-types.ts';
import { assertAllFinite, assertFloat64Array, assertInteger, describeValue } from './validate.ts';

/** Fraction of entries that are exactly zero (+0 or −0), in [0, 1]; 0 for an empty array. */
export function fractionOfExactZeros(values: Float64Array): number {
  assertFloat64Array(values, 'values');
  let zeros = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === 0) zeros++;
  return values.length === 0 ? 0 : zeros / values.length;
}

/** Arithmetic mean of all entries; NaN for an empty array. */
export function meanActivation(values: Float64Array): number {
  assertFloat64Array(values, 'values');
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

export interface Histogram {
  /** bins + 1 edges from min to max; bin b covers [edges[b], edges[b+1]), the last bin includes max. */
  readonly edges: Float64Array;
  readonly counts: Int32Array;
  /** Values below min / above max (not in any bin). */
  readonly below: number;
  readonly above: number;
}

export interface HistogramOptions {
  readonly bins: number;
  readonly min: number;
  readonly max: number;
}

export function histogram(values: Float64Array, { bins, min, max }: HistogramOptions): Histogram {
  assertFloat64Array(values, 'values');
  assertAllFinite(values, 'values');
  assertInteger(bins, 'histogram bins', 1, 1 << 16);
  assertAllFinite([min, max], 'histogram [min, max]');
  if (!(min < max)) throw new RangeError(`histogram needs min < max, got [${min}, ${max}]`);
  const edges = Float64Array.from({ length: bins + 1 }, (_, b) => min + ((max - min) * b) / bins);
  const counts = new Int32Array(bins);
  let below = 0, above = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) below++;
    else if (v > max) above++;
    else counts[Math.min(bins - 1, Math.floor(((v - min) / (max - min)) * bins))]++;
  }
  return { edges, counts, below, above };
}

/** Units (columns) that are exactly zero for every example (row): dead ReLUs for this data. */
export function deadUnits(activations: Matrix): Int32Array {
  assertMatrix(activations, 'activations');
  return unitsNeverActive(activations, (v) => v !== 0);
}

/** Units (columns) whose pre-activation z is ≤ 0 for every example (row): each one sits on the x ≤ 0 side of its
 * activation for all of this data. For ReLU that is a dead unit (output 0, f'(z) = 0: no gradient reaches its
 * weights); Leaky ReLU, PReLU, RReLU and ELU have f'(z) > 0 there, so such a unit still learns. */
export function inactiveUnits(preActivations: Matrix): Int32Array {
  assertMatrix(preActivations, 'pre-activations');
  return unitsNeverActive(preActivations, (v) => v > 0);
}

function unitsNeverActive({ rows, cols, data }: Matrix, active: (v: number) => boolean): Int32Array {
  const never: number[] = [];
  for (let j = 0; j < cols; j++) {
    let alive = false;
    for (let i = 0; i < rows && !alive; i++) alive = active(data[i * cols + j]);
    if (!alive) never.push(j);
  }
  return Int32Array.from(never);
}

/** Euclidean norm √(Σ g²). */
export function gradientNorm(grad: Float64Array): number {
  assertFloat64Array(grad, 'gradient');
  let sum = 0;
  for (let i = 0; i < grad.length; i++) sum += grad[i] * grad[i];
  return Math.sqrt(sum);
}

/** Per dense layer, the norm of its whole gradient √(‖dW‖² + ‖db‖²), from the last computeGradients call. */
export function layerGradientNorms(net: Mlp): Float64Array {
  return Float64Array.from(net.layers, ({ dW, db }) => Math.hypot(gradientNorm(dW.data), gradientNorm(db)));
}

/** Per hidden layer, a copy of its learned PReLU slopes (one, or one per unit); empty for other activations. */
export function preluSlopes(net: Mlp): Float64Array[] {
  return net.hiddenLayers.map(({ activation }) => (activation.parameters[0]?.value ?? new Float64Array(0)).slice());
}

export interface HiddenLayerStatistics {
  readonly fractionOfExactZeros: number;
  readonly meanActivation: number;
  readonly histogram: Histogram;
  readonly deadUnits: Int32Array;
  readonly preluSlopes: Float64Array;
}

/** Runs x through the net (evaluation mode unless `mode` says otherwise; in training mode dropout zeros count
 * too) and summarises every hidden layer's output. */
export function hiddenLayerStatistics(net: Mlp, x: Matrix, histogramOptions: HistogramOptions, mode: ForwardMode = EVALUATION_MODE): HiddenLayerStatistics[] {
  if (histogramOptions === null || typeof histogramOptions !== 'object') {
    throw new TypeError(`hiddenLayerStatistics needs {bins, min, max}, got ${describeValue(histogramOptions)}`);
  }
  const { hidden } = net.forward(x, mode);
  const slopes = preluSlopes(net);
  return hidden.map((a, h) => ({
    fractionOfExactZeros: fractionOfExactZeros(a.data),
    meanActivation: meanActivation(a.data),
    histogram: histogram(a.data, histogramOptions),
    deadUnits: deadUnits(a),
    preluSlopes: slopes[h],
  }));
}
