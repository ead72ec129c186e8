/**
 * The presenter view's extras around a <deck-view data-mode="presenter">: a static preview of the
 * next step or slide, the current slide's speaker notes, and the elapsed-time clock.
 */
import type { DeckChangeDetail, DeckView } from './controller.ts';
import { nextPosition, samePosition, type Position } from './position.ts';
import { previewClone } from './preview-clone.ts';
import { fitStage } from './stage.ts';
import { fitSlide } from './slide-fit.ts';
import { startPresenterTimer } from './presenter-timer.ts';
import type { DeckModel } from './deck-dom.ts';

function nextLabel(model: DeckModel, at: Position, next: Position): string {
  if (samePosition(at, next)) return 'End of the deck.';
  const title = model.titles[next.slide];
  if (next.slide === at.slide) return `Step ${next.step} of ${model.shape[next.slide]} on this slide`;
  return `Slide ${next.slide + 1}: ${title}`;
}

function renderPreview(root: HTMLElement, model: DeckModel, at: Position): void {
  const stage = root.querySelector<HTMLElement>('[data-deck-preview]');
  const label = root.querySelector<HTMLElement>('[data-presenter-next-label]');
  const next = nextPosition(model.shape, at);
  if (label) label.textContent = nextLabel(model, at, next);
  if (!stage) return;
  const slide = model.slides[next.slide];
  const copy = slide && !samePosition(at, next) ? previewClone(slide, next.step) : null;
  stage.replaceChildren(...(copy ? [copy] : []));
  if (copy) fitSlide(copy);
}

function renderNotes(root: HTMLElement, model: DeckModel, at: Position): void {
  const panel = root.querySelector<HTMLElement>('[data-presenter-notes]');
  if (!panel) return;
  const slide = model.slides[at.slide];
  const notes = slide ? Array.from(slide.querySelectorAll<HTMLElement>('[data-notes]')) : [];
  if (notes.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'presenter-no-notes';
    empty.textContent = 'No notes for this slide.';
    panel.replaceChildren(empty);
    return;
  }
  // The notes are the lesson's own build-time HTML (trusted), copied node by node.
  panel.replaceChildren(
    ...notes.map((note) => {
      const copy = previewClone(note, 0);
      copy.removeAttribute('hidden');
      copy.removeAttribute('data-current');
      copy.className = 'presenter-note';
      return copy;
    }),
  );
}

export function startPresenter(deck: DeckView): void {
  const update = (at: Position): void => {
    renderPreview(deck, deck.model, at);
    renderNotes(deck, deck.model, at);
  };
  deck.addEventListener('deck-change', (event) => update((event as CustomEvent<DeckChangeDetail>).detail.position));
  update(deck.position);
  const previewViewport = deck.querySelector<HTMLElement>('[data-deck-preview-viewport]');
  const previewStage = deck.querySelector<HTMLElement>('[data-deck-preview]');
  if (previewViewport && previewStage) fitStage(previewViewport, previewStage);
  const timer = deck.querySelector<HTMLElement>('[data-presenter-timer]');
  if (timer) startPresenterTimer(timer);
}
