/**
 * Pure rendering of the dropout-overfit widget: per net, its training and test loss against the step (solid
 * train, dashed test, one y scale for both nets) and its decision regions with the training points; and the
 * words that say what the charts show, with the measured numbers. Runs in Node with a jsdom `document`.
 */
import * as Plot from '@observablehq/plot';
import { plot } from '../../src/widgets/charts/plot.ts';
import { seriesColor, seriesDash, seriesTextColor } from '../../src/widgets/charts/palette.ts';
import { renderDecisionMap } from '../../src/widgets/charts/decision-map.ts';
import { endLabelMarks, type EndLabel } from '../../src/widgets/charts/end-labels.ts';
import { yAxisName } from '../../src/widgets/charts/axis-name.ts';
import { type ChartSize, chartStyle, chartText, resolveSize, scaled, tickCount } from '../../src/widgets/chart-size.ts';
import type { DatasetName } from '../../src/engine/index.ts';
import { OVERFIT, type DecisionMap, type History, type Overfit } from './model.ts';

export interface OverfitView {
  lanes: ReadonlyArray<{ label: string; p: number; history: History; map: DecisionMap | null }>;
  step: number;
  maxSteps: number;
  status: 'ready' | 'done' | 'diverged';
  dataset: DatasetName;
  labelNoise: number;
  trainCount: number;
  testCount: number;
  width: number;
  classes: number;
  resolution: number;
  extent: [number, number];
  points: ReadonlyArray<{ x: number; y: number; label: number }>;
}

/** What the charts and the summary show of a run: its lanes and settings, and the training points. */
export function overfitView(state: Overfit): OverfitView {
  const { train } = state;
  const points = Array.from({ length: train.x.rows }, (_, i) => ({ x: train.x.data[2 * i], y: train.x.data[2 * i + 1], label: train.labels[i] }));
  return {
    lanes: state.lanes,
    step: state.step,
    maxSteps: state.settings.maxSteps ?? OVERFIT.maxSteps,
    status: state.status,
    dataset: state.settings.dataset,
    labelNoise: state.settings.labelNoise,
    trainCount: train.x.rows,
    testCount: state.test.x.rows,
    width: OVERFIT.width,
    classes: train.classes,
    resolution: OVERFIT.resolution,
    extent: OVERFIT.extent,
    points,
  };
}

export interface RenderOptions {
  document?: Document;
  width?: number;
  /** The box to draw for (src/widgets/chart-size.ts); by default 360 × 260 in the reading view. */
  size?: ChartSize;
}

/** A loss chart's preferred size in the reading view (page, phone); on a slide it fills its box. */
export const LOSS_CHART_SIZE = { width: 360, height: 260, phoneHeight: 240 };
/** A decision map's largest side in the reading view. */
export const MAP_SIZE = 300;

/** The panels a slide shows one at a time (`overfitPanel`): both loss charts, or both decision maps. */
export type OverfitPanel = 'losses' | 'maps';

export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–';
}

export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)}%` : '–';
}

/** A setting given as a fraction, as a percentage without needless decimals (0.1 → "10%", 0.125 → "12.5%"). */
export function formatSetting(fraction: number): string {
  return Number.isFinite(fraction) ? `${Number((fraction * 100).toFixed(1))}%` : '–';
}

const DATASET_NOUNS: Record<DatasetName, string> = { spirals: 'spiral', circles: 'two-circles', xor: 'XOR', blobs: 'blob' };

/** A difference of two fractions in percentage points. */
export function formatPoints(fraction: number): string {
  return Number.isFinite(fraction) ? `${Math.abs(fraction * 100).toFixed(1)} points` : '–';
}

export function formatLoss(loss: number): string {
  return Number.isFinite(loss) ? loss.toFixed(2) : '–';
}

function last(values: ArrayLike<number>): number {
  return values.length > 0 ? values[values.length - 1] : NaN;
}

interface Latest {
  label: string;
  trainError: number;
  testError: number;
  testLoss: number;
  gap: number;
}

function latest(lane: OverfitView['lanes'][number]): Latest {
  const h = lane.history;
  const trainError = last(h.trainError), testError = last(h.testError);
  return { label: lane.label, trainError, testError, testLoss: last(h.testLoss), gap: testError - trainError };
}

function describeLane(l: Latest): string {
  return `${l.label === 'no dropout' ? 'without dropout' : `with ${l.label}`}: training error ${formatPercent(l.trainError)}, test error ${formatPercent(l.testError)} (gap ${formatPoints(l.gap)}), test loss ${formatLoss(l.testLoss)}`;
}

/** "lowered … by", "raised … by" or "left … unchanged", from the measured difference. */
function change(what: string, delta: number, format: (x: number) => string, epsilon: number): string {
  if (!Number.isFinite(delta)) return `could not compare the ${what}`;
  if (Math.abs(delta) < epsilon) return `left the ${what} about the same`;
  return `${delta < 0 ? 'lowered' : 'raised'} the ${what} by ${format(Math.abs(delta))}`;
}

export function describeOverfit(view: OverfitView): string {
  const setup = `Two 2-${view.width}-${view.width}-${view.classes} networks with the same initial weights and minibatches, trained on ${view.trainCount} ${DATASET_NOUNS[view.dataset] ?? 'data'} points with ${formatSetting(view.labelNoise)} of the labels flipped to another class, and tested on ${formatCount(view.testCount)} points from the same distribution.`;
  if (view.status === 'diverged') return `${setup} Training diverged at step ${formatCount(view.step)}: the loss blew up. Lower the learning rate and press Reset.`;
  const [plain, dropped] = view.lanes.map(latest);
  // Both nets before training, the dropout one with its p: the summary says what the two charts show.
  if (view.step === 0) return `${setup} Before training, ${describeLane(plain)}; ${describeLane(dropped)}. Press Train.`;
  const when = view.status === 'done' ? `After all ${formatCount(view.step)} steps, ` : `After ${formatCount(view.step)} steps, `;
  const sameNets = view.lanes[1].p === 0 ? ' With p = 0 the two nets are identical.' : '';
  const effect =
    `Dropout ${change('test loss', dropped.testLoss - plain.testLoss, formatLoss, 0.005)}, ` +
    `${change('generalisation gap', dropped.gap - plain.gap, formatPoints, 0.0005)} and ` +
    `${change('test error', dropped.testError - plain.testError, formatPoints, 0.0005)}.`;
  return `${setup} ${when}${describeLane(plain)}; ${describeLane(dropped)}. ${effect}${sameNets}`;
}

/** One y range for both loss charts, so their gaps can be compared by eye. */
export function lossDomain(view: OverfitView): [number, number] {
  let max = 0;
  for (const lane of view.lanes) for (const v of [...lane.history.trainLoss, ...lane.history.testLoss]) if (Number.isFinite(v) && v > max) max = v;
  return [0, Math.max(1.2, Math.ceil(max * 10 * 1.05) / 10)];
}

export function renderLossChart(view: OverfitView, laneIndex: number, options: RenderOptions = {}): SVGSVGElement | HTMLElement {
  const size = resolveSize(options, LOSS_CHART_SIZE);
  const d = size.density;
  const k = size.textScale ?? 1;
  const font = chartText(size);
  const lane = view.lanes[laneIndex];
  const h = lane.history;
  const big = d === 'slide';
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 })];
  const series = [
    { name: 'train', ys: h.trainLoss },
    { name: 'test', ys: h.testLoss },
  ];
  const ends: EndLabel[] = [];
  series.forEach(({ name, ys }, i) => {
    const rows = Array.from(h.steps, (x, k) => ({ x, y: ys[k] })).filter((r) => Number.isFinite(r.x) && Number.isFinite(r.y));
    marks.push(Plot.line(rows, { x: 'x', y: 'y', stroke: seriesColor(i), strokeWidth: big ? 3 : 2.5, strokeDasharray: seriesDash(i) }));
    const end = rows.at(-1);
    if (end) ends.push({ ...end, text: name, fill: seriesTextColor(i) });
  });
  const margin = { top: scaled(24, d, k), right: scaled(46, d, k), bottom: scaled(46, d, k), left: scaled(46, d, k) };
  const plotHeight = Math.max(40, size.height - margin.top - margin.bottom);
  const plotWidth = Math.max(40, size.width - margin.left - margin.right);
  marks.push(...endLabelMarks(ends, { domain: lossDomain(view), range: [size.height - margin.bottom, margin.top] }, { fontSize: font.label }));
  marks.push(yAxisName(d === 'page' ? 'cross-entropy loss' : 'loss', { marginLeft: margin.left, marginTop: margin.top, fontSize: font.label }));
  return plot({
    document: options.document,
    width: size.width,
    height: size.height,
    marginTop: margin.top,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    style: chartStyle(d, k),
    x: { label: 'training step', domain: [0, Math.max(100, view.step)], grid: true, labelAnchor: 'center', labelOffset: margin.bottom - 6, ticks: Math.min(4, tickCount(plotWidth, d, font.tick * 6)) },
    y: { label: null, domain: lossDomain(view), grid: true, ticks: tickCount(plotHeight, d, font.tick * 2.6) },
    ariaLabel: `Training and test loss of the network with ${lane.label}`,
    ariaDescription: `Solid line: loss on the ${view.trainCount} training points; dashed line: loss on the ${formatCount(view.testCount)} test points. At step ${formatCount(last(h.steps))}, ${describeLane(latest(lane))}.`,
    marks,
  });
}

/** `size`: the map's side in px, or the box to draw for (the map is the largest square in it). */
export function renderOverfitMap(view: OverfitView, laneIndex: number, options: { document?: Document; size?: number | ChartSize } = {}): SVGSVGElement | null {
  const lane = view.lanes[laneIndex];
  if (!lane.map) return null;
  const side = typeof options.size === 'object' ? Math.max(40, Math.floor(Math.min(options.size.width, options.size.height))) : (options.size ?? MAP_SIZE);
  const title = `Decision regions of the network with ${lane.label} at step ${formatCount(lane.map.step)}`;
  return renderDecisionMap(
    { predictions: lane.map.predictions, resolution: view.resolution, extent: view.extent, points: view.points },
    {
      document: options.document,
      size: side,
      title,
      description: `${title}, with the ${view.trainCount} training points (shape and colour give the label, flipped labels included). A network that overfits draws small islands around single mislabelled points.`,
    },
  );
}
