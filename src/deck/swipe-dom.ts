/** Touch swipes on the stage: left for the next step, right for the previous one. */
import { isTypingTarget } from './keyboard.ts';
import { swipeCommand } from './swipe.ts';

export function attachSwipe(surface: HTMLElement, run: (command: 'next' | 'previous') => void): () => void {
  let start: { x: number; y: number } | null = null;
  const onStart = (event: TouchEvent): void => {
    const touch = event.touches[0];
    // A slider being dragged keeps its gesture.
    start = event.touches.length === 1 && touch && !isTypingTarget(event.target) ? { x: touch.clientX, y: touch.clientY } : null;
  };
  const onEnd = (event: TouchEvent): void => {
    const touch = event.changedTouches[0];
    if (!start || !touch) return;
    const command = swipeCommand(touch.clientX - start.x, touch.clientY - start.y);
    start = null;
    if (command) run(command);
  };
  const onCancel = (): void => {
    start = null;
  };
  surface.addEventListener('touchstart', onStart, { passive: true });
  surface.addEventListener('touchend', onEnd, { passive: true });
  surface.addEventListener('touchcancel', onCancel, { passive: true });
  return () => {
    surface.removeEventListener('touchstart', onStart);
    surface.removeEventListener('touchend', onEnd);
    surface.removeEventListener('touchcancel', onCancel);
  };
}
