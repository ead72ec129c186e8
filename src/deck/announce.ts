/** What the deck's polite live region says after a move: the slide on a new slide, else the step. */
import type { DeckModel } from './deck-dom.ts';
import { slideAnnouncement, stepAnnouncement } from './describe.ts';
import type { Position } from './position.ts';

export function describeChange(model: DeckModel, previous: Position | null, position: Position): string {
  if (!previous || previous.slide !== position.slide || position.step === 0) {
    return slideAnnouncement(model.shape, position, model.titles);
  }
  const step = model.steps[position.slide]?.[position.step - 1];
  if (position.step < previous.step) return stepAnnouncement(model.shape, position, '');
  return stepAnnouncement(model.shape, position, step?.textContent ?? '');
}
