/**
 * The deck's keyboard map, as in reveal.js and Slidev, and the "type a number, then Enter" buffer.
 * Pure: the DOM glue decides whether a key may act at all (not in a text field, no modifier).
 */
export type DeckCommand =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'fullscreen'
  | 'overview'
  | 'presenter'
  | 'help'
  | 'blackout'
  | 'whiteout';

export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

const COMMANDS: Record<string, DeckCommand> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ' ': 'next',
  Spacebar: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
  f: 'fullscreen',
  F: 'fullscreen',
  o: 'overview',
  O: 'overview',
  s: 'presenter',
  S: 'presenter',
  '?': 'help',
  b: 'blackout',
  B: 'blackout',
  '.': 'blackout',
  w: 'whiteout',
  W: 'whiteout',
};

/** True when a modifier is held: the key then belongs to the browser or the system, not the deck. */
export function hasCommandModifier(press: KeyPress): boolean {
  return Boolean(press.ctrlKey || press.metaKey || press.altKey);
}

/** The deck command for a key press, or null. Shift+Space goes back. */
export function commandForKey(press: KeyPress): DeckCommand | null {
  if (hasCommandModifier(press)) return null;
  if ((press.key === ' ' || press.key === 'Spacebar') && press.shiftKey) return 'previous';
  return Object.prototype.hasOwnProperty.call(COMMANDS, press.key) ? COMMANDS[press.key] : null;
}

/** The keys, for the help dialog (one source of truth with the map above). */
export const KEY_HELP: readonly { keys: readonly string[]; action: string }[] = [
  { keys: ['→', 'Space', 'Page Down', '↓'], action: 'Next step or slide' },
  { keys: ['←', 'Shift + Space', 'Page Up', '↑'], action: 'Previous step or slide' },
  { keys: ['Home', 'End'], action: 'First or last slide' },
  { keys: ['a number', 'Enter'], action: 'Go to that slide (e.g. 5 then Enter)' },
  { keys: ['f'], action: 'Full screen on or off' },
  { keys: ['o'], action: 'Overview of all slides (arrow keys and Enter to pick, Escape to close)' },
  { keys: ['s'], action: 'Open the presenter view (notes, next slide, timer)' },
  { keys: ['b', '.'], action: 'Black screen, to talk without the slide (any key returns)' },
  { keys: ['w'], action: 'White screen (any key returns)' },
  { keys: ['?'], action: 'This list of keys (Escape closes)' },
];

// --- "5 then Enter" -------------------------------------------------------------------------
export interface NumberBuffer {
  digits: string;
  /** Time of the last digit, in ms; a pause longer than NUMBER_TIMEOUT_MS starts a new number. */
  at: number;
}

export const NUMBER_TIMEOUT_MS = 2000;
const MAX_DIGITS = 4;

export const emptyNumberBuffer: NumberBuffer = { digits: '', at: 0 };

export function isDigitKey(key: string): boolean {
  return key.length === 1 && key >= '0' && key <= '9';
}

/** Add a typed digit at time `now`. */
export function typeDigit(buffer: NumberBuffer, digit: string, now: number): NumberBuffer {
  const fresh = buffer.digits === '' || now - buffer.at > NUMBER_TIMEOUT_MS;
  const digits = (fresh ? digit : buffer.digits + digit).slice(-MAX_DIGITS);
  return { digits, at: now };
}

/** The 1-based slide number typed so far (null if none, or if it went stale). */
export function typedSlideNumber(buffer: NumberBuffer, now: number): number | null {
  if (buffer.digits === '' || now - buffer.at > NUMBER_TIMEOUT_MS) return null;
  return Number(buffer.digits);
}
