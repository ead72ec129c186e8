/**
 * The deck's URL hash: `#/<slide>/<step>`, slide 1-based, step = how many build steps are shown
 * (`#/5/2` is slide 5 with ① and ② visible; a slide without steps is `#/1/0`).
 *
 * The hash is untrusted input. Anything malformed falls back to the first slide; numbers out of
 * range are clamped into the deck by the position model. Nothing from it is ever used as HTML.
 */
import { clampPosition, firstPosition, startOfSlide, type DeckShape, type Position } from './position.ts';

/** Longer hashes are not ours (and not worth parsing). */
export const MAX_HASH_LENGTH = 64;

export interface ParsedHash {
  /** 1-based slide number as written (may be out of range or huge). */
  slide: number;
  /** Steps shown as written, or null when the hash names only a slide (`#/5`). */
  step: number | null;
}

function parseCount(text: string): number {
  // Digits only; a number past the safe integer range is treated as "very large" and clamped later.
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : Number.MAX_SAFE_INTEGER;
}

/** Parse `#/5/2`, `#/5/2/`, `#/5` or `/5/2`; null for anything else. */
export function parseHash(hash: string): ParsedHash | null {
  if (typeof hash !== 'string' || hash.length > MAX_HASH_LENGTH) return null;
  const match = /^#?\/(\d{1,20})(?:\/(\d{1,20}))?\/?$/.exec(hash);
  if (!match) return null;
  return { slide: parseCount(match[1]), step: match[2] === undefined ? null : parseCount(match[2]) };
}

/** The position a hash points to in this deck: clamped, or the first position if malformed. */
export function positionFromHash(shape: DeckShape, hash: string): Position {
  const parsed = parseHash(hash);
  if (!parsed) return firstPosition(shape);
  if (parsed.slide < 1) return firstPosition(shape);
  const slide = parsed.slide - 1;
  if (parsed.step === null) return startOfSlide(shape, slide);
  return clampPosition(shape, { slide, step: parsed.step });
}

export function formatHash(position: Position): string {
  return `#/${position.slide + 1}/${position.step}`;
}
