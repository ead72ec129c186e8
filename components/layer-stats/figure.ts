/**
 * The layer statistics at the default settings, drawn at build time (src/widgets/built-figure.ts): the same model,
 * depth scans and render functions as the live widget, so the first paint shows the figure the controller would draw.
 */
import { defaultValues } from '../../src/widgets/params.ts';
import { builtVariants, buildSizes, html, type BuiltFigure, type PageView } from '../../src/widgets/built-figure.ts';
import { initFor, layerStats, type InitChoice } from './model.ts';
import { vanishingDepth } from './vanishing.ts';
import { describeLayerStats, describeVanishing } from './describe.ts';
import { CHART_SIZE, STATS_PANELS, renderStatsPanel, type StatsPanel } from './render.ts';
import { activationsFor } from './activations.ts';

/** The widget's settings when nothing was changed: the parameter table's defaults. */
export function defaultSettings() {
  const d = defaultValues();
  return { depth: d.depth, width: d.width, seed: d.seed, layer: d.layer, init: d.init as InitChoice, acts: activationsFor(d), panel: d.statsPanel as StatsPanel };
}

let computed: { stats: ReturnType<typeof layerStats>; scans: ReturnType<typeof vanishingDepth>[] } | null = null;

export function buildLayerStatsFigure(document: Document, view: PageView): BuiltFigure {
  const s = defaultSettings();
  // The numbers once per build (the reading, slide and presenter pages each draw them).
  computed ??= { stats: layerStats(s), scans: s.acts.map((act) => vanishingDepth({ act, init: initFor(act, s.init), width: s.width, seed: s.seed })) };
  const { stats, scans } = computed;
  const panels: readonly StatsPanel[] = view === 'slides' ? [s.panel] : STATS_PANELS;
  const variants = builtVariants(document, buildSizes(view, CHART_SIZE), (size) => {
    const root = document.createElement('div');
    root.className = 'layer-stats-charts';
    root.append(...panels.map((panel) => renderStatsPanel(panel, stats, { document, size, scans })));
    return root;
  });
  return {
    plot: html(variants),
    summary: `${describeLayerStats(stats)} ${describeVanishing(scans)}`,
    params: `${s.depth} hidden layers of ${s.width} units, seed ${s.seed}, at initialisation`,
  };
}
