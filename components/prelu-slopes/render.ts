/**
 * Pure rendering of the PReLU-slopes run: the learned slope of each hidden layer over the steps and the
 * training loss, with the shared line chart (colour + dash + end label per series; non-finite values dropped).
 */
import { renderLineChart } from '../../src/widgets/charts/line-chart.ts';
import { INITIAL_SLOPE, MAX_STEPS, blockMeans, latestSlopes, recentLoss, thin, type PreluRun } from './model.ts';

export interface RenderOptions {
  document?: Document;
  width?: number;
}

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

export function statusText(run: PreluRun): string {
  const loss = recentLoss(run, 20);
  return `step ${run.trainer.stepCount} of ${MAX_STEPS} · loss ${Number.isFinite(loss) ? fmt(loss) : '–'} · ${slopesText(run)}`;
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
  const width = options.width ?? 640;
  const xMax = Math.max(100, run.trainer.stepCount);
  const root = doc.createElement('div');
  root.className = 'prelu-slopes-charts';
  const slopeSeries = run.slopes.map((series, h) => ({ name: slopeName(h), ...thin(run.steps, series) }));
  const slopeChart = renderLineChart(slopeSeries, {
    document: doc,
    width,
    height: 280,
    xLabel: 'training step',
    yLabel: 'learned slope a',
    xDomain: [0, xMax],
    ariaLabel: 'Learned PReLU slope of each hidden layer over training',
    ariaDescription: describeSlopes(run),
    rules: [{ y: INITIAL_SLOPE, label: `start ${INITIAL_SLOPE}` }],
  });
  const loss = blockMeans(run.losses);
  const finiteLoss = loss.ys.filter(Number.isFinite);
  const lossChart = renderLineChart([{ name: 'loss', ...loss }], {
    document: doc,
    width,
    height: 200,
    xLabel: 'training step',
    yLabel: 'training loss',
    xDomain: [0, xMax],
    yDomain: [0, Math.max(1.2, ...finiteLoss) * 1.05],
    ariaLabel: 'Training loss over the steps',
    ariaDescription: finiteLoss.length
      ? `Minibatch cross-entropy, averaged over blocks of steps: from ${fmt(finiteLoss[0])} at the start to ${fmt(finiteLoss[finiteLoss.length - 1])} after ${run.trainer.stepCount} steps.`
      : 'No training steps yet.',
  });
  root.append(slopeChart, lossChart);
  return root;
}


