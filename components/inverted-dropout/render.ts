/**
 * Pure rendering of the inverted-dropout widget: per unit, the test-time output h (a bar with a thick line at its
 * top), the band h ± 2·std of the running mean, and the running mean of the training outputs m ⊙ h / (1 − p) (a
 * dot; values beyond the axis are pinned to its top with an arrow and their number). Under the axis, the latest
 * mask (✕ = dropped). Plain SVG from the given `document`; text only; no non-finite number is ever drawn.
 */
import type { Convention, UnitEstimate } from './model.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface InvertedView {
  readonly p: number;
  readonly count: number;
  readonly units: readonly UnitEstimate[];
  readonly lastMask: ArrayLike<number>;
  readonly conventions: readonly Convention[];
}

export function fmt(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return '–';
  return String(Math.round(v * 10 ** digits) / 10 ** digits);
}

function factor(v: number): string {
  return Number.isFinite(v) ? `${fmt(v, 3)}·h` : '–';
}

/** The conventions table's cells: [convention, E[train], mean over the masks drawn, test, verdict]. */
export function conventionCells(conventions: readonly Convention[], count: number): string[][] {
  return conventions.map((c) => [
    c.label,
    factor(c.trainFactor),
    count > 0 ? factor(c.sampledFactor) : 'no masks yet',
    factor(c.testFactor),
    c.matches ? '✓ matches' : `✗ test is ${fmt(c.testFactor / c.trainFactor, 3)}× the training average`,
  ]);
}

export function describeInverted(view: InvertedView): string {
  const { p, count, units } = view;
  const hs = units.map((u) => fmt(u.h)).join(', ');
  const head = `Layer activations h = ${hs} (the test-time output: inverted dropout leaves the network untouched). Drop probability p = ${fmt(p)}, training scale 1/(1 − p) = ${fmt(1 / (1 - p), 3)}.`;
  let body: string;
  if (count === 0) body = ' No masks drawn yet: draw some to see the running mean of the training outputs m ⊙ h / (1 − p).';
  else {
    const within = units.filter((u) => u.withinTwoStd).length;
    body = ` After ${count} mask${count === 1 ? '' : 's'} the running means of m ⊙ h / (1 − p) are ${units.map((u) => fmt(u.mean)).join(', ')}; ${within} of ${units.length} lie within h ± 2 standard deviations of the mean (h·√(p / ((1 − p)·N)), ${fmt(units[0].std, 3)} for unit 1).`;
  }
  const conv = view.conventions
    .map((c) => `${c.label}: training average ${factor(c.trainFactor)}, test ${factor(c.testFactor)}, ${c.matches ? 'matches' : 'does not match'}`)
    .join('; ');
  return `${head}${body} ${conv}.`;
}

function el(doc: Document, name: string, attrs: Record<string, string | number>): SVGElement {
  const node = doc.createElementNS(SVG_NS, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, typeof v === 'number' ? (Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '0') : v);
  return node;
}

function label(doc: Document, x: number, y: number, content: string, attrs: Record<string, string | number> = {}): SVGElement {
  const t = el(doc, 'text', { x, y, 'text-anchor': 'middle', fill: 'currentColor', 'font-size': 15, ...attrs });
  t.textContent = content;
  return t;
}

/** A round upper limit for the axis: at least twice the largest h. */
export function axisMax(units: readonly UnitEstimate[]): number {
  const top = Math.max(0.5, ...units.map((u) => (Number.isFinite(u.h) ? u.h : 0)));
  return Math.ceil(top * 2 * 2) / 2;
}

export function renderInverted(view: InvertedView, options: { document?: Document } = {}): SVGSVGElement {
  const doc = options.document ?? document;
  const width = 600, height = 340;
  const left = 80, right = 10, top = 72, bottom = 250;
  const yMax = axisMax(view.units);
  const y = (v: number) => bottom - (Math.min(Math.max(v, 0), yMax) / yMax) * (bottom - top);
  const slot = (width - left - right) / Math.max(1, view.units.length);

  const svg = el(doc, 'svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'inverted-dropout-svg' }) as SVGSVGElement;
  svg.setAttribute('aria-label', `Running mean of inverted-dropout training outputs against the test-time output, after ${view.count} masks`);
  const desc = el(doc, 'desc', {});
  desc.textContent = describeInverted(view);
  svg.append(desc);

  // Legend (shape and dash as well as colour).
  // Two legend rows, so the text can be large.
  const legend = el(doc, 'g', { class: 'legend' });
  legend.append(el(doc, 'line', { x1: 10, y1: 16, x2: 36, y2: 16, stroke: 'currentColor', 'stroke-width': 4 }));
  legend.append(label(doc, 42, 22, 'test output h', { 'text-anchor': 'start', 'font-size': 17 }));
  legend.append(el(doc, 'rect', { x: 200, y: 7, width: 22, height: 18, fill: 'var(--c-blue)', 'fill-opacity': 0.3, stroke: 'var(--c-blue)', 'stroke-dasharray': '4 3' }));
  legend.append(label(doc, 228, 22, 'h ± 2 std of the mean', { 'text-anchor': 'start', 'font-size': 17 }));
  legend.append(el(doc, 'circle', { cx: 23, cy: 42, r: 7, fill: 'var(--c-orange)', stroke: 'var(--bg)', 'stroke-width': 2 }));
  legend.append(label(doc, 42, 48, `mean of the training outputs m ⊙ h/(1 − p) over N = ${view.count} masks`, { 'text-anchor': 'start', 'font-size': 17 }));
  svg.append(legend);

  // Axis with a few ticks.
  const axis = el(doc, 'g', { class: 'axis', stroke: 'currentColor', 'stroke-opacity': 0.35 });
  for (let t = 0; t <= yMax + 1e-9; t += yMax <= 2 ? 0.5 : 1) {
    axis.append(el(doc, 'line', { x1: left, y1: y(t), x2: width - right, y2: y(t), 'stroke-dasharray': t === 0 ? 'none' : '2 4' }));
    const tick = label(doc, left - 8, y(t) + 5, fmt(t, 1), { 'text-anchor': 'end', 'font-size': 15, stroke: 'none' });
    axis.append(tick);
  }
  svg.append(axis);
  svg.append(label(doc, 22, (top + bottom) / 2, 'output', { transform: `rotate(-90 22 ${(top + bottom) / 2})`, 'font-size': 16 }));

  view.units.forEach((u, i) => {
    const cx = left + slot * (i + 0.5);
    const g = el(doc, 'g', { 'data-unit': i + 1 });
    if (Number.isFinite(u.h)) {
      g.append(el(doc, 'rect', { x: cx - slot * 0.3, y: y(u.h), width: slot * 0.6, height: bottom - y(u.h), fill: 'currentColor', 'fill-opacity': 0.12 }));
      if (Number.isFinite(u.std)) {
        const lo = y(u.h - 2 * u.std), hi = y(u.h + 2 * u.std);
        g.append(el(doc, 'rect', { class: 'band', x: cx - slot * 0.22, y: hi, width: slot * 0.44, height: Math.max(1, lo - hi), fill: 'var(--c-blue)', 'fill-opacity': 0.3, stroke: 'var(--c-blue)', 'stroke-dasharray': '4 3' }));
      }
      g.append(el(doc, 'line', { class: 'test-output', x1: cx - slot * 0.3, y1: y(u.h), x2: cx + slot * 0.3, y2: y(u.h), stroke: 'currentColor', 'stroke-width': 4 }));
    }
    if (Number.isFinite(u.mean)) {
      const over = u.mean > yMax;
      if (over) {
        g.append(el(doc, 'path', { d: `M${cx - 8},${top + 4}L${cx},${top - 8}L${cx + 8},${top + 4}Z`, fill: 'var(--c-orange)' }));
        g.append(label(doc, cx + 12, top + 4, `↑ ${fmt(u.mean)}`, { 'font-size': 15, 'text-anchor': 'start' }));
      } else g.append(el(doc, 'circle', { class: 'running-mean', cx, cy: y(u.mean), r: 7, fill: 'var(--c-orange)', stroke: 'var(--bg)', 'stroke-width': 2 }));
    }
    g.append(label(doc, cx, bottom + 22, fmt(u.h), { 'font-size': 16, 'data-value': 'h' }));
    g.append(label(doc, cx, bottom + 43, view.count > 0 ? fmt(u.mean) : '–', { 'font-size': 16, 'data-value': 'mean' }));
    // The latest mask: a filled square (kept) or a dashed, crossed one (dropped).
    if (view.count > 0) {
      const kept = view.lastMask[i] !== 0;
      const s = 18, my = bottom + 54;
      g.append(el(doc, 'rect', { x: cx - s / 2, y: my, width: s, height: s, fill: kept ? 'currentColor' : 'none', 'fill-opacity': kept ? 0.7 : 0, stroke: 'currentColor', 'stroke-dasharray': kept ? 'none' : '3 2', 'data-kept': String(kept) }));
      if (!kept) g.append(el(doc, 'path', { d: `M${cx - 5},${my + 4}L${cx + 5},${my + 14}M${cx - 5},${my + 14}L${cx + 5},${my + 4}`, stroke: 'var(--c-orange)', 'stroke-width': 2.2, fill: 'none' }));
    }
    svg.append(g);
  });
  // Row headers for the numbers under the axis.
  svg.append(label(doc, left - 8, bottom + 22, 'h', { 'text-anchor': 'end', 'font-size': 16, 'font-style': 'italic' }));
  svg.append(label(doc, left - 8, bottom + 43, 'mean', { 'text-anchor': 'end', 'font-size': 16 }));
  if (view.count > 0) svg.append(label(doc, left - 8, bottom + 68, `mask ${view.count}`, { 'text-anchor': 'end', 'font-size': 15 }));
  return svg;
}
