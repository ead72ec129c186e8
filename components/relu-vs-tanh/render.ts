/**
 * Pure rendering of the ReLU-vs-tanh race: the training-error curves of both nets (solid ReLU, dashed tanh)
 * with the target as a dotted rule, and the words that say the same (the figure's summary). Runs in Node with
 * a jsdom `document`.
 */
import * as Plot from '@observablehq/plot';
import { plot } from '../../src/widgets/charts/plot.ts';
import { renderLegend } from '../../src/widgets/charts/legend.ts';
import { seriesColor, seriesDash, seriesTextColor } from '../../src/widgets/charts/palette.ts';
import { CHART_TEXT, type ChartSize, chartStyle, resolveSize, scaled, tickCount } from '../../src/widgets/chart-size.ts';
import { RACE, verdict as raceVerdict, type Race, type Verdict } from './model.ts';

export interface RaceView {
  /** One series per net: training error (fraction) after each step. */
  lanes: ReadonlyArray<{ label: string; errors: ArrayLike<number>; reachedAt: number | null }>;
  step: number;
  maxSteps: number;
  targetError: number;
  lr: number;
  status: 'ready' | 'done' | 'diverged';
  verdict: Verdict;
}

/** What the chart and the summary show of a race. */
export function raceView(race: Race): RaceView {
  return { lanes: race.lanes, step: race.step, maxSteps: RACE.maxSteps, targetError: race.settings.targetError, lr: race.settings.lr, status: race.status, verdict: raceVerdict(race) };
}

export interface RenderOptions {
  document?: Document;
  width?: number;
  /** The box to draw for (src/widgets/chart-size.ts); by default 640 × 320 in the reading view. */
  size?: ChartSize;
}

export const CHART_SIZE = { width: 640, height: 320, phoneHeight: 280 };

/** A count with thousands separators (1,720), or a dash for anything that is not a finite number. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–';
}

/** A fraction as a percentage with one decimal (0.0967 → "9.7%"). */
export function formatPercent(fraction: number, digits = 1): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(digits)}%` : '–';
}

export function formatNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : '–';
}

export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : '–';
}

/** The sentence about the step counts: computed from the run, never written in advance. */
export function describeVerdict(v: Verdict, target: string): string {
  switch (v.kind) {
    case 'both': {
      if (v.relu === 0 || v.tanh === 0) return `At least one net was already below ${target} training error before training (step 0), so there is no race to compare.`;
      const head = `ReLU reached ${target} training error in ${formatCount(v.relu)} steps, tanh in ${formatCount(v.tanh)}`;
      if (v.relu === v.tanh) return `${head}: a tie.`;
      if (v.ratio > 1) return `${head}: ReLU was ${formatRatio(v.ratio)} faster.`;
      return `${head}: tanh was ${formatRatio(1 / v.ratio)} faster this time.`;
    }
    case 'only':
      return `${v.winner} reached ${target} training error in ${formatCount(v.steps)} steps; ${v.loser} did not within ${formatCount(v.budget)} steps.`;
    case 'neither':
      return `Neither net reached ${target} training error within ${formatCount(v.budget)} steps.`;
    case 'pending':
      return v.leader === null
        ? `Neither net has reached ${target} training error yet.`
        : `${v.leader} reached ${target} training error at step ${formatCount(v.leaderSteps ?? NaN)}; the other has not yet.`;
  }
}

function latest(errors: ArrayLike<number>): number {
  return errors.length > 0 ? errors[errors.length - 1] : NaN;
}

export function describeRace(view: RaceView): string {
  const target = formatPercent(view.targetError, 0);
  const setup = `Training error of two 2-32-32-3 networks on 300 spiral points that differ only in their hidden units, ReLU or tanh (same initial weights, same minibatches, learning rate ${formatNumber(view.lr)}).`;
  if (view.step === 0 && view.status === 'ready') {
    const start = view.lanes.map((l) => `${l.label} ${formatPercent(latest(l.errors))}`).join(', ');
    return `${setup} Before training: ${start}. Press Train to race them to ${target}.`;
  }
  if (view.status === 'diverged') return `${setup} Training diverged at step ${formatCount(view.step)}: the loss blew up. Lower the learning rate and press Reset.`;
  const now = view.lanes.map((l) => `${l.label} ${formatPercent(latest(l.errors))}`).join(', ');
  return `${setup} After ${formatCount(view.step)} steps: ${now}. ${describeVerdict(view.verdict, target)}`;
}

/** At most this many points per line: a 3,000-step run is drawn from every 5th step (and the last). */
export const MAX_POINTS = 600;

/** Every k-th value (and the last), scaled, with its index as x, so long runs stay cheap to draw. */
export function downsample(values: ArrayLike<number>, maxPoints: number, scale = 1): { xs: number[]; ys: number[] } {
  const n = values.length;
  const stride = Math.max(1, Math.ceil(n / maxPoints));
  const xs: number[] = [], ys: number[] = [];
  for (let i = 0; i < n; i += stride) {
    xs.push(i);
    ys.push(values[i] * scale);
  }
  if (n > 0 && xs[xs.length - 1] !== n - 1) {
    xs.push(n - 1);
    ys.push(values[n - 1] * scale);
  }
  return { xs, ys };
}

const SYMBOLS = ['circle', 'triangle'] as const;

type Box = { left: number; right: number; top: number; bottom: number };

/**
 * About where a one-line label lands (px): `x` its anchor, `y` its middle. Widths are estimated generously (0.62 em a
 * character, 0.7 bold), so a label judged clear of another is.
 */
export function labelBox(x: number, anchor: 'start' | 'end', y: number, text: string, fontSize: number, bold: boolean): Box {
  const width = text.length * fontSize * (bold ? 0.7 : 0.62);
  const half = fontSize * 0.6;
  return { left: anchor === 'start' ? x : x - width, right: anchor === 'start' ? x + width : x, top: y - half, bottom: y + half };
}

export const overlaps = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The legend above the chart: line style and marker of each net (colour is never the only cue). */
export function renderRaceLegend(view: RaceView, options: RenderOptions = {}): HTMLElement {
  return renderLegend(
    view.lanes.map((lane, i) => ({ label: lane.label, color: seriesColor(i), dash: seriesDash(i), symbol: SYMBOLS[i % SYMBOLS.length] })),
    { document: options.document, label: 'Legend' },
  );
}

export function renderRaceChart(view: RaceView, options: RenderOptions = {}): SVGSVGElement | HTMLElement {
  const size = resolveSize(options, CHART_SIZE);
  const font = CHART_TEXT[size.density];
  const [marginLeft, marginRight, marginTop, marginBottom] = [scaled(52, size.density), 24, scaled(26, size.density), scaled(48, size.density)];
  const xMax = Math.max(50, view.step);
  const target = view.targetError * 100;
  // Where things land in pixels, to keep the step counts off the target's label.
  const px = (x: number) => marginLeft + (x / xMax) * (size.width - marginLeft - marginRight);
  const py = (y: number) => marginTop + (1 - y / 100) * (size.height - marginTop - marginBottom);
  const k = font.label / 14;
  const targetDy = -9 * k;
  const targetText = `target ${formatPercent(view.targetError, 0)}`;
  const targetBox = Number.isFinite(target) ? labelBox(marginLeft + 6, 'start', py(target) + targetDy, targetText, font.label, false) : null;
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 })];
  if (Number.isFinite(target)) {
    marks.push(
      Plot.ruleY([target], { stroke: 'currentColor', strokeDasharray: '3 3', strokeOpacity: 0.8 }),
      Plot.text([{ y: target }], { y: 'y', text: () => targetText, frameAnchor: 'left', textAnchor: 'start', dx: 6, dy: targetDy, fill: 'currentColor', stroke: 'var(--bg-soft, #fff)', strokeWidth: 5, paintOrder: 'stroke', fontSize: font.label }),
    );
  }
  // Lines first, then every marker and label on top of all lines.
  view.lanes.forEach((lane, i) => {
    const { xs, ys } = downsample(lane.errors, MAX_POINTS, 100);
    const rows = xs.map((x, k) => ({ x, y: ys[k] })).filter((r) => Number.isFinite(r.x) && Number.isFinite(r.y));
    marks.push(Plot.line(rows, { x: 'x', y: 'y', stroke: seriesColor(i), strokeWidth: 2.5, strokeDasharray: seriesDash(i) }));
  });
  view.lanes.forEach((lane, i) => {
    const at = lane.reachedAt;
    const y = at === null ? NaN : lane.errors[at] * 100;
    if (at !== null && Number.isFinite(at) && Number.isFinite(y)) {
      // Where the net first reached the target: its marker, and the step count beside it (ReLU above, tanh below).
      const point = [{ x: at, y }];
      const right = at > xMax * 0.6;
      const text = `${lane.label}: ${formatCount(at)} steps`;
      const dx = right ? -8 : 8;
      let dy = (i === 0 ? -18 : 20) * k;
      // A count above the line that would run into the target's label (a narrow chart, an early finish) goes above it.
      const box = labelBox(px(at) + dx, right ? 'end' : 'start', py(y) + dy, text, font.label, true);
      if (targetBox && i === 0 && overlaps(box, targetBox)) dy = targetBox.top - 2 - font.label * 0.6 - py(y);
      marks.push(
        Plot.dot(point, { x: 'x', y: 'y', symbol: SYMBOLS[i % SYMBOLS.length], r: 6, fill: seriesColor(i), stroke: 'var(--bg, #fff)', strokeWidth: 1.5 }),
        Plot.text(point, {
          x: 'x',
          y: 'y',
          text: () => text,
          dy,
          dx,
          textAnchor: right ? 'end' : 'start',
          fill: seriesTextColor(i),
          stroke: 'var(--bg-soft, #fff)',
          strokeWidth: 5,
          paintOrder: 'stroke',
          fontSize: font.label,
          fontWeight: 600,
        }),
      );
    }
  });
  return plot({
    document: options.document,
    width: size.width,
    height: size.height,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    style: chartStyle(size.density),
    x: { label: 'training step', domain: [0, xMax], grid: true, labelAnchor: 'center', labelOffset: marginBottom - 6, ticks: tickCount(size.width - marginLeft - marginRight, size.density) },
    y: { label: 'training error (%)', domain: [0, 100], grid: true, ticks: tickCount(size.height - marginBottom - 20, size.density, 45) },
    ariaLabel: 'Training error of the ReLU and tanh networks against training step',
    ariaDescription: describeRace(view),
    marks,
  });
}
