/** Words for a deck position: the visible progress line and the polite announcement. */
import { clampPosition, type DeckShape, type Position } from './position.ts';

/** "Slide 5 of 8, step 2 of 3" — or "Slide 1 of 8" for a slide without steps. */
export function progressText(shape: DeckShape, at: Position): string {
  if (shape.length === 0) return 'No slides';
  const p = clampPosition(shape, at);
  const steps = shape[p.slide];
  const slide = `Slide ${p.slide + 1} of ${shape.length}`;
  return steps > 0 ? `${slide}, step ${p.step} of ${steps}` : slide;
}

/** "Slide 5 of 8: Dropout: zeroing units at random" */
export function slideAnnouncement(shape: DeckShape, at: Position, titles: readonly string[]): string {
  if (shape.length === 0) return 'No slides';
  const p = clampPosition(shape, at);
  const title = titles[p.slide]?.trim();
  return `Slide ${p.slide + 1} of ${shape.length}${title ? `: ${title}` : ''}`;
}

/** "Step 2 of 3: <the step's text>", cut to a readable length. */
export function stepAnnouncement(shape: DeckShape, at: Position, stepText: string, maxLength = 160): string {
  const p = clampPosition(shape, at);
  const text = stepText.replace(/\s+/g, ' ').trim();
  const cut = text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
  return `Step ${p.step} of ${shape[p.slide] ?? 0}${cut ? `: ${cut}` : ''}`;
}
