/**
 * A classifier's decision regions over a square of the input plane, with the data on top.
 * Regions are drawn as one rectangle per run of equal predictions in each grid row (a 64 × 64
 * grid is a few hundred rectangles, not 4,096); points carry their class as a marker shape as well
 * as a colour. Pure: builds SVG with the given `document`, so it also runs in Node.
 */
import { CLASS_FILLS } from './palette.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface DecisionMapState {
  /** Predicted class per grid cell, row-major, row 0 at the TOP (largest y). */
  predictions: ArrayLike<number>;
  resolution: number;
  /** The square shown: [min, max] on both axes. */
  extent: [number, number];
  points: ReadonlyArray<{ x: number; y: number; label: number }>;
}

export interface DecisionMapOptions {
  document?: Document;
  size?: number;
  title: string;
  description: string;
}

/** Runs of equal values in one row: [start, length, value][]. */
export function rowRuns(predictions: ArrayLike<number>, row: number, resolution: number): Array<[number, number, number]> {
  const runs: Array<[number, number, number]> = [];
  for (let c = 0; c < resolution; c++) {
    const v = predictions[row * resolution + c];
    const last = runs.at(-1);
    if (last && last[2] === v) last[1]++;
    else runs.push([c, 1, v]);
  }
  return runs;
}

function marker(doc: Document, label: number, cx: number, cy: number, r: number): SVGElement {
  const shape = label % 3;
  if (shape === 0) {
    const c = doc.createElementNS(SVG_NS, 'circle');
    c.setAttribute('cx', cx.toFixed(1));
    c.setAttribute('cy', cy.toFixed(1));
    c.setAttribute('r', r.toFixed(1));
    return c;
  }
  const path = doc.createElementNS(SVG_NS, 'path');
  const d =
    shape === 1
      ? `M${(cx - r).toFixed(1)},${(cy - r).toFixed(1)}h${(2 * r).toFixed(1)}v${(2 * r).toFixed(1)}h${(-2 * r).toFixed(1)}Z`
      : `M${cx.toFixed(1)},${(cy - 1.2 * r).toFixed(1)}L${(cx + 1.1 * r).toFixed(1)},${(cy + 0.8 * r).toFixed(1)}L${(cx - 1.1 * r).toFixed(1)},${(cy + 0.8 * r).toFixed(1)}Z`;
  path.setAttribute('d', d);
  return path;
}

export function renderDecisionMap(state: DecisionMapState, options: DecisionMapOptions): SVGSVGElement {
  const doc = options.document ?? document;
  const size = options.size ?? 320;
  const { resolution: n, extent } = state;
  const cell = size / n;
  const [lo, hi] = extent;
  const toPx = (v: number) => ((v - lo) / (hi - lo)) * size;

  const svg = doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', options.title);
  const desc = doc.createElementNS(SVG_NS, 'desc');
  desc.textContent = options.description;
  svg.append(desc);

  const regions = doc.createElementNS(SVG_NS, 'g');
  // Opacity on the group, not on each rectangle: the rows overlap by half a pixel (no hairline gaps),
  // and per-rectangle transparency would show those overlaps as stripes.
  regions.setAttribute('opacity', '0.28');
  for (let row = 0; row < n; row++) {
    for (const [start, length, value] of rowRuns(state.predictions, row, n)) {
      if (!Number.isInteger(value) || value < 0) continue;
      const rect = doc.createElementNS(SVG_NS, 'rect');
      rect.setAttribute('x', (start * cell).toFixed(2));
      rect.setAttribute('y', (row * cell).toFixed(2));
      rect.setAttribute('width', (length * cell + 0.5).toFixed(2));
      rect.setAttribute('height', (cell + 0.5).toFixed(2));
      rect.setAttribute('fill', CLASS_FILLS[value % CLASS_FILLS.length]);
      regions.append(rect);
    }
  }
  svg.append(regions);

  const dots = doc.createElementNS(SVG_NS, 'g');
  dots.setAttribute('stroke', 'var(--bg, #fff)');
  dots.setAttribute('stroke-width', '1');
  for (const p of state.points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const m = marker(doc, p.label, toPx(p.x), size - toPx(p.y), Math.max(2.5, size / 110));
    m.setAttribute('fill', CLASS_FILLS[p.label % CLASS_FILLS.length]);
    dots.append(m);
  }
  svg.append(dots);
  return svg;
}
