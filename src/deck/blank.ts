/**
 * Blackout and whiteout, as in reveal.js: `b` or `.` turns the projected screen black, `w` white, so the room looks
 * at the speaker or the board; any key (or a click) brings the slide back. The same key again also returns. A
 * presenter's blank is sent to the projector window, which shows it; the presenter view keeps its slide and says so.
 */
export type Blank = 'black' | 'white' | null;

/** The screen after a blackout or whiteout key. */
export function blankAfter(current: Blank, command: 'blackout' | 'whiteout'): Blank {
  const tone = command === 'blackout' ? 'black' : 'white';
  return current === tone ? null : tone;
}

/** A key that only modifies others (Shift, Alt, …) does not bring the slide back: it may be half of a shortcut. */
export function isModifierKey(key: string): boolean {
  return key === 'Shift' || key === 'Control' || key === 'Alt' || key === 'Meta' || key === 'AltGraph' || key === 'CapsLock' || key === 'OS';
}

/** A blank received from another window, which is trusted no more than a URL; undefined if malformed. */
export function blankFromMessage(message: unknown): Blank | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const { type, tone } = message as Record<string, unknown>;
  if (type !== 'blank') return undefined;
  return tone === 'black' || tone === 'white' || tone === null ? tone : undefined;
}

/** What a screen reader hears when the screen blanks or returns. */
export function describeBlank(blank: Blank, presenter: boolean): string {
  if (blank === null) return presenter ? 'The projector shows the slide again.' : 'The slide is back.';
  const screen = presenter ? 'The projector' : 'The screen';
  return `${screen} is ${blank}; press any key to bring the slide back.`;
}
