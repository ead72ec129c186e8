/**
 * The ReLU curve at the default settings, drawn at build time (src/widgets/built-figure.ts) with the live widget's
 * model and render function: the first paint shows the figure the controller draws.
 */
import { defaultValues, type ParamValues } from '../../src/widgets/params.ts';
import { builtVariants, buildSizes, html, type BuiltFigure, type PageView } from '../../src/widgets/built-figure.ts';
import { probeRelu, sampleReluCurve } from './model.ts';
import { CHART_SIZE, describeReluCurve, reluCurveParams, renderReluCurve, type ReluCurveState } from './render.ts';

/** The state the controller builds from the page's parameters (by default the parameter table's defaults). */
export function reluCurveState(values: Pick<ParamValues, 'x' | 'derivative'> = defaultValues()): ReluCurveState {
  return { curve: sampleReluCurve(), probe: probeRelu(values.x), showDerivative: values.derivative };
}

export function buildReluCurveFigure(document: Document, view: PageView, values: ParamValues = defaultValues()): BuiltFigure {
  const state = reluCurveState(values);
  const variants = builtVariants(document, buildSizes(view, CHART_SIZE), (size) => renderReluCurve(state, { document, size }));
  return { plot: html(variants), summary: describeReluCurve(state), params: reluCurveParams(state) };
}
