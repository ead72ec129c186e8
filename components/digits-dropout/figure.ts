/**
 * The digits experiment before anything trained, drawn at build time (src/widgets/built-figure.ts) exactly as the
 * controller first draws it: in the reading view every chart under its title (error curves' axes, the weight sheets'
 * frames, the activation histograms' axes), on a slide the one chart its <Step params> picks; the same render
 * functions, and the summary in words. Nothing is computed: the digits download only when Train is pressed, and the
 * curves, tiles and activations exist only once both nets train. The weight sheets are canvases, which only the
 * browser paints (mid-grey before training): at build they stay blank, beside their note.
 */
import { builtVariants, buildSizes, figureValues, html, type BuiltFigure, type PageView } from '../../src/widgets/built-figure.ts';
import { DIGITS_DEFAULTS } from './model.ts';
import { IDLE_VIEW } from './run.ts';
import { DIGITS_PANELS, chartBoxes, grouped, summaryText, type DigitsPanel } from './describe.ts';
import { CHART_SIZE, renderDigitsPanel, type DigitsView } from './render.ts';

/** The charts a view shows: all of them in the reading view (controller.ts #drawCharts), a slide's one. */
export function builtPanels(view: PageView, stepParams?: string): readonly DigitsPanel[] {
  return view === 'slides' ? [figureValues(view, stepParams).digitsPanel as DigitsPanel] : DIGITS_PANELS;
}

export function buildDigitsFigure(document: Document, view: PageView, stepParams?: string): BuiltFigure {
  const { width, epochs, trainCount, seed } = DIGITS_DEFAULTS;
  const idle: DigitsView = { epochs, curves: null, snapshot: null, initialTiles: null, change: false };
  const panels = builtPanels(view, stepParams);
  const variants = builtVariants(document, buildSizes(view, CHART_SIZE), (size) => {
    // The controller's layout (describe.ts chartBoxes), each box holding its chart as the controller draws it.
    const { root, boxes } = chartBoxes(document, panels);
    for (const [panel, box] of boxes) box.append(renderDigitsPanel(panel, idle, { document, size, paint: () => undefined }));
    return root;
  });
  return {
    plot: html(variants),
    summary: summaryText(IDLE_VIEW, DIGITS_DEFAULTS),
    params: `784 → ${width} → ${width} → 10, ${epochs} epochs on ${grouped(trainCount)} training digits, seed ${seed}: not trained yet (Train runs it live)`,
  };
}
