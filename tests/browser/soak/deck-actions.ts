import type { Action, ActionContext } from './action-kit.ts';
import { pickFrom, press } from './action-kit.ts';
import { randomHash } from './urls.ts';

/**
 * The deck, driven as a lecturer does: every key it knows (arrows, Space, Page Up/Down, Home/End, o, ?, f, s,
 * Escape, Enter), a slide number then Enter, and the hash edited by hand.
 */

const blurSometimes = async (ctx: ActionContext) => {
  // Keys typed while a slider has focus belong to the slider; usually the lecturer's focus is on the page.
  if (ctx.rng.uniform() < 0.7) await ctx.tab.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
};

const DECK_KEYS = ['ArrowRight', 'ArrowRight', 'ArrowRight', 'Space', 'PageDown', 'ArrowDown', 'ArrowLeft', 'ArrowLeft', 'Shift+Space', 'PageUp', 'ArrowUp', 'Home', 'End', 'o', '?', 'f', 's', 'Escape', 'Escape', 'Enter'];
const deckKey: Action = async (ctx) => {
  await blurSometimes(ctx);
  const key = pickFrom(ctx.rng, DECK_KEYS);
  ctx.note(key);
  await press(ctx, key);
};

/** "5 then Enter": a slide number, sometimes 0 or past the end. */
const deckNumber: Action = async (ctx) => {
  await blurSometimes(ctx);
  const n = ctx.rng.integer(ctx.site.slides + 3);
  ctx.note(`${n} Enter`);
  for (const digit of String(n)) await ctx.tab.page.keyboard.press(digit);
  await press(ctx, 'Enter');
};

const deckHash: Action = async (ctx) => {
  const hash = randomHash(ctx.rng, ctx.site.ids, ctx.site.slides);
  ctx.note(hash || '(empty)');
  await ctx.tab.page.evaluate((h) => (location.hash = h), hash);
};

export const DECK_ACTIONS = { 'deck-key': deckKey, 'deck-number': deckNumber, 'deck-hash': deckHash } satisfies Record<string, Action>;
