/**
 * The activation explorer at the default settings, drawn at build time (src/widgets/built-figure.ts) with the live
 * widget's model and render function: the first paint shows the curve the controller draws.
 */
import { defaultValues, type ParamValues } from '../../src/widgets/params.ts';
import { builtVariants, buildSizes, html, type BuiltFigure, type PageView } from '../../src/widgets/built-figure.ts';
import { explorerState, type ExplorerState } from './model.ts';
import { describeExplorer, explorerParams, slideStatus } from './describe.ts';
import { CHART_SIZE, renderExplorer } from './render.ts';

export function buildActivationExplorerFigure(document: Document, view: PageView, values: ParamValues = defaultValues()): BuiltFigure & { status: string } {
  const state: ExplorerState = explorerState(values);
  const variants = builtVariants(document, buildSizes(view, CHART_SIZE), (size) => renderExplorer(state, { document, size }));
  return {
    plot: html(variants),
    summary: describeExplorer(state),
    params: explorerParams(state),
    // The status line the controller writes (a slide's one sentence), so nothing moves when it starts.
    status: view === 'slides' ? slideStatus(state) : '',
  };
}
