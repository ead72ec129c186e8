/**
 * Pure rendering of the ReLU curve widget: given the curve samples and the probe point, return
 * an SVG element drawn with Observable Plot. Runs in the browser and, with a `document` from
 * jsdom, in Node for snapshot tests.
 */
import * as Plot from '@observablehq/plot';
import { plot } from '../../src/widgets/charts/plot.ts';
import { CHART_TEXT, type ChartSize, chartStyle, resolveSize, scaled, tickCount } from '../../src/widgets/chart-size.ts';

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
  /** The box to draw for (src/widgets/chart-size.ts); by default 640 × 360 in the reading view. */
  size?: ChartSize;
}

/** The reading view's chart size (a phone draws at its own width, phoneHeight high). */
export const CHART_SIZE = { width: 640, height: 360, phoneHeight: 280 };

export function describeReluCurve(state: ReluCurveState): string {
  const { probe } = state;
  const base = `ReLU(x) = max(0, x) for x from ${state.curve[0]?.x ?? -4} to ${state.curve.at(-1)?.x ?? 4}: flat at zero for negative x, the identity line for positive x.`;
  const derivative = state.showDerivative ? ' The dashed derivative is 0 for x ≤ 0 and 1 for x > 0.' : '';
  return `${base}${derivative} Marked point: x = ${fmt(probe.x)}, ReLU(x) = ${fmt(probe.y)}, ReLU′(x) = ${fmt(probe.dy)}.`;
}

/** The one-line settings under a printed figure. */
export const reluCurveParams = (state: ReluCurveState): string => `x = ${fmt(state.probe.x)}${state.showDerivative ? ', with the derivative' : ''}`;

export function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** x0, x0 + step, … up to x1 (finite, at most a few dozen). */
function ticksEvery(x0: number, x1: number, step: number): number[] {
  const ticks: number[] = [];
  for (let k = 0; x0 + k * step <= x1 + 1e-9 && k < 50; k++) ticks.push(x0 + k * step);
  return ticks;
}

export function renderReluCurve(state: ReluCurveState, options: RenderOptions = {}): SVGSVGElement | HTMLElement {
  const { curve, probe, showDerivative } = state;
  const size = resolveSize(options, CHART_SIZE);
  const d = size.density;
  const font = CHART_TEXT[d].label;
  const margin = { top: scaled(24, d), right: scaled(20, d), bottom: scaled(44, d), left: scaled(48, d) };
  const label = { fontSize: font, fontWeight: 600, stroke: 'var(--bg-soft)', strokeWidth: 4, paintOrder: 'stroke' } as const;
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
    Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
    Plot.line(curve, { x: 'x', y: 'y', stroke: 'var(--c-blue)', strokeWidth: 3 }),
    // Above and left of the line y = x, right of the axis: clear of the curve at any width.
    Plot.text([{ x: 2.2, y: 3.4 }], { x: 'x', y: 'y', text: () => 'ReLU(x)', textAnchor: 'end', fill: 'var(--c-blue-text)', ...label }),
  ];
  if (showDerivative) {
    // The derivative is a step: draw its two flat pieces separately so no false vertical segment appears.
    marks.push(
      Plot.line(curve, { x: 'x', y: 'dy', z: (p: CurvePoint) => (p.x > 0 ? 'right' : 'left'), stroke: 'var(--c-orange)', strokeWidth: 3, strokeDasharray: '7 5' }),
      Plot.text([{ x: -2.4, y: 0 }], { x: 'x', y: 'y', text: () => 'ReLU′(x)', dy: -font, fill: 'var(--c-orange-text)', ...label }),
    );
  }
  marks.push(Plot.dot([probe], { x: 'x', y: 'y', r: 7, fill: 'var(--c-blue)', stroke: 'var(--bg-soft)', strokeWidth: 2 }));
  const innerWidth = size.width - margin.left - margin.right;
  // On a narrow chart, ticks every 2 or only the ends and 0 (Plot's own choice can leave 0 alone on the axis).
  const [x0, x1] = [curve[0]?.x ?? -4, curve.at(-1)?.x ?? 4];
  const count = tickCount(innerWidth, d);
  const step = count >= 9 ? 1 : count >= 3 ? 2 : Math.max(1, (x1 - x0) / 2);
  const innerHeight = size.height - margin.top - margin.bottom;
  return plot({
    document: options.document,
    width: size.width,
    height: size.height,
    marginTop: margin.top,
    marginRight: margin.right,
    marginLeft: margin.left,
    marginBottom: margin.bottom,
    style: chartStyle(d),
    // The x name centred under the axis: clear of the last tick.
    x: { domain: [x0, x1], label: 'x', grid: true, labelAnchor: 'center', labelOffset: margin.bottom - scaled(6, d), ticks: d === 'page' ? undefined : ticksEvery(x0, x1, step) },
    y: { domain: [-1, 4], label: 'output', grid: true, ticks: d === 'page' ? undefined : tickCount(innerHeight, d, CHART_TEXT[d].tick * 2.6) },
    ariaLabel: 'ReLU curve',
    ariaDescription: describeReluCurve(state),
    marks,
  });
}
