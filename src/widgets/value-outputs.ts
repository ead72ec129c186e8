/**
 * Show parameter values in the shell's value outputs: the `<output data-role="value-<param>">` next to a slider
 * (RangeControl) shows the value it is set to. A widget without an output for a name is left alone.
 */
import type { ParamName, ParamValues } from './params.ts';

export function showParamValues<K extends ParamName>(
  root: ParentNode,
  values: ParamValues,
  names: readonly K[],
  format: (value: ParamValues[K]) => string = String,
): void {
  for (const name of names) {
    const out = root.querySelector(`[data-role="value-${name}"]`);
    if (out) out.textContent = format(values[name]);
  }
}
