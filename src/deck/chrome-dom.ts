/**
 * DOM glue for the audience toolbar's auto-hide (the rules are in chrome.ts): `data-chrome="shown|hidden"` on the
 * deck view, which deck.css turns into a fade. The hidden toolbar stays in the tab order, so Tab reaches it and brings
 * it back; it lets clicks through to the slide (pointer movement brings it back).
 */
import { CHROME_IDLE_MS, type ChromeEvent, initialChrome, nextChrome, restartsIdle } from './chrome.ts';

export function attachChromeAutoHide(view: HTMLElement, bar: HTMLElement, idleMs = CHROME_IDLE_MS): () => void {
  let state = initialChrome;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const render = (): void => {
    view.dataset.chrome = state.shown ? 'shown' : 'hidden';
  };
  const on = (event: ChromeEvent): void => {
    state = nextChrome(state, event);
    if (restartsIdle(event)) {
      clearTimeout(timer);
      timer = setTimeout(() => on('idle'), idleMs);
    }
    render();
  };
  let last = { x: NaN, y: NaN };
  const onPointerMove = (event: PointerEvent): void => {
    // Only real movement: a pointer resting while the page changes under it does not count.
    if (event.screenX === last.x && event.screenY === last.y) return;
    last = { x: event.screenX, y: event.screenY };
    on('pointer');
  };
  const onPointerDown = (): void => on('pointer');
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Tab') on('tab');
  };
  // Focus left by a mouse click on a toolbar button is not a reason to keep the toolbar: only visible focus is.
  const onFocusIn = (event: FocusEvent): void => {
    if (event.target instanceof Element && event.target.matches(':focus-visible')) on('focus-in');
  };
  const onFocusOut = (event: FocusEvent): void => {
    if (!(event.relatedTarget instanceof Node && bar.contains(event.relatedTarget))) on('focus-out');
  };
  const onEnter = (): void => on('hover-in');
  const onLeave = (): void => on('hover-out');
  const onFullscreen = (): void => {
    if (document.fullscreenElement) on('fullscreen');
  };
  document.addEventListener('pointermove', onPointerMove, { passive: true });
  document.addEventListener('pointerdown', onPointerDown, { passive: true });
  document.addEventListener('keydown', onKeyDown);
  document.addEventListener('fullscreenchange', onFullscreen);
  bar.addEventListener('focusin', onFocusIn);
  bar.addEventListener('focusout', onFocusOut);
  bar.addEventListener('pointerenter', onEnter);
  bar.addEventListener('pointerleave', onLeave);
  on('pointer'); // shown at first, hidden after the first idle spell
  return () => {
    clearTimeout(timer);
    document.removeEventListener('pointermove', onPointerMove);
    document.removeEventListener('pointerdown', onPointerDown);
    document.removeEventListener('keydown', onKeyDown);
    document.removeEventListener('fullscreenchange', onFullscreen);
    bar.removeEventListener('focusin', onFocusIn);
    bar.removeEventListener('focusout', onFocusOut);
    bar.removeEventListener('pointerenter', onEnter);
    bar.removeEventListener('pointerleave', onLeave);
    delete view.dataset.chrome;
  };
}
