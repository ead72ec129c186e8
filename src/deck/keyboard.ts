/**
 * Keyboard glue for the deck: decides whether a key press may act (not while typing in a field,
 * not with Ctrl/Meta/Alt, not while a dialog is open) and turns it into a deck command.
 */
import { isModifierKey } from './blank.ts';
import {
  commandForKey,
  emptyNumberBuffer,
  hasCommandModifier,
  isDigitKey,
  typeDigit,
  typedSlideNumber,
  type DeckCommand,
} from './keys.ts';

/** Fields that own their keys (a widget's slider keeps its arrow keys). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return Boolean(target.closest('input, select, textarea, [contenteditable]:not([contenteditable="false"])'));
}

/** Controls that Space and Enter activate themselves (a focused "Next" button must not act twice). */
function isActivatable(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return Boolean(target.closest('button, a[href], summary, [role="button"], [role="link"]'));
}

export interface DeckKeyHandlers {
  command(command: DeckCommand): void;
  gotoSlide(oneBasedSlide: number): void;
  /** True while the screen is blanked (blackout or whiteout): any key then only brings the slide back. */
  blanked?(): boolean;
  unblank?(): void;
}

export function attachDeckKeys(handlers: DeckKeyHandlers): () => void {
  let numbers = emptyNumberBuffer;
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing || hasCommandModifier(event)) return;
    if (document.querySelector('dialog[open]')) return; // the open dialog handles its own keys
    if (handlers.blanked?.()) {
      if (isModifierKey(event.key)) return;
      event.preventDefault(); // the key that brings the slide back does nothing else
      handlers.unblank?.();
      return;
    }
    if (isTypingTarget(event.target)) return;
    const activatable = isActivatable(event.target);
    if (isDigitKey(event.key)) {
      numbers = typeDigit(numbers, event.key, event.timeStamp);
      return;
    }
    if (event.key === 'Enter') {
      // A number just typed wins over a focused button: "7, Enter" always means slide 7.
      const slide = typedSlideNumber(numbers, event.timeStamp);
      numbers = emptyNumberBuffer;
      if (slide === null) return;
      event.preventDefault();
      handlers.gotoSlide(slide);
      return;
    }
    numbers = emptyNumberBuffer;
    if (activatable && (event.key === ' ' || event.key === 'Spacebar')) return;
    const command = commandForKey(event);
    if (!command) return;
    event.preventDefault();
    handlers.command(command);
  };
  document.addEventListener('keydown', onKeyDown);
  return () => document.removeEventListener('keydown', onKeyDown);
}
