/**
 * The deck as found in the DOM: slides ([data-slide]), their build steps ([data-step]) and titles.
 * Steps inside an explanation or the notes do not count: the deck never shows those.
 */
import type { DeckShape, Position } from './position.ts';

export interface DeckModel {
  slides: HTMLElement[];
  steps: HTMLElement[][];
  titles: string[];
  shape: DeckShape;
}

function ownSteps(slide: HTMLElement): HTMLElement[] {
  return Array.from(slide.querySelectorAll<HTMLElement>('[data-step]')).filter(
    (step) => step.closest('[data-slide]') === slide && !step.closest('[data-explain], [data-notes]'),
  );
}

function titleOf(slide: HTMLElement, index: number): string {
  const heading = Array.from(slide.querySelectorAll('h1, h2')).find((h) => !h.closest('[data-explain], [data-notes]'));
  const text = heading?.textContent?.replace(/\s+/g, ' ').trim();
  return text || `Slide ${index + 1}`;
}

export function readDeck(stage: ParentNode): DeckModel {
  const slides = Array.from(stage.querySelectorAll<HTMLElement>('[data-slide]')).filter(
    (slide) => !slide.parentElement?.closest('[data-slide]'),
  );
  const steps = slides.map(ownSteps);
  return { slides, steps, titles: slides.map(titleOf), shape: steps.map((s) => s.length) };
}

const MEDIA = ':scope > :is(.widget, figure)';

/**
 * The step whose media the slide shows when `count` steps are shown: the one the newest step names
 * (`<Step media="id">`, an id inside an earlier step of this slide), else the newest shown step
 * that has media of its own. A lecture's later bullets often discuss the widget an earlier one
 * brought up.
 */
export function mediaStep(steps: readonly HTMLElement[], count: number): HTMLElement | undefined {
  const newest = steps[count - 1];
  const named = newest?.dataset.media;
  if (named) {
    const owner = steps.slice(0, count).find((step) => Array.from(step.querySelectorAll(MEDIA)).some((m) => m.id === named));
    if (owner) return owner;
  }
  return steps.slice(0, count).reverse().find((step) => step.querySelector(MEDIA));
}

/** Reveal the first `count` steps of a slide; the newest one is marked aria-current. */
export function showSteps(steps: readonly HTMLElement[], count: number): void {
  const media = mediaStep(steps, count);
  steps.forEach((step, i) => {
    step.toggleAttribute('data-shown', i < count);
    step.toggleAttribute('data-media-current', step === media);
    if (i === count - 1) step.setAttribute('aria-current', 'step');
    else step.removeAttribute('aria-current');
  });
  const slide = steps[0]?.closest<HTMLElement>('[data-slide]');
  if (slide) {
    slide.toggleAttribute('data-has-media', media !== undefined);
    slide.style.setProperty('--deck-steps', String(steps.length));
  }
}

/** Show one slide (the others are display:none, so their widgets are not "near the screen"). */
export function showPosition(model: DeckModel, at: Position): void {
  model.slides.forEach((slide, i) => {
    const current = i === at.slide;
    slide.toggleAttribute('data-current', current);
    if (current) showSteps(model.steps[i], at.step);
  });
}

/** Give each slide its role description and name, for screen readers in the deck views. */
export function labelSlides(model: DeckModel): void {
  model.slides.forEach((slide, i) => {
    slide.setAttribute('aria-roledescription', 'slide');
    slide.setAttribute('aria-label', `${i + 1} of ${model.slides.length}: ${model.titles[i]}`);
  });
}

/** The element a `#id` hash names, or null. Looked up by id, never parsed as HTML. */
function anchorTarget(hash: string): HTMLElement | null {
  if (hash.length < 2 || hash.length > 200) return null;
  try {
    return document.getElementById(decodeURIComponent(hash.slice(1)));
  } catch {
    return null;
  }
}

/** Index of the slide holding the element a `#id` hash names, or -1. */
export function slideOfAnchor(model: DeckModel, hash: string): number {
  const target = anchorTarget(hash);
  return target ? model.slides.findIndex((slide) => slide.contains(target)) : -1;
}

/** True when a `#id` hash names an element beside the slides (the skip link's target): a link within the page, not a
 * position in the deck. */
export function isAnchorBesideSlides(model: DeckModel, hash: string): boolean {
  const target = anchorTarget(hash);
  return target !== null && !model.slides.some((slide) => slide.contains(target));
}
