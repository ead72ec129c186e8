/**
 * Static copies of slides for the presenter's "next" preview and the overview grid.
 * A copy must never run a second live widget that fights the real one over shared state, so
 * custom elements become plain <div>s (no controller upgrades them), `data-widget` is renamed,
 * ids and form-control names are dropped (no duplicates, no shared radio groups), and the caller
 * puts the copy in an `inert` `[data-preview]` box.
 */
import { showSteps } from './deck-dom.ts';

const ID_REFERENCES = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'list'];

function deactivateCustomElements(root: HTMLElement): void {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!el.localName.includes('-')) continue;
    const plain = document.createElement('div');
    for (const attr of Array.from(el.attributes)) plain.setAttribute(attr.name, attr.value);
    plain.dataset.previewOf = el.localName;
    plain.replaceChildren(...Array.from(el.childNodes));
    el.replaceWith(plain);
  }
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-widget]'))) {
    el.dataset.previewWidget = el.dataset.widget ?? '';
    delete el.dataset.widget;
  }
}

function dropIds(root: HTMLElement): void {
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    el.removeAttribute('id');
    for (const name of ID_REFERENCES) el.removeAttribute(name);
  }
  // A copied radio button with the live one's name would join its group and uncheck it.
  for (const control of Array.from(root.querySelectorAll('input, select, textarea, button'))) {
    control.removeAttribute('name');
    control.removeAttribute('form');
  }
}

/** A static copy of `slide` with its first `stepsShown` steps revealed. */
export function previewClone(slide: HTMLElement, stepsShown: number): HTMLElement {
  const copy = slide.cloneNode(true) as HTMLElement;
  deactivateCustomElements(copy);
  dropIds(copy);
  copy.setAttribute('data-current', '');
  copy.removeAttribute('aria-label');
  copy.removeAttribute('aria-roledescription');
  const steps = Array.from(copy.querySelectorAll<HTMLElement>('[data-step]')).filter(
    (step) => !step.closest('[data-explain], [data-notes]'),
  );
  showSteps(steps, stepsShown); // the newest shown step is aria-current: the deck shows its media
  return copy;
}
