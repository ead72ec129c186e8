/**
 * Several named series against a shared x (e.g. training loss per step for ReLU and tanh),
 * drawn with Observable Plot. Pure: state in, SVG out; pass `document` to render in Node.
 * Non-finite values are dropped, never drawn.
 */
import * as Plot from '@observablehq/plot';
import { plot } from './plot.ts';
import { seriesColor, seriesDash, seriesTextColor } from './palette.ts';
import { endLabelMarks, type EndLabel, type PixelScale } from './end-labels.ts';

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
  xLabel: string;
  yLabel: string;
  yDomain?: [number, number];
  xDomain?: [number, number];
  yType?: 'linear' | 'log';
  ariaLabel: string;
  ariaDescription: string;
  /** Horizontal reference lines, e.g. a target error. */
  rules?: Array<{ y: number; label: string }>;
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
  const rows = seriesRows(series);
  const marks: Plot.Markish[] = [Plot.ruleY([options.yType === 'log' ? (options.yDomain?.[0] ?? 1e-3) : 0], { stroke: 'currentColor', strokeOpacity: 0.3 })];
  for (const rule of options.rules ?? []) {
    marks.push(
      Plot.ruleY([rule.y], { stroke: 'currentColor', strokeDasharray: '3 3', strokeOpacity: 0.7 }),
      Plot.text([rule], { y: 'y', text: 'label', frameAnchor: 'right', dy: -8, fill: 'currentColor', fontSize: 14 }),
    );
  }
  const ends: EndLabel[] = [];
  series.forEach((s, i) => {
    const own = rows.filter((r) => r.i === i);
    marks.push(Plot.line(own, { x: 'x', y: 'y', stroke: seriesColor(i), strokeWidth: 2.5, strokeDasharray: seriesDash(i) }));
    const last = own.at(-1);
    if (last) ends.push({ x: last.x, y: last.y, text: s.name, fill: seriesTextColor(i) });
  });
  const height = options.height ?? 300;
  const [marginTop, marginBottom] = [24, 44];
  marks.push(...endLabelMarks(ends, yScaleOf(rows, options, [height - marginBottom, marginTop]), { fontSize: 14 }));
  return plot({
    document: options.document,
    width: options.width ?? 640,
    height,
    marginTop,
    marginLeft: 56,
    marginRight: 90,
    style: { fontSize: '14px', background: 'transparent', color: 'currentColor' },
    marginBottom,
    // Centred under the axis, the label never collides with the last tick.
    x: { label: options.xLabel, domain: options.xDomain, grid: true, labelAnchor: 'center', labelOffset: 38 },
    y: { label: options.yLabel, domain: options.yDomain, type: options.yType ?? 'linear', grid: true },
    ariaLabel: options.ariaLabel,
    ariaDescription: options.ariaDescription,
    marks,
  });
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
