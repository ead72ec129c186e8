/**
 * Pure rendering of the ReLU curve widget: given the curve samples and the probe point, return
 * an SVG element drawn with Observable Plot. Runs in the browser and, with a `document` from
 * jsdom, in Node for snapshot tests.
 */
import * as Plot from '@observablehq/plot';
import { plot } from '../../src/widgets/charts/plot.ts';

export interface CurvePoint {
  x: number;
  y: number;
  dy: number;
}

export interface ReluCurveState {
  curve: readonly CurvePoint[];
  probe: CurvePoint;
  showDerivative: boolean;
}

export interface RenderOptions {
  document?: Document;
  width?: number;
}

export function describeReluCurve(state: ReluCurveState): string {
  const { probe } = state;
  const base = `ReLU(x) = max(0, x) for x from ${state.curve[0]?.x ?? -4} to ${state.curve.at(-1)?.x ?? 4}: flat at zero for negative x, the identity line for positive x.`;
  const derivative = state.showDerivative ? ' The dashed derivative is 0 for x ≤ 0 and 1 for x > 0.' : '';
  return `${base}${derivative} Marked point: x = ${fmt(probe.x)}, ReLU(x) = ${fmt(probe.y)}, ReLU′(x) = ${fmt(probe.dy)}.`;
}

export function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

export function renderReluCurve(state: ReluCurveState, options: RenderOptions = {}): SVGSVGElement | HTMLElement {
  const { curve, probe, showDerivative } = state;
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
    Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
    Plot.line(curve, { x: 'x', y: 'y', stroke: 'var(--c-blue)', strokeWidth: 3 }),
    Plot.text([{ x: 2.6, y: 3.3 }], { x: 'x', y: 'y', text: () => 'ReLU(x)', fill: 'var(--c-blue-text)', fontSize: 15 }),
  ];
  if (showDerivative) {
    // The derivative is a step: draw its two flat pieces separately so no false vertical segment appears.
    marks.push(
      Plot.line(curve, { x: 'x', y: 'dy', z: (d: CurvePoint) => (d.x > 0 ? 'right' : 'left'), stroke: 'var(--c-orange)', strokeWidth: 3, strokeDasharray: '7 5' }),
      Plot.text([{ x: -2.6, y: 0.35 }], { x: 'x', y: 'y', text: () => 'ReLU′(x)', fill: 'var(--c-orange-text)', fontSize: 15 }),
    );
  }
  marks.push(Plot.dot([probe], { x: 'x', y: 'y', r: 7, fill: 'var(--c-blue)', stroke: 'var(--bg)', strokeWidth: 2 }));
  return plot({
    document: options.document,
    width: options.width ?? 640,
    height: 360,
    marginLeft: 48,
    marginBottom: 44,
    style: { fontSize: '15px', background: 'transparent', color: 'currentColor' },
    x: { domain: [curve[0]?.x ?? -4, curve.at(-1)?.x ?? 4], label: 'x', grid: true, labelAnchor: 'center', labelOffset: 38 }, // centred: clear of the last tick
    y: { domain: [-1, 4], label: 'output', grid: true },
    ariaLabel: 'ReLU curve',
    ariaDescription: describeReluCurve(state),
    marks,
  });
}
