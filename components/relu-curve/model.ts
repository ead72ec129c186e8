/** The numbers the ReLU curve widget draws, all computed by the engine's `relu`. */
import { activation } from '../../src/engine/index.ts';
import type { CurvePoint } from './render.ts';

const relu = activation({ name: 'relu' });

/** `n` evenly spaced samples of ReLU and its derivative on [lo, hi]. */
export function sampleReluCurve(lo = -4, hi = 4, n = 161): CurvePoint[] {
  const xs = Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  return toPoints(xs);
}

export function probeRelu(x: number): CurvePoint {
  return toPoints(Float64Array.of(x))[0];
}

function toPoints(xs: Float64Array): CurvePoint[] {
  const ys = relu.forward(xs);
  const dys = relu.backward(xs, new Float64Array(xs.length).fill(1));
  return Array.from(xs, (x, i) => ({ x, y: ys[i], dy: dys[i] }));
}
