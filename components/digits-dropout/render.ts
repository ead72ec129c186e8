/**
 * Pure rendering of the digits experiment, each panel drawn for the box it is given (src/widgets/chart-size.ts):
 * - errors: training and test error of both nets against the epoch (four lines: colour for the net, a dash of its
 *   own for each line, a marker shape per net and a name at every line's end);
 * - features: the first-layer weights of both nets as 28 × 28 grey tiles (Srivastava et al. 2014, Fig. 7), drawn
 *   into canvases (an <image> from a data: URL would break the site's img-src 'self'); or how far each weight moved
 *   from the starting weights both nets share;
 * - activations: the histogram of hidden layer 1's activations on the test digits for both nets, their means and
 *   the share that is exactly zero (Fig. 8).
 */
import * as Plot from '@observablehq/plot';
import { plot } from '../../src/widgets/charts/plot.ts';
import { endLabelMarks } from '../../src/widgets/charts/end-labels.ts';
import { renderLegend } from '../../src/widgets/charts/legend.ts';
import { seriesColor, seriesTextColor } from '../../src/widgets/charts/palette.ts';
import { CHART_TEXT, type ChartSize, chartStyle, resolveSize, scaled, tickCount } from '../../src/widgets/chart-size.ts';
import type { RunCurves, RunSnapshot } from './protocol.ts';
import type { HistogramBins } from './probe.ts';
import { type DigitsPanel, decimal, percent } from './describe.ts';
import { tileScale } from './tiles.ts';

/** What the charts draw (from the run's view; see run.ts). */
export interface DigitsView {
  /** Planned epochs (the x axis). */
  epochs: number;
  curves: readonly [RunCurves, RunCurves] | null;
  snapshot: { epoch: number; bins: HistogramBins; runs: readonly [RunSnapshot, RunSnapshot] } | null;
  /** Epoch-0 tiles (the starting weights both nets share), for `change`. */
  initialTiles: Float32Array | null;
  /** Tiles show W − W₀ instead of W. */
  change: boolean;
}

/**
 * A chart size with the text scale it needs: a slide whose bullets are taller than the stage is shrunk with CSS zoom
 * (src/deck/slide-fit.ts), which would take 18 px chart text under the 16 px a projector needs; the controller asks
 * for 1 / zoom so the text still renders at its density's size.
 */
export interface DigitsChartSize extends ChartSize {
  textScale?: number;
}

/** Text sizes and text-bound lengths (margins, tick spacing) for a size, at its text scale. */
function typeFor(size: DigitsChartSize) {
  const d = size.density, k = Math.max(1, size.textScale ?? 1);
  const tick = Math.round(CHART_TEXT[d].tick * k * 10) / 10, label = Math.round(CHART_TEXT[d].label * k * 10) / 10;
  return {
    d,
    tick,
    label,
    /** `px` at 14 px text, scaled with the text. */
    px: (px: number): number => Math.round(scaled(px, d) * k),
    style: { ...chartStyle(d), fontSize: `${tick}px` },
    ticks: (length: number, spacing?: number): number => tickCount(length / k, d, spacing === undefined ? undefined : spacing / k),
    text: { fontSize: label, fontWeight: 600, stroke: 'var(--bg-soft)', strokeWidth: 4, paintOrder: 'stroke' } as const,
  };
}

export interface RenderOptions {
  document?: Document;
  width?: number;
  size?: DigitsChartSize;
  /** Draws a tile sheet into a canvas (the browser's 2-D context by default; tests pass their own). */
  paint?: (canvas: HTMLCanvasElement, image: TileImage) => void;
}

/** Preferred chart sizes in the reading view (page, phone); on a slide a panel fills its box. */
export const CHART_SIZE = { width: 640, height: 280, phoneHeight: 240 };

export const NETS = [
  { name: 'no dropout', color: seriesColor(0), text: seriesTextColor(0), symbol: 'circle' },
  { name: 'dropout', color: seriesColor(1), text: seriesTextColor(1), symbol: 'square' },
] as const;

/** Each of the four error lines has its own dash, so no two lines differ by colour alone. */
const ERROR_LINES = [
  { net: 0, kind: 'test', dash: 'none' },
  { net: 1, kind: 'test', dash: '9 5' },
  { net: 0, kind: 'train', dash: '2 4' },
  { net: 1, kind: 'train', dash: '9 3 2 3' },
] as const;

type Point = { x: number; y: number };
const finitePoints = (xs: readonly number[], ys: readonly number[]): Point[] =>
  xs.map((x, i) => ({ x, y: ys[i] })).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));

/** About `count` whole-number ticks from 0 to `max`, at a round step (1, 2, 5, 10, 20, …). */
export function integerTicks(max: number, count: number): number[] {
  const raw = Math.max(1, max / Math.max(1, count));
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return Array.from({ length: Math.floor(max / step + 1e-9) + 1 }, (_, i) => i * step);
}

/** The error axis: 0 to 20%, or higher when the latest errors need it (a short run). The start, at chance, is cut. */
export function errorDomain(curves: DigitsView['curves']): [number, number] {
  const last = (curves ?? []).flatMap((c) => [c.testError.at(-1), c.trainError.at(-1)]).filter((v): v is number => Number.isFinite(v));
  const top = Math.max(0.2, ...last.map((v) => Math.ceil((v * 1.25) / 0.05) * 0.05));
  return [0, Math.min(1, top)];
}

export function errorsChart(view: DigitsView, doc: Document | undefined, size: DigitsChartSize): SVGSVGElement | HTMLElement {
  const t = typeFor(size), d = t.d;
  const [marginLeft, marginTop, marginBottom] = [t.px(52), t.px(20), t.px(44)];
  // Room for the longest end label ("train, no dropout") beside the marker; a phone has no room for them and shows a
  // legend above the chart instead.
  const legend = d === 'phone';
  const marginRight = legend ? t.px(14) : Math.ceil(17 * 0.6 * t.label) + t.px(22);
  const domain = errorDomain(view.curves);
  // Whole steps make the last measurement fall a little past the planned epochs (40 epochs of 2,000 digits in
  // batches of 64 end at epoch 40.0, 3 epochs at 3.07): the axis reaches it.
  const lastEpoch = Math.max(view.epochs, ...(view.curves ?? []).map((c) => c.epochs.at(-1) ?? 0));
  const xTicks = integerTicks(lastEpoch, t.ticks(size.width - marginLeft - marginRight));
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 })];
  const ends: { x: number; y: number; text: string; fill: string }[] = [];
  const described: string[] = [];
  for (const line of ERROR_LINES) {
    const curves = view.curves?.[line.net];
    if (!curves) continue;
    const net = NETS[line.net];
    const points = finitePoints(curves.epochs, line.kind === 'test' ? curves.testError : curves.trainError);
    const test = line.kind === 'test';
    marks.push(Plot.line(points, { x: 'x', y: 'y', stroke: net.color, strokeWidth: (d === 'slide' ? 3 : 2.5) - (test ? 0 : 1), strokeDasharray: line.dash, clip: true }));
    const end = points.at(-1);
    if (!end) continue;
    if (end.y <= domain[1]) {
      marks.push(Plot.dot([end], { x: 'x', y: 'y', symbol: net.symbol, r: d === 'slide' ? 6 : 5, fill: net.color, stroke: 'var(--bg)', strokeWidth: 1.5 }));
      ends.push({ ...end, text: `${line.kind}, ${net.name}`, fill: net.text });
    }
    described.push(`${line.kind} error ${net.name} ${percent(end.y, 1)}`);
  }
  // A name at the bottom is lifted clear of the epoch ticks under the axis.
  const lowest = ((0.7 * t.label) / Math.max(1, size.height - marginTop - marginBottom)) * (domain[1] - domain[0]);
  const lifted = ends.map((end) => ({ ...end, y: Math.max(end.y, domain[0] + lowest) }));
  if (!legend) marks.push(...endLabelMarks(lifted, { domain, range: [size.height - marginBottom, marginTop] }, { fontSize: t.label, gap: t.label + 2 }));
  const epoch = Math.round(view.curves?.[0].epochs.at(-1) ?? 0);
  const chart = plot({
    document: doc,
    width: size.width,
    height: size.height,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    style: t.style,
    x: { label: 'epoch', domain: [0, lastEpoch], grid: true, labelAnchor: 'center', labelOffset: marginBottom - 6, ticks: xTicks, tickFormat: 'd' },
    y: { label: 'error', domain, grid: true, ticks: t.ticks(size.height - marginTop - marginBottom, t.tick * 2.5), tickFormat: (v: number) => `${Math.round(v * 100)}%` },
    ariaLabel: 'Training and test error of both networks against the epoch',
    ariaDescription: described.length
      ? `At epoch ${epoch}: ${described.join(', ')}. The axis stops at ${Math.round(domain[1] * 100)}%; both nets start at chance, about 90% wrong.`
      : 'No training yet: press Train.',
    marks,
  });
  if (!legend) return chart;
  const wrapper = (doc ?? document).createElement('div');
  wrapper.append(
    renderLegend(ERROR_LINES.map((line) => ({ label: `${line.kind}, ${NETS[line.net].name}`, color: NETS[line.net].color, dash: line.dash, symbol: NETS[line.net].symbol })), { document: doc, label: 'Lines' }),
    chart,
  );
  return wrapper;
}

/** Activations of one net's hidden layer as drawn: shares of all activations per bin, exact zeros taken out. */
export interface Histogram {
  bins: { x0: number; x1: number; share: number }[];
  mean: number;
  zeroFraction: number;
  aboveFraction: number;
}

export function histogramOf(snapshot: RunSnapshot, bins: HistogramBins, layer = 0): Histogram | null {
  const h = snapshot.hidden[layer];
  if (!h) return null;
  const total = h.counts.reduce((s, c) => s + c, 0) + h.above;
  if (total === 0) return null;
  const zeros = Math.round(h.zeroFraction * total);
  const width = bins.max / bins.bins;
  return {
    bins: Array.from(h.counts, (c, b) => ({ x0: b * width, x1: (b + 1) * width, share: (b === 0 ? c - zeros : c) / total })),
    mean: h.mean,
    zeroFraction: h.zeroFraction,
    aboveFraction: h.above / total,
  };
}

export function activationsChart(view: DigitsView, doc: Document | undefined, size: DigitsChartSize): SVGSVGElement | HTMLElement {
  const t = typeFor(size), d = t.d;
  const snap = view.snapshot;
  const hists = snap ? snap.runs.map((r) => histogramOf(r, snap.bins)) : [null, null];
  const max = snap?.bins.max ?? 4;
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: 'currentColor' })];
  let yMax = 0.02;
  const legend: string[] = [];
  hists.forEach((hist, r) => {
    if (!hist) return;
    const net = NETS[r];
    const dash = r === 0 ? 'none' : '9 5';
    const b = hist.bins;
    // A step outline: up at each bin's left edge, across, down at its right edge.
    const outline = [{ x: b[0].x0, y: 0 }, ...b.flatMap((bin) => [{ x: bin.x0, y: bin.share }, { x: bin.x1, y: bin.share }]), { x: b.at(-1)!.x1, y: 0 }];
    marks.push(Plot.line(outline, { x: 'x', y: 'y', stroke: net.color, strokeWidth: d === 'slide' ? 3 : 2.5, strokeDasharray: dash }));
    if (Number.isFinite(hist.mean)) marks.push(Plot.ruleX([Math.min(max, hist.mean)], { stroke: net.color, strokeWidth: d === 'slide' ? 2.5 : 2, strokeDasharray: r === 0 ? '1 3' : '5 3 1 3' }));
    yMax = Math.max(yMax, ...b.map((bin) => bin.share));
    legend.push(`${net.name}: mean ${decimal(hist.mean)}, ${percent(hist.zeroFraction, 0)} exactly 0`);
  });
  yMax = Math.min(1, yMax * 1.15);
  const [marginLeft, marginRight, marginTop, marginBottom] = [t.px(52), t.px(20), t.px(12), t.px(44)];
  // A legend in the empty top right (the activations pile up near 0): one line per net, in its text colour. A phone
  // has no room for it beside the y axis: an HTML legend above the chart there.
  const inChart = d !== 'phone';
  const lineHeight = t.label + 6;
  const top = inChart ? marginTop + 2 * lineHeight + 6 : t.px(20);
  if (inChart) legend.forEach((text, r) => {
    marks.push(Plot.text([text], { frameAnchor: 'top-right', dy: r * lineHeight + 4, dx: -4, text: () => text, textAnchor: 'end', fill: NETS[r].text, ...t.text }));
  });
  const chart = plot({
    document: doc,
    width: size.width,
    height: size.height,
    marginLeft,
    marginRight,
    marginTop: top,
    marginBottom,
    style: t.style,
    x: { label: d === 'phone' ? 'activation, hidden layer 1' : 'activation, hidden layer 1 (test digits)', domain: [0, max], ticks: t.ticks(size.width - marginLeft - marginRight), labelAnchor: 'center', labelOffset: marginBottom - 6 },
    y: { label: d === 'page' ? 'share of activations (not 0)' : 'share (not 0)', domain: [0, yMax], grid: true, ticks: t.ticks(size.height - top - marginBottom, t.tick * 2.5), tickFormat: (v: number) => `${Math.round(v * 1000) / 10}%` },
    ariaLabel: 'Histogram of hidden layer 1 activations on the test digits, both networks',
    ariaDescription: legend.length
      ? `${legend.join('; ')}. The outlines show the activations above 0; the dotted and dash-dotted lines mark the means.`
      : 'No activations measured yet: press Train.',
    marks,
  });
  if (inChart || legend.length === 0) return chart;
  const wrapper = (doc ?? document).createElement('div');
  wrapper.append(renderLegend(legend.map((label, r) => ({ label, color: NETS[r].color, dash: r === 0 ? 'none' : '9 5' })), { document: doc, label: 'Outlines' }), chart);
  return wrapper;
}

/** A sheet of tiles as RGBA pixels: `columns` tiles across, a `gap` of transparent pixels between them. */
export interface TileImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * Grey tiles, one per unit: each tile scaled to its own largest |value| (0 mid grey, positive lighter, negative
 * darker, the paper's look). `subtract` (the starting weights) shows how far each weight moved instead.
 */
export function tileImage(tiles: Float32Array, tileCount: number, options: { columns: number; side?: number; gap?: number; subtract?: Float32Array | null }): TileImage {
  const side = options.side ?? 28, gap = options.gap ?? 2, pixels = side * side;
  const columns = Math.max(1, Math.min(options.columns, tileCount));
  const rows = Math.ceil(tileCount / columns);
  const width = columns * side + (columns - 1) * gap, height = rows * side + (rows - 1) * gap;
  const data = new Uint8ClampedArray(width * height * 4);
  const base = options.subtract ?? null;
  // (No copy of the tiles: drawn every few hundred milliseconds, and every array buffer made here is garbage to sweep.)
  const value = (k: number): number => (base ? tiles[k] - (base[k] ?? 0) : tiles[k]);
  for (let t = 0; t < tileCount; t++) {
    let scale = base ? 0 : tileScale(tiles, t, pixels);
    if (base) for (let k = t * pixels; k < (t + 1) * pixels; k++) scale = Math.max(scale, Math.abs(value(k)));
    scale ||= 1;
    const ox = (t % columns) * (side + gap), oy = Math.floor(t / columns) * (side + gap);
    for (let k = 0; k < pixels; k++) {
      const v = value(t * pixels + k);
      const grey = Number.isFinite(v) ? 128 + 127 * Math.max(-1, Math.min(1, v / scale)) : 128;
      const at = ((oy + Math.floor(k / side)) * width + ox + (k % side)) * 4;
      data[at] = data[at + 1] = data[at + 2] = grey;
      data[at + 3] = 255;
    }
  }
  return { width, height, data };
}

function paintCanvas(canvas: HTMLCanvasElement, image: TileImage): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  context.putImageData(new ImageData(image.data as Uint8ClampedArray<ArrayBuffer>, image.width, image.height), 0, 0);
}

/** The grey scale's key: three swatches (wider than a marker) named negative, 0, positive. Hidden from assistive
 * technology: the panel's name says what the greys mean. */
function greyKey(doc: Document, size: DigitsChartSize): SVGSVGElement {
  const t = typeFor(size), d = t.d;
  const ns = 'http://www.w3.org/2000/svg';
  // Swatches wider than a marker (24 px), so no quality check takes three grey boxes for a colour-only series.
  const font = t.label, swatch = d === 'phone' ? 26 : t.px(34), h = Math.round(font * 0.9);
  const labels = ['negative', '0', 'positive'];
  // Each swatch, then its label (about 0.6 em a character), then a gap.
  const starts = labels.reduce<number[]>((at, label, i) => [...at, i === 0 ? 1 : at[i - 1] + swatch + 6 + Math.ceil(labels[i - 1].length * 0.6 * font) + (d === 'phone' ? 10 : t.px(18))], []);
  const width = starts[2] + swatch + 6 + Math.ceil(labels[2].length * 0.6 * font) + 2, height = Math.max(h, font) + 8;
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('data-keep-size', ''); // a build-time drawing keeps the key's own size (src/widgets/built-figure.ts)
  svg.setAttribute('class', 'digits-key');
  ['#000', '#808080', '#fff'].forEach((fill, i) => {
    const rect = doc.createElementNS(ns, 'rect');
    for (const [k, v] of Object.entries({ x: starts[i], y: (height - h) / 2, width: swatch, height: h, fill, stroke: 'currentColor', 'stroke-width': 1 })) rect.setAttribute(k, String(v));
    const text = doc.createElementNS(ns, 'text');
    for (const [k, v] of Object.entries({ x: starts[i] + swatch + 6, y: height / 2, 'dominant-baseline': 'central', fill: 'currentColor', 'font-size': font })) text.setAttribute(k, String(v));
    text.textContent = labels[i];
    svg.append(rect, text);
  });
  return svg;
}

/** Columns of tiles per net for a box: 8 (8 × 8 = 64 units) unless the box is very short. */
export function tileColumns(tileCount: number): number {
  return Math.max(1, Math.round(Math.sqrt(tileCount)));
}

/**
 * The two nets' tile sheets side by side, titled, over the grey key: an HTML panel, named as one image. Each
 * canvas holds the tiles at 1 pixel per weight, shown larger with sharp pixels (CSS), as large as the box allows.
 */
export function featuresPanel(view: DigitsView, doc: Document, size: DigitsChartSize, paint: RenderOptions['paint'] = paintCanvas): HTMLElement {
  const d = size.density;
  const snap = view.snapshot;
  const change = view.change && view.initialTiles !== null;
  const panel = doc.createElement('div');
  panel.className = `digits-features digits-features--${d}`;
  panel.setAttribute('role', 'img');
  // A slide shows the first 36 units (6 × 6), each tile large enough to read from the back of the room.
  const count = Math.min(snap?.runs[0].tileCount ?? 64, d === 'slide' ? 36 : Infinity);
  const columns = tileColumns(count);
  const what = change ? 'how far each weight moved from the starting weights both nets share' : 'the weights';
  panel.setAttribute(
    'aria-label',
    snap
      ? `First-layer weights at epoch ${Math.round(snap.epoch)}: ${count} hidden units of each network as 28 by 28 grey images of ${what} (light positive, dark negative), without dropout on the left, with dropout on the right.`
      : 'First-layer weights of both networks as 28 by 28 grey images: they appear when training starts.',
  );
  // Room for the sheets: the box's width shared by two, and on a slide its height less the titles and the key.
  const t = typeFor(size);
  const font = t.label;
  const gap = t.px(16);
  // Side by side, each half the width; on a phone one above the other, each the full width (tiles twice as large).
  const byWidth = d === 'phone' ? size.width : Math.floor((size.width - gap - 2) / 2);
  const byHeight = d === 'slide' ? Math.floor(size.height - 2 * (font * 1.4) - 16) : Infinity;
  const sheet = Math.max(60, Math.min(byWidth, byHeight));
  const grid = doc.createElement('div');
  grid.className = 'digits-features-grid';
  grid.style.columnGap = `${gap}px`; // the gap the sheets were sized with
  NETS.forEach((net, r) => {
    const column = doc.createElement('div');
    column.className = 'digits-features-net';
    column.style.width = `${sheet}px`; // a long title wraps instead of widening the column
    const title = doc.createElement('p');
    title.className = 'digits-features-title';
    title.textContent = net.name === 'dropout' ? 'With dropout' : 'Without dropout';
    const canvas = doc.createElement('canvas');
    canvas.setAttribute('aria-hidden', 'true');
    // Before training: mid-grey tiles (all weights 0), so the sheet's shape is there from the start.
    const image = snap ? tileImage(snap.runs[r].tiles, count, { columns, subtract: change ? view.initialTiles : null }) : tileImage(new Float32Array(count * 784), count, { columns });
    canvas.width = image.width;
    canvas.height = image.height;
    canvas.style.width = `${sheet}px`;
    canvas.style.height = `${Math.round((sheet * image.height) / image.width)}px`;
    paint(canvas, image);
    column.append(title, canvas);
    grid.append(column);
  });
  panel.append(grid, greyKey(doc, size));
  if (change || !snap) {
    const note = doc.createElement('p');
    note.className = 'digits-features-note';
    note.textContent = snap ? 'Change since the start (W − W₀)' : 'The weights appear here when training starts.';
    panel.append(note);
  }
  return panel;
}

export function renderDigitsPanel(panel: DigitsPanel, view: DigitsView, options: RenderOptions = {}): SVGSVGElement | HTMLElement {
  const size: DigitsChartSize = { ...resolveSize(options, CHART_SIZE), textScale: options.size?.textScale };
  const doc = options.document ?? document;
  if (panel === 'features') return featuresPanel(view, doc, size, options.paint);
  return panel === 'errors' ? errorsChart(view, doc, size) : activationsChart(view, doc, size);
}
