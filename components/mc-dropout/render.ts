/**
 * Pure rendering of the MC-dropout widget's charts (Observable Plot, drawn for their box: slide, page or phone):
 * - probabilities: per digit 0–9, the scaled network's probability (upper bar, blue) beside the mean of T thinned
 *   networks (lower bar, orange, outlined) with the 10th–90th percentile of the T samples as a whisker across it.
 *   Position, the outline, the whisker and the legend tell the two apart, not colour alone.
 * - curve (Figure 11 of Srivastava et al. 2014, small): test error of the T-sample average against T (log scale), the
 *   scaled network's error as a dashed rule, the T in use as a dot.
 */
import * as Plot from '@observablehq/plot';
import { plot } from '../../src/widgets/charts/plot.ts';
import { CHART_TEXT, type ChartSize, chartStyle, scaled, tickCount } from '../../src/widgets/chart-size.ts';

export const PROBABILITY_SIZE = { width: 420, height: 340, phoneHeight: 300 };
export const CURVE_SIZE = { width: 640, height: 240, phoneHeight: 220 };

export interface ProbabilityView {
  readonly T: number;
  readonly scaled: readonly number[];
  readonly mean: readonly number[];
  readonly low: readonly number[];
  readonly high: readonly number[];
  readonly votes: readonly number[];
}

export interface CurveView {
  readonly T: number;
  readonly Tmax: number;
  readonly count: number;
  readonly total: number;
  readonly wrong: readonly number[];
  readonly agree: readonly number[];
  readonly scaledWrong: number;
}

const finite = (v: number) => (Number.isFinite(v) ? v : 0);
export const percent = (v: number, digits = 0) => (Number.isFinite(v) ? `${(100 * v).toFixed(digits)}%` : '–');

/** The class each network puts first (ties to the smaller digit). */
export const top = (values: readonly number[]) => values.reduce((best, v, c) => (v > values[best] ? c : best), 0);

export function probabilityChart(view: ProbabilityView, size: ChartSize, doc?: Document): SVGSVGElement | HTMLElement {
  const d = size.density, font = CHART_TEXT[d];
  const [marginLeft, marginRight, marginTop, marginBottom] = [scaled(30, d), scaled(46, d), scaled(8, d), scaled(40, d)];
  const padding = 0.15, rows = 10;
  const step = (size.height - marginTop - marginBottom) / (rows - padding + 2 * padding);
  const band = step * (1 - padding);
  const digits = Array.from({ length: rows }, (_, c) => ({
    digit: String(c), scaled: finite(view.scaled[c]), mean: finite(view.mean[c]), low: finite(view.low[c]), high: finite(view.high[c]),
  }));
  const labelled = [top(view.scaled), top(view.mean)].filter((c, i, all) => all.indexOf(c) === i);
  const labels = labelled.map((c) => digits[c]).map((r) => ({ ...r, at: Math.max(r.scaled, r.high, r.mean) }));
  const twoLabels = band * 0.44 >= font.label + 2;
  const whisker = { stroke: 'currentColor', strokeWidth: d === 'slide' ? 3 : 2, dy: band * 0.22 };
  return plot({
    document: doc, width: size.width, height: size.height, marginLeft, marginRight, marginTop, marginBottom, style: chartStyle(d),
    x: { domain: [0, 1], label: 'probability', labelAnchor: 'center', labelOffset: marginBottom - 6, grid: true, ticks: Math.min(5, tickCount(size.width - marginLeft - marginRight, d)), tickFormat: (v: number) => `${Math.round(100 * v)}%` },
    y: { domain: digits.map((r) => r.digit), padding, label: null, tickSize: 0 },
    ariaLabel: `Probability of each digit: the scaled network beside the mean of ${view.T} thinned networks with their 10th to 90th percentile`,
    ariaDescription: describeProbabilities(view),
    marks: [
      Plot.barX(digits, { y: 'digit', x: 'scaled', fill: 'var(--c-blue)', insetTop: band * 0.06, insetBottom: band * 0.5 }),
      // The mean's bar is outlined (the scaled network's is not): a cue besides colour, as in the legend.
      Plot.barX(digits, { y: 'digit', x: 'mean', fill: 'var(--c-orange)', stroke: 'currentColor', strokeWidth: d === 'slide' ? 2 : 1.25, insetTop: band * 0.5, insetBottom: band * 0.06 }),
      Plot.ruleY(digits.filter((r) => r.high - r.low > 1e-9), { y: 'digit', x1: 'low', x2: 'high', ...whisker }),
      Plot.tickX(digits, { y: 'digit', x: 'low', ...whisker, insetTop: band * 0.56, insetBottom: band * 0.12, dy: 0 }),
      Plot.tickX(digits, { y: 'digit', x: 'high', ...whisker, insetTop: band * 0.56, insetBottom: band * 0.12, dy: 0 }),
      // Values beside the leading rows: both when the band has room for two lines, else the mean alone (the status
      // line and the summary give the scaled network's).
      ...(twoLabels ? [Plot.text(labels, { y: 'digit', x: 'at', text: (r: { scaled: number }) => percent(r.scaled), dx: 6, textAnchor: 'start', fontSize: font.label, fill: 'var(--c-blue-text)', dy: -band * 0.22 })] : []),
      Plot.text(labels, { y: 'digit', x: 'at', text: (r: { mean: number }) => percent(r.mean), dx: 6, textAnchor: 'start', fontSize: font.label, fill: 'var(--c-orange-text)', dy: twoLabels ? band * 0.22 : 0 }),
      Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.6 }),
    ],
  });
}

export function describeProbabilities(view: ProbabilityView): string {
  const s = top(view.scaled), m = top(view.mean);
  return `Scaled network: ${s} at ${percent(view.scaled[s])}. Mean of ${view.T} thinned networks: ${m} at ${percent(view.mean[m])}, `
    + `10th to 90th percentile ${percent(view.low[m])} to ${percent(view.high[m])}; ${view.votes[m]} of ${view.T} put ${m} first.`;
}

/** Error of the T-sample average at every T measured (percent of the digits measured so far). */
export function curvePoints(view: CurveView): Array<{ T: number; error: number }> {
  if (view.count === 0) return [];
  return view.wrong.map((w, t) => ({ T: t + 1, error: w / view.count }));
}

export function curveChart(view: CurveView, size: ChartSize, doc?: Document): SVGSVGElement | HTMLElement {
  const d = size.density;
  const points = curvePoints(view);
  const scaledError = view.count > 0 ? view.scaledWrong / view.count : NaN;
  const highest = Math.max(0.02, scaledError || 0, ...points.map((p) => p.error));
  const [marginLeft, marginRight, marginTop, marginBottom] = [scaled(52, d), scaled(20, d), scaled(26, d), scaled(44, d)];
  const now = points[Math.min(view.T, points.length) - 1];
  const logTicks = [1, 2, 5, 10, 20, 50, 100, 200].filter((t) => t <= view.Tmax);
  const narrow = size.width - marginLeft - marginRight < 400;
  const ticks = narrow ? logTicks.filter((t) => [1, 10, 100].includes(t)) : logTicks;
  return plot({
    document: doc, width: size.width, height: size.height, marginLeft, marginRight, marginTop, marginBottom, style: chartStyle(d),
    x: { type: 'log', domain: [1, view.Tmax], ticks, tickFormat: (t: number) => String(t), label: narrow ? 'T (log scale)' : 'T, thinned networks averaged (log scale)', labelAnchor: 'center', labelOffset: marginBottom - 6 },
    y: { domain: [0, Math.ceil(highest * 50) / 50], label: 'test error', grid: true, ticks: tickCount(size.height - marginTop - marginBottom, d, CHART_TEXT[d].tick * 2.5), tickFormat: (v: number) => `${Math.round(1000 * v) / 10}%` },
    ariaLabel: 'Test error of the average of T thinned networks against T, with the scaled network\'s error as a dashed line',
    ariaDescription: describeCurve(view),
    marks: [
      ...(Number.isFinite(scaledError) ? [Plot.ruleY([scaledError], { stroke: 'var(--c-blue)', strokeWidth: d === 'slide' ? 3 : 2, strokeDasharray: '8 5' })] : []),
      Plot.line(points, { x: 'T', y: 'error', stroke: 'var(--c-orange)', strokeWidth: d === 'slide' ? 3 : 2 }),
      ...(now ? [Plot.dot([now], { x: 'T', y: 'error', r: d === 'slide' ? 7 : 5, fill: 'var(--c-orange)', stroke: 'var(--bg)', strokeWidth: 1.5 })] : []),
    ],
  });
}

export function describeCurve(view: CurveView): string {
  if (view.count === 0) return 'The test digits are still being measured.';
  const at = (T: number) => `T = ${T}: ${percent(view.wrong[T - 1] / view.count, 2)} (same class as the scaled network on ${percent(view.agree[T - 1] / view.count, 2)})`;
  const so = view.count < view.total ? `the first ${view.count} of the ${view.total} test digits (measuring)` : `all ${view.total} test digits`;
  const Ts = [1, 10, 50, view.Tmax].filter((T, i, all) => T <= view.Tmax && all.indexOf(T) === i);
  return `Over ${so}: scaled network ${percent(view.scaledWrong / view.count, 2)}; average of ${Ts.map(at).join('; ')}.`;
}
