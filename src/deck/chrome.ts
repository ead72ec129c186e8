/**
 * The audience view's toolbar gets out of the way, as in reveal.js and Slidev: it hides after CHROME_IDLE_MS without
 * pointer movement, and at once on entering full screen; pointer movement, a touch or Tab brings it back, and it stays
 * while the pointer rests on it or keyboard focus is inside it (keyboard users keep every control). It only ever covers
 * the slide's bottom margin (the stage's fit leaves room for it, stage-fit.ts fitUnderBar). Pure state; the
 * DOM glue is in chrome-dom.ts.
 */
export const CHROME_IDLE_MS = 2000;

export interface ChromeState {
  readonly shown: boolean;
  /** Keyboard focus is inside the toolbar. */
  readonly focused: boolean;
  /** The pointer rests on the toolbar. */
  readonly hovered: boolean;
}

export type ChromeEvent =
  | 'pointer' // the pointer moved, or touched the screen
  | 'tab' // Tab was pressed: a keyboard user is looking for the controls
  | 'focus-in'
  | 'focus-out'
  | 'hover-in'
  | 'hover-out'
  | 'idle' // CHROME_IDLE_MS passed since the last event that shows it
  | 'fullscreen'; // the page entered full screen

export const initialChrome: ChromeState = { shown: true, focused: false, hovered: false };

export function nextChrome(state: ChromeState, event: ChromeEvent): ChromeState {
  switch (event) {
    case 'pointer':
    case 'tab':
      return { ...state, shown: true };
    case 'focus-in':
      return { ...state, shown: true, focused: true };
    case 'focus-out':
      return { ...state, focused: false };
    case 'hover-in':
      return { ...state, shown: true, hovered: true };
    case 'hover-out':
      return { ...state, hovered: false };
    case 'idle':
      return state.focused || state.hovered ? state : { ...state, shown: false };
    case 'fullscreen':
      return { ...state, shown: false, hovered: false };
  }
}

/** Events after which the idle countdown starts again. */
export function restartsIdle(event: ChromeEvent): boolean {
  return event !== 'idle' && event !== 'fullscreen';
}
