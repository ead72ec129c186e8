/**
 * What both dropout-mask charts are built from: plain SVG elements made with the given `document` (numbers rounded,
 * never a non-finite one), text only, and an estimate of how wide a label is, so a layout can keep its labels apart.
 */
import type { ChartSize } from '../../src/widgets/chart-size.ts';
import { describeDropoutMask, type DropoutMaskView } from './describe.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface RenderOptions {
  document?: Document;
  width?: number;
  /** The box to draw for; in the reading view only its width and density count (each chart has its own height). */
  size?: ChartSize;
}

export function el(doc: Document, name: string, attrs: Record<string, string | number>): SVGElement {
  const node = doc.createElementNS(SVG_NS, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, typeof v === 'number' ? (Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '0') : v);
  return node;
}

export function text(doc: Document, x: number, y: number, content: string, attrs: Record<string, string | number> = {}): SVGElement {
  const t = el(doc, 'text', { x, y, 'text-anchor': 'middle', fill: 'currentColor', ...attrs });
  t.textContent = content;
  return t;
}

/** About how wide `content` is at `size` px (a little wider than the system sans fonts measure, so layouts keep a gap). */
export function textWidth(content: string, size: number, bold = false): number {
  return [...content].length * size * (bold ? 0.64 : 0.57);
}

export function cross(doc: Document, cx: number, cy: number, d: number, width: number): SVGElement {
  return el(doc, 'path', {
    class: 'cross',
    d: `M${cx - d},${cy - d}L${cx + d},${cy + d}M${cx - d},${cy + d}L${cx + d},${cy - d}`,
    fill: 'none',
    stroke: 'var(--c-orange)',
    'stroke-width': width,
    'stroke-linecap': 'round',
  });
}

/** An <svg> image drawn for `size` (its viewBox is the size it is shown at: never scaled), named and described. */
export function svgRoot(doc: Document, size: ChartSize, label: string, view: DropoutMaskView, className: string): SVGSVGElement {
  const svg = el(doc, 'svg', { viewBox: `0 0 ${size.width} ${size.height}`, width: size.width, height: size.height, role: 'img', class: className }) as SVGSVGElement;
  svg.setAttribute('aria-label', label);
  const desc = el(doc, 'desc', {});
  desc.textContent = describeDropoutMask(view);
  svg.append(desc);
  return svg;
}
