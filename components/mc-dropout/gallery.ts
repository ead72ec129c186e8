/**
 * The two galleries of test digits, as buttons (each one a Tab stop, pressed by Enter or Space, or clicked): the
 * gallery to pick a digit from (two of each class) and the digits the sampled networks disagree on most. Pure: builds
 * DOM with the given document; the controller paints each button's 28 × 28 canvas (paint.ts).
 */
import type { GalleryDigit } from './protocol.ts';
import { percent } from './render.ts';

export interface GalleryItem {
  readonly index: number;
  readonly label: number;
  /** Visible text under the image. */
  readonly caption: string;
  /** What a screen reader says, e.g. "test digit 17, a 7". */
  readonly name: string;
}

export function pickItems(digits: readonly GalleryDigit[]): GalleryItem[] {
  return digits.map(({ index, label }) => ({ index, label, caption: String(label), name: `test digit ${index}, a ${label}` }));
}

export function disagreeItems(digits: ReadonlyArray<GalleryDigit & { disagreement: number; predicted: number }>, T: number): GalleryItem[] {
  return digits.map(({ index, label, disagreement, predicted }) => ({
    index, label,
    caption: `a ${label}: ${percent(disagreement)} split`,
    name: `test digit ${index}, a ${label}: ${percent(disagreement)} of ${T} thinned networks vote against the most-voted class${predicted === label ? '' : `; their average says ${predicted}`}`,
  }));
}

export function renderDigitButtons(doc: Document, items: readonly GalleryItem[], selected: number | null): HTMLButtonElement[] {
  return items.map((item) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'mc-digit';
    button.dataset.index = String(item.index);
    button.setAttribute('aria-label', item.name);
    button.setAttribute('aria-pressed', String(item.index === selected));
    const canvas = doc.createElement('canvas');
    canvas.width = 28;
    canvas.height = 28;
    canvas.setAttribute('aria-hidden', 'true');
    const caption = doc.createElement('span');
    caption.textContent = item.caption;
    button.append(canvas, caption);
    return button;
  });
}
