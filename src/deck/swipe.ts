/** A touch swipe as a deck command: a mostly horizontal move of at least `minDistance` CSS px. */
export const MIN_SWIPE_PX = 50;

/** Swiping left (finger moves right-to-left) goes forward, as turning a page. */
export function swipeCommand(dx: number, dy: number, minDistance = MIN_SWIPE_PX): 'next' | 'previous' | null {
  if (!Number.isFinite(dx) || !Number.isFinite(dy)) return null;
  if (Math.abs(dx) < minDistance || Math.abs(dx) < 1.5 * Math.abs(dy)) return null;
  return dx < 0 ? 'next' : 'previous';
}
