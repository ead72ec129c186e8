/**
 * A small HTML legend for charts whose series would collide if labelled at the end of their lines: each entry
 * shows the series' line (colour AND dash pattern) and/or marker shape next to its name, so the legend never relies
 * on colour alone. Pure: builds DOM with the given `document`, so it also runs in Node. Its text is sized in em, so it
 * follows the widget's text (larger on a slide).
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface LegendItem {
  label: string;
  /** A CSS colour, e.g. 'var(--c-blue)'. */
  color: string;
  /** SVG stroke-dasharray of the series' line ('none' for solid); omit for a marker-only entry. */
  dash?: string;
  /** The series' marker shape, if its points are drawn. */
  symbol?: 'circle' | 'triangle' | 'square';
}

function swatch(doc: Document, item: LegendItem): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  svg.setAttribute('width', '34');
  svg.setAttribute('height', '14');
  svg.setAttribute('viewBox', '0 0 34 14');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  if (item.dash !== undefined) {
    const line = doc.createElementNS(SVG_NS, 'line');
    line.setAttribute('x1', '1');
    line.setAttribute('x2', '33');
    line.setAttribute('y1', '7');
    line.setAttribute('y2', '7');
    line.setAttribute('stroke', item.color);
    line.setAttribute('stroke-width', '3');
    if (item.dash !== 'none') line.setAttribute('stroke-dasharray', item.dash);
    svg.append(line);
  }
  if (item.symbol) {
    const shape = doc.createElementNS(SVG_NS, item.symbol === 'circle' ? 'circle' : 'path');
    if (item.symbol === 'circle') {
      shape.setAttribute('cx', '17');
      shape.setAttribute('cy', '7');
      shape.setAttribute('r', '4.5');
    } else {
      shape.setAttribute('d', item.symbol === 'triangle' ? 'M17,1.5L22.5,11.5L11.5,11.5Z' : 'M12.5,2.5h9v9h-9Z');
    }
    shape.setAttribute('fill', item.color);
    svg.append(shape);
  }
  return svg;
}

export function renderLegend(items: readonly LegendItem[], options: { document?: Document; label?: string } = {}): HTMLElement {
  const doc = options.document ?? document;
  const list = doc.createElement('ul');
  list.className = 'chart-legend';
  if (options.label) list.setAttribute('aria-label', options.label);
  list.style.cssText = 'display:flex;flex-wrap:wrap;gap:0.25rem 1.25rem;list-style:none;margin:0 0 0.25rem;padding:0;font-size:0.95em;';
  for (const item of items) {
    const entry = doc.createElement('li');
    entry.style.cssText = 'display:inline-flex;align-items:center;gap:0.4rem;';
    const name = doc.createElement('span');
    name.textContent = item.label; // text only
    entry.append(swatch(doc, item), name);
    list.append(entry);
  }
  return list;
}
