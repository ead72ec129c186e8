/**
 * The digits experiment before anything trained, drawn at build time (src/widgets/built-figure.ts): the error chart's
 * axes for the default run (epochs 0 to 40) with the same render function the live widget uses, and the summary in
 * words, so a page without JavaScript (or on paper) shows what the experiment measures instead of a "loads when"
 * sentence. Nothing is computed: the digits download only when Train is pressed, and the curves, tiles and
 * activations exist only once both nets train. The controller replaces the drawing when it first draws.
 */
import { builtVariants, buildSizes, html, type BuiltFigure, type PageView } from '../../src/widgets/built-figure.ts';
import { DIGITS_DEFAULTS } from './model.ts';
import { IDLE_VIEW } from './run.ts';
import { PANEL_TITLES, grouped, summaryText } from './describe.ts';
import { CHART_SIZE, errorsChart } from './render.ts';

export function buildDigitsFigure(document: Document, view: PageView): BuiltFigure {
  const { width, epochs, trainCount, seed } = DIGITS_DEFAULTS;
  const variants = builtVariants(document, buildSizes(view, CHART_SIZE), (size) => {
    const chart = errorsChart({ epochs, curves: null, snapshot: null, initialTiles: null, change: false }, document, size);
    if (view === 'slides') return chart;
    // The reading view titles its charts, as the live widget does.
    const title = document.createElement('p');
    title.className = 'digits-panel-title';
    title.textContent = PANEL_TITLES.errors;
    return [title, chart];
  });
  return {
    plot: html(variants),
    summary: summaryText(IDLE_VIEW, DIGITS_DEFAULTS),
    params: `784 → ${width} → ${width} → 10, ${epochs} epochs on ${grouped(trainCount)} training digits, seed ${seed}: not trained yet (Train runs it live)`,
  };
}
