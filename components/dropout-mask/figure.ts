/**
 * The dropout masks at the default settings, drawn at build time (src/widgets/built-figure.ts) with the live widget's
 * model and render functions: the first paint shows the thinned net (and, in the reading view, the mini-batch's
 * masks) the controller draws.
 */
import { defaultValues, type ParamValues } from '../../src/widgets/params.ts';
import { builtVariants, buildSizes, html, type BuiltFigure, type PageView } from '../../src/widgets/built-figure.ts';
import { dropoutMaskView, dropoutMaskParams } from './view.ts';
import { NET_SIZE, describeDropoutMask, describeLayer, renderDropoutMask, type MaskPanel } from './render.ts';

export function buildDropoutMaskFigure(document: Document, view: PageView, values: ParamValues = defaultValues()): BuiltFigure & { counts: string[] } {
  const { view: masks, shown } = dropoutMaskView(values);
  const panel = view === 'slides' ? (values.maskPanel as MaskPanel) : undefined;
  const variants = builtVariants(document, buildSizes(view, NET_SIZE), (size) => renderDropoutMask(masks, { document, size, panel }));
  return {
    plot: html(variants),
    summary: describeDropoutMask(masks),
    params: dropoutMaskParams(values),
    counts: shown.layers.map(describeLayer),
  };
}
