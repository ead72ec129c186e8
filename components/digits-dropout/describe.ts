/**
 * The digits widget's words: the status line (short on a slide), the progress bar's value and label, the line with
 * the final test errors, and the text summary with every number the charts show. Pure: from the run's view.
 */
import type { RunView } from './run.ts';
import type { ActivationSummary } from './probe.ts';

export type DigitsPanel = 'errors' | 'features' | 'activations';
export const DIGITS_PANELS: readonly DigitsPanel[] = ['errors', 'features', 'activations'];

/** The reading view's title over each chart (a slide shows one chart, named by its menu). */
export const PANEL_TITLES: Readonly<Record<DigitsPanel, string>> = {
  errors: 'Error on the training and the test digits',
  features: 'First-layer weights, 64 units of each net (compare the paper’s Fig. 7)',
  activations: 'Hidden activations on the test digits (compare the paper’s Fig. 8)',
};

/** Test digits in the asset (src/digits/build-asset.ts: DIGITS_TEST_COUNT), each error is a share of them. */
export const TEST_DIGITS = 2000;

/** The asset as served (src/digits/: 1,666,783 bytes gzip), for the hint before the first download. */
export const ASSET_MEGABYTES = 1.7;

const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** 0.0775 → "7.75%". */
export const percent = (x: number, digits = 2): string => (finite(x) ? `${(100 * x).toFixed(digits)}%` : '–');

/** 1234567 → "1,234,567". */
export const grouped = (n: number): string => (finite(n) ? String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : '–');

export const decimal = (x: number, digits = 2): string => (finite(x) ? x.toFixed(digits) : '–');

/** 75 → "1 min 15 s", 9.4 → "9 s". */
export function duration(seconds: number): string {
  if (!finite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
}

const megabytes = (bytes: number): string => (bytes / 1e6).toFixed(1);

/** The progress bar: a fraction in [0, 1], or null while its end is unknown (a download without a length). */
export function progressValue(view: RunView): number | null {
  switch (view.state) {
    case 'idle':
      return 0;
    case 'done':
      return 1;
    case 'loading':
      if (view.progress === null) return view.download?.total ? Math.min(1, view.download.loaded / view.download.total) : view.download ? null : 0;
  }
  const p = view.progress;
  return p && p.stepsTotal > 0 ? Math.min(1, p.step / p.stepsTotal) : 0;
}

/** What the progress bar measures now. */
export const progressLabel = (view: RunView): string => (view.state === 'loading' && view.progress === null ? 'Downloading the digits' : 'Training progress');

function epochText(view: RunView, onSlide: boolean): string {
  const p = view.progress!;
  const epoch = Math.min(p.epochs, Math.floor(p.epoch + 1e-9));
  return onSlide ? `Epoch ${epoch}/${p.epochs}` : `Epoch ${epoch} of ${p.epochs}`;
}

/** Layer 1 activations of both nets at the latest snapshot, or null. */
function layer(view: RunView, h = 0): [ActivationSummary, ActivationSummary] | null {
  const runs = view.snapshot?.runs;
  const a = runs?.[0].hidden[h], b = runs?.[1].hidden[h];
  return a && b ? [a, b] : null;
}

/** The latest test errors of both nets, or null before the first measurement. */
function testErrors(view: RunView): [number, number] | null {
  const c = view.curves;
  const a = c?.[0].testError.at(-1), b = c?.[1].testError.at(-1);
  return finite(a) && finite(b) ? [a, b] : null;
}

/** After a run or a pause on a slide: the one finding the chart shown is about. */
function slideFinding(view: RunView, panel: DigitsPanel): string {
  if (panel === 'activations') {
    const l = layer(view);
    return l ? `mean ${decimal(l[0].mean)} → ${decimal(l[1].mean)} · zeros ${percent(l[0].zeroFraction, 0)} → ${percent(l[1].zeroFraction, 0)}` : '';
  }
  const e = testErrors(view);
  return e ? `test error ${percent(e[0])} → ${percent(e[1])} with dropout` : '';
}

/**
 * The status line. On a slide one short line (the progress, or what the shown chart found); on a page the progress
 * with the rate and the time left, or the result.
 */
export function statusText(view: RunView, options: { onSlide: boolean; panel: DigitsPanel }): string {
  const { onSlide, panel } = options;
  switch (view.state) {
    case 'idle':
      return onSlide ? 'Press Train (about 20 s on a laptop).' : `Press Train: the digits (${ASSET_MEGABYTES} MB) download once, then both nets train in a background thread (about 20 s on a laptop).`;
    case 'failed':
      return view.error ?? 'Training stopped.';
    case 'diverged':
      return 'Training diverged (a loss that is not a finite number) — press Reset.';
    case 'done': {
      const took = view.finished ? duration(view.finished.seconds) : '';
      if (onSlide) return `Finished in ${took} · ${slideFinding(view, panel)}`;
      const e = testErrors(view);
      return `Finished in ${took} · test error ${e ? `${percent(e[0])} without dropout, ${percent(e[1])} with` : '–'}`;
    }
  }
  if (view.progress === null) {
    if (view.state === 'paused') return 'Paused while the digits download.';
    const d = view.download;
    if (d === null) return 'Starting…';
    if (onSlide) return d.total ? `Downloading the digits: ${Math.round((100 * d.loaded) / d.total)}%` : `Downloading the digits: ${megabytes(d.loaded)} MB`;
    return `Downloading the digits: ${megabytes(d.loaded)}${d.total ? ` of ${megabytes(d.total)}` : ''} MB`;
  }
  const p = view.progress;
  const epoch = epochText(view, onSlide);
  if (view.state === 'paused') {
    const finding = slideFinding(view, onSlide ? panel : 'errors');
    return `Paused at ${epoch.toLowerCase()}${finding ? ` · ${finding}` : ''}`;
  }
  const rate = p.examplesPerSecond > 0 ? `${grouped(p.examplesPerSecond)} digits/s` : '';
  const left = p.etaSeconds !== null && p.step > 0 ? `${duration(p.etaSeconds)} left` : '';
  if (onSlide) return [epoch, rate, left].filter(Boolean).join(' · ');
  return [view.stepping ? `${epoch} (one epoch, then a pause)` : epoch, rate && `${rate} (both nets)`, left && `about ${left}`].filter(Boolean).join(' · ');
}

/** The line with the final (or latest) test errors, under the charts in the reading view. */
export function resultText(view: RunView): string {
  const e = testErrors(view);
  if (!e || !view.curves) return '';
  const epoch = Math.round(view.curves[0].epochs.at(-1) ?? 0);
  const when = view.state === 'done' ? `after ${epoch} epochs` : `at epoch ${epoch}`;
  return `Test error ${when}: ${percent(e[0])} without dropout, ${percent(e[1])} with dropout (${e[1] <= e[0] ? 'lower by' : 'higher by'} ${decimal(100 * Math.abs(e[0] - e[1]))} points, that is ${grouped(Math.abs(e[0] - e[1]) * TEST_DIGITS)} of the ${grouped(TEST_DIGITS)} test digits).`;
}

/** Everything the charts show, in words and numbers (the figure's text alternative). */
export function summaryText(view: RunView, setup: { width: number; epochs: number; trainCount: number }): string {
  const head = `Two copies of one network (784 → ${setup.width} → ${setup.width} → 10, ReLU) trained for ${setup.epochs} epochs on the same ${grouped(setup.trainCount)} training digits from the same starting weights: without dropout, and with dropout (p = 0.2 on the pixels, 0.5 on both hidden layers).`;
  const c = view.curves;
  if (!c || c[0].epochs.length === 0) return `${head} Errors, weight tiles and activations appear here while they train.`;
  const epoch = Math.round(c[0].epochs.at(-1) ?? 0);
  const parts = [head, `At epoch ${epoch}: test error ${percent(c[0].testError.at(-1)!)} without dropout and ${percent(c[1].testError.at(-1)!)} with; training error ${percent(c[0].trainError.at(-1)!)} and ${percent(c[1].trainError.at(-1)!)}.`];
  const best = c.map((r) => Math.min(...r.testError.slice(1).filter(finite)));
  if (c[0].epochs.length > 2 && best.every(finite)) parts.push(`Lowest test error so far: ${percent(best[0])} and ${percent(best[1])}.`);
  const snap = view.snapshot;
  if (snap) {
    const layers = snap.runs[0].hidden.length;
    for (let h = 0; h < layers; h++) {
      const l = layer(view, h);
      if (l) parts.push(`Hidden layer ${h + 1} on the test digits: mean activation ${decimal(l[0].mean)} without dropout, ${decimal(l[1].mean)} with; exactly zero ${percent(l[0].zeroFraction, 0)} and ${percent(l[1].zeroFraction, 0)}.`);
    }
    parts.push(`The tiles show the ${snap.runs[0].tileCount} first units' incoming weights as 28 × 28 images (epoch ${Math.round(snap.epoch)}).`);
  }
  return parts.join(' ');
}

/**
 * The charts' layout in the plot box: one `.chart-box` per chart, each under its title when there are several (the
 * reading view). Shared by the controller and the build-time figure (figure.ts), so both lay out the same.
 */
export function chartBoxes(doc: Document, panels: readonly DigitsPanel[]): { root: HTMLElement; boxes: Map<DigitsPanel, HTMLElement> } {
  const root = doc.createElement('div');
  root.className = 'digits-charts';
  const boxes = new Map<DigitsPanel, HTMLElement>();
  for (const panel of panels) {
    const box = doc.createElement('div');
    box.className = 'chart-box';
    boxes.set(panel, box);
    if (panels.length === 1) {
      root.append(box);
      continue;
    }
    const section = doc.createElement('div');
    const title = doc.createElement('p');
    title.className = 'digits-panel-title';
    title.textContent = PANEL_TITLES[panel];
    section.append(title, box);
    root.append(section);
  }
  return { root, boxes };
}
