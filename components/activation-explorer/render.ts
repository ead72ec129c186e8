/**
 * Pure rendering of the activation explorer: state in, an Observable Plot SVG out (pass a jsdom `document`
 * to render in Node). Colour is never the only cue: f is solid, f′ dashed, the ReLU reference dotted, RReLU
 * samples are circles (outputs) and squares (slopes), and every line carries a text label.
 *
 * Drawn for its box (src/widgets/chart-size.ts): on a slide it fills the box with 18 px text and fewer ticks, on a
 * phone it is drawn at the phone's width with 13 px text. Labels placed in data coordinates get their offsets in
 * pixels, converted with the drawn scale, so they keep their distance from the lines at every size.
 */
import * as Plot from '@observablehq/plot';
import { plot } from '../../src/widgets/charts/plot.ts';
import { yAxisLabel } from '../../src/widgets/charts/axis-label.ts';
import { CHART_TEXT, type ChartSize, type Density, chartStyle, resolveSize, scaled, tickCount } from '../../src/widgets/chart-size.ts';
import { describeExplorer, fmt } from './describe.ts';
import { X_MAX, X_MIN, displayName, type CurvePoint, type ExplorerState } from './model.ts';

export interface RenderOptions {
  document?: Document;
  width?: number;
  /** The box to draw for; by default 640 × 380 in the reading view. */
  size?: ChartSize;
}

/** The reading view's chart size (a phone's width is its own, its height phoneHeight). */
export const CHART_SIZE = { width: 640, height: 380, phoneHeight: 300 };

const finite = <T extends { x: number }>(rows: readonly T[], key: keyof T): T[] =>
  rows.filter((r) => Number.isFinite(r.x) && Number.isFinite(r[key] as number));

/** Text marks at this density: bold, with a halo of the widget's background so lines behind stay readable. */
const labelStyle = (d: Density) => ({ fontSize: CHART_TEXT[d].label, fontWeight: 600, stroke: 'var(--bg-soft)', strokeWidth: 4, paintOrder: 'stroke' }) as const;

/** Everything drawn, as a y range: at least [−1, 4] so the ReLU reference always fits. */
function contentRange(state: ExplorerState): [number, number] {
  const ys: number[] = [-1, 4];
  for (const p of state.curve) ys.push(p.y, ...(state.showDerivative ? [p.dy] : []));
  for (const p of state.rrelu?.samples ?? []) ys.push(p.y, ...(state.showDerivative ? [p.slope] : []));
  if (state.rrelu?.training) ys.push(state.rrelu.upper * X_MIN, state.rrelu.lower * X_MIN);
  const shown = ys.filter(Number.isFinite);
  return [Math.min(...shown), Math.max(...shown)];
}

interface Frame {
  size: ChartSize;
  margin: { top: number; right: number; bottom: number; left: number };
  /** Plot area in pixels. */
  inner: { width: number; height: number };
  yDomain: [number, number];
  /** Data units per pixel along x and y. */
  ux: number;
  uy: number;
}

/**
 * The y range shown: everything drawn, with room in pixels above it for the f(x) name over the curve's end. Finite for
 * every state.
 */
export function yDomain(state: ExplorerState, options: RenderOptions = {}): [number, number] {
  return frameFor(state, resolveSize(options, CHART_SIZE)).yDomain;
}

function frameFor(state: ExplorerState, size: ChartSize): Frame {
  const d = size.density;
  const font = CHART_TEXT[d].label;
  const margin = { top: scaled(28, d), right: scaled(16, d), bottom: scaled(44, d), left: scaled(46, d) };
  const inner = { width: Math.max(60, size.width - margin.left - margin.right), height: Math.max(60, size.height - margin.top - margin.bottom) };
  const [lo, hi] = contentRange(state);
  const padTop = font * 2;
  const padBottom = font * 0.6;
  // Solve for data units per pixel so that the content fills what the pads leave.
  const uy = (hi - lo) / Math.max(20, inner.height - padTop - padBottom);
  const yDomain: [number, number] = [lo - padBottom * uy, hi + padTop * uy];
  return { size, margin, inner, yDomain, ux: (X_MAX - X_MIN) / inner.width, uy };
}

function rreluMarks(state: ExplorerState, f: Frame): Plot.Markish[] {
  const r = state.rrelu;
  if (!r?.training) return [];
  const d = f.size.density;
  // The band between lower·x and upper·x holds every sampled output; the key names it (labels at its edges would sit
  // on the sampled slopes just above zero).
  const band = [X_MIN, 0].map((x) => ({ x, hi: r.lower * x, lo: r.upper * x }));
  const marks: Plot.Markish[] = [
    Plot.areaY(band, { x: 'x', y1: 'lo', y2: 'hi', fill: 'var(--c-green)', fillOpacity: 0.18 }),
    Plot.line(band, { x: 'x', y: 'lo', stroke: 'var(--c-green)', strokeWidth: 1.5, strokeDasharray: '4 3' }),
    Plot.line(band, { x: 'x', y: 'hi', stroke: 'var(--c-green)', strokeWidth: 1.5, strokeDasharray: '4 3' }),
    Plot.dot(finite(r.samples, 'y'), { x: 'x', y: 'y', symbol: 'circle', r: d === 'slide' ? 5 : 4.5, fill: 'var(--c-green)', stroke: 'var(--bg-soft)', strokeWidth: 1 }),
  ];
  if (state.showDerivative) {
    marks.push(Plot.dot(finite(r.samples, 'slope'), { x: 'x', y: 'slope', symbol: 'square', r: d === 'slide' ? 4.5 : 4, fill: 'var(--c-orange)', stroke: 'var(--bg-soft)', strokeWidth: 1 }));
  }
  return marks;
}

const REFERENCE = { stroke: 'currentColor', dash: '1 4' } as const;

/** A small key in the top-left corner for what has no end label: the ReLU reference and RReLU's samples. */
function legendMarks(state: ExplorerState, showReference: boolean, f: Frame): Plot.Markish[] {
  const d = f.size.density;
  const font = CHART_TEXT[d].label;
  const entries: Array<{ text: string; kind: 'reference' | 'output' | 'slope' }> = [];
  if (showReference) entries.push({ text: 'ReLU (reference)', kind: 'reference' });
  const r = state.rrelu;
  if (r?.training && !state.error) {
    // The range of r where there is room (a phone's sliders, right below the chart, give it).
    const range = `r ∈ [${fmt(r.lower)}, ${fmt(r.upper)}]`;
    const output = { page: `sampled output r·x, ${range}`, slide: `output r·x, ${range}`, phone: 'output r·x' }[d];
    entries.push({ text: output, kind: 'output' });
    if (state.showDerivative) entries.push({ text: d === 'page' ? 'sampled slope r (its f′)' : 'slope r', kind: 'slope' });
  }
  const top = f.yDomain[1];
  const swatch = scaled(26, d); // px
  const left = X_MIN + scaled(8, d) * f.ux;
  const rows = entries.map((e, i) => ({ ...e, x: left, y: top - (font * 0.9 + i * font * 1.4) * f.uy }));
  const marks: Plot.Markish[] = [Plot.text(rows, { x: 'x', y: 'y', text: 'text', dx: swatch + scaled(8, d), textAnchor: 'start', fill: 'currentColor', ...labelStyle(d), fontWeight: 400 })];
  for (const r of rows) {
    if (r.kind === 'reference') {
      marks.push(Plot.line([r, { ...r, x: r.x + swatch * f.ux }], { x: 'x', y: 'y', stroke: REFERENCE.stroke, strokeOpacity: 0.7, strokeWidth: 2, strokeDasharray: REFERENCE.dash, strokeLinecap: 'round' }));
    } else {
      const square = r.kind === 'slope';
      marks.push(Plot.dot([{ ...r, x: r.x + (swatch / 2) * f.ux }], { x: 'x', y: 'y', symbol: square ? 'square' : 'circle', r: 4.5, fill: square ? 'var(--c-orange)' : 'var(--c-green)' }));
    }
  }
  return marks;
}

function curveMarks(state: ExplorerState, f: Frame): Plot.Markish[] {
  const d = f.size.density;
  const font = CHART_TEXT[d].label;
  const curve = finite(state.curve, 'y');
  const last = curve.at(-1);
  if (!last) return [];
  const name = state.act !== 'rrelu' ? 'f(x)' : { page: 'f(x), evaluation mode', slide: 'f(x), test', phone: 'f(x)' }[d];
  const marks: Plot.Markish[] = [
    Plot.line(curve, { x: 'x', y: 'y', stroke: 'var(--c-blue)', strokeWidth: d === 'slide' ? 4 : 3.5 }),
    Plot.text([last], { x: 'x', y: 'y', text: () => name, textAnchor: 'end', dy: -font, fill: 'var(--c-blue-text)', ...labelStyle(d) }),
  ];
  if (state.showDerivative) {
    const dcurve = finite(state.curve, 'dy');
    const z = state.piecewise ? (p: CurvePoint) => (p.x > 0 ? 'right' : 'left') : undefined;
    const dlast = dcurve.at(-1);
    marks.push(Plot.line(dcurve, { x: 'x', y: 'dy', z, stroke: 'var(--c-orange)', strokeWidth: d === 'slide' ? 3.5 : 3, strokeDasharray: '7 5' }));
    if (dlast) marks.push(Plot.text([dlast], { x: 'x', y: 'dy', text: () => 'f′(x)', textAnchor: 'end', dy: font * 1.2, fill: 'var(--c-orange-text)', ...labelStyle(d) }));
  }
  return marks;
}

function probeMarks(state: ExplorerState, f: Frame): Plot.Markish[] {
  const p = state.probe;
  if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return [];
  const big = f.size.density === 'slide';
  const marks: Plot.Markish[] = [Plot.dot([p], { x: 'x', y: 'y', symbol: 'circle', r: big ? 8 : 7, fill: 'var(--c-blue)', stroke: 'var(--bg-soft)', strokeWidth: 2 })];
  if (state.showDerivative && Number.isFinite(p.dy)) {
    marks.push(Plot.dot([p], { x: 'x', y: 'dy', symbol: 'square', r: big ? 7 : 6, fill: 'var(--c-orange)', stroke: 'var(--bg-soft)', strokeWidth: 2 }));
  }
  return marks;
}

/** Ticks on [−4, 4] for about `count` of them: every integer, every other one, or the ends and 0. */
export function xTicks(count: number): number[] {
  const step = count >= 9 ? 1 : count >= 3 ? 2 : 4;
  const ticks: number[] = [];
  for (let x = X_MIN; x <= X_MAX; x += step) ticks.push(x);
  return ticks;
}

export function renderExplorer(state: ExplorerState, options: RenderOptions = {}): SVGSVGElement | HTMLElement {
  const size = resolveSize(options, CHART_SIZE);
  const d = size.density;
  const f = frameFor(state, size);
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
    Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
    ...rreluMarks(state, f),
  ];
  const showReference = state.act !== 'relu' || Boolean(state.error);
  if (showReference) {
    marks.push(Plot.line(state.reference, { x: 'x', y: 'y', stroke: REFERENCE.stroke, strokeOpacity: 0.5, strokeWidth: 2, strokeDasharray: REFERENCE.dash, strokeLinecap: 'round' }));
  }
  marks.push(...curveMarks(state, f), ...probeMarks(state, f), ...legendMarks(state, showReference, f));
  if (state.error) {
    const text = { page: 'Settings refused: see the message below the controls', slide: 'Settings refused: see below', phone: 'Refused: see below' }[d];
    // Centred, or from the left edge of a phone's narrow frame (centred, it would reach over the y ticks).
    const at = d === 'phone' ? { x: X_MIN + scaled(8, d) * f.ux, y: 2, textAnchor: 'start' as const } : { x: 0, y: 2, textAnchor: 'middle' as const };
    marks.push(Plot.text([at], { x: 'x', y: 'y', text: () => text, textAnchor: at.textAnchor, fill: 'currentColor', ...labelStyle(d) }));
  }
  // On a slide the y axis's name is drawn here, its whole line inside the chart (Plot's own pokes out at 18 px).
  if (d === 'slide') marks.push(yAxisLabel('output', { fontSize: CHART_TEXT[d].tick, marginTop: f.margin.top, marginLeft: f.margin.left }));
  return plot({
    document: options.document,
    width: size.width,
    height: size.height,
    marginTop: f.margin.top,
    marginLeft: f.margin.left,
    marginRight: f.margin.right,
    marginBottom: f.margin.bottom,
    style: chartStyle(d),
    // The x name centred under the axis: clear of the last tick.
    x: { domain: [X_MIN, X_MAX], label: 'x', grid: true, labelAnchor: 'center', labelOffset: f.margin.bottom - scaled(6, d), ticks: d === 'page' ? undefined : xTicks(tickCount(f.inner.width, d)) },
    y: { domain: f.yDomain, label: d === 'slide' ? null : 'output', grid: true, ticks: d === 'page' ? undefined : tickCount(f.inner.height, d, CHART_TEXT[d].tick * 2.6) },
    ariaLabel: `${displayName(state.act)} curve and its derivative`,
    ariaDescription: describeExplorer(state),
    marks,
  });
}
