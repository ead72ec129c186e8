/**
 * The page's experiment parameters: one store, read from the URL at load, mirrored back to the
 * URL, and kept in step with other windows of the same lesson (presenter ↔ projector).
 */
import { createStore } from './store.ts';
import { defaultValues, formatQuery, isParamName, parseParam, parseQuery, viewOptionsOf, type ParamName, type ParamValue, type ParamValues } from './params.ts';
import { onMessage, post, windowId } from './channel.ts';
import { isNewer, type Stamp } from './sync-clock.ts';

function shallowEqual(a: ParamValues, b: ParamValues): boolean {
  return (Object.keys(a) as ParamName[]).every((k) => Object.is(a[k], b[k]));
}

const initial = parseQuery(location.search);
// Problems with the link are shown by url-notice.ts (on every page, widgets or not).
export const lessonState = createStore<ParamValues>({ ...defaultValues(), ...initial.values }, shallowEqual);

export function getParam<K extends ParamName>(name: K): ParamValues[K] {
  return lessonState.get()[name];
}

export function setParam<K extends ParamName>(name: K, value: ParamValues[K], origin = 'local'): void {
  lessonState.set({ ...lessonState.get(), [name]: value }, origin);
}

/** Set several parameters from a query string such as "act=rrelu&train=true" (validated). */
export function applyQuery(query: string, origin = 'local'): void {
  const { values } = parseQuery(query);
  if (Object.keys(values).length > 0) lessonState.set({ ...lessonState.get(), ...values }, origin);
}

/** Call `listener` now and whenever any of `names` changes. */
export function watchParams(names: readonly ParamName[], listener: (values: ParamValues) => void): () => void {
  let last = lessonState.get();
  listener(last);
  return lessonState.subscribe((values) => {
    if (names.some((n) => !Object.is(values[n], last[n]))) listener(values);
    last = values;
  });
}

// --- the URL mirror -------------------------------------------------------------------------
let urlTimer: ReturnType<typeof setTimeout> | undefined;
lessonState.subscribe((values) => {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => {
    const query = formatQuery(values);
    const view = viewOptionsOf(location.search); // e.g. ?notes (the slide view's print option) stays
    const url = `${location.pathname}${view ? (query ? `${query}&${view}` : `?${view}`) : query}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
  }, 150);
});

// --- other windows of the lesson --------------------------------------------------------------
// Every change carries a logical clock, so a late message (say, a new window's greeting answered
// while the lecturer already moved on) never overwrites a newer change.
let stamp: Stamp = { version: 0, writer: windowId };
const send = () => post({ type: 'params', values: lessonState.get(), ...stamp });
lessonState.subscribe((_values, origin) => {
  if (origin === 'remote') return;
  stamp = { version: stamp.version + 1, writer: windowId };
  send();
});
onMessage((message) => {
  if (message.type === 'hello') send();
  if (message.type !== 'params' || !message.values || typeof message.values !== 'object') return;
  const incoming = { version: Number(message.version), writer: String(message.writer) };
  if (!isNewer(incoming, stamp)) return;
  stamp = incoming;
  // Messages from other windows are validated like a URL would be.
  const next: Record<string, ParamValue> = { ...lessonState.get() };
  for (const [name, raw] of Object.entries(message.values)) {
    if (!isParamName(name)) continue;
    const parsed = parseParam(name, raw);
    if (parsed.ok) next[name] = parsed.value;
  }
  lessonState.set(next as ParamValues, 'remote');
});
