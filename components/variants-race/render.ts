/**
 * Pure rendering of the variants race: per activation (the mean over seeds), the fraction of hidden units inactive
 * on every training example and the training loss against the step, and the mean activation of each hidden layer at
 * the latest checkpoint. Each activation keeps the lesson's look for it (colour, dash, marker, a name at the line's
 * end). The reading view shows the three charts; a slide shows one (racePanel), drawn to fill its box.
 */
import * as Plot from '@observablehq/plot';
import { plot } from '../../src/widgets/charts/plot.ts';
import { activationStyle } from '../../src/widgets/charts/activation-style.ts';
import { endLabelMarks } from '../../src/widgets/charts/end-labels.ts';
import { CHART_TEXT, type ChartSize, chartStyle, resolveSize, scaled, tickCount } from '../../src/widgets/chart-size.ts';
import { latest, SETUP, type RaceActivation, type VariantsRace } from './model.ts';
import { sum } from './units.ts';

export type RacePanel = 'inactive' | 'loss' | 'means';
export const RACE_PANELS: readonly RacePanel[] = ['inactive', 'loss', 'means'];

export interface RenderOptions {
  document?: Document;
  width?: number;
  size?: ChartSize;
  /** Only this chart (a slide); all three by default. */
  panel?: RacePanel;
}

export const CHART_SIZE = { width: 640, height: 260, phoneHeight: 230 };

/** One activation's curves: the mean over its seeds (diverged seeds left out) at every checkpoint all of them reached. */
export interface LaneCurves {
  act: RaceActivation;
  label: string;
  steps: number[];
  trainLoss: number[];
  inactive: number[];
  /** Mean activation per hidden layer at the latest checkpoint. */
  means: number[];
}

export interface RaceView {
  lanes: LaneCurves[];
  step: number;
  maxSteps: number;
  stress: boolean;
  seeds: number;
}

const mean = (values: number[]): number => {
  const finite = values.filter(Number.isFinite);
  return finite.length ? sum(finite) / finite.length : NaN;
};

export function raceView(race: VariantsRace): RaceView {
  const lanes = race.lanes.map((lane) => {
    const live = lane.runs.filter((run) => run.status !== 'diverged' && run.history.length > 0);
    const points = live.length ? Math.min(...live.map((run) => run.history.length)) : 0;
    const at = (k: number, f: (c: (typeof live)[number]['history'][number]) => number) => mean(live.map((run) => f(run.history[k])));
    const ks = Array.from({ length: points }, (_, k) => k);
    const last = live.map((run) => latest(run)).filter((c) => c !== undefined);
    const layers = SETUP.sizes.length - 2;
    return {
      act: lane.act,
      label: lane.label,
      steps: ks.map((k) => at(k, (c) => c.step)),
      trainLoss: ks.map((k) => at(k, (c) => c.trainLoss)),
      inactive: ks.map((k) => at(k, (c) => sum(c.inactive) / race.units)),
      means: Array.from({ length: layers }, (_, h) => mean(last.map((c) => c.meanActivation[h]))),
    };
  });
  return { lanes, step: race.step, maxSteps: race.settings.maxSteps, stress: race.settings.regime === 'stress', seeds: race.settings.seeds };
}

type Point = { x: number; y: number };
const finitePoints = (xs: number[], ys: number[]): Point[] => xs.map((x, i) => ({ x, y: ys[i] })).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));

/** Lines over the training steps, one per activation, named at their ends. */
function stepChart(view: RaceView, pick: (lane: LaneCurves) => number[], size: ChartSize, doc: Document | undefined, y: { label: string; domain: [number, number]; percent?: boolean }, aria: { label: string; description: string }) {
  const d = size.density;
  const font = CHART_TEXT[d];
  const [marginLeft, marginRight, marginTop, marginBottom] = [scaled(56, d), scaled(96, d), scaled(26, d), scaled(44, d)];
  const marks: Plot.Markish[] = [Plot.ruleY([y.domain[0]], { stroke: 'currentColor', strokeOpacity: 0.3 })];
  const ends: { x: number; y: number; text: string; fill: string }[] = [];
  for (const lane of view.lanes) {
    const st = activationStyle(lane.act);
    const points = finitePoints(lane.steps, pick(lane));
    marks.push(Plot.line(points, { x: 'x', y: 'y', stroke: st.color, strokeWidth: d === 'slide' ? 3 : 2.5, strokeDasharray: st.dash }));
    const end = points.at(-1);
    if (end) {
      marks.push(Plot.dot([end], { x: 'x', y: 'y', symbol: st.symbol, r: d === 'slide' ? 6 : 5, fill: st.color, stroke: 'var(--bg)', strokeWidth: 1.5 }));
      ends.push({ ...end, text: st.label, fill: st.text });
    }
  }
  // A name never sits lower than half its height above the x axis, where it would run into the last step's number
  // (the names stacked above it move up with it).
  const lowest = size.height - marginBottom - (font.label / 2 + 2);
  marks.push(...endLabelMarks(ends, { domain: y.domain, range: [size.height - marginBottom, marginTop] }, { fontSize: font.label, gap: font.label + 2, lowest }));
  return plot({
    document: doc,
    width: size.width,
    height: size.height,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    style: chartStyle(d),
    x: { label: 'training step', domain: [0, view.maxSteps], grid: true, labelAnchor: 'center', labelOffset: marginBottom - 6, ticks: tickCount(size.width - marginLeft - marginRight, d) },
    y: { label: y.label, domain: y.domain, grid: true, ticks: tickCount(size.height - marginTop - marginBottom, d, font.tick * 2.5), tickFormat: y.percent ? (v: number) => `${Math.round(v * 100)}%` : undefined },
    ariaLabel: aria.label,
    ariaDescription: aria.description,
    marks,
  });
}

const pct = (v: number): string => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : '–');
const num = (v: number): string => (Number.isFinite(v) ? v.toFixed(2).replace('-', '−') : '–');
const lastOf = (values: number[]): number => (values.length ? values[values.length - 1] : NaN);

export function inactiveChart(view: RaceView, doc: Document | undefined, size: ChartSize) {
  const top = Math.max(0.1, ...view.lanes.flatMap((lane) => lane.inactive.filter(Number.isFinite)));
  return stepChart(view, (lane) => lane.inactive, size, doc, { label: size.density === 'page' ? 'hidden units inactive on every training point' : 'units inactive on all points', domain: [0, Math.min(1, Math.ceil(top * 10) / 10)], percent: true }, {
    label: 'Fraction of hidden units inactive on every training example, per activation',
    description: `At step ${view.step}, mean over ${view.seeds} seed${view.seeds === 1 ? '' : 's'}: ${view.lanes.map((lane) => `${lane.label} ${pct(lastOf(lane.inactive))}`).join(', ')}.`,
  });
}

export function lossChart(view: RaceView, doc: Document | undefined, size: ChartSize) {
  const top = Math.max(1.2, ...view.lanes.flatMap((lane) => lane.trainLoss.filter(Number.isFinite)));
  return stepChart(view, (lane) => lane.trainLoss, size, doc, { label: 'training loss', domain: [0, Math.ceil(top * 5) / 5] }, {
    label: 'Training loss per activation against the step',
    description: `At step ${view.step}, mean over ${view.seeds} seed${view.seeds === 1 ? '' : 's'}: ${view.lanes.map((lane) => `${lane.label} ${num(lastOf(lane.trainLoss))}`).join(', ')}.`,
  });
}

/** Mean activation of each hidden layer (latest checkpoint): one line per activation across the layers, 0 marked. */
export function meansChart(view: RaceView, doc: Document | undefined, size: ChartSize) {
  const d = size.density;
  const font = CHART_TEXT[d];
  const layers = view.lanes[0]?.means.length ?? SETUP.sizes.length - 2;
  const values = view.lanes.flatMap((lane) => lane.means).filter(Number.isFinite);
  const lo = Math.min(-0.2, ...values), hi = Math.max(0.4, ...values);
  const domain: [number, number] = [Math.floor(lo * 10) / 10, Math.ceil(hi * 10) / 10];
  const [marginLeft, marginRight, marginTop, marginBottom] = [scaled(56, d), scaled(96, d), scaled(26, d), scaled(44, d)];
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.8 })];
  const ends: { x: number; y: number; text: string; fill: string }[] = [];
  for (const lane of view.lanes) {
    const st = activationStyle(lane.act);
    const points = finitePoints(lane.means.map((_, h) => h + 1), lane.means);
    marks.push(
      Plot.line(points, { x: 'x', y: 'y', stroke: st.color, strokeWidth: d === 'slide' ? 3 : 2.5, strokeDasharray: st.dash }),
      Plot.dot(points, { x: 'x', y: 'y', symbol: st.symbol, r: d === 'slide' ? 6 : 5, fill: st.color, stroke: 'var(--bg)', strokeWidth: 1.5 }),
    );
    const end = points.at(-1);
    if (end) ends.push({ ...end, text: st.label, fill: st.text });
  }
  marks.push(...endLabelMarks(ends, { domain, range: [size.height - marginBottom, marginTop] }, { fontSize: font.label, gap: font.label + 2 }));
  return plot({
    document: doc,
    width: size.width,
    height: size.height,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    style: chartStyle(d),
    x: { label: 'hidden layer', domain: [0.8, layers + 0.2], ticks: Array.from({ length: layers }, (_, h) => h + 1), tickFormat: 'd', labelAnchor: 'center', labelOffset: marginBottom - 6 },
    y: { label: 'mean activation', domain, grid: true, ticks: tickCount(size.height - marginTop - marginBottom, d, font.tick * 2.5) },
    ariaLabel: 'Mean activation of each hidden layer, per activation',
    ariaDescription: `At step ${view.step}, mean over seeds, layers 1 to ${layers}: ${view.lanes.map((lane) => `${lane.label} ${lane.means.map(num).join(', ')}`).join('; ')}. Clevert et al. (2015): ELU's negative outputs pull the mean towards zero.`,
    marks,
  });
}

const CHARTS: Record<RacePanel, (view: RaceView, doc: Document | undefined, size: ChartSize) => SVGSVGElement | HTMLElement> = {
  inactive: inactiveChart,
  loss: lossChart,
  means: meansChart,
};

export function renderRacePanel(panel: RacePanel, view: RaceView, options: RenderOptions = {}): SVGSVGElement | HTMLElement {
  return CHARTS[panel](view, options.document, resolveSize(options, CHART_SIZE));
}

export function renderVariantsRace(view: RaceView, options: RenderOptions = {}): HTMLElement {
  const doc = options.document ?? document;
  const root = doc.createElement('div');
  root.className = 'variants-race-charts';
  root.append(...(options.panel ? [options.panel] : RACE_PANELS).map((panel) => renderRacePanel(panel, view, { ...options, document: doc })));
  return root;
}
