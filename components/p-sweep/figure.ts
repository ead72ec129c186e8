/**
 * The p sweep at the default settings, every net trained, drawn at build time (src/widgets/built-figure.ts) with the
 * live widget's model and render function: the page opens on the finished sweep; Train runs it again live.
 */
import { defaultValues } from '../../src/widgets/params.ts';
import { builtVariants, buildSizes, html, type BuiltFigure, type PageView } from '../../src/widgets/built-figure.ts';
import type { DatasetName } from '../../src/engine/index.ts';
import { runSweep, type Sweep } from './model.ts';
import { CHART_SIZE, describeSweep, renderSweep, sweepParams, sweepView } from './render.ts';

let finished: Sweep | null = null;

/** The sweep the live widget runs at the default settings, to its end (once per build). */
export function finishedDefaultSweep(): Sweep {
  const d = defaultValues();
  return (finished ??= runSweep({ dataset: d.dataset as DatasetName, labelNoise: d.noise, lr: d.lr, seed: d.seed }));
}

/** `_values`: a slide's settings (the sweep is always the default one: the live widget keeps this figure only then). */
export function buildPSweepFigure(document: Document, view: PageView, _values?: unknown): BuiltFigure {
  const sweep = finishedDefaultSweep();
  const v = sweepView(sweep);
  const variants = builtVariants(document, buildSizes(view, CHART_SIZE), (size) => renderSweep(v, { document, size }));
  return { plot: html(variants), summary: describeSweep(v), params: sweepParams(sweep) };
}
