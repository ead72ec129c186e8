/**
 * Several named series against a shared x (e.g. training loss per step for ReLU and tanh),
 * drawn with Observable Plot. Pure: state in, SVG out; pass `document` to render in Node.
 * Non-finite values are dropped, never drawn.
 */
import * as Plot from '@observablehq/plot';
import { plot } from './plot.ts';
import { seriesColor, seriesDash, seriesTextColor } from './palette.ts';
import { endLabelMarks, type EndLabel, type PixelScale } from './end-labels.ts';
import { yAxisLabel } from './axis-label.ts';
import { CHART_TEXT, type ChartSize, type Density, chartStyle, resolveSize, scaled, tickCount } from '../chart-size.ts';

export interface Series {
  name: string;
  /** y values at x = xs[i] (or i when no xs). */
  ys: ArrayLike<number>;
  xs?: ArrayLike<number>;
}

export interface LineChartOptions {
  document?: Document;
  width?: number;
  height?: number;
  /**
   * The box to draw for (src/widgets/chart-size.ts): text, margins and tick counts follow its density. Without it the
   * chart is drawn at `width` × `height` (640 × 300 by default) for the reading view.
   */
  size?: ChartSize;
  xLabel: string;
  yLabel: string;
  yDomain?: [number, number];
  xDomain?: [number, number];
  yType?: 'linear' | 'log';
  ariaLabel: string;
  ariaDescription: string;
  /** Horizontal reference lines, e.g. a target error. */
  rules?: Array<{ y: number; label: string }>;
  /** Room right of the frame for the end labels (px); by default endLabelRoom of the series' names. */
  marginRight?: number;
}

type Row = { series: string; x: number; y: number; i: number };

export function seriesRows(series: readonly Series[]): Row[] {
  const rows: Row[] = [];
  series.forEach((s, i) => {
    for (let k = 0; k < s.ys.length; k++) {
      const x = s.xs ? s.xs[k] : k;
      const y = s.ys[k];
      if (Number.isFinite(x) && Number.isFinite(y)) rows.push({ series: s.name, x, y, i });
    }
  });
  return rows;
}

export function renderLineChart(series: readonly Series[], options: LineChartOptions): SVGSVGElement | HTMLElement {
  const size = resolveSize(options, { width: options.width ?? 640, height: options.height ?? 300 });
  const d = size.density;
  const font = CHART_TEXT[d];
  const rows = seriesRows(series);
  const marks: Plot.Markish[] = [Plot.ruleY([options.yType === 'log' ? (options.yDomain?.[0] ?? 1e-3) : 0], { stroke: 'currentColor', strokeOpacity: 0.3 })];
  for (const rule of options.rules ?? []) {
    marks.push(
      Plot.ruleY([rule.y], { stroke: 'currentColor', strokeDasharray: '3 3', strokeOpacity: 0.7 }),
      Plot.text([rule], { y: 'y', text: 'label', frameAnchor: 'right', dy: -scaled(8, d), fill: 'currentColor', fontSize: font.label }),
    );
  }
  const ends: EndLabel[] = [];
  series.forEach((s, i) => {
    const own = rows.filter((r) => r.i === i);
    marks.push(Plot.line(own, { x: 'x', y: 'y', stroke: seriesColor(i), strokeWidth: d === 'slide' ? 3 : 2.5, strokeDasharray: seriesDash(i) }));
    const last = own.at(-1);
    if (last) ends.push({ x: last.x, y: last.y, text: s.name, fill: seriesTextColor(i) });
  });
  const [marginTop, marginBottom, marginLeft] = [scaled(24, d), scaled(44, d), scaled(56, d)];
  const marginRight = options.marginRight ?? endLabelRoom(series.map((s) => s.name), d);
  marks.push(...endLabelMarks(ends, yScaleOf(rows, options, [size.height - marginBottom, marginTop]), { fontSize: font.label }));
  // On a slide the y axis's name is drawn here, its whole line inside the chart (Plot's own pokes out at 18 px).
  if (d === 'slide') marks.push(yAxisLabel(options.yLabel, { fontSize: font.tick, marginTop, marginLeft }));
  const plotHeight = Math.max(40, size.height - marginTop - marginBottom);
  const plotWidth = Math.max(40, size.width - marginLeft - marginRight);
  // The reading view keeps Plot's own tick counts; a slide and a phone get fewer, larger ticks.
  const linear = (options.yType ?? 'linear') === 'linear';
  return plot({
    document: options.document,
    width: size.width,
    height: size.height,
    marginTop,
    marginLeft,
    marginRight,
    style: chartStyle(d),
    marginBottom,
    // Centred under the axis, the label never collides with the last tick.
    x: { label: options.xLabel, domain: options.xDomain, grid: true, labelAnchor: 'center', labelOffset: marginBottom - scaled(6, d), ticks: d === 'page' ? undefined : tickCount(plotWidth, d) },
    y: { label: d === 'slide' ? null : options.yLabel, domain: options.yDomain, type: options.yType ?? 'linear', grid: true, ticks: d === 'page' || !linear ? undefined : tickCount(plotHeight, d, font.tick * 2.8) },
    ariaLabel: options.ariaLabel,
    ariaDescription: options.ariaDescription,
    marks,
  });
}

/**
 * Room right of a chart's frame for its lines' end names at this density: the longest name at this text size, and at
 * least 90 px in the reading view. Charts stacked above each other pass the same room to line up their frames.
 */
export function endLabelRoom(names: readonly string[], density: Density): number {
  const longest = Math.max(0, ...names.map((name) => name.length));
  return Math.max(scaled(density === 'page' ? 90 : 30, density), Math.ceil(longest * CHART_TEXT[density].label * 0.62) + scaled(12, density));
}

/** The y scale Plot will draw (its domain is the extent of what is drawn, the rule at 0 included, unless given). */
function yScaleOf(rows: readonly Row[], options: LineChartOptions, range: [number, number]): PixelScale {
  const type = options.yType ?? 'linear';
  if (options.yDomain) return { domain: options.yDomain, range, type };
  const base = type === 'log' ? 1e-3 : 0;
  let [lo, hi] = [base, base];
  for (const r of rows) [lo, hi] = [Math.min(lo, r.y), Math.max(hi, r.y)];
  for (const rule of options.rules ?? []) [lo, hi] = [Math.min(lo, rule.y), Math.max(hi, rule.y)];
  return { domain: [lo, hi], range, type };
}
