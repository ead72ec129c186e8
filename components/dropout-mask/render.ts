/**
 * Pure rendering of the dropout-mask widget, two charts:
 * - the net: the 4–5–5–2 net for the chosen sample (dropped units crossed, dashed and dimmed, their connections
 *   removed; with "backprop" on, the connections whose weights get a non-zero gradient drawn thick), with kept-unit
 *   counts per layer against the expected (1 − p)·n;
 * - the batch: the masks of the mini-batch, one row per sample and one cell per unit, and the dropped share per layer.
 * The reading view shows both; a slide shows one (the `panel` option), drawn to fill its box. Each is drawn for the
 * size it is shown at (src/widgets/chart-size.ts), with its text at that density's size, never scaled down: on a phone
 * the net runs top to bottom, so its layer names have the width of the chart. Plain SVG built with the given
 * `document` (jsdom in tests); text only, never HTML.
 */
import { layerName, layoutNet, listUnits, transposeLayout, type NetLayout, type UnitPosition } from '../thinned-net-figure/net-geometry.ts';
import { CHART_TEXT, type ChartSize, resolveSize } from '../../src/widgets/chart-size.ts';
import { NET_SIZES, type GradientFlow, type SampleMasks } from './model.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface DropoutMaskView {
  readonly batch: readonly SampleMasks[];
  /** 1-based sample shown in the diagram. */
  readonly sample: number;
  readonly resample: number;
  readonly seed: number;
  /** Present when "backprop" is on. */
  readonly gradients: GradientFlow | null;
}

export type MaskPanel = 'net' | 'batch';
export const MASK_PANELS: readonly MaskPanel[] = ['net', 'batch'];

export interface RenderOptions {
  document?: Document;
  width?: number;
  /** The box to draw for; in the reading view only its width and density count (each chart has its own height). */
  size?: ChartSize;
  /** Only this chart (a slide shows one at a time); both by default. */
  panel?: MaskPanel;
}

/** Preferred sizes in the reading view (page, phone); on a slide a chart fills its box. */
export const NET_SIZE = { width: 640, height: 300, phoneHeight: 330 };
export const BATCH_SIZE = { width: 640, height: 260, phoneHeight: 250 };

/** One decimal at most: 2.5, 3.2, 4. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const r = Math.round(v * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

function keptIndices(mask: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) out.push(i);
  return out;
}

/** One layer of one sample in words: "hidden layer 1 keeps units 1, 3 and 4 (3 of 5; expected 2.5)". */
export function describeLayer(layer: SampleMasks['layers'][number]): string {
  const n = layer.mask.length;
  const name = layerName(layer.layer, NET_SIZES.length);
  if (!layer.active) return `${name}: dropout off, all ${n} units kept`;
  const kept = keptIndices(layer.mask);
  const which = kept.length === 0 ? 'no units' : kept.length === n ? 'all units' : `unit${kept.length > 1 ? 's' : ''} ${listUnits(kept)}`;
  return `${name} keeps ${which} (${kept.length} of ${n}; expected ${fmt(layer.expected)} at p = ${fmt2(layer.p)})`;
}

function fmt2(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 100) / 100) : '–';
}

export function describeDropoutMask(view: DropoutMaskView): string {
  const shown = view.batch[view.sample - 1] ?? view.batch[0];
  const head = `Sample ${shown.sample} of ${view.batch.length} (seed ${view.seed}, resample ${view.resample}): ${shown.layers.map(describeLayer).join('; ')}; the ${NET_SIZES.at(-1)} outputs are never dropped.`;
  const others = view.batch
    .filter((s) => s.sample !== shown.sample)
    .map((s) => `sample ${s.sample} keeps ${s.layers.map((l) => `${l.kept}/${l.mask.length}`).join(', ')}`);
  const distinct = new Set(view.batch.map((s) => s.layers.map((l) => Array.from(l.mask).join('')).join('|'))).size;
  const batch = `Each sample of the mini-batch draws its own masks (kept per layer, input, hidden 1, hidden 2): ${others.join('; ')}; ${distinct} of ${view.batch.length} samples have different masks.`;
  const g = view.gradients;
  const grad = g
    ? ` Backpropagation for sample ${shown.sample}: ${g.flowing} of ${g.total} weights get a non-zero gradient, all of them between kept units (${g.leaks} touch a dropped unit); the weights of dropped units get exactly zero.`
    : '';
  return `${head} ${batch}${grad}`;
}

function el(doc: Document, name: string, attrs: Record<string, string | number>): SVGElement {
  const node = doc.createElementNS(SVG_NS, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, typeof v === 'number' ? (Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '0') : v);
  return node;
}

function text(doc: Document, x: number, y: number, content: string, attrs: Record<string, string | number> = {}): SVGElement {
  const t = el(doc, 'text', { x, y, 'text-anchor': 'middle', fill: 'currentColor', ...attrs });
  t.textContent = content;
  return t;
}

/** About how wide `content` is at `size` px (a little wider than the system sans fonts measure, so layouts keep a gap). */
export function textWidth(content: string, size: number, bold = false): number {
  return [...content].length * size * (bold ? 0.64 : 0.57);
}

function cross(doc: Document, cx: number, cy: number, d: number, width: number): SVGElement {
  return el(doc, 'path', {
    class: 'cross',
    d: `M${cx - d},${cy - d}L${cx + d},${cy + d}M${cx - d},${cy + d}L${cx + d},${cy - d}`,
    fill: 'none',
    stroke: 'var(--c-orange)',
    'stroke-width': width,
    'stroke-linecap': 'round',
  });
}

function svgRoot(doc: Document, size: ChartSize, label: string, view: DropoutMaskView, className: string): SVGSVGElement {
  const svg = el(doc, 'svg', { viewBox: `0 0 ${size.width} ${size.height}`, width: size.width, height: size.height, role: 'img', class: className }) as SVGSVGElement;
  svg.setAttribute('aria-label', label);
  const desc = el(doc, 'desc', {});
  desc.textContent = describeDropoutMask(view);
  svg.append(desc);
  return svg;
}

/** The three lines under (or beside) a layer: its name, kept of n, and the expected count (1 − p)·n. */
function layerLines(shown: SampleMasks, l: number): [string, string, string] {
  const name = l === 0 ? 'input' : l === NET_SIZES.length - 1 ? 'output' : `hidden ${l}`;
  const layer = shown.layers[l];
  const kept = !layer ? 'never' : layer.active ? `${layer.kept} of ${layer.mask.length} kept` : `all ${layer.mask.length} kept`;
  const expected = !layer ? 'dropped' : layer.active ? `exp. ${fmt(layer.expected)}` : 'no dropout';
  return [name, kept, expected];
}

/**
 * The thinned net of the sample shown. Left to right with the counts under each layer where the chart is wide enough
 * for them; top to bottom with the counts beside each layer where it is not (a phone).
 */
export function renderMaskNet(view: DropoutMaskView, options: RenderOptions = {}): SVGSVGElement {
  const doc = options.document ?? document;
  const size = resolveSize(options, NET_SIZE);
  const fs = CHART_TEXT[size.density].label;
  const line = Math.round(fs * 1.3);
  const shown = view.batch[view.sample - 1] ?? view.batch[0];
  const masks = [...shown.layers.map((l) => l.mask), new Float64Array(NET_SIZES.at(-1)!).fill(1)];
  const lines = NET_SIZES.map((_, l) => layerLines(shown, l));
  const blockWidth = Math.max(...lines.flat().map((t, i) => textWidth(t, fs, i % 3 === 0)));
  const { width: W, height: H } = size;

  const svg = svgRoot(doc, size, `Dropout masks of sample ${shown.sample}: the thinned net${view.gradients ? ' and where gradients flow' : ''}`, view, 'dropout-mask-svg dropout-mask-net');
  const title = `Sample ${shown.sample}: thinned net`;
  const legend = view.gradients ? 'thick = gets gradient' : '';
  const oneLine = textWidth(`${title} · ${legend}`, fs, true) <= W - 8;
  svg.append(text(doc, 4, fs + 2, legend && oneLine ? `${title} · ${legend}` : title, { 'text-anchor': 'start', 'font-size': fs, 'font-weight': 600 }));
  let top = fs + 2 + Math.round(fs * 0.6);
  if (legend && !oneLine) {
    svg.append(text(doc, 4, top + fs, legend, { 'text-anchor': 'start', 'font-size': fs }));
    top += line;
  }

  // Left to right needs the three lines of each layer to fit its share of the width; else top to bottom.
  const across = (W - blockWidth) / (NET_SIZES.length - 1) >= blockWidth + fs * 0.6;
  let layout: NetLayout;
  if (across) {
    const netTop = top + 6, netBottom = H - 3 * line - 8;
    const radius = Math.max(8, Math.min(22, (netBottom - netTop) / 12, W / 40));
    layout = layoutNet(NET_SIZES, masks, { x: blockWidth / 2 - radius, y: netTop, width: W - blockWidth + 2 * radius, height: Math.max(2 * radius, netBottom - netTop) }, radius);
    layout.units.forEach((column, l) => {
      const x = column[0].x;
      lines[l].forEach((t, k) => svg.append(text(doc, x, H - (2 - k) * line - 6, t, { 'font-size': fs, ...(k === 0 ? { 'font-weight': 600 } : {}), ...(k === 1 ? { 'data-count': `layer-${l}` } : {}), ...(k === 2 ? { opacity: 0.85 } : {}) })));
    });
  } else {
    // Top to bottom: each layer a row, its three lines at the left (kept clear of the title and the bottom edge), its
    // units across the rest.
    const unitsLeft = blockWidth + 12;
    const radius = Math.max(7, Math.min(16, (W - unitsLeft) / 13, (H - top) / 16));
    const pad = Math.max(0, line + fs - radius);
    const box = { x: top + pad, y: unitsLeft, width: Math.max(2 * radius, H - 4 - pad - (top + pad)), height: W - unitsLeft - 4 };
    layout = transposeLayout(layoutNet(NET_SIZES, masks, box, radius));
    const rowGap = NET_SIZES.length > 1 ? layout.units[1][0].y - layout.units[0][0].y : line * 3;
    const spread = Math.min(line, (rowGap - fs) / 2);
    layout.units.forEach((row, l) => {
      const y = row[0].y;
      lines[l].forEach((t, k) => svg.append(text(doc, 0, y + (k - 1) * spread + fs * 0.35, t, { 'text-anchor': 'start', 'font-size': fs, ...(k === 0 ? { 'font-weight': 600 } : {}), ...(k === 1 ? { 'data-count': `layer-${l}` } : {}), ...(k === 2 ? { opacity: 0.85 } : {}) })));
    });
  }
  drawNet(doc, svg, view, layout);
  return svg;
}

/** A connection from the rim of one unit to the rim of the other. */
function rimToRim(from: UnitPosition, to: UnitPosition, r: number): { x1: number; y1: number; x2: number; y2: number } {
  const dx = to.x - from.x, dy = to.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x1: from.x + (dx / len) * r, y1: from.y + (dy / len) * r, x2: to.x - (dx / len) * r, y2: to.y - (dy / len) * r };
}

function drawNet(doc: Document, svg: SVGSVGElement, view: DropoutMaskView, layout: NetLayout): void {
  const radius = layout.radius;
  // Connections: only those between kept units exist in the thinned net.
  const edges = el(doc, 'g', { class: 'edges', stroke: 'currentColor', 'stroke-opacity': 0.45, 'stroke-width': 1.5 });
  const flowing = el(doc, 'g', { class: 'gradient-edges', stroke: 'var(--c-blue)', 'stroke-width': Math.max(3, radius / 4), 'stroke-linecap': 'round' });
  let edgeIndex = 0;
  for (let l = 0; l + 1 < NET_SIZES.length; l++) {
    for (let i = 0; i < NET_SIZES[l]; i++) {
      for (let j = 0; j < NET_SIZES[l + 1]; j++) {
        const e = layout.edges[edgeIndex++];
        if (!e.kept) continue;
        const line = el(doc, 'line', rimToRim(e.from, e.to, radius));
        const g = view.gradients?.magnitudes[l][i * NET_SIZES[l + 1] + j] ?? 0;
        if (view.gradients && g > 0) {
          line.setAttribute('data-gradient', 'true');
          flowing.append(line);
        } else edges.append(line);
      }
    }
  }
  svg.append(edges, flowing);

  const units = el(doc, 'g', { class: 'units', stroke: 'currentColor', 'stroke-width': 2.5 });
  for (const u of layout.units.flat()) {
    const g = el(doc, 'g', { 'data-layer': u.layer, 'data-unit': u.index + 1, 'data-kept': String(u.kept) });
    if (u.kept) g.append(el(doc, 'circle', { cx: u.x, cy: u.y, r: radius, fill: 'var(--bg)' }));
    else {
      g.append(el(doc, 'circle', { cx: u.x, cy: u.y, r: radius, fill: 'var(--bg)', 'stroke-dasharray': '5 4', opacity: 0.5 }));
      g.append(cross(doc, u.x, u.y, radius * 0.95, Math.max(2.5, radius / 4.5)));
    }
    units.append(g);
  }
  svg.append(units);
}

/**
 * The masks of the mini-batch: one row per sample (the one shown in the net outlined), one cell per unit grouped by
 * layer, a crossed, dashed cell for a dropped unit; under each layer, how many of its cells in the batch are dropped
 * against the expected p·n·B.
 */
export function renderMaskBatch(view: DropoutMaskView, options: RenderOptions = {}): SVGSVGElement {
  const doc = options.document ?? document;
  const size = resolveSize(options, BATCH_SIZE);
  const fs = CHART_TEXT[size.density].label;
  const line = Math.round(fs * 1.3);
  const { width: W, height: H } = size;
  const shown = view.batch[view.sample - 1] ?? view.batch[0];
  const svg = svgRoot(doc, size, `Dropout masks of the ${view.batch.length} samples of the mini-batch, one row per sample; sample ${shown.sample} is outlined`, view, 'dropout-mask-svg dropout-mask-batch');
  svg.append(text(doc, 4, fs + 2, 'Masks of the mini-batch', { 'text-anchor': 'start', 'font-size': fs, 'font-weight': 600 }));

  const groups = NET_SIZES.slice(0, -1);
  const units = groups.reduce((a, b) => a + b, 0);
  // Row labels: "sample 1" where there is room for them and cells of a useful size, else "1" under a "sample" header.
  const groupGap = Math.round(fs * 0.6);
  const long = (W - textWidth('sample 4', fs, true) - 8 - groupGap * (groups.length - 1)) / units >= fs * 1.3;
  const labelWidth = long ? textWidth('sample 4', fs, true) : Math.max(textWidth('sample', fs), textWidth('4', fs, true));
  const gridLeft = labelWidth + 8;
  const pitch = (W - gridLeft - 8 - groupGap * (groups.length - 1)) / units; // 8: room for the outline of the selected row
  const headerY = fs + 2 + line;
  const bottomLines = 3;
  const rowsTop = headerY + Math.round(fs * 0.5);
  const legendY = H - 4;
  const rowsBottom = legendY - line - bottomLines * line - 6;
  const rowPitch = Math.max(8, (rowsBottom - rowsTop) / view.batch.length);
  const cellW = Math.max(4, pitch - Math.max(2, pitch * 0.12));
  const cellH = Math.max(4, Math.min(rowPitch - Math.max(3, rowPitch * 0.2), cellW * 1.4));

  const groupX: number[] = [];
  let x = gridLeft;
  groups.forEach((n) => {
    groupX.push(x);
    x += n * pitch + groupGap;
  });
  groups.forEach((n, l) => svg.append(text(doc, groupX[l] + (n * pitch) / 2, headerY, l === 0 ? 'input' : `hidden ${l}`, { 'font-size': fs, 'font-weight': 600 })));
  if (!long) svg.append(text(doc, 0, headerY, 'sample', { 'text-anchor': 'start', 'font-size': fs }));

  view.batch.forEach((s, r) => {
    const selected = s.sample === shown.sample;
    const y = rowsTop + r * rowPitch + (rowPitch - cellH) / 2;
    const row = el(doc, 'g', { 'data-sample': s.sample, 'data-selected': String(selected) });
    row.append(text(doc, long ? 0 : labelWidth / 2, y + cellH / 2 + fs * 0.35, long ? `sample ${s.sample}` : String(s.sample), { 'text-anchor': long ? 'start' : 'middle', 'font-size': fs, 'font-weight': selected ? 700 : 400 }));
    s.layers.forEach((layer, l) => {
      for (let i = 0; i < layer.mask.length; i++) {
        const cx = groupX[l] + i * pitch + (pitch - cellW) / 2;
        const kept = layer.mask[i] !== 0;
        row.append(
          el(doc, 'rect', {
            x: cx,
            y,
            width: cellW,
            height: cellH,
            fill: kept ? 'currentColor' : 'none',
            'fill-opacity': kept ? (layer.active ? 0.7 : 0.3) : 0,
            stroke: 'currentColor',
            'stroke-width': 1.2,
            'stroke-dasharray': kept ? 'none' : '3 2',
            'data-kept': String(kept),
          }),
        );
        if (!kept) row.append(cross(doc, cx + cellW / 2, y + cellH / 2, Math.max(2, Math.min(cellW, cellH) / 2 - 2), Math.max(1.6, Math.min(cellW, cellH) / 9)));
      }
    });
    if (selected) {
      const pad = Math.max(3, Math.min(6, (rowPitch - cellH) / 2));
      row.append(el(doc, 'rect', { x: gridLeft - pad, y: y - pad, width: x - groupGap - gridLeft + 2 * pad, height: cellH + 2 * pad, fill: 'none', stroke: 'var(--c-blue)', 'stroke-width': 2.5, rx: 4 }));
    }
    svg.append(row);
  });

  // Under each layer: dropped cells of the whole batch against the expected p·n·B.
  const countsTop = rowsTop + view.batch.length * rowPitch + 4;
  groups.forEach((n, l) => {
    const layers = view.batch.map((s) => s.layers[l]);
    const cells = n * layers.length;
    const dropped = layers.reduce((sum, layer) => sum + layer.mask.length - layer.kept, 0);
    const expected = layers.reduce((sum, layer) => sum + layer.p * layer.mask.length, 0);
    const cx = groupX[l] + (n * pitch) / 2;
    [`${dropped} of ${cells}`, 'dropped', `exp. ${fmt(expected)}`].forEach((t, k) =>
      svg.append(text(doc, cx, countsTop + (k + 1) * line - 4, t, { 'font-size': fs, ...(k === 0 ? { 'data-dropped': `layer-${l}` } : {}), ...(k === 2 ? { opacity: 0.85 } : {}) })),
    );
  });
  svg.append(text(doc, 4, legendY, 'rows: samples · ✕ dropped', { 'text-anchor': 'start', 'font-size': fs }));
  return svg;
}

/** The reading view's two charts, or the one a slide shows, in a box of their own. */
export function renderDropoutMask(view: DropoutMaskView, options: RenderOptions = {}): HTMLElement {
  const doc = options.document ?? document;
  const root = doc.createElement('div');
  root.className = 'dropout-mask-charts';
  const charts = { net: renderMaskNet, batch: renderMaskBatch } as const;
  const preferred = { net: NET_SIZE, batch: BATCH_SIZE } as const;
  const panels = options.panel ? [options.panel] : MASK_PANELS;
  for (const panel of panels) {
    // A slide's one chart fills the box it is given; in the reading view each chart keeps its own height.
    const given = options.panel ? resolveSize(options, preferred[panel]) : undefined;
    const size = given ?? (options.size
      ? { ...options.size, height: options.size.density === 'phone' ? preferred[panel].phoneHeight : preferred[panel].height }
      : resolveSize({ width: options.width }, preferred[panel]));
    root.append(charts[panel](view, { document: doc, size }));
  }
  return root;
}
