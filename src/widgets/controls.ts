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
  return id ? control.ownerDocument.getElementById(id) : control.parentElement?.querySelector<HTMLElement>('[data-role="control-error"]') ?? null;
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

/** Controls bound at least once: a control taken out of the page and put back shows the store's value again. */
const everBound = new WeakSet<Control>();

/** The reader changed the server-rendered control before any code bound it (the widget's code was still on its way). */
function changedBeforeBinding(control: Control): boolean {
  if (everBound.has(control)) return false;
  if (control instanceof HTMLSelectElement) {
    // (Without a `selected` attribute a single select shows its first option.)
    const rendered = Array.from(control.options).find((option) => option.defaultSelected) ?? control.options[0];
    return control.value !== (rendered?.value ?? '');
  }
  return control.type === 'checkbox' ? control.checked !== control.defaultChecked : control.value !== control.defaultValue;
}

/**
 * Keep `control` and parameter `name` in step (both ways). Returns an unsubscribe function. A change the reader made
 * before the widget's code arrived is kept (taken as their input), not overwritten by the store.
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
  if (changedBeforeBinding(control)) accept();
  everBound.add(control);
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
