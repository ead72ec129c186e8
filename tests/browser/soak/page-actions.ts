import type { Action } from './action-kit.ts';
import { CLICK, userClick, focusedElement, pickFrom, pickReachable, press } from './action-kit.ts';
import { nextFrames } from './tabs.ts';

/**
 * Whatever else happens to a page: scrolling, the theme toggle, a pause while training runs, keyboard users tabbing
 * through it, the window resized, the system's settings changed, printing.
 */

const scroll: Action = async (ctx) => {
  const { page } = ctx.tab;
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  const dy = Math.round((ctx.rng.uniform() * 2 - 1) * 2 * size.height);
  ctx.note(`${dy} px`);
  await page.mouse.move(size.width / 2, size.height / 2);
  await page.mouse.wheel(0, dy);
};

const theme: Action = async (ctx) => {
  const el = await pickReachable(ctx, '[data-theme-toggle]');
  if (el) await userClick(ctx, el);
};

/** Let training run for a moment. */
const wait: Action = async (ctx) => {
  const ms = 150 + ctx.rng.integer(600);
  ctx.note(`${ms} ms`);
  await ctx.tab.page.waitForTimeout(ms);
};

/** Tab through the page (sometimes backwards), then press Space or Enter on what has focus, as a keyboard user. */
const tabKeys: Action = async (ctx) => {
  const presses = 1 + ctx.rng.integer(8);
  const key = ctx.rng.uniform() < 0.2 ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < presses; i++) await ctx.tab.page.keyboard.press(key);
  const activate = ctx.rng.uniform() < 0.5 ? 'Space' : 'Enter';
  ctx.note(`${key}×${presses} → ${(await focusedElement(ctx)).what} ${activate}`);
  await press(ctx, activate);
};

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
  { width: 640, height: 360 },
];
/** Resize the window (a phone, a tablet, a projector): the stage, the slides and the charts refit. */
const resize: Action = async (ctx) => {
  const size = pickFrom(ctx.rng, VIEWPORTS);
  ctx.note(`${size.width}×${size.height}`);
  await ctx.tab.page.setViewportSize(size);
};

/** The system's settings change under the page: reduced motion, or the colour scheme. */
const systemSettings: Action = async (ctx) => {
  const motion = ctx.rng.uniform() < 0.5;
  const value = ctx.rng.uniform() < 0.5;
  const media = motion ? { reducedMotion: value ? ('reduce' as const) : ('no-preference' as const) } : { colorScheme: value ? ('dark' as const) : ('light' as const) };
  ctx.note(JSON.stringify(media));
  await ctx.tab.page.emulateMedia(media);
};

/** Print (the page's beforeprint and afterprint handlers, around the print media). */
const print: Action = async (ctx) => {
  const { page } = ctx.tab;
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await nextFrames(page);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
};

export const PAGE_ACTIONS = { scroll, theme, wait, 'tab-keys': tabKeys, resize, 'system-settings': systemSettings, print } satisfies Record<string, Action>;
