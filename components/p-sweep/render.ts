/**
 * Pure rendering of the p-sweep: final test and training error against the drop probability p, one marker per
 * trained net (test: circles on a solid line; training: squares on a dashed line), drawn with Observable Plot.
 * Non-finite values are dropped, never drawn. Pass `document` to render in Node.
 */
import * as Plot from '@observablehq/plot';
import { plot } from '../../src/widgets/charts/plot.ts';
import { seriesColor, seriesDash, seriesTextColor } from '../../src/widgets/charts/palette.ts';
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

export function renderSweep(view: SweepView, options: { document?: Document; width?: number } = {}): SVGSVGElement | HTMLElement {
  const rows = view.points.flatMap((pt) => [
    { p: pt.p, error: pt.testError * 100, set: 'test' },
    { p: pt.p, error: pt.trainError * 100, set: 'training' },
  ]).filter((r) => Number.isFinite(r.p) && Number.isFinite(r.error));
  const top = Math.max(20, ...rows.map((r) => r.error));
  const yMax = Math.ceil(top / 10) * 10;
  const test = rows.filter((r) => r.set === 'test');
  const train = rows.filter((r) => r.set === 'training');
  const summary = summarizeSweep(view.points);
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 }),
    Plot.line(train, { x: 'p', y: 'error', stroke: seriesColor(1), strokeWidth: 2.5, strokeDasharray: seriesDash(1) }),
    Plot.dot(train, { x: 'p', y: 'error', symbol: 'square', r: 5, fill: seriesColor(1) }),
    Plot.line(test, { x: 'p', y: 'error', stroke: seriesColor(0), strokeWidth: 3 }),
    Plot.dot(test, { x: 'p', y: 'error', symbol: 'circle', r: 6, fill: seriesColor(0), stroke: 'var(--bg)', strokeWidth: 1.5 }),
  ];
  const lastTest = test.at(-1), lastTrain = train.at(-1);
  if (lastTest) marks.push(Plot.text([lastTest], { x: 'p', y: 'error', text: () => 'test', dx: 10, dy: -10, textAnchor: 'start', fill: seriesTextColor(0), fontSize: 15, fontWeight: 600 }));
  if (lastTrain) marks.push(Plot.text([lastTrain], { x: 'p', y: 'error', text: () => 'training', dx: 10, dy: 12, textAnchor: 'start', fill: seriesTextColor(1), fontSize: 15, fontWeight: 600 }));
  if (summary) {
    const best = { p: summary.best.p, error: summary.best.testError * 100 };
    if (Number.isFinite(best.error)) {
      marks.push(
        Plot.dot([best], { x: 'p', y: 'error', r: 11, stroke: 'currentColor', strokeWidth: 2, fill: 'none' }),
        Plot.text([best], { x: 'p', y: 'error', text: () => `best ${pct(summary.best.testError)}`, dy: 24, fill: 'currentColor', fontSize: 14 }),
      );
    }
  }
  return plot({
    document: options.document,
    width: options.width ?? 640,
    height: 320,
    marginLeft: 56,
    marginRight: 80,
    marginBottom: 44,
    style: { fontSize: '15px', background: 'transparent', color: 'currentColor' },
    x: { label: 'drop probability p', domain: [0, Math.max(0.8, ...view.ps)], grid: true, ticks: view.ps.length },
    y: { label: 'final error (%)', domain: [0, yMax], grid: true },
    ariaLabel: 'Final test and training error against the drop probability p',
    ariaDescription: describeSweep(view),
    marks,
  });
}
