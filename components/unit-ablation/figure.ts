/**
 * The unit-ablation experiment at the default settings, trained and knocked out to the end, drawn at build time
 * (src/widgets/built-figure.ts) with the live widget's model and render functions: the page opens on the knock-out
 * charts; Train runs it again live.
 */
import { defaultValues, type ParamValues } from '../../src/widgets/params.ts';
import { builtVariants, buildSizes, html, partSize, type BuiltFigure, type PageView } from '../../src/widgets/built-figure.ts';
import type { ChartSize } from '../../src/widgets/chart-size.ts';
import { ABLATION, advanceAblation, createAblation, type Ablation } from './model.ts';
import { KNOCKOUT_CHART_SIZE, LOSS_CHART_SIZE, ablationParams, ablationView, describeAblation, renderAblationLegend, renderKnockoutChart, renderLossChart } from './render.ts';

/** The gap between the knock-out columns: 1rem, 18 px at the site's root size (112.5%, src/styles/global.css). */
const GAP = 18;
/** Room the legend takes above a slide's one chart. */
const SLIDE_LEGEND = 48;

let finished: Ablation | null = null;

/** The run the live widget trains and knocks out at the default settings, to its end (once per build). */
export function finishedDefaultAblation(): Ablation {
  if (finished) return finished;
  const d = defaultValues();
  const state = createAblation({ p: d.p, lr: d.lr, seed: d.seed });
  while (!['done', 'diverged'].includes(advanceAblation(state, Infinity)));
  return (finished = state);
}

/** `values`: which layer a slide shows (the run is always the default one: the live widget keeps this figure only then). */
export function buildUnitAblationFigure(document: Document, view: PageView, values: ParamValues = defaultValues()): BuiltFigure {
  const state = finishedDefaultAblation();
  const v = ablationView(state);
  const slide = view === 'slides';
  const layer = values.knockoutLayer - 1;
  const measuring = v.progress.done > 0;
  const variants = builtVariants(document, buildSizes(view, LOSS_CHART_SIZE), (size) => {
    // The shell's layout (controller.ts): legend, loss chart, note, one knock-out column per hidden layer.
    const root = document.createElement('div');
    root.className = 'ablation-charts';
    const legend = document.createElement('div');
    legend.append(renderAblationLegend(v, { document }));
    const loss = document.createElement('div');
    loss.className = 'ablation-loss';
    loss.hidden = slide && measuring;
    const slideChart: ChartSize = { ...size, height: size.height - SLIDE_LEGEND };
    if (!loss.hidden) loss.append(renderLossChart(v, { document, size: slide ? slideChart : size }));
    const note = document.createElement('p');
    note.className = 'ablation-note';
    note.textContent = 'The knock-out charts appear once both networks have finished training.';
    note.hidden = slide || measuring;
    const columns = document.createElement('div');
    columns.className = 'ablation-columns';
    columns.hidden = !measuring;
    ABLATION.sizes.slice(1, -1).forEach((_, h) => {
      const column = document.createElement('div');
      column.className = 'ablation-column';
      column.hidden = slide && h !== layer;
      const knockout: ChartSize = slide
        ? slideChart
        : size.density === 'phone'
          ? { ...size, height: KNOCKOUT_CHART_SIZE.phoneHeight }
          : partSize(size, Math.floor((size.width - GAP) / 2), KNOCKOUT_CHART_SIZE);
      if (measuring && !column.hidden) column.append(renderKnockoutChart(v, h, { document, size: knockout }));
      columns.append(column);
    });
    root.append(legend, loss, note, columns);
    return root;
  });
  return { plot: html(variants), summary: describeAblation(v), params: ablationParams(state) };
}
