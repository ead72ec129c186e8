/**
 * Pure rendering of the p-sweep: final test and training error against the drop probability p, one marker per
 * trained net (test: circles on a solid line; training: squares on a dashed line), drawn with Observable Plot.
 * Non-finite values are dropped, never drawn. Pass `document` to render in Node.
 */
import * as Plot from '@observablehq/plot';
import { plot } from '../../src/widgets/charts/plot.ts';
import { seriesColor, seriesDash, seriesTextColor } from '../../src/widgets/charts/palette.ts';
import { endLabelMarks, type EndLabel } from '../../src/widgets/charts/end-labels.ts';
import { yAxisName } from '../../src/widgets/charts/axis-name.ts';
import { type ChartSize, chartStyle, chartText, resolveSize, scaled, tickCount } from '../../src/widgets/chart-size.ts';
import { summarizeSweep, type SweepPoint } from './model.ts';

export interface SweepView {
  readonly points: readonly SweepPoint[];
  /** All p values of the sweep (for the axis and for "still to train"). */
  readonly ps: readonly number[];
  readonly done: boolean;
  /** The settings in words, e.g. "spirals, 80 training points, label noise 0.1, lr 0.1, seed 1". */
  readonly setting: string;
  readonly steps: number;
}

export function pct(v: number): string {
  return Number.isFinite(v) ? `${(Math.round(v * 1000) / 10).toFixed(1)}%` : '–';
}

function points1(v: number): string {
  return Number.isFinite(v) ? (Math.round(v * 1000) / 10).toFixed(1) : '–';
}

function pText(p: number): string {
  return String(Math.round(p * 100) / 100);
}

/** "0.1–0.3" for a contiguous run of the sweep's p values, else a list. */
export function pRange(values: readonly number[], ps: readonly number[]): string {
  if (values.length === 0) return 'none';
  if (values.length === 1) return pText(values[0]);
  const idx = values.map((v) => ps.indexOf(v));
  const contiguous = idx.every((v, i) => i === 0 || v === idx[i - 1] + 1);
  return contiguous ? `${pText(values[0])}–${pText(values.at(-1)!)}` : values.map(pText).join(', ');
}

export function describeSweep(view: SweepView): string {
  const { points, ps } = view;
  if (points.length === 0) return `No nets trained yet. Press Train to train one network per drop probability p = ${ps.map(pText).join(', ')} (${view.setting}; ${view.steps} steps each) and plot their final errors.`;
  const list = points.map((pt) => `p = ${pText(pt.p)}: test ${pct(pt.testError)}, training ${pct(pt.trainError)}`).join('; ');
  const summary = summarizeSweep(points);
  const head = view.done ? `All ${points.length} nets trained (${view.setting}; ${view.steps} steps each).` : `${points.length} of ${ps.length} nets trained so far (${view.setting}; ${view.steps} steps each).`;
  if (!summary) return `${head} ${list}.`;
  const gain = summary.noDropout && summary.best.p !== 0 ? ` Without dropout (p = 0) the test error is ${pct(summary.noDropout.testError)}, ${points1(summary.noDropout.testError - summary.best.testError)} percentage points higher.` : '';
  return `${head} Final errors: ${list}. Lowest test error${view.done ? '' : ' so far'}: ${pct(summary.best.testError)} at p = ${pText(summary.best.p)}; within 1 percentage point of it: p = ${pRange(summary.nearBest, ps)}.${gain}`;
}

export interface RenderOptions {
  document?: Document;
  width?: number;
  /** The box to draw for (src/widgets/chart-size.ts); by default 640 × 320 in the reading view. */
  size?: ChartSize;
}

/** Preferred size in the reading view (page, phone); on a slide the chart fills its box. */
export const CHART_SIZE = { width: 640, height: 320, phoneHeight: 280 };

/** The p ticks: every p of the sweep when they have room, else every 2nd or 4th (always the first; evenly spaced). */
export function pTicks(ps: readonly number[], length: number, fontSize: number): number[] {
  const room = Math.max(2, Math.floor(length / (fontSize * 2.6)));
  const every = [1, 2, 4].find((k) => Math.ceil(ps.length / k) <= room) ?? Math.max(1, ps.length - 1);
  return ps.filter((_, i) => i % every === 0);
}

export function renderSweep(view: SweepView, options: RenderOptions = {}): SVGSVGElement | HTMLElement {
  const size = resolveSize(options, CHART_SIZE);
  const d = size.density;
  const k = size.textScale ?? 1;
  const font = chartText(size);
  // The training line's name at its end: the short form where room is scarce (a phone).
  const trainingName = d === 'phone' ? 'train' : 'training';
  const margin = { top: scaled(24, d, k), right: scaled(d === 'phone' ? 50 : 80, d, k), bottom: scaled(44, d, k), left: scaled(54, d, k) };
  const plotHeight = Math.max(40, size.height - margin.top - margin.bottom);
  const plotWidth = Math.max(40, size.width - margin.left - margin.right);
  const rows = view.points.flatMap((pt) => [
    { p: pt.p, error: pt.testError * 100, set: 'test' },
    { p: pt.p, error: pt.trainError * 100, set: 'training' },
  ]).filter((r) => Number.isFinite(r.p) && Number.isFinite(r.error));
  const top = Math.max(20, ...rows.map((r) => r.error));
  // Head room for the "best" label above every mark: a band of two text lines at the top of the plot.
  const band = Math.min(0.4, (font.label * 2) / plotHeight);
  const yMax = Math.ceil(top / (1 - band) / 10) * 10;
  const xMax = Math.max(0.8, ...view.ps);
  const test = rows.filter((r) => r.set === 'test');
  const train = rows.filter((r) => r.set === 'training');
  const summary = summarizeSweep(view.points);
  const big = d === 'slide';
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 }),
    Plot.line(train, { x: 'p', y: 'error', stroke: seriesColor(1), strokeWidth: big ? 3 : 2.5, strokeDasharray: seriesDash(1) }),
    Plot.dot(train, { x: 'p', y: 'error', symbol: 'square', r: big ? 6 : 5, fill: seriesColor(1) }),
    Plot.line(test, { x: 'p', y: 'error', stroke: seriesColor(0), strokeWidth: big ? 3.5 : 3 }),
    Plot.dot(test, { x: 'p', y: 'error', symbol: 'circle', r: big ? 7 : 6, fill: seriesColor(0), stroke: 'var(--bg)', strokeWidth: 1.5 }),
  ];
  // The names at the ends of the two lines, moved apart where they would overlap.
  const ends: EndLabel[] = [];
  const lastTest = test.at(-1), lastTrain = train.at(-1);
  if (lastTest) ends.push({ x: lastTest.p, y: lastTest.error, text: 'test', fill: seriesTextColor(0) });
  if (lastTrain) ends.push({ x: lastTrain.p, y: lastTrain.error, text: trainingName, fill: seriesTextColor(1) });
  marks.push(...endLabelMarks(ends, { domain: [0, yMax], range: [size.height - margin.bottom, margin.top] }, { fontSize: font.label, dx: scaled(12, d, k) }));
  if (summary) {
    const best = { p: summary.best.p, error: summary.best.testError * 100 };
    if (Number.isFinite(best.error)) {
      // A ring round the best net, and its error in the band above every mark (anchored away from the frame's edges).
      const where = best.p / xMax;
      marks.push(
        Plot.dot([best], { x: 'p', y: 'error', r: big ? 13 : 11, stroke: 'currentColor', strokeWidth: 2, fill: 'none' }),
        Plot.ruleX([best], { x: 'p', y1: 'error', y2: yMax * (1 - band * 0.55), stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '2 3', insetTop: 0 }),
        Plot.text([best], {
          x: 'p',
          frameAnchor: 'top',
          dy: font.label * 0.35,
          text: () => `best ${pct(summary.best.testError)}`,
          textAnchor: where < 0.15 ? 'start' : where > 0.85 ? 'end' : 'middle',
          fill: 'currentColor',
          fontSize: font.label,
          fontWeight: 600,
        }),
      );
    }
  }
  marks.push(yAxisName('final error (%)', { marginLeft: margin.left, marginTop: margin.top, fontSize: font.label }));
  return plot({
    document: options.document,
    width: size.width,
    height: size.height,
    marginTop: margin.top,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    style: chartStyle(d, k),
    x: { label: 'drop probability p', domain: [0, xMax], grid: true, ticks: pTicks(view.ps, plotWidth, font.tick), labelAnchor: 'center', labelOffset: margin.bottom - 6 },
    y: { label: null, domain: [0, yMax], grid: true, ticks: tickCount(plotHeight, d, font.tick * 2.6) },
    ariaLabel: 'Final test and training error against the drop probability p',
    ariaDescription: describeSweep(view),
    marks,
  });
}
