/**
 * The overview (key `o`): a modal grid of every slide, fully built, as static scaled copies.
 * Arrow keys move between slides, Enter picks one, Escape closes (native <dialog>).
 */
import type { DeckModel } from './deck-dom.ts';
import { isGridKey, moveInGrid } from './grid.ts';
import { previewClone } from './preview-clone.ts';
import { fitSlide } from './slide-fit.ts';

function columnsOf(buttons: HTMLElement[]): number {
  if (buttons.length === 0) return 1;
  const top = buttons[0].getBoundingClientRect().top;
  const inFirstRow = buttons.filter((b) => Math.abs(b.getBoundingClientRect().top - top) < 2).length;
  return Math.max(1, inFirstRow);
}

function thumbnail(model: DeckModel, index: number, current: boolean): HTMLLIElement {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'deck-thumb';
  button.dataset.slideIndex = String(index);
  button.setAttribute('aria-label', `Slide ${index + 1}: ${model.titles[index]}`);
  if (current) button.setAttribute('aria-current', 'true');
  const frame = document.createElement('div');
  frame.className = 'deck-thumb-frame';
  frame.setAttribute('aria-hidden', 'true');
  const stage = document.createElement('div');
  stage.className = 'deck-thumb-stage deck-surface';
  stage.dataset.deckReady = '';
  stage.dataset.preview = '';
  stage.inert = true;
  stage.append(previewClone(model.slides[index], model.shape[index]));
  frame.append(stage);
  const caption = document.createElement('span');
  caption.className = 'deck-thumb-caption';
  caption.setAttribute('aria-hidden', 'true');
  caption.textContent = `${index + 1}. ${model.titles[index]}`;
  button.append(frame, caption);
  item.append(button);
  return item;
}

export interface OverviewOptions {
  dialog: HTMLDialogElement;
  model: DeckModel;
  currentSlide: number;
  pick(slideIndex: number): void;
}

export function openOverview({ dialog, model, currentSlide, pick }: OverviewOptions): void {
  const list = dialog.querySelector<HTMLElement>('[data-deck-overview-list]');
  if (!list || dialog.open) return;
  list.replaceChildren(...model.slides.map((_, i) => thumbnail(model, i, i === currentSlide)));
  const buttons = Array.from(list.querySelectorAll<HTMLButtonElement>('button.deck-thumb'));

  const onClick = (event: MouseEvent): void => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button.deck-thumb');
    if (!button) return;
    dialog.close();
    pick(Number(button.dataset.slideIndex));
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'o' || event.key === 'O') {
      event.preventDefault();
      dialog.close();
      return;
    }
    if (!isGridKey(event.key)) return;
    const from = Math.max(0, buttons.indexOf(document.activeElement as HTMLButtonElement));
    const to = moveInGrid(from, event.key, buttons.length, columnsOf(buttons));
    event.preventDefault();
    buttons[to]?.focus();
  };
  list.addEventListener('click', onClick);
  dialog.addEventListener('keydown', onKeyDown);
  dialog.addEventListener(
    'close',
    () => {
      list.removeEventListener('click', onClick);
      dialog.removeEventListener('keydown', onKeyDown);
      list.replaceChildren();
    },
    { once: true },
  );
  dialog.showModal();
  for (const copy of list.querySelectorAll<HTMLElement>('.deck-thumb-stage > [data-slide]')) fitSlide(copy);
  (buttons[currentSlide] ?? buttons[0])?.focus();
}
