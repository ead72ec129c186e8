/**
 * Deck messages between windows of a lesson (presenter ↔ audience) over src/widgets/channel.ts.
 * `{ type: 'goto' | 'position', slide, step }` use the hash's numbering: slide 1-based, step =
 * steps shown.
 * Another window is trusted no more than a URL: its numbers are checked and clamped.
 */
import { clampPosition, type DeckShape, type Position } from './position.ts';

export interface PositionMessage<T extends 'goto' | 'position' = 'goto'> {
  type: T;
  slide: number;
  step: number;
}

/** `goto`: "go here" (a move made in another window). */
export function gotoMessage(position: Position): PositionMessage<'goto'> {
  return { type: 'goto', slide: position.slide + 1, step: position.step };
}

/** `position`: "I am here" (the answer to a new window's hello). */
export function positionMessage(position: Position): PositionMessage<'position'> {
  return { type: 'position', slide: position.slide + 1, step: position.step };
}

/** The position a received message of `type` names, or null if it is not a well-formed one. */
export function positionFromMessage(shape: DeckShape, message: unknown, type: 'goto' | 'position' = 'goto'): Position | null {
  if (!message || typeof message !== 'object') return null;
  const { type: actual, slide, step } = message as Record<string, unknown>;
  if (actual !== type || typeof slide !== 'number' || typeof step !== 'number') return null;
  if (!Number.isFinite(slide) || !Number.isFinite(step) || slide < 1 || shape.length === 0) return null;
  return clampPosition(shape, { slide: slide - 1, step });
}
