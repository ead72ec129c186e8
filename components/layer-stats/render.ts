/**
 * Pure rendering of the layer statistics: three Observable Plot charts in one container — gradient norm per
 * layer (log scale), exact-zero fraction per layer (grouped bars), histograms of one layer. Each activation
 * keeps its colour, dash pattern, marker shape and a text label, so colour is never the only cue.
 */
import * as Plot from '@observablehq/plot';
import { plot } from '../../src/widgets/charts/plot.ts';
import type { LayerStats, StatsActivation } from './model.ts';
import { ACT_NAMES, describeGradients, describeHistogram, describeZeros, fmt, pct } from './describe.ts';

export interface RenderOptions {
  document?: Document;
  width?: number;
}

const STYLE: Record<StatsActivation, { color: string; text: string; dash: string; symbol: string }> = {
  relu: { color: 'var(--c-blue)', text: 'var(--c-blue-text)', dash: 'none', symbol: 'circle' },
  tanh: { color: 'var(--c-orange)', text: 'var(--c-orange-text)', dash: '8 5', symbol: 'square' },
  sigmoid: { color: 'var(--c-green)', text: 'var(--c-green-text)', dash: '2 4', symbol: 'triangle' },
};
const TEXT = { fontSize: 14, fontWeight: 600, stroke: 'var(--bg)', strokeWidth: 4, paintOrder: 'stroke' } as const;
const PLOT_STYLE = { fontSize: '14px', background: 'transparent', color: 'currentColor' };

type Row = { act: StatsActivation; layer: number; value: number };

function rows(s: LayerStats, pick: (c: LayerStats['columns'][number]) => number[]): Row[] {
  return s.columns.flatMap((c) => pick(c).map((value, i) => ({ act: c.act, layer: i + 1, value }))).filter((r) => Number.isFinite(r.value));
}

/** Label heights in log10 units, pushed apart so that end labels never overlap (`gap` in decades). */
export function dodge(values: readonly number[], gap: number): number[] {
  const order = values.map((v, i) => ({ v: Math.log10(v), i })).sort((a, b) => a.v - b.v);
  for (let k = 1; k < order.length; k++) order[k].v = Math.max(order[k].v, order[k - 1].v + gap);
  const out = new Array<number>(values.length);
  for (const { v, i } of order) out[i] = 10 ** v;
  return out;
}

export function gradientChart(s: LayerStats, doc: Document | undefined, width: number): SVGSVGElement | HTMLElement {
  const data = rows(s, (c) => c.gradNorms).filter((r) => r.value > 0);
  const values = data.map((r) => r.value);
  const lo = values.length ? Math.min(...values) / 2 : 1e-3;
  const hi = values.length ? Math.max(...values) * 2 : 1;
  const decades = Array.from({ length: Math.floor(Math.log10(hi)) - Math.ceil(Math.log10(lo)) + 1 }, (_, k) => 10 ** (Math.ceil(Math.log10(lo)) + k));
  const marks: Plot.Markish[] = [];
  const ends: Row[] = [];
  for (const c of s.columns) {
    const own = data.filter((r) => r.act === c.act);
    const st = STYLE[c.act];
    marks.push(
      Plot.line(own, { x: 'layer', y: 'value', stroke: st.color, strokeWidth: 2.5, strokeDasharray: st.dash }),
      Plot.dot(own, { x: 'layer', y: 'value', symbol: st.symbol, r: 6, fill: st.color, stroke: 'var(--bg)', strokeWidth: 1.5 }),
    );
    const last = own.at(-1);
    if (last) ends.push(last);
  }
  // About 18 px between end labels on a plot area of about 190 px.
  const heights = dodge(ends.map((r) => r.value), (Math.log10(hi / lo) * 18) / 190);
  ends.forEach((r, i) => {
    marks.push(Plot.text([{ ...r, value: heights[i] }], { x: 'layer', y: 'value', text: () => ACT_NAMES[r.act], dx: 10, textAnchor: 'start', fill: STYLE[r.act].text, ...TEXT }));
  });
  return plot({
    document: doc,
    width,
    height: 260,
    marginLeft: 60,
    marginRight: 80,
    style: PLOT_STYLE,
    x: { label: 'hidden layer (1 = next to the input)', domain: [0.7, s.depth + 0.3], ticks: Array.from({ length: s.depth }, (_, i) => i + 1), tickFormat: 'd' },
    y: { type: 'log', label: 'gradient norm (log scale)', domain: [lo, hi], ticks: decades.length ? decades : [lo, hi], grid: true, tickFormat: (v: number) => fmt(v, 1) },
    ariaLabel: 'Gradient norm per hidden layer',
    ariaDescription: describeGradients(s),
    marks,
  });
}

export function zerosChart(s: LayerStats, doc: Document | undefined, width: number): SVGSVGElement | HTMLElement {
  const data = rows(s, (c) => c.zeroFractions);
  const acts = s.columns.map((c) => c.act);
  return plot({
    document: doc,
    width,
    height: 240,
    marginLeft: 60,
    marginTop: 36,
    style: PLOT_STYLE,
    fx: { domain: acts, tickFormat: (a: StatsActivation) => ACT_NAMES[a], label: null, padding: 0.12, axis: 'top' },
    x: { domain: Array.from({ length: s.depth }, (_, i) => i + 1), label: 'hidden layer', padding: 0.15 },
    y: { domain: [0, 1], label: 'exact zeros', grid: true, tickFormat: (v: number) => `${Math.round(v * 100)}%` },
    ariaLabel: 'Fraction of exact zeros per hidden layer',
    ariaDescription: describeZeros(s),
    marks: [
      Plot.barY(data, { fx: 'act', x: 'layer', y: 'value', fill: (r: Row) => STYLE[r.act].color }),
      Plot.ruleY([0.5], { stroke: 'currentColor', strokeDasharray: '3 3', strokeOpacity: 0.7 }),
      Plot.text(data, { fx: 'act', x: 'layer', y: 'value', text: (r: Row) => `${Math.round(r.value * 100)}%`, dy: -8, fill: 'currentColor', fontSize: 12 }),
      Plot.ruleY([0], { stroke: 'currentColor' }),
    ],
  });
}

export function histogramChart(s: LayerStats, act: StatsActivation, doc: Document | undefined, width: number, yMax: number): SVGSVGElement | HTMLElement {
  const c = s.columns.find((col) => col.act === act);
  const bins = (c?.histogram ?? []).filter((b) => Number.isFinite(b.x0) && Number.isFinite(b.x1) && Number.isFinite(b.share));
  const st = STYLE[act];
  const marks: Plot.Markish[] = [Plot.rectY(bins, { x1: 'x0', x2: 'x1', y: 'share', fill: st.color, fillOpacity: 0.75, stroke: 'currentColor', strokeWidth: 0.5, inset: 0.5 }), Plot.ruleY([0], { stroke: 'currentColor' })];
  const title = act === 'relu' && c ? `${ACT_NAMES[act]}: ${pct(c.zeroFractions[s.layer - 1])} exactly 0` : ACT_NAMES[act];
  marks.push(Plot.text([title], { frameAnchor: 'top', dy: 4, text: (t: string) => t, fill: 'currentColor', ...TEXT }));
  return plot({
    document: doc,
    width,
    height: 220,
    marginLeft: 52,
    marginTop: 28,
    style: PLOT_STYLE,
    x: { label: `layer ${s.layer} activation`, ticks: 3, tickFormat: (v: number) => fmt(v) },
    y: { label: 'share', domain: [0, yMax], grid: true, tickFormat: (v: number) => `${Math.round(v * 100)}%` },
    ariaLabel: `Histogram of ${ACT_NAMES[act]} activations in hidden layer ${s.layer}`,
    ariaDescription: c ? describeHistogram(s, c) : '',
    marks,
  });
}

export function renderLayerStats(s: LayerStats, options: RenderOptions = {}): HTMLElement {
  const doc = options.document ?? document;
  const width = options.width ?? 640;
  const root = doc.createElement('div');
  root.className = 'layer-stats-charts';
  const row = doc.createElement('div');
  row.className = 'layer-stats-histograms';
  const shares = s.columns.flatMap((c) => c.histogram.map((b) => b.share)).filter(Number.isFinite);
  const yMax = Math.min(1, Math.max(0.05, ...shares) * 1.15);
  const each = Math.max(200, Math.floor((width - 16 * (s.columns.length - 1)) / s.columns.length));
  row.append(...s.columns.map((c) => histogramChart(s, c.act, doc, each, yMax)));
  root.append(gradientChart(s, doc, width), zerosChart(s, doc, width), row);
  return root;
}


