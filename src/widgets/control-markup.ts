/**
 * What the shells' control components (src/components/widget/: RangeControl, NumberControl, SelectControl,
 * ToggleControl) share: the ids of a parameter's control and of its error message, and its range in the table.
 */
import { PARAMS, type ParamName } from './params.ts';

export type NumericParam = { [K in ParamName]: (typeof PARAMS)[K]['kind'] extends 'number' | 'integer' ? K : never }[ParamName];
export type BooleanParam = { [K in ParamName]: (typeof PARAMS)[K]['kind'] extends 'boolean' ? K : never }[ParamName];

/** The id of the control of `param` in the widget `widgetId` (`${widgetId}-${param}`). */
export function controlId(widgetId: string, param: ParamName): string {
  return `${widgetId}-${param}`;
}

/** The id of the `<span class="control-error">` next to that control. */
export function errorId(widgetId: string, param: ParamName): string {
  return `${controlId(widgetId, param)}-error`;
}

/** min, max and step of a numeric parameter, from the table (an integer steps by 1). */
export function numericRange(param: NumericParam): { min: number; max: number; step: number; default: number } {
  const spec = PARAMS[param];
  return { min: spec.min, max: spec.max, step: spec.kind === 'number' ? spec.step : 1, default: spec.default };
}
