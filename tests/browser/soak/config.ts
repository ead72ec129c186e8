/**
 * The soak's knobs, from the environment: SOAK_SEED picks the random stream (the same seed replays the same
 * actions), SOAK_ACTIONS how many actions to run. `npm run test:soak` runs the full count; CI runs fewer
 * (scripts/test-all.sh sets SOAK_ACTIONS when CI is set).
 */
export const DEFAULT_SEED = 1;
export const DEFAULT_ACTIONS = 1000;
/**
 * Random actions the long-lived tabs take during the warm-up, before their heap is first measured: code that runs
 * only on some action (a dialog, a theme, print, a dataset) is compiled then, not counted as growth.
 */
export const WARM_UP_ACTIONS = 200;
/** Check every SVG for non-finite numbers after this many actions (and once at the end). */
export const CHECK_EVERY = 25;
/** The JS heap of a long-lived page after the run may be at most this multiple of its heap after warm-up. */
export const HEAP_GROWTH_LIMIT = 1.2;
/** A pop-up (the presenter view the deck's `s` key opens) stays open this many actions, acted on now and then. */
export const POPUP_LIFETIME = 40;
/** How many of the latest actions a failure report lists. */
export const JOURNAL_LENGTH = 20;

function wholeNumber(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, got "${raw}"`);
  return value;
}

export const SOAK_SEED = wholeNumber('SOAK_SEED', DEFAULT_SEED);
export const SOAK_ACTIONS = wholeNumber('SOAK_ACTIONS', DEFAULT_ACTIONS);
