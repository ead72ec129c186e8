/**
 * Pure rendering of the PReLU-slopes run: the learned slope of each hidden layer over the steps and the
 * training loss, with the shared line chart (colour + dash + end label per series; non-finite values dropped).
 */
import { endLabelRoom, renderLineChart } from '../../src/widgets/charts/line-chart.ts';
import { type ChartSize, resolveSize } from '../../src/widgets/chart-size.ts';
import { INITIAL_SLOPE, MAX_STEPS, blockMeans, latestSlopes, recentLoss, thin, type PreluRun } from './model.ts';

/** The two charts: the learned slopes, and the training loss. A slide shows one (the `slopesPanel` parameter). */
export type SlopesPanel = 'slopes' | 'loss';
export const SLOPES_PANELS: readonly SlopesPanel[] = ['slopes', 'loss'];

export interface RenderOptions {
  document?: Document;
  width?: number;
  /**
   * The box to draw for (src/widgets/chart-size.ts). On a slide the one chart shown fills it; in the reading view its
   * width counts and each chart keeps its own height (smaller on a phone).
   */
  size?: ChartSize;
  /** Draw only this chart (a slide); both by default. */
  panel?: SlopesPanel;
}

/** The reading view's chart sizes: slopes above, the loss below. */
export const CHART_SIZE = { width: 640, height: 280, phoneHeight: 240 };
const LOSS_HEIGHT = { page: 200, phone: 180 };
const LOSS_NAME = 'loss';

const SUBSCRIPTS = ['₁', '₂', '₃', '₄', '₅', '₆'];
export const slopeName = (h: number): string => `a${SUBSCRIPTS[h] ?? `_${h + 1}`}`;

/** Finite numbers only, typographic minus. */
export function fmt(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  return v.toFixed(digits).replace(/-/g, '−');
}

export function slopesText(run: PreluRun): string {
  return latestSlopes(run)
    .map((a, h) => `${slopeName(h)} = ${fmt(a)}`)
    .join(', ');
}

/** The readout beside the training buttons. */
export const slopesReadout = (run: PreluRun): string => `${slopesText(run)} after ${run.trainer.stepCount} steps`;

/** The one-line settings under a printed figure. */
export const preluParams = (run: PreluRun): string => `learning rate ${run.settings.lr}, seed ${run.settings.seed}, after ${run.trainer.stepCount} steps`;

/** The status line; `short` on a slide, where the readout beside the buttons already gives the slopes. */
export function statusText(run: PreluRun, short = false): string {
  const loss = recentLoss(run, 20);
  const lossText = Number.isFinite(loss) ? fmt(loss) : '–';
  if (short) return `Step ${run.trainer.stepCount} of ${MAX_STEPS} · loss ${lossText}`;
  return `step ${run.trainer.stepCount} of ${MAX_STEPS} · loss ${lossText} · ${slopesText(run)}`;
}

export function describeSlopes(run: PreluRun): string {
  const { lr, seed } = run.settings;
  const setup = `PReLU network 2 → 32 → 32 → 3, one learned slope per hidden layer, trained with SGD (learning rate ${lr}, batch 32, seed ${seed}) on 300 spiral points.`;
  const steps = run.trainer.stepCount;
  const start = `Both slopes start at ${INITIAL_SLOPE}, the value He et al. (2015) initialise PReLU with.`;
  if (run.diverged) {
    return `${setup} Training diverged after ${steps} steps (the loss became non-finite or exceeded 100) — lower the learning rate and press Reset. Last finite slopes: ${slopesText(run)}.`;
  }
  if (steps === 0) return `${setup} ${start} Press Train or Step to learn them.`;
  const mean = recentLoss(run);
  const window = Math.min(50, run.losses.length);
  return `${setup} ${start} After ${steps} steps the slopes are ${slopesText(run)}; training loss ${fmt(mean)} (mean of the last ${window} minibatches).`;
}

export function renderPreluSlopes(run: PreluRun, options: RenderOptions = {}): HTMLElement {
  const doc = options.document ?? document;
  const size = resolveSize(options, CHART_SIZE);
  const xMax = Math.max(100, run.trainer.stepCount);
  const root = doc.createElement('div');
  root.className = 'prelu-slopes-charts';
  const panels = options.panel ? [options.panel] : SLOPES_PANELS;
  // One chart fills a slide's box; in the reading view each keeps its own height.
  const heightOf = (panel: SlopesPanel): number =>
    size.density === 'slide' || options.panel ? size.height : panel === 'slopes' ? size.height : LOSS_HEIGHT[size.density === 'phone' ? 'phone' : 'page'];
  // The same room for end names in both charts, so their frames and x axes line up.
  const marginRight = endLabelRoom([...run.slopes.map((_, h) => slopeName(h)), LOSS_NAME], size.density);
  const charts = panels.map((panel) => {
    const chartSize: ChartSize = { ...size, height: heightOf(panel) };
    return panel === 'slopes' ? slopeChart(run, doc, chartSize, xMax, marginRight) : lossChart(run, doc, chartSize, xMax, marginRight);
  });
  root.append(...charts);
  return root;
}

function slopeChart(run: PreluRun, doc: Document, size: ChartSize, xMax: number, marginRight: number): SVGSVGElement | HTMLElement {
  const slopeSeries = run.slopes.map((series, h) => ({ name: slopeName(h), ...thin(run.steps, series) }));
  return renderLineChart(slopeSeries, {
    yDomain: slopeDomain(run),
    document: doc,
    size,
    marginRight,
    xLabel: 'training step',
    yLabel: size.density === 'page' ? 'learned slope a' : 'slope a',
    xDomain: [0, xMax],
    ariaLabel: 'Learned PReLU slope of each hidden layer over training',
    ariaDescription: describeSlopes(run),
    rules: [{ y: INITIAL_SLOPE, label: `start ${INITIAL_SLOPE}` }],
  });
}

/**
 * The slope axis: 0 and the start value and every slope so far, with a sixth of headroom above, so the lines, their
 * names and the start rule's label never sit on the frame's top edge (where the axis name is).
 */
export function slopeDomain(run: PreluRun): [number, number] {
  let [lo, hi] = [0, INITIAL_SLOPE];
  for (const series of run.slopes) for (const a of series) if (Number.isFinite(a)) [lo, hi] = [Math.min(lo, a), Math.max(hi, a)];
  return [lo, hi + (hi - lo) / 6];
}

function lossChart(run: PreluRun, doc: Document, size: ChartSize, xMax: number, marginRight: number): SVGSVGElement | HTMLElement {
  const loss = blockMeans(run.losses);
  const finiteLoss = loss.ys.filter(Number.isFinite);
  return renderLineChart([{ name: LOSS_NAME, ...loss }], {
    document: doc,
    size,
    marginRight,
    xLabel: 'training step',
    yLabel: 'training loss',
    xDomain: [0, xMax],
    yDomain: [0, Math.max(1.2, ...finiteLoss) * 1.05],
    ariaLabel: 'Training loss over the steps',
    ariaDescription: finiteLoss.length
      ? `Minibatch cross-entropy, averaged over blocks of steps: from ${fmt(finiteLoss[0])} at the start to ${fmt(finiteLoss[finiteLoss.length - 1])} after ${run.trainer.stepCount} steps.`
      : 'No training steps yet.',
  });
}
