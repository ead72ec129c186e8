/**
 * Pure rendering of the unit-ablation widget: while training, the training loss of both nets; afterwards, per
 * hidden layer, the accuracy each unit's knock-out costs, sorted (circles and a solid line without dropout,
 * triangles and a dashed line with dropout), and the words that say the same with the measured numbers.
 * Runs in Node with a jsdom `document`.
 */
import * as Plot from '@observablehq/plot';
import { plot } from '../../src/widgets/charts/plot.ts';
import { renderLegend } from '../../src/widgets/charts/legend.ts';
import { yAxisName } from '../../src/widgets/charts/axis-name.ts';
import { seriesColor, seriesDash } from '../../src/widgets/charts/palette.ts';
import { type ChartSize, chartStyle, chartText, resolveSize, scaled, tickCount } from '../../src/widgets/chart-size.ts';
import { ABLATION, ablationProgress, summarizeLayer, type Ablation, type LayerSummary } from './model.ts';

export interface AblationView {
  phase: 'training' | 'ablating' | 'done' | 'diverged';
  step: number;
  maxSteps: number;
  trainCount: number;
  testCount: number;
  sizes: readonly number[];
  /** The accuracy loss above which a unit "matters" (a fraction, 0.01). */
  significant: number;
  progress: { done: number; total: number };
  lanes: ReadonlyArray<{
    label: string;
    p: number;
    steps: ArrayLike<number>;
    trainLoss: ArrayLike<number>;
    baseAccuracy: number;
    layers: readonly LayerSummary[];
  }>;
}

/** What the charts and the summary show of a run: its phase, and per net the losses and knock-out costs so far. */
export function ablationView(state: Ablation): AblationView {
  return {
    phase: state.phase,
    step: state.step,
    maxSteps: state.settings.maxSteps ?? ABLATION.maxSteps,
    trainCount: state.train.x.rows,
    testCount: state.test.x.rows,
    sizes: ABLATION.sizes,
    significant: ABLATION.significant,
    progress: ablationProgress(state),
    lanes: state.lanes.map((lane) => ({
      label: lane.label,
      p: lane.p,
      steps: lane.steps,
      trainLoss: lane.trainLoss,
      baseAccuracy: lane.baseAccuracy,
      layers: lane.drops.map((_, h) => summarizeLayer(lane, h)),
    })),
  };
}

export interface RenderOptions {
  document?: Document;
  width?: number;
  /** The box to draw for (src/widgets/chart-size.ts); by default the chart's own size in the reading view. */
  size?: ChartSize;
}

/** Preferred sizes in the reading view (page, phone); on a slide a chart fills its box. */
export const LOSS_CHART_SIZE = { width: 640, height: 200, phoneHeight: 200 };
export const KNOCKOUT_CHART_SIZE = { width: 360, height: 260, phoneHeight: 250 };

const SYMBOLS = ['circle', 'triangle'] as const;

export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–';
}

export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)}%` : '–';
}

/** An accuracy difference in percentage points (0.11 → "11.0 points"). */
export function formatPoints(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)} points` : '–';
}

export function formatNumber(x: number, digits = 2): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '–';
}

function last(values: ArrayLike<number>): number {
  return values.length > 0 ? values[values.length - 1] : NaN;
}

function architecture(sizes: readonly number[]): string {
  return sizes.join('-');
}

/** "Without dropout" / "With dropout p = 0.5": the lane's name at the start of a sentence. */
function heading(lane: AblationView['lanes'][number], i: number): string {
  return i === 0 ? 'Without dropout' : `With dropout p = ${lane.p}`;
}

function describeLaneKnockouts(lane: AblationView['lanes'][number], i: number): string {
  const parts = lane.layers
    .map((layer, h) => {
      if (layer.measured === 0) return null;
      if (layer.maxDrop <= 0) return `hidden layer ${h + 1}: silencing any one unit costs no accuracy`;
      return `hidden layer ${h + 1}: up to ${formatPoints(layer.maxDrop)}, ${layer.significant} of ${layer.units} units cost more than 1 point`;
    })
    .filter((s): s is string => s !== null);
  if (parts.length === 0) return `${heading(lane, i)}: not measured yet`;
  return `${heading(lane, i)} (test accuracy ${formatPercent(lane.baseAccuracy)}) — ${parts.join('; ')}`;
}

function describeCorrelation(view: AblationView): string {
  const [plain, dropped] = view.lanes;
  const parts = plain.layers.map((layer, h) => {
    const a = layer.correlation, b = dropped.layers[h]?.correlation ?? NaN;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
    const word = Math.abs(b - a) < 0.005 ? 'about the same with dropout' : b < a ? 'lower with dropout' : 'higher with dropout';
    const active = [plain, dropped].map((l) => l.layers[h]).filter((s) => s.activeUnits < s.units);
    const note = active.length > 0 ? ` (over units that are not constant: ${plain.layers[h].activeUnits} and ${dropped.layers[h].activeUnits} of ${layer.units})` : '';
    return `layer ${h + 1}: ${formatNumber(a)} without dropout, ${formatNumber(b)} with — ${word}${note}`;
  });
  const known = parts.filter((s): s is string => s !== null);
  return known.length > 0 ? ` Mean absolute correlation between the units' activations on the test points, ${known.join('; ')}.` : '';
}

/** Compare the largest single-unit loss per layer: the claim is stated only as far as it was measured. */
function describeVerdict(view: AblationView): string {
  const [plain, dropped] = view.lanes;
  const layers = plain.layers.map((layer, h) => ({ h, a: layer.maxDrop, b: dropped.layers[h]?.maxDrop ?? NaN }));
  if (layers.some(({ a, b }) => !Number.isFinite(a) || !Number.isFinite(b))) return '';
  const smaller = layers.filter(({ a, b }) => b < a).map(({ h }) => h + 1);
  if (dropped.p === 0) return ' With p = 0 both nets are the same network.';
  if (smaller.length === layers.length) return ' With dropout the most important single unit costs less in every hidden layer: the representation is spread over many units.';
  if (smaller.length === 0) return ' Here dropout did not make the most important unit less important in any layer.';
  return ` With dropout the most important single unit costs less only in layer ${smaller.join(' and ')}.`;
}

export function describeAblation(view: AblationView): string {
  const [plain, dropped] = view.lanes;
  const setup = `Two ${architecture(view.sizes)} networks (same initial weights and minibatches, ${formatCount(view.maxSteps)} steps on ${view.trainCount} spiral points), without dropout and with dropout p = ${dropped.p}; afterwards each hidden unit is silenced on its own and the accuracy lost on ${formatCount(view.testCount)} test points is measured.`;
  switch (view.phase) {
    case 'diverged':
      return `${setup} Training diverged at step ${formatCount(view.step)}: the loss blew up. Lower the learning rate and press Reset.`;
    case 'training':
      if (view.step === 0) return `${setup} Press Train.`;
      return `${setup} Training: step ${formatCount(view.step)} of ${formatCount(view.maxSteps)}; training loss ${formatNumber(last(plain.trainLoss))} without dropout, ${formatNumber(last(dropped.trainLoss))} with dropout. The knock-outs start when training ends.`;
    case 'ablating':
      return `${setup} Knock-outs measured: ${view.progress.done} of ${view.progress.total}. ${view.lanes.map(describeLaneKnockouts).join('. ')}.`;
    case 'done':
      return `${setup} ${view.lanes.map(describeLaneKnockouts).join('. ')}.${describeCorrelation(view)}${describeVerdict(view)}`;
  }
}

/** One legend for all the charts: line style and marker of each net (colour is never the only cue). */
export function renderAblationLegend(view: AblationView, options: RenderOptions = {}): HTMLElement {
  return renderLegend(
    view.lanes.map((lane, i) => ({ label: lane.label, color: seriesColor(i), dash: seriesDash(i), symbol: SYMBOLS[i % SYMBOLS.length] })),
    { document: options.document, label: 'Legend' },
  );
}

export function renderLossChart(view: AblationView, options: RenderOptions = {}): SVGSVGElement | HTMLElement {
  const size = resolveSize(options, LOSS_CHART_SIZE);
  const d = size.density;
  const k = size.textScale ?? 1;
  const font = chartText(size);
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 })];
  let top = 0;
  view.lanes.forEach((lane, i) => {
    const rows = Array.from(lane.steps, (x, k) => ({ x, y: lane.trainLoss[k] })).filter((r) => Number.isFinite(r.x) && Number.isFinite(r.y));
    for (const r of rows) top = Math.max(top, r.y);
    marks.push(Plot.line(rows, { x: 'x', y: 'y', stroke: seriesColor(i), strokeWidth: d === 'slide' ? 3 : 2.5, strokeDasharray: seriesDash(i) }));
  });
  const margin = { top: scaled(24, d, k), right: scaled(24, d, k), bottom: scaled(46, d, k), left: scaled(50, d, k) };
  const plotHeight = Math.max(40, size.height - margin.top - margin.bottom);
  const plotWidth = Math.max(40, size.width - margin.left - margin.right);
  marks.push(yAxisName('training loss', { marginLeft: margin.left, marginTop: margin.top, fontSize: font.label }));
  return plot({
    document: options.document,
    width: size.width,
    height: size.height,
    marginTop: margin.top,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    style: chartStyle(d, k),
    x: { label: 'training step', domain: [0, view.maxSteps], grid: true, labelAnchor: 'center', labelOffset: margin.bottom - 6, ticks: tickCount(plotWidth, d, font.tick * 6) },
    y: { label: null, domain: [0, Math.max(0.5, Math.ceil(top * 11) / 10)], grid: true, ticks: tickCount(plotHeight, d, font.tick * 2.6) },
    ariaLabel: 'Training loss of the networks without and with dropout',
    ariaDescription: `Solid: ${view.lanes[0].label}, dashed: ${view.lanes[1].label}. At step ${formatCount(last(view.lanes[0].steps))}: ${view.lanes.map((l) => `${l.label} ${formatNumber(last(l.trainLoss))}`).join(', ')}.`,
    marks,
  });
}

type Row = { rank: number; drop: number; lane: number };

/** Sorted knock-out costs of one hidden layer, in percentage points; non-finite values are never drawn. */
export function knockoutRows(view: AblationView, layer: number): Row[] {
  const rows: Row[] = [];
  view.lanes.forEach((lane, i) => {
    lane.layers[layer]?.sorted.forEach((drop, k) => {
      if (Number.isFinite(drop)) rows.push({ rank: k + 1, drop: drop * 100, lane: i });
    });
  });
  return rows;
}

export function renderKnockoutChart(view: AblationView, layer: number, options: RenderOptions = {}): SVGSVGElement | HTMLElement {
  const size = resolveSize(options, KNOCKOUT_CHART_SIZE);
  const d = size.density;
  const k = size.textScale ?? 1;
  const font = chartText(size);
  const big = d === 'slide';
  const rows = knockoutRows(view, layer);
  const units = view.sizes[layer + 1];
  const top = Math.max(2, ...rows.map((r) => r.drop));
  const bottom = Math.min(0, ...rows.map((r) => r.drop));
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
    Plot.ruleY([view.significant * 100], { stroke: 'currentColor', strokeDasharray: '3 3', strokeOpacity: 0.7 }),
    Plot.text([{ y: view.significant * 100 }], { y: 'y', text: () => '1 point', frameAnchor: 'right', dy: -Math.round(font.label * 0.65), fill: 'currentColor', stroke: 'var(--bg-soft, #fff)', strokeWidth: 5, paintOrder: 'stroke', fontSize: font.label }),
  ];
  view.lanes.forEach((_, i) => {
    const own = rows.filter((r) => r.lane === i);
    if (own.length === 0) return;
    marks.push(
      Plot.line(own, { x: 'rank', y: 'drop', stroke: seriesColor(i), strokeWidth: big ? 2.5 : 1.5, strokeDasharray: seriesDash(i) }),
      Plot.dot(own, { x: 'rank', y: 'drop', symbol: SYMBOLS[i % SYMBOLS.length], r: big ? 6 : 4.5, fill: seriesColor(i), stroke: 'var(--bg, #fff)', strokeWidth: 0.8 }),
    );
  });
  const lines = view.lanes.map((lane) => {
    const s = lane.layers[layer];
    return s && s.measured > 0 ? `${lane.label}: largest ${formatPoints(s.maxDrop)}, ${s.significant} of ${s.units} units above 1 point` : `${lane.label}: not measured yet`;
  });
  const margin = { top: scaled(24, d, k), right: scaled(20, d, k), bottom: scaled(46, d, k), left: scaled(50, d, k) };
  const plotHeight = Math.max(40, size.height - margin.top - margin.bottom);
  const plotWidth = Math.max(40, size.width - margin.left - margin.right);
  marks.push(yAxisName(d === 'phone' ? 'accuracy lost (points)' : 'test accuracy lost (points)', { marginLeft: margin.left, marginTop: margin.top, fontSize: font.label }));
  const xLabel = d === 'phone' ? `unit rank in layer ${layer + 1}` : `unit rank in hidden layer ${layer + 1} (most important first)`;
  return plot({
    document: options.document,
    width: size.width,
    height: size.height,
    marginTop: margin.top,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    style: chartStyle(d, k),
    x: { label: xLabel, domain: [0.5, units + 0.5], grid: false, labelAnchor: 'center', labelOffset: margin.bottom - 6, ticks: rankTicks(units, plotWidth, font.tick) },
    y: { label: null, domain: [bottom, Math.ceil(top * 1.1 * 10) / 10], grid: true, ticks: tickCount(plotHeight, d, font.tick * 2.6) },
    ariaLabel: `Accuracy lost when each unit of hidden layer ${layer + 1} is silenced, sorted`,
    ariaDescription: `Circles: ${view.lanes[0].label}; triangles: ${view.lanes[1].label}. ${lines.join('. ')}.`,
    marks,
  });
}

/** Rank ticks: 1, then whole steps of 5 (or more), as many as fit. */
function rankTicks(units: number, length: number, fontSize: number): number[] {
  const room = Math.max(2, Math.floor(length / (fontSize * 2.4)));
  const step = [1, 2, 5, 10, 20, 50].find((s) => Math.ceil(units / s) + 1 <= room) ?? Math.ceil(units / room);
  const ticks = [1];
  for (let t = step; t <= units; t += step) if (t !== 1) ticks.push(t);
  return ticks;
}
