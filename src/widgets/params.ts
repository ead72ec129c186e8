/**
 * The lesson's shareable experiment parameters: one table of names, ranges and defaults.
 * Every widget on a page reads and writes these through one store, mirrored to the URL query
 * (`?p=0.3&seed=7`) and to other windows of the same lesson (presenter ↔ projector).
 *
 * Values from a URL are untrusted: they are parsed against this table, and anything malformed,
 * out of range or unknown falls back to the default with a notice. Nothing is ever used as HTML.
 */
export type ParamSpec =
  | { kind: 'number'; label: string; min: number; max: number; step: number; default: number }
  | { kind: 'integer'; label: string; min: number; max: number; default: number }
  | { kind: 'choice'; label: string; values: readonly string[]; default: string }
  | { kind: 'boolean'; label: string; default: boolean };

export const ACTIVATION_NAMES = ['relu', 'leaky_relu', 'prelu', 'rrelu', 'elu', 'tanh', 'sigmoid', 'softplus'] as const;
export const DATASET_NAMES = ['spirals', 'circles', 'xor', 'blobs'] as const;

export const PARAMS = {
  p: { kind: 'number', label: 'Drop probability p', min: 0, max: 0.9, step: 0.05, default: 0.5 },
  seed: { kind: 'integer', label: 'Random seed', min: 0, max: 999_999, default: 1 },
  lr: { kind: 'number', label: 'Learning rate', min: 0.001, max: 20, step: 0.001, default: 0.1 },
  act: { kind: 'choice', label: 'Activation', values: ACTIVATION_NAMES, default: 'relu' },
  dataset: { kind: 'choice', label: 'Dataset', values: DATASET_NAMES, default: 'spirals' },
  noise: { kind: 'number', label: 'Label noise', min: 0, max: 0.5, step: 0.01, default: 0.1 },
  depth: { kind: 'integer', label: 'Hidden layers', min: 1, max: 24, default: 2 },
  width: { kind: 'integer', label: 'Units per hidden layer', min: 2, max: 128, default: 32 },
  x: { kind: 'number', label: 'Input x', min: -4, max: 4, step: 0.1, default: 1.5 },
  slope: { kind: 'number', label: 'Leaky ReLU negative slope', min: 0, max: 1, step: 0.01, default: 0.01 },
  a: { kind: 'number', label: 'PReLU slope a', min: -1, max: 1, step: 0.01, default: 0.25 },
  lower: { kind: 'number', label: 'RReLU lower slope', min: 0, max: 1, step: 0.005, default: 0.125 },
  upper: { kind: 'number', label: 'RReLU upper slope', min: 0, max: 1, step: 0.005, default: 1 / 3 },
  alpha: { kind: 'number', label: 'ELU alpha', min: 0.05, max: 3, step: 0.05, default: 1 },
  derivative: { kind: 'boolean', label: 'Show the derivative', default: true },
  targetError: { kind: 'number', label: 'Target training error (%)', min: 1, max: 50, step: 1, default: 10 },
  train: { kind: 'boolean', label: 'RReLU training mode (a random slope per input)', default: false },
  sigmoid: { kind: 'boolean', label: 'Also show sigmoid', default: false },
  layer: { kind: 'integer', label: 'Hidden layer shown in the histogram', min: 1, max: 24, default: 1 },
  // The layer-stats chart a slide shows (the reading view shows them all).
  statsPanel: { kind: 'choice', label: 'Chart', values: ['gradients', 'zeros', 'histogram', 'vanishing'], default: 'gradients' },
  // layer-stats: the initialisation of every column ('auto': He for rectifiers, Xavier for tanh and sigmoid; 'small':
  // N(0, 0.01²) whatever the width), and whether the ReLU variants join ReLU, tanh and sigmoid.
  init: { kind: 'choice', label: 'Initialisation', values: ['auto', 'he', 'xavier', 'small'], default: 'auto' },
  variants: { kind: 'boolean', label: 'Also show Leaky ReLU, PReLU and ELU', default: false },
  // variants-race: stress (a larger learning rate and negative initial biases), replicates per activation, which
  // lanes run, and the chart a slide shows.
  stress: { kind: 'boolean', label: 'Stress (three times the step size, hidden biases starting at −0.5)', default: false },
  seeds: { kind: 'integer', label: 'Seeds per activation', min: 1, max: 5, default: 3 },
  raceRelu: { kind: 'boolean', label: 'ReLU', default: true },
  raceLeaky: { kind: 'boolean', label: 'Leaky ReLU', default: true },
  racePrelu: { kind: 'boolean', label: 'PReLU', default: true },
  raceRrelu: { kind: 'boolean', label: 'RReLU', default: true },
  raceElu: { kind: 'boolean', label: 'ELU', default: true },
  raceTanh: { kind: 'boolean', label: 'tanh', default: true },
  racePanel: { kind: 'choice', label: 'Chart', values: ['inactive', 'loss', 'means'], default: 'inactive' },
  // The prelu-slopes chart a slide shows (the reading view shows both).
  slopesPanel: { kind: 'choice', label: 'Chart', values: ['slopes', 'loss'], default: 'slopes' },
  // What a slide shows of dropout-overfit: both nets' loss curves or both decision maps (the reading view shows all
  // four); and the hidden layer whose knock-outs a slide shows in unit-ablation (the reading view shows both).
  overfitPanel: { kind: 'choice', label: 'Show', values: ['losses', 'maps'], default: 'losses' },
  knockoutLayer: { kind: 'integer', label: 'Knock-outs of', min: 1, max: 2, default: 1 },
  maskPanel: { kind: 'choice', label: 'View', values: ['net', 'batch'], default: 'net' },
  dropoutPanel: { kind: 'choice', label: 'View', values: ['chart', 'table'], default: 'chart' },
  // Dropout widgets (dropout-mask, inverted-dropout): input-layer drop probability (Srivastava et al. 2014 typically
  // drop 0.2 of the inputs), the sample of the mini-batch shown, which layers drop, and counters that make a
  // button press a function of the store (so the presenter and projector windows show the same masks).
  pin: { kind: 'number', label: 'Input drop probability', min: 0, max: 0.9, step: 0.05, default: 0.2 },
  sample: { kind: 'integer', label: 'Sample of the mini-batch', min: 1, max: 4, default: 1 },
  dropin: { kind: 'boolean', label: 'Dropout on the input layer', default: true },
  drophidden: { kind: 'boolean', label: 'Dropout on the hidden layers', default: true },
  backprop: { kind: 'boolean', label: 'Show where gradients flow', default: false },
  resample: { kind: 'integer', label: 'Mask resamples', min: 0, max: 999_999, default: 0 },
  masks: { kind: 'integer', label: 'Masks drawn', min: 0, max: 2000, default: 0 },
  // digits-dropout (real MNIST digits, trained in a worker): its own seed, so another widget's seed (or its "new
  // sample" button) never resets a run that takes half a minute; the width of both hidden layers (the default is
  // chosen so both nets train in well under a minute, components/digits-dropout/README.md); what a slide shows;
  // and whether the weight tiles show the weights or how far they moved from the shared starting weights.
  digitsWidth: { kind: 'choice', label: 'Units per hidden layer', values: ['64', '128', '256'], default: '128' },
  digitsEpochs: { kind: 'integer', label: 'Epochs', min: 1, max: 100, default: 40 },
  digitsSeed: { kind: 'integer', label: 'Random seed (starting weights and minibatches)', min: 0, max: 999_999, default: 1 },
  digitsPanel: { kind: 'choice', label: 'Chart', values: ['errors', 'features', 'activations'], default: 'errors' },
  digitsChange: { kind: 'boolean', label: 'Weight tiles: show the change since the start', default: false },
  // mc-dropout: how many thinned networks are sampled, which test digit the main view shows (the gallery's pick, so
  // the presenter and projector windows show the same one), and the view a slide shows (the reading view shows both).
  mcT: { kind: 'integer', label: 'Thinned networks, T', min: 1, max: 200, default: 50 },
  mcDigit: { kind: 'integer', label: 'Test digit shown', min: 0, max: 1999, default: 0 },
  mcPanel: { kind: 'choice', label: 'View', values: ['draw', 'test'], default: 'draw' },
} as const satisfies Record<string, ParamSpec>;

export type ParamName = keyof typeof PARAMS;
export type ParamValue = number | string | boolean;
export type ParamValues = { [K in ParamName]: (typeof PARAMS)[K]['default'] extends boolean ? boolean : (typeof PARAMS)[K]['default'] extends number ? number : string };

export const MAX_QUERY_LENGTH = 2000;

export function isParamName(name: string): name is ParamName {
  return Object.prototype.hasOwnProperty.call(PARAMS, name);
}

export function defaultValues(): ParamValues {
  const out: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(PARAMS)) out[name] = spec.default;
  return out as ParamValues;
}

/**
 * Show untrusted text in a notice: printable, short. Control characters and the bidirectional overrides (which could
 * make a notice read differently from what the link says) become '?'; it is cut by code points, never inside one.
 */
export function quoteUntrusted(raw: string, max = 40): string {
  // eslint-disable-next-line no-control-regex
  const printable = Array.from(raw.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '?'));
  return JSON.stringify(printable.length > max ? `${printable.slice(0, max).join('')}…` : printable.join(''));
}

function rangeText(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'number':
      return `a number from ${spec.min} to ${spec.max}`;
    case 'integer':
      return `a whole number from ${spec.min} to ${spec.max}`;
    case 'choice':
      return `one of ${spec.values.join(', ')}`;
    case 'boolean':
      return 'true or false';
  }
}

export type ParseResult = { ok: true; value: ParamValue } | { ok: false; message: string };

/** Parse one value (from the URL, another window or a control) against its spec. */
export function parseParam(name: ParamName, raw: unknown): ParseResult {
  const spec: ParamSpec = PARAMS[name];
  const fail = (shown: string): ParseResult => ({
    ok: false,
    message: `${name} must be ${rangeText(spec)}; got ${shown}. Using the default, ${String(spec.default)}.`,
  });
  const text = typeof raw === 'string' ? raw.trim() : raw;
  const shown = typeof raw === 'string' ? quoteUntrusted(raw) : String(raw);
  switch (spec.kind) {
    case 'number':
    case 'integer': {
      // Strict decimal syntax only: no hex, no empty string, no 'Infinity'.
      const n = typeof text === 'number' ? text : typeof text === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(n) || n < spec.min || n > spec.max) return fail(shown);
      if (spec.kind === 'integer' && !Number.isInteger(n)) return fail(shown);
      return { ok: true, value: n };
    }
    case 'choice':
      return typeof text === 'string' && spec.values.includes(text) ? { ok: true, value: text } : fail(shown);
    case 'boolean':
      if (text === true || text === 'true' || text === '1') return { ok: true, value: true };
      if (text === false || text === 'false' || text === '0') return { ok: true, value: false };
      return fail(shown);
  }
}

/**
 * Parse a URL query string; every problem becomes a plain-text notice and the default stays. A setting given more
 * than once (`?p=0.2&p=0.3`) is read from its last occurrence, as a later edit of a link wins, with a notice.
 */
/**
 * Query names that choose how a page shows (not a widget's setting): `notes` on the slide view prints each slide's
 * speaker notes under it. parseQuery passes over them silently and the URL mirror keeps them.
 */
export const VIEW_OPTIONS: readonly string[] = ['notes'];

/** The view options present in a query string, as a query fragment to append ('' or 'notes' or 'a&b'). */
export function viewOptionsOf(search: string): string {
  try {
    const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
    return VIEW_OPTIONS.filter((name) => params.has(name)).join('&');
  } catch {
    return '';
  }
}

export function parseQuery(search: string): { values: Partial<ParamValues>; notices: string[] } {
  const values: Partial<Record<ParamName, ParamValue>> = {};
  const notices: string[] = [];
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query.length > MAX_QUERY_LENGTH) {
    return { values: {}, notices: [`The link's settings are too long (${query.length} characters); using the defaults.`] };
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return { values: {}, notices: ['The link\'s settings could not be read; using the defaults.'] };
  }
  const entries = [...params];
  const last = new Map(entries.map(([name], i) => [name, i]));
  const repeated = new Set<string>();
  for (const [i, [name, raw]] of entries.entries()) {
    if (VIEW_OPTIONS.includes(name)) continue;
    if (!isParamName(name)) {
      notices.push(`Ignored unknown setting ${quoteUntrusted(name)} in the link.`);
      continue;
    }
    if (last.get(name) !== i) {
      if (!repeated.has(name)) notices.push(`${name} is given more than once in the link; using the last one.`);
      repeated.add(name);
      continue;
    }
    const parsed = parseParam(name, raw);
    if (parsed.ok) values[name] = parsed.value;
    else notices.push(parsed.message);
  }
  return { values: values as Partial<ParamValues>, notices };
}

/** The query string for the values that differ from their defaults (stable order). */
export function formatQuery(values: Partial<ParamValues>): string {
  const params = new URLSearchParams();
  for (const name of Object.keys(PARAMS) as ParamName[]) {
    const value = values[name];
    if (value === undefined || value === PARAMS[name].default) continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
