/**
 * The thinned net of the sample shown: the 4–5–5–2 net with its dropped units crossed, dashed and dimmed and their
 * connections removed; with "backprop" on, the connections whose weights get a non-zero gradient drawn thick; kept
 * units per layer against the expected (1 − p)·n. Drawn for its box: left to right with the counts under each layer
 * where the width has room for them side by side, top to bottom with the counts beside each layer where it has not
 * (a phone), so the text never shrinks.
 */
import { layoutNet, transposeLayout, type NetLayout, type UnitPosition } from '../thinned-net-figure/net-geometry.ts';
import { CHART_TEXT, resolveSize } from '../../src/widgets/chart-size.ts';
import { NET_SIZES, type SampleMasks } from './model.ts';
import { fmt, type DropoutMaskView } from './describe.ts';
import { cross, el, svgRoot, text, textWidth, type RenderOptions } from './chart-kit.ts';

/** Preferred size in the reading view (page, phone); on a slide the chart fills its box. */
export const NET_SIZE = { width: 640, height: 300, phoneHeight: 330 };

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
  // A layer's name in bold, its kept count (data-count, for tests and tools), its expected count a little softer.
  const lineStyle = (l: number, k: number) => ({ 'font-size': fs, ...[{ 'font-weight': 600 }, { 'data-count': `layer-${l}` }, { opacity: 0.85 }][k] });
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
      lines[l].forEach((t, k) => svg.append(text(doc, x, H - (2 - k) * line - 6, t, lineStyle(l, k))));
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
      lines[l].forEach((t, k) => svg.append(text(doc, 0, y + (k - 1) * spread + fs * 0.35, t, { 'text-anchor': 'start', ...lineStyle(l, k) })));
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
