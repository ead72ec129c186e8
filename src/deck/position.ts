/**
 * The deck's pure position model. A deck is described by its shape: the number of build steps
 * of each slide. A position is a slide (0-based here) and the number of its steps shown.
 *
 * A slide with n > 0 steps opens with its first step shown, so its positions are steps 1..n;
 * a slide without steps has the single position step 0. Nothing here touches the DOM.
 */
export type DeckShape = readonly number[];

export interface Position {
  /** 0-based slide index. */
  slide: number;
  /** How many of the slide's steps are shown (0 only for a slide without steps). */
  step: number;
}

/** Steps a slide opens with: its first step, or 0 when it has none. */
export function firstStepOf(stepCount: number): number {
  return stepCount > 0 ? 1 : 0;
}

function stepCountOf(shape: DeckShape, slide: number): number {
  const n = shape[slide] ?? 0;
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

function clampInt(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return min;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

/** The nearest valid position: out-of-range or non-finite numbers are pulled into the deck. */
export function clampPosition(shape: DeckShape, position: Position): Position {
  if (shape.length === 0) return { slide: 0, step: 0 };
  const slide = clampInt(position.slide, 0, shape.length - 1);
  const count = stepCountOf(shape, slide);
  return { slide, step: clampInt(position.step, firstStepOf(count), count) };
}

export function firstPosition(shape: DeckShape): Position {
  return startOfSlide(shape, 0);
}

export function lastPosition(shape: DeckShape): Position {
  const slide = Math.max(0, shape.length - 1);
  return clampPosition(shape, { slide, step: stepCountOf(shape, slide) });
}

/** A slide as it opens (clamped into the deck). */
export function startOfSlide(shape: DeckShape, slide: number): Position {
  return clampPosition(shape, { slide, step: 0 });
}

/** One build step forward, or on to the next slide; the last position stays put. */
export function nextPosition(shape: DeckShape, from: Position): Position {
  const at = clampPosition(shape, from);
  if (at.step < stepCountOf(shape, at.slide)) return { slide: at.slide, step: at.step + 1 };
  if (at.slide < shape.length - 1) return startOfSlide(shape, at.slide + 1);
  return at;
}

/** One build step back, or to the previous slide fully built (as reveal.js does); the first stays. */
export function previousPosition(shape: DeckShape, from: Position): Position {
  const at = clampPosition(shape, from);
  if (at.step > firstStepOf(stepCountOf(shape, at.slide))) return { slide: at.slide, step: at.step - 1 };
  if (at.slide > 0) return { slide: at.slide - 1, step: stepCountOf(shape, at.slide - 1) };
  return at;
}

export function samePosition(a: Position, b: Position): boolean {
  return a.slide === b.slide && a.step === b.step;
}

export function isFirstPosition(shape: DeckShape, at: Position): boolean {
  return samePosition(clampPosition(shape, at), firstPosition(shape));
}

export function isLastPosition(shape: DeckShape, at: Position): boolean {
  return samePosition(clampPosition(shape, at), lastPosition(shape));
}

/** Every position of the deck in order: what walking it with "next" visits. */
export function allPositions(shape: DeckShape): Position[] {
  const out: Position[] = [];
  shape.forEach((_, slide) => {
    const count = stepCountOf(shape, slide);
    for (let step = firstStepOf(count); step <= count; step++) out.push({ slide, step });
  });
  return out;
}

/** 0-based index of a position among allPositions (for a progress bar). */
export function positionIndex(shape: DeckShape, at: Position): number {
  const p = clampPosition(shape, at);
  let index = 0;
  for (let slide = 0; slide < p.slide; slide++) index += Math.max(1, stepCountOf(shape, slide));
  return index + Math.max(0, p.step - firstStepOf(stepCountOf(shape, p.slide)));
}

/** Fraction of the deck walked, 0 at the first position and 1 at the last. */
export function progressFraction(shape: DeckShape, at: Position): number {
  const total = allPositions(shape).length;
  return total <= 1 ? 1 : positionIndex(shape, at) / (total - 1);
}
