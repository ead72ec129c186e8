/**
 * The inverted-dropout chart and conventions table at the default settings, drawn at build time
 * (src/widgets/built-figure.ts) with the live widget's model and render functions.
 */
import { defaultValues, type ParamValues } from '../../src/widgets/params.ts';
import { builtVariants, buildSizes, html, type BuiltFigure, type PageView } from '../../src/widgets/built-figure.ts';
import { createMaskRun, drawMasks } from './model.ts';
import { CHART_SIZE, conventionCells, describeInverted, invertedParams, invertedView, renderInverted } from './render.ts';

export interface BuiltInverted extends BuiltFigure {
  /** The conventions table's body: per row, whether it matches and each cell's long and short words. */
  rows: { matches: boolean; cells: { long: string; short: string }[] }[];
  /** "0 masks drawn". */
  count: string;
}

export function buildInvertedDropoutFigure(document: Document, view: PageView, values: ParamValues = defaultValues()): BuiltInverted {
  const run = createMaskRun(values.seed, values.p);
  drawMasks(run, values.masks);
  const v = invertedView(run);
  const variants = builtVariants(document, buildSizes(view, CHART_SIZE), (size) => renderInverted(v, { document, size }));
  const long = conventionCells(v.conventions, run.count);
  const short = conventionCells(v.conventions, run.count, true);
  return {
    plot: html(variants),
    summary: describeInverted(v),
    params: invertedParams(run),
    rows: long.map((cells, r) => ({ matches: v.conventions[r].matches, cells: cells.slice(1).map((text, c) => ({ long: text, short: short[r][c + 1] ?? '' })) })),
    count: `${run.count} mask${run.count === 1 ? '' : 's'} drawn`,
  };
}
