/**
 * Pure rendering of the inverted-dropout widget: per unit, the test-time output h (a bar with a thick line at its
 * top), the band h ± 2·std of the running mean, and the running mean of the training outputs m ⊙ h / (1 − p) (a
 * dot; values beyond the axis are pinned to its top with an arrow, and their number where it fits). Under the axis,
 * h, the running mean and the latest mask (✕ = dropped). Drawn for the size it is shown at (src/widgets/chart-size.ts):
 * the text at that density's size, the legend flowing into as many rows as the width needs. Plain SVG from the given
 * `document`; text only; no non-finite number is ever drawn.
 */
import { CHART_TEXT, type ChartSize, resolveSize, tickCount } from '../../src/widgets/chart-size.ts';
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

/**
 * The conventions table's cells: [convention, E[train], mean over the masks drawn, test, verdict]; `short` for a slide
 * or a phone, where the table has less room (the same numbers, fewer words).
 */
export function conventionCells(conventions: readonly Convention[], count: number, short = false): string[][] {
  const ratio = (c: Convention) => fmt(c.testFactor / c.trainFactor, 3);
  return conventions.map((c) => [
    short ? SHORT_LABELS[c.name] : c.label,
    factor(c.trainFactor),
    count > 0 ? factor(c.sampledFactor) : short ? '–' : 'no masks yet',
    factor(c.testFactor),
    c.matches ? (short ? '✓ yes' : '✓ matches') : short ? `✗ ${ratio(c)}×` : `✗ test is ${ratio(c)}× the training average`,
  ]);
}

const SHORT_LABELS: Record<Convention['name'], string> = { inverted: 'Inverted', standard: 'Standard', convnetjs: 'ConvNetJS' };

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
  const t = el(doc, 'text', { x, y, 'text-anchor': 'middle', fill: 'currentColor', ...attrs });
  t.textContent = content;
  return t;
}

/** About how wide `content` is at `size` px (a little wider than the system sans fonts measure, so layouts keep a gap). */
export function textWidth(content: string, size: number, bold = false): number {
  return [...content].length * size * (bold ? 0.64 : 0.57);
}

/** A round upper limit for the axis: at least twice the largest h. */
export function axisMax(units: readonly UnitEstimate[]): number {
  const top = Math.max(0.5, ...units.map((u) => (Number.isFinite(u.h) ? u.h : 0)));
  return Math.ceil(top * 2 * 2) / 2;
}

/** Preferred size in the reading view (page, phone); on a slide the chart fills its box. */
export const CHART_SIZE = { width: 600, height: 340, phoneHeight: 340 };

export interface RenderOptions {
  document?: Document;
  width?: number;
  size?: ChartSize;
}

type LegendEntry = { swatch: 'line' | 'band' | 'dot'; texts: readonly string[] };

export function renderInverted(view: InvertedView, options: RenderOptions = {}): SVGSVGElement {
  const doc = options.document ?? document;
  const size = resolveSize(options, CHART_SIZE);
  const { width, height } = size;
  const fs = CHART_TEXT[size.density].label;
  const line = Math.round(fs * 1.35);
  // Numbers under the axis: two decimals where a unit's slot has room for them, else one.
  const slotGuess = (width - fs * 5) / Math.max(1, view.units.length);
  const digits = textWidth('0.00', fs) + 6 <= slotGuess ? 2 : 1;

  const svg = el(doc, 'svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'inverted-dropout-svg' }) as SVGSVGElement;
  svg.setAttribute('aria-label', `Running mean of inverted-dropout training outputs against the test-time output, after ${view.count} masks`);
  const desc = el(doc, 'desc', {});
  desc.textContent = describeInverted(view);
  svg.append(desc);

  // Legend (shape and dash as well as colour): entries flow into rows; each takes the longest of its texts that fits.
  const entries: LegendEntry[] = [
    { swatch: 'line', texts: ['test output h'] },
    { swatch: 'band', texts: ['h ± 2 std of the mean'] },
    { swatch: 'dot', texts: [`mean of the training outputs m ⊙ h/(1 − p) over N = ${view.count} masks`, `mean of m ⊙ h/(1 − p) over N = ${view.count} masks`, `mean of m ⊙ h/(1 − p), N = ${view.count}`, `training mean, N = ${view.count}`] },
  ];
  const swatchW = Math.round(fs * 1.5), gap = Math.round(fs * 0.4), entryGap = Math.round(fs * 1.2);
  const legend = el(doc, 'g', { class: 'legend' });
  let lx = 2, row = 0;
  for (const entry of entries) {
    const room = width - 4 - swatchW - gap;
    const content = entry.texts.find((t) => textWidth(t, fs) <= room) ?? entry.texts.at(-1)!;
    const w = swatchW + gap + textWidth(content, fs);
    if (lx > 2 && lx + w > width - 2) {
      lx = 2;
      row++;
    }
    const baseline = fs + row * line;
    const mid = baseline - fs * 0.35;
    if (entry.swatch === 'line') legend.append(el(doc, 'line', { x1: lx, y1: mid, x2: lx + swatchW, y2: mid, stroke: 'currentColor', 'stroke-width': 4 }));
    else if (entry.swatch === 'band') legend.append(el(doc, 'rect', { x: lx + 2, y: mid - fs * 0.45, width: swatchW - 4, height: fs * 0.9, fill: 'var(--c-blue)', 'fill-opacity': 0.3, stroke: 'var(--c-blue)', 'stroke-dasharray': '4 3' }));
    else legend.append(el(doc, 'circle', { cx: lx + swatchW / 2, cy: mid, r: Math.max(5, fs * 0.38), fill: 'var(--c-orange)', stroke: 'var(--bg)', 'stroke-width': 2 }));
    legend.append(label(doc, lx + swatchW + gap, baseline, content, { 'text-anchor': 'start', 'font-size': fs }));
    lx += w + entryGap;
  }
  svg.append(legend);

  // The plot's frame: room above for the arrows (and numbers) of means beyond the axis; below, h, the mean and the mask.
  const legendBottom = fs + row * line + Math.round(fs * 0.4);
  const top = legendBottom + fs + 14;
  const maskSize = Math.round(Math.max(12, Math.min(fs * 1.1, 26)));
  const bottom = height - (2 * line + maskSize + 14);
  const rowHeads = ['h', 'mean', 'mask'];
  const left = Math.ceil(Math.max(textWidth('0.5', fs), ...rowHeads.map((t) => textWidth(t, fs))) + 12 + fs * 1.5);
  const right = 6;
  const yMax = axisMax(view.units);
  const plotHeight = Math.max(20, bottom - top);
  const y = (v: number) => bottom - (Math.min(Math.max(v, 0), yMax) / yMax) * plotHeight;
  const slot = (width - left - right) / Math.max(1, view.units.length);

  // Axis with a few ticks: every 0.5 or every 1, as many as the height has room for.
  const room = tickCount(plotHeight, size.density, fs * 2);
  const step = [0.5, 1, 2].find((s) => yMax / s + 1 <= room + 1e-9) ?? 2;
  const axis = el(doc, 'g', { class: 'axis', stroke: 'currentColor', 'stroke-opacity': 0.35 });
  for (let t = 0; t <= yMax + 1e-9; t += step) {
    axis.append(el(doc, 'line', { x1: left, y1: y(t), x2: width - right, y2: y(t), 'stroke-dasharray': t === 0 ? 'none' : '2 4' }));
    axis.append(label(doc, left - 8, y(t) + fs * 0.35, fmt(t, 1), { 'text-anchor': 'end', 'font-size': fs, stroke: 'none' }));
  }
  svg.append(axis);
  const axisX = Math.round(fs + 2); // the baseline of the rotated name: its glyphs reach about one font size to its left
  svg.append(label(doc, axisX, (top + bottom) / 2, 'output', { transform: `rotate(-90 ${axisX} ${(top + bottom) / 2})`, 'font-size': fs }));

  const arrow = Math.max(6, Math.min(10, slot / 5));
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
      if (u.mean > yMax) {
        g.append(el(doc, 'path', { d: `M${cx - arrow},${top + 4}L${cx},${top - arrow}L${cx + arrow},${top + 4}Z`, fill: 'var(--c-orange)' }));
        const value = `↑ ${fmt(u.mean, digits)}`;
        if (textWidth(value, fs) + 4 <= slot) g.append(label(doc, cx, top - arrow - 4, value, { 'font-size': fs }));
      } else g.append(el(doc, 'circle', { class: 'running-mean', cx, cy: y(u.mean), r: Math.max(5, Math.min(8, slot / 8)), fill: 'var(--c-orange)', stroke: 'var(--bg)', 'stroke-width': 2 }));
    }
    g.append(label(doc, cx, bottom + line, fmt(u.h, digits), { 'font-size': fs, 'data-value': 'h' }));
    g.append(label(doc, cx, bottom + 2 * line, view.count > 0 ? fmt(u.mean, digits) : '–', { 'font-size': fs, 'data-value': 'mean' }));
    // The latest mask: a filled square (kept) or a dashed, crossed one (dropped).
    if (view.count > 0) {
      const kept = view.lastMask[i] !== 0;
      const s = maskSize, my = bottom + 2 * line + 8;
      g.append(el(doc, 'rect', { x: cx - s / 2, y: my, width: s, height: s, fill: kept ? 'currentColor' : 'none', 'fill-opacity': kept ? 0.7 : 0, stroke: 'currentColor', 'stroke-dasharray': kept ? 'none' : '3 2', 'data-kept': String(kept) }));
      if (!kept) g.append(el(doc, 'path', { d: `M${cx - s * 0.28},${my + s * 0.22}L${cx + s * 0.28},${my + s * 0.78}M${cx - s * 0.28},${my + s * 0.78}L${cx + s * 0.28},${my + s * 0.22}`, stroke: 'var(--c-orange)', 'stroke-width': 2.2, fill: 'none' }));
    }
    svg.append(g);
  });
  // Row headers for the numbers under the axis.
  svg.append(label(doc, left - 8, bottom + line, 'h', { 'text-anchor': 'end', 'font-size': fs, 'font-style': 'italic' }));
  svg.append(label(doc, left - 8, bottom + 2 * line, 'mean', { 'text-anchor': 'end', 'font-size': fs }));
  if (view.count > 0) svg.append(label(doc, left - 8, bottom + 2 * line + 8 + maskSize * 0.5 + fs * 0.35, 'mask', { 'text-anchor': 'end', 'font-size': fs }));
  return svg;
}
