/**
 * The dropout-overfit experiment at the default settings, trained to the end (OVERFIT.maxSteps) and drawn at build
 * time (src/widgets/built-figure.ts) with the live widget's model and render functions: the page opens on the net
 * without dropout overfitting and the net with dropout not; Train runs it again live.
 */
import { defaultValues, type ParamValues } from '../../src/widgets/params.ts';
import { builtVariants, buildSizes, html, partSize, type BuiltFigure, type PageView } from '../../src/widgets/built-figure.ts';
import type { ChartSize } from '../../src/widgets/chart-size.ts';
import type { DatasetName } from '../../src/engine/index.ts';
import { advanceOverfit, createOverfit, type Overfit } from './model.ts';
import { LOSS_CHART_SIZE, MAP_SIZE, describeOverfit, laneTitle, overfitParams, overfitView, renderLossChart, renderOverfitMap, type OverfitPanel } from './render.ts';

/** The gap between the two columns: 1rem, 18 px at the site's root size (112.5%, src/styles/global.css). */
const GAP = 18;
/** Room a slide's column title takes above its chart (one line of slide text). */
const SLIDE_TITLE = 40;

let finished: Overfit | null = null;

/** The run the live widget trains at the default settings, to its end (once per build). */
export function finishedDefaultOverfit(): Overfit {
  if (finished) return finished;
  const d = defaultValues();
  const state = createOverfit({ dataset: d.dataset as DatasetName, labelNoise: d.noise, p: d.p, lr: d.lr, seed: d.seed });
  while (advanceOverfit(state, Infinity) === 'ready');
  return (finished = state);
}

/** `values`: what a slide shows (the run is always the default one: the live widget keeps this figure only then). */
export function buildDropoutOverfitFigure(document: Document, view: PageView, values: ParamValues = defaultValues()): BuiltFigure {
  const state = finishedDefaultOverfit();
  const v = overfitView(state);
  const panel = values.overfitPanel as OverfitPanel;
  const slide = view === 'slides';
  const variants = builtVariants(document, buildSizes(view, LOSS_CHART_SIZE), (size) => {
    // The shell's columns: side by side on a page and a slide (each half the box), one above the other on a phone.
    const column: ChartSize = size.density === 'phone'
      ? size
      : slide
        ? { ...size, width: Math.floor((size.width - GAP) / 2), height: size.height - SLIDE_TITLE }
        : partSize(size, Math.floor((size.width - GAP) / 2), LOSS_CHART_SIZE);
    const root = document.createElement('div');
    root.className = 'overfit-columns';
    v.lanes.forEach((_, i) => {
      const col = document.createElement('div');
      col.className = 'overfit-column';
      const title = document.createElement('p');
      title.className = 'overfit-title';
      title.textContent = laneTitle(v, i);
      const chart = document.createElement('div');
      chart.className = 'overfit-chart';
      const map = document.createElement('div');
      map.className = 'overfit-map';
      chart.hidden = slide && panel !== 'losses';
      map.hidden = slide && panel !== 'maps';
      if (!chart.hidden) chart.append(renderLossChart(v, i, { document, size: column }));
      const side = slide ? Math.min(column.width, column.height) : Math.min(MAP_SIZE, column.width);
      const drawn = map.hidden ? null : renderOverfitMap(v, i, { document, size: side });
      if (drawn) map.append(drawn);
      col.append(title, chart, map);
      root.append(col);
    });
    return root;
  });
  // A decision map keeps its own side, as the live one does (builtVariants gives every drawing the box's width).
  for (const svg of variants.flatMap((box) => [...box.querySelectorAll<SVGSVGElement>('.overfit-map > svg')])) {
    if (!slide) svg.style.width = `${svg.getAttribute('width')}px`;
  }
  return { plot: html(variants), summary: describeOverfit(v), params: overfitParams(state) };
}
