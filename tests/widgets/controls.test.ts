import { beforeEach, describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { defaultValues, type ParamName, type ParamValues } from '../../src/widgets/params.ts';

// The page's store reads location and talks to other windows: a plain store stands in for it.
let store: ParamValues = defaultValues();
const listeners = new Set<() => void>();
vi.mock('../../src/widgets/lesson-state.ts', () => ({
  setParam: (name: ParamName, value: never) => {
    store = { ...store, [name]: value };
    for (const listener of [...listeners]) listener();
  },
  watchParams: (names: readonly ParamName[], listener: (values: ParamValues) => void) => {
    let last = store;
    listener(store);
    const on = () => {
      if (names.some((n) => store[n] !== last[n])) listener(store);
      last = store;
    };
    listeners.add(on);
    return () => listeners.delete(on);
  },
}));

const dom = new JSDOM('<!doctype html><body></body>');
Object.assign(globalThis, { HTMLInputElement: dom.window.HTMLInputElement, HTMLSelectElement: dom.window.HTMLSelectElement });
const { bindControl } = await import('../../src/widgets/controls.ts');

/** A server-rendered slider for p (default 0.5), as the shell has it before any code runs. */
function slider(): HTMLInputElement {
  const doc = dom.window.document;
  doc.body.innerHTML = '<input type="range" data-param="p" min="0" max="0.9" step="0.05" value="0.5">';
  return doc.querySelector('input')!;
}

beforeEach(() => {
  store = defaultValues();
  listeners.clear();
});

describe('bindControl', () => {
  it('shows the store’s value (say, from the URL) on a control nobody touched', () => {
    store = { ...store, p: 0.3 };
    const control = slider();
    bindControl(control, 'p');
    expect(control.value).toBe('0.3');
    expect(store.p).toBe(0.3);
  });

  it('keeps a move the reader made before the widget’s code arrived, instead of overwriting it', () => {
    const control = slider();
    control.value = '0.7'; // moved while the code was still loading
    bindControl(control, 'p');
    expect(store.p).toBe(0.7);
    expect(control.value).toBe('0.7');
  });

  it('a control taken out and put back shows the store again, whatever it showed before', () => {
    const control = slider();
    const unbind = bindControl(control, 'p');
    control.value = '0.7';
    control.dispatchEvent(new dom.window.Event('input'));
    expect(store.p).toBe(0.7);
    unbind();
    store = { ...store, p: 0.2 }; // changed elsewhere (another copy of the widget) while this one was out
    bindControl(control, 'p');
    expect(store.p).toBe(0.2);
    expect(control.value).toBe('0.2');
  });

  it('a select rendered without a `selected` option (showing its first) counts as untouched; a changed one is kept', () => {
    const doc = dom.window.document;
    doc.body.innerHTML = '<select data-param="act"><option value="relu">ReLU</option><option value="elu">ELU</option></select>';
    const select = doc.querySelector('select')!;
    store = { ...store, act: 'elu' }; // from the URL, or a slide's step
    bindControl(select, 'act');
    expect(store.act).toBe('elu');
    expect(select.value).toBe('elu');
    doc.body.innerHTML = '<select data-param="act"><option value="relu">ReLU</option><option value="elu">ELU</option></select>';
    const moved = doc.querySelector('select')!;
    moved.value = 'elu'; // chosen before the code arrived
    store = defaultValues();
    bindControl(moved, 'act');
    expect(store.act).toBe('elu');
  });

  it('refuses nonsense typed before binding with a message, and keeps the store', () => {
    const doc = dom.window.document;
    doc.body.innerHTML = '<input type="number" data-param="seed" value="1" aria-describedby="seed-error"><p id="seed-error"></p>';
    const control = doc.querySelector('input')!;
    control.value = '-5';
    bindControl(control, 'seed');
    expect(store.seed).toBe(1);
    expect(control.getAttribute('aria-invalid')).toBe('true');
    expect(doc.getElementById('seed-error')!.textContent).toMatch(/0/);
  });
});
