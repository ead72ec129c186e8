/**
 * Pure rendering of the dropout-mask widget: the 4–5–5–2 net for the chosen sample (dropped units crossed, dashed
 * and dimmed, their connections removed; with "backprop" on, the connections whose weights get a non-zero gradient
 * drawn thick), kept-unit counts per layer against the expected (1 − p)·n, and a grid of the masks of every sample
 * of the mini-batch. Plain SVG built with the given `document` (jsdom in tests); text only, never HTML.
 */
import { layerName, layoutNet, listUnits } from '../thinned-net-figure/net-geometry.ts';
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

export interface RenderOptions {
  document?: Document;
}

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

function el<K extends string>(doc: Document, name: K, attrs: Record<string, string | number>): SVGElement {
  const node = doc.createElementNS(SVG_NS, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, typeof v === 'number' ? (Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '0') : v);
  return node;
}

function text(doc: Document, x: number, y: number, content: string, attrs: Record<string, string | number> = {}): SVGElement {
  const t = el(doc, 'text', { x, y, 'text-anchor': 'middle', fill: 'currentColor', 'font-size': 15, ...attrs });
  t.textContent = content;
  return t;
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

export const VIEW_WIDTH = 780;

export function renderDropoutMask(view: DropoutMaskView, options: RenderOptions = {}): SVGSVGElement {
  const doc = options.document ?? document;
  const shown = view.batch[view.sample - 1] ?? view.batch[0];
  const masks = [...shown.layers.map((l) => l.mask), new Float64Array(NET_SIZES.at(-1)!).fill(1)];
  const netTop = 44, netHeight = 206, radius = 16, netWidth = 440;
  const layout = layoutNet(NET_SIZES, masks, { x: 46, y: netTop, width: netWidth - 60, height: netHeight }, radius);
  const height = 340;

  const svg = el(doc, 'svg', { viewBox: `0 0 ${VIEW_WIDTH} ${height}`, width: VIEW_WIDTH, height, role: 'img', class: 'dropout-mask-svg' }) as SVGSVGElement;
  svg.setAttribute('aria-label', `Dropout masks of sample ${shown.sample}: network diagram and the masks of the mini-batch`);
  const desc = el(doc, 'desc', {});
  desc.textContent = describeDropoutMask(view);
  svg.append(desc);

  svg.append(text(doc, netWidth / 2, 22, `Sample ${shown.sample}: thinned net${view.gradients ? ' · thick = gradient' : ''}`, { 'font-size': 18, 'font-weight': 600 }));

  // Connections: only those between kept units exist in the thinned net.
  const edges = el(doc, 'g', { class: 'edges', stroke: 'currentColor', 'stroke-opacity': 0.45, 'stroke-width': 1.5 });
  const flowing = el(doc, 'g', { class: 'gradient-edges', stroke: 'var(--c-blue)', 'stroke-width': 4, 'stroke-linecap': 'round' });
  let edgeIndex = 0;
  for (let l = 0; l + 1 < NET_SIZES.length; l++) {
    for (let i = 0; i < NET_SIZES[l]; i++) {
      for (let j = 0; j < NET_SIZES[l + 1]; j++) {
        const e = layout.edges[edgeIndex++];
        if (!e.kept) continue;
        const line = el(doc, 'line', { x1: e.from.x + radius, y1: e.from.y, x2: e.to.x - radius, y2: e.to.y });
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
      g.append(cross(doc, u.x, u.y, radius * 0.95, 3.5));
    }
    units.append(g);
  }
  svg.append(units);

  // Counts under each layer: kept vs expected (1 − p)·n.
  layout.units.forEach((column, l) => {
    const x = column[0].x;
    const name = l === 0 ? 'input' : l === NET_SIZES.length - 1 ? 'output' : `hidden ${l}`;
    svg.append(text(doc, x, netTop + netHeight + 30, name, { 'font-size': 16, 'font-weight': 600 }));
    const layer = shown.layers[l];
    const line2 = !layer ? 'never' : layer.active ? `${layer.kept} of ${layer.mask.length} kept` : `all ${layer.mask.length} kept`;
    const line3 = !layer ? 'dropped' : layer.active ? `exp. ${fmt(layer.expected)}` : 'no dropout';
    svg.append(text(doc, x, netTop + netHeight + 52, line2, { 'data-count': `layer-${l}`, 'font-size': 16 }));
    svg.append(text(doc, x, netTop + netHeight + 72, line3, { 'font-size': 15, opacity: 0.85 }));
  });

  // The mini-batch: one column per sample, one square per unit (as in the diagram); crossed = dropped.
  const gridLeft = netWidth + 100, colWidth = 52, cellW = 26, cellH = 13, rowH = 16, groupGap = 10, gridTop = 60;
  svg.append(text(doc, gridLeft + (colWidth * view.batch.length) / 2 - 10, 22, 'Masks of the mini-batch', { 'font-size': 18, 'font-weight': 600 }));
  const groups = NET_SIZES.slice(0, -1);
  const rowY: number[][] = [];
  let y = gridTop;
  groups.forEach((n, l) => {
    rowY.push(Array.from({ length: n }, (_, i) => y + i * rowH));
    svg.append(text(doc, gridLeft - 12, y + (n * rowH) / 2 + 4, l === 0 ? 'input' : `hidden ${l}`, { 'text-anchor': 'end', 'font-size': 15 }));
    y += n * rowH + groupGap;
  });
  view.batch.forEach((s, col) => {
    const x = gridLeft + col * colWidth;
    const selected = s.sample === shown.sample;
    const colGroup = el(doc, 'g', { 'data-sample': s.sample, 'data-selected': String(selected) });
    colGroup.append(text(doc, x + cellW / 2, gridTop - 14, `${selected ? '▶' : ''}${s.sample}`, { 'font-size': 16, 'font-weight': selected ? 700 : 400 }));
    s.layers.forEach((layer, l) => {
      for (let i = 0; i < layer.mask.length; i++) {
        const cy = rowY[l][i];
        const kept = layer.mask[i] !== 0;
        colGroup.append(
          el(doc, 'rect', {
            x,
            y: cy,
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
        if (!kept) colGroup.append(cross(doc, x + cellW / 2, cy + cellH / 2, cellH / 2 - 2, 2.2));
      }
    });
    if (selected) colGroup.append(el(doc, 'rect', { x: x - 5, y: gridTop - 32, width: cellW + 10, height: y - gridTop + 32 - groupGap + 5, fill: 'none', stroke: 'var(--c-blue)', 'stroke-width': 2.5, rx: 5 }));
    svg.append(colGroup);
  });
  svg.append(text(doc, gridLeft + (colWidth * view.batch.length) / 2 - 10, y + 16, 'columns: samples · ✕ dropped', { 'font-size': 15 }));
  return svg;
}
