/**
 * Bind server-rendered form controls to the page's parameter store. A control shows the store's
 * value; the user's input is parsed against the parameter table, and an invalid entry (NaN, out
 * of range) is refused with a message next to the control instead of reaching a widget.
 */
import { PARAMS, parseParam, type ParamName, type ParamValues } from './params.ts';
import { setParam, watchParams } from './lesson-state.ts';
import { numericRange, type NumericParam } from './control-markup.ts';

type Control = HTMLInputElement | HTMLSelectElement;

function messageFor(control: Control): HTMLElement | null {
  const id = control.getAttribute('aria-describedby')?.split(/\s+/).find((ref) => ref.endsWith('-error'));
  return id ? document.getElementById(id) : control.parentElement?.querySelector<HTMLElement>('[data-role="control-error"]') ?? null;
}

function showMessage(control: Control, message: string): void {
  control.setAttribute('aria-invalid', message ? 'true' : 'false');
  const box = messageFor(control);
  if (box) box.textContent = message;
}

function readControl(control: Control): unknown {
  if (control instanceof HTMLInputElement && control.type === 'checkbox') return control.checked;
  return control.value;
}

function writeControl(control: Control, value: ParamValues[ParamName]): void {
  if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = Boolean(value);
  else if (control.value !== String(value)) control.value = String(value);
}

/**
 * Keep `control` and parameter `name` in step (both ways). Returns an unsubscribe function.
 */
export function bindControl(control: Control, name: ParamName): () => void {
  const spec = PARAMS[name];
  if (control instanceof HTMLInputElement && (spec.kind === 'number' || spec.kind === 'integer')) {
    const { min, max, step } = numericRange(name as NumericParam);
    [control.min, control.max, control.step] = [String(min), String(max), String(step)];
  }
  const accept = () => {
    const parsed = parseParam(name, readControl(control));
    if (!parsed.ok) {
      showMessage(control, parsed.message.replace(/ Using the default.*$/, ' Keeping the previous value.'));
      return;
    }
    showMessage(control, '');
    setParam(name, parsed.value as ParamValues[typeof name]);
  };
  const event = control instanceof HTMLInputElement && control.type !== 'checkbox' && control.type !== 'range' ? 'change' : 'input';
  control.addEventListener(event, accept);
  const stop = watchParams([name], (values) => writeControl(control, values[name]));
  return () => {
    control.removeEventListener(event, accept);
    stop();
  };
}

/** Bind every `[data-param]` control under `root`; `onChange` runs once per accepted change. */
export function bindControls(root: ParentNode, onChange?: (values: ParamValues) => void): () => void {
  const stops: Array<() => void> = [];
  const names: ParamName[] = [];
  for (const control of root.querySelectorAll<Control>('input[data-param], select[data-param]')) {
    const name = control.dataset.param ?? '';
    if (!(name in PARAMS)) throw new Error(`unknown parameter "${name}" on a control`);
    names.push(name as ParamName);
    stops.push(bindControl(control, name as ParamName));
  }
  if (onChange) stops.push(watchParams(names, onChange));
  return () => stops.forEach((stop) => stop());
}
