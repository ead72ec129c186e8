/**
 * The PReLU slopes at the default settings, trained to the end (MAX_STEPS) and drawn at build time
 * (src/widgets/built-figure.ts) with the live widget's model and render functions: the page opens on the slopes the
 * network learned; Train runs it again live.
 */
import { defaultValues, type ParamValues } from '../../src/widgets/params.ts';
import { builtVariants, buildSizes, html, type BuiltFigure, type PageView } from '../../src/widgets/built-figure.ts';
import { createPreluRun, stepRun, type PreluRun } from './model.ts';
import { CHART_SIZE, describeSlopes, preluParams, renderPreluSlopes, slopesReadout, type SlopesPanel } from './render.ts';

let finished: PreluRun | null = null;

/** The run the live widget trains at the default settings, to its end (once per build). */
export function finishedDefaultPreluRun(): PreluRun {
  if (finished) return finished;
  const d = defaultValues();
  const run = createPreluRun({ lr: d.lr, seed: d.seed });
  while (stepRun(run, 100) === 'more');
  return (finished = run);
}

/** `values`: which chart a slide shows (the run is always the default one: the live widget keeps this figure only then). */
export function buildPreluSlopesFigure(document: Document, view: PageView, values: ParamValues = defaultValues()): BuiltFigure & { readout: string } {
  const run = finishedDefaultPreluRun();
  const panel = view === 'slides' ? (values.slopesPanel as SlopesPanel) : undefined;
  const variants = builtVariants(document, buildSizes(view, CHART_SIZE), (size) => renderPreluSlopes(run, { document, size, panel }));
  return { plot: html(variants), summary: describeSlopes(run), params: preluParams(run), readout: slopesReadout(run) };
}
