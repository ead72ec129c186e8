/**
 * Pure rendering of the layer statistics: three Observable Plot charts — gradient norm per layer (log scale), the
 * exact-zero fraction per layer, and the histogram of one layer's activations — each one line per activation. Each
 * activation keeps its colour, dash pattern, marker shape and a text label, so colour is never the only cue.
 * The reading view shows all three; a slide shows one at a time (the `panel` option), drawn to fill its box.
 */
import * as Plot from '@observablehq/plot';
import { plot } from '../../src/widgets/charts/plot.ts';
import { CHART_TEXT, type ChartSize, type Density, chartStyle, resolveSize, scaled, tickCount } from '../../src/widgets/chart-size.ts';
import type { LayerStats as AnyLayerStats, LayerStatsActivation as StatsActivation } from './model.ts';
import type { VanishingScan } from './vanishing.ts';
import { activationStyle } from '../../src/widgets/charts/activation-style.ts';
import { ACT_NAMES, describeGradients, describeHistogram, describeVanishing, describeZeros, fmt } from './describe.ts';

type LayerStats = AnyLayerStats<StatsActivation>;

export type StatsPanel = 'gradients' | 'zeros' | 'histogram' | 'vanishing';
export const STATS_PANELS: readonly StatsPanel[] = ['gradients', 'zeros', 'histogram', 'vanishing'];

export interface RenderOptions {
  document?: Document;
  width?: number;
  /** The box each chart is drawn for; in the reading view only its width and density count. */
  size?: ChartSize;
  /** Only this chart (a slide shows one at a time); all of them by default. */
  panel?: StatsPanel;
  /** Depth scans for the 'vanishing' chart, one per activation (those not yet computed are left out). */
  scans?: readonly VanishingScan[];
}

/** Preferred heights in the reading view (page, phone); on a slide a chart fills its box. */
export const CHART_SIZE = { width: 640, height: 260, phoneHeight: 230 };

const styleOf = (act: StatsActivation) => activationStyle(act);
const nameOf = (act: StatsActivation): string => (ACT_NAMES as Record<string, string>)[act] ?? activationStyle(act).label;

const labelText = (density: Density) => ({ fontSize: CHART_TEXT[density].label, fontWeight: 600, stroke: 'var(--bg-soft)', strokeWidth: 4, paintOrder: 'stroke' }) as const;

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

/** Label positions on a linear scale, pushed apart by `gap` (data units), kept in order. */
function dodgeLinear(values: readonly number[], gap: number): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  for (let k = 1; k < order.length; k++) order[k].v = Math.max(order[k].v, order[k - 1].v + gap);
  const out = new Array<number>(values.length);
  for (const { v, i } of order) out[i] = v;
  return out;
}

/** Layer ticks: every layer when there is room, else every k-th (always integers, always including the last). */
function layerTicks(depth: number, length: number, density: Density): number[] {
  const room = tickCount(length, density, density === 'slide' ? 60 : 40);
  const every = Math.max(1, Math.ceil(depth / room));
  const ticks = Array.from({ length: depth }, (_, i) => i + 1).filter((l) => (l - 1) % every === 0);
  if (ticks.at(-1) !== depth && depth - (ticks.at(-1) ?? 0) >= every / 2) ticks.push(depth);
  return ticks;
}

/**
 * Ticks for a log axis from lo to hi, at most about `room` of them: 1-2-5 steps within a narrow range, whole decades
 * in a wider one, every k-th decade in a very wide one (a depth-20 sigmoid net spans many).
 */
export function logTicks(lo: number, hi: number, room: number): number[] {
  const first = Math.floor(Math.log10(lo)), last = Math.ceil(Math.log10(hi));
  const inRange = (v: number) => v >= lo && v <= hi;
  const decades = Array.from({ length: last - first + 1 }, (_, k) => 10 ** (first + k)).filter(inRange);
  const fine = Array.from({ length: last - first + 1 }, (_, k) => [1, 2, 5].map((m) => m * 10 ** (first + k))).flat().filter(inRange);
  if (decades.length < 2 && fine.length <= Math.max(2, room)) return fine;
  const every = Math.max(1, Math.ceil(decades.length / Math.max(2, room)));
  return decades.filter((_, k) => k % every === 0);
}

/** The frame every per-layer chart shares: margins for its text, the layer axis. */
function layerFrame(depth: number, size: ChartSize) {
  const d = size.density;
  const margins = { marginLeft: scaled(62, d), marginRight: scaled(84, d), marginTop: scaled(26, d), marginBottom: scaled(44, d) };
  const inner = size.width - margins.marginLeft - margins.marginRight;
  return {
    ...margins,
    x: { label: d === 'page' ? 'hidden layer (1 = next to the input)' : 'hidden layer', domain: [0.7, depth + 0.3], ticks: layerTicks(depth, inner, d), tickFormat: 'd', labelAnchor: 'center', labelOffset: margins.marginBottom - 6 },
  } as const;
}

/** A line and markers per activation over the layers, each with its name at the line's end (kept apart). */
function perLayerMarks(acts: readonly StatsActivation[], data: Row[], size: ChartSize, labelY: (ends: Row[], pxPerUnit: number) => number[], pxPerUnit: number): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  const ends: Row[] = [];
  const r = size.density === 'slide' ? 7 : 5.5;
  for (const act of acts) {
    const own = data.filter((row) => row.act === act);
    const st = styleOf(act);
    marks.push(
      Plot.line(own, { x: 'layer', y: 'value', stroke: st.color, strokeWidth: size.density === 'slide' ? 3 : 2.5, strokeDasharray: st.dash }),
      Plot.dot(own, { x: 'layer', y: 'value', symbol: st.symbol, r, fill: st.color, stroke: 'var(--bg)', strokeWidth: 1.5 }),
    );
    const last = own.at(-1);
    if (last) ends.push(last);
  }
  const heights = labelY(ends, pxPerUnit);
  ends.forEach((row, i) => {
    marks.push(Plot.text([{ ...row, value: heights[i] }], { x: 'layer', y: 'value', text: () => nameOf(row.act), dx: scaled(10, size.density), textAnchor: 'start', fill: styleOf(row.act).text, ...labelText(size.density) }));
  });
  return marks;
}

export function gradientChart(s: LayerStats, doc: Document | undefined, size: ChartSize): SVGSVGElement | HTMLElement {
  const data = rows(s, (c) => c.gradNorms).filter((r) => r.value > 0);
  const values = data.map((r) => r.value);
  const lo = values.length ? Math.min(...values) / 2 : 1e-3;
  const hi = values.length ? Math.max(...values) * 2 : 1;
  const frame = layerFrame(s.depth, size);
  const plotHeight = Math.max(40, size.height - frame.marginTop - frame.marginBottom);
  const decades = logTicks(lo, hi, tickCount(plotHeight, size.density, CHART_TEXT[size.density].tick * 2.2));
  const decadesPerPx = Math.log10(hi / lo) / plotHeight;
  const marks = perLayerMarks(s.columns.map((c) => c.act), data, size, (ends, k) => dodge(ends.map((r) => r.value), CHART_TEXT[size.density].label * 1.25 * k), decadesPerPx);
  return plot({
    document: doc,
    width: size.width,
    height: size.height,
    ...frame,
    style: chartStyle(size.density),
    y: { type: 'log', label: size.density === 'page' ? 'gradient norm (log scale)' : 'gradient norm (log)', domain: [lo, hi], ticks: decades.length >= 2 ? decades : [lo, hi], grid: true, tickFormat: (v: number) => fmt(v, 1) },
    ariaLabel: 'Gradient norm per hidden layer',
    ariaDescription: describeGradients(s),
    marks,
  });
}

export function zerosChart(s: LayerStats, doc: Document | undefined, size: ChartSize): SVGSVGElement | HTMLElement {
  const data = rows(s, (c) => c.zeroFractions);
  const frame = layerFrame(s.depth, size);
  const plotHeight = Math.max(40, size.height - frame.marginTop - frame.marginBottom);
  const marks: Plot.Markish[] = [
    Plot.ruleY([0.5], { stroke: 'currentColor', strokeDasharray: '3 3', strokeOpacity: 0.7 }),
    Plot.ruleY([0], { stroke: 'currentColor' }),
    ...perLayerMarks(s.columns.map((c) => c.act), data, size, (ends, k) => dodgeLinear(ends.map((r) => r.value), CHART_TEXT[size.density].label * 1.25 * k), 1 / plotHeight),
  ];
  return plot({
    document: doc,
    width: size.width,
    height: size.height,
    ...frame,
    style: chartStyle(size.density),
    y: { domain: [0, 1], label: 'exact zeros', grid: true, ticks: tickCount(plotHeight, size.density, CHART_TEXT[size.density].tick * 2.5) >= 5 ? 5 : 3, tickFormat: (v: number) => `${Math.round(v * 100)}%` },
    ariaLabel: 'Fraction of exact zeros per hidden layer',
    ariaDescription: describeZeros(s),
    marks,
  });
}

/** The chosen layer's activations, one outline per activation (the bins of each are its own range). */
export function histogramChart(s: LayerStats, doc: Document | undefined, size: ChartSize): SVGSVGElement | HTMLElement {
  const d = size.density;
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: 'currentColor' })];
  const tops: Array<{ x: number; y: number; act: StatsActivation }> = [];
  let yMax = 0.05;
  for (const c of s.columns) {
    const bins = c.histogram.filter((b) => Number.isFinite(b.x0) && Number.isFinite(b.x1) && Number.isFinite(b.share));
    if (bins.length === 0) continue;
    const st = styleOf(c.act);
    // A step outline: up at each bin's left edge, across, down at its right edge.
    const outline = [{ x: bins[0].x0, y: 0 }, ...bins.flatMap((b) => [{ x: b.x0, y: b.share }, { x: b.x1, y: b.share }]), { x: bins.at(-1)!.x1, y: 0 }];
    marks.push(Plot.line(outline, { x: 'x', y: 'y', stroke: st.color, strokeWidth: d === 'slide' ? 3 : 2.5, strokeDasharray: st.dash }));
    const peak = bins.reduce((best, b) => (b.share > best.share ? b : best), bins[0]);
    yMax = Math.max(yMax, peak.share);
    tops.push({ x: (peak.x0 + peak.x1) / 2, y: peak.share, act: c.act });
  }
  yMax = Math.min(1, yMax * 1.25);
  const plotHeight = Math.max(40, size.height - scaled(26, d) - scaled(44, d));
  // Names beside each outline's tallest bin, pushed apart vertically.
  const ys = dodgeLinear(tops.map((t) => t.y), ((CHART_TEXT[d].label * 1.25) / plotHeight) * yMax);
  tops.forEach((t, i) => {
    marks.push(Plot.text([{ x: t.x, y: ys[i] }], { x: 'x', y: 'y', text: () => nameOf(t.act), dy: -scaled(10, d), fill: styleOf(t.act).text, ...labelText(d) }));
  });
  return plot({
    document: doc,
    width: size.width,
    height: size.height,
    marginLeft: scaled(56, d),
    marginRight: scaled(30, d),
    marginTop: scaled(26, d),
    marginBottom: scaled(44, d),
    style: chartStyle(d),
    x: { label: `layer ${s.layer} activation`, ticks: tickCount(size.width - scaled(86, d), d), tickFormat: (v: number) => fmt(v), labelAnchor: 'center', labelOffset: scaled(38, d) },
    y: { label: 'share of activations', domain: [0, yMax], grid: true, ticks: d === 'page' ? 5 : 3, tickFormat: (v: number) => `${Math.round(v * 100)}%` },
    ariaLabel: `Histogram of hidden layer ${s.layer}'s activations`,
    ariaDescription: s.columns.map((c) => describeHistogram(s, c)).join(' '),
    marks,
  });
}

/**
 * For every depth from 1 hidden layer up: the first hidden layer's gradient norm over the last one's (log scale), one
 * line per activation, with the 10⁻⁶ line a student reads the vanishing depth from (a marker where a line crosses it).
 */
export function vanishingChart(scans: readonly VanishingScan[], doc: Document | undefined, size: ChartSize): SVGSVGElement | HTMLElement {
  const d = size.density;
  const threshold = scans[0]?.threshold ?? 1e-6;
  const data = scans.flatMap((scan) => scan.ratios.map((value, i) => ({ act: scan.act, layer: i + 1, value }))).filter((r) => Number.isFinite(r.value) && r.value > 0);
  const values = data.map((r) => r.value);
  const lo = Math.min(threshold / 10, ...values) / 2;
  const hi = Math.max(10, ...values) * 2;
  const maxDepth = Math.max(2, ...scans.map((scan) => scan.maxDepth));
  const frame = layerFrame(maxDepth, size);
  const plotHeight = Math.max(40, size.height - frame.marginTop - frame.marginBottom);
  const decadesPerPx = Math.log10(hi / lo) / plotHeight;
  const marks: Plot.Markish[] = [
    Plot.ruleY([threshold], { stroke: 'currentColor', strokeDasharray: '4 3', strokeOpacity: 0.8 }),
    Plot.text([threshold], { y: (v: number) => v, text: () => `10⁻⁶ of the last layer's`, frameAnchor: 'left', textAnchor: 'start', dx: 6, dy: scaled(12, d), fill: 'currentColor', ...labelText(d) }),
    ...perLayerMarks(scans.map((scan) => scan.act), data, size, (ends, k) => dodge(ends.map((r) => r.value), CHART_TEXT[d].label * 1.25 * k), decadesPerPx),
  ];
  return plot({
    document: doc,
    width: size.width,
    height: size.height,
    ...frame,
    x: { ...frame.x, label: d === 'page' ? 'hidden layers in the network' : 'hidden layers' },
    style: chartStyle(d),
    y: { type: 'log', label: d === 'page' ? 'first ÷ last layer gradient norm (log)' : 'first ÷ last layer gradient', domain: [lo, hi], ticks: logTicks(lo, hi, tickCount(plotHeight, d, CHART_TEXT[d].tick * 2.2)), grid: true, tickFormat: (v: number) => fmt(v, 1) },
    ariaLabel: 'First-layer gradient as a fraction of the last layer’s, against depth',
    ariaDescription: scans.length ? describeVanishing(scans) : 'The depth scan is being computed.',
    marks,
  });
}

const CHARTS: Record<Exclude<StatsPanel, 'vanishing'>, (s: LayerStats, doc: Document | undefined, size: ChartSize) => SVGSVGElement | HTMLElement> = {
  gradients: gradientChart,
  zeros: zerosChart,
  histogram: histogramChart,
};

/** One chart of the widget. */
export function renderStatsPanel(panel: StatsPanel, s: LayerStats, options: RenderOptions = {}): SVGSVGElement | HTMLElement {
  const size = resolveSize(options, CHART_SIZE);
  return panel === 'vanishing' ? vanishingChart(options.scans ?? [], options.document, size) : CHARTS[panel](s, options.document, size);
}

export function renderLayerStats(s: LayerStats, options: RenderOptions = {}): HTMLElement {
  const doc = options.document ?? document;
  const size = resolveSize(options, CHART_SIZE);
  const root = doc.createElement('div');
  root.className = 'layer-stats-charts';
  const panels = options.panel ? [options.panel] : STATS_PANELS;
  root.append(...panels.map((panel) => renderStatsPanel(panel, s, { ...options, document: doc, size })));
  return root;
}
