import type { Locator } from '@playwright/test';
import type { Rng } from '../../../src/engine/index.ts';
import type { Site } from './site-map.ts';
import { quiesce, type Tab } from './tabs.ts';

/**
 * What every soak action gets and shares: the tab, its own random stream (so an action that finds less on the page
 * than last time never shifts the ones after it), the site, and helpers to pick what to act on and to leave a page.
 */
export interface ActionContext {
  tab: Tab;
  rng: Rng;
  site: Site;
  /** Say what the action did (shown in a failure report). */
  note(text: string): void;
}

export type Action = (ctx: ActionContext) => Promise<void>;

export const pickFrom = <T>(rng: Rng, items: readonly T[]): T => items[rng.integer(items.length)];

/**
 * One of the elements matching `selector` that a reader can reach now (inside the open modal dialog if there is one,
 * never in an inert preview, not hidden), chosen at random; null if there is none.
 */
export async function pickReachable(ctx: ActionContext, selector: string): Promise<Locator | null> {
  const { page } = ctx.tab;
  const dialog = page.locator('dialog[open]');
  const scope = (await dialog.count()) > 0 ? dialog.last() : page.locator(':root');
  const candidates = scope.locator(selector).filter({ visible: true });
  // One round trip: which candidates are usable (not in an inert preview), and what each is, for the journal.
  const found = await candidates.evaluateAll((nodes) =>
    nodes.map((node) => {
      const widget = node.closest('[data-widget]')?.id;
      const label = node.getAttribute('aria-label') ?? node.getAttribute('data-param') ?? node.getAttribute('data-role') ?? node.textContent?.trim().slice(0, 30);
      return { usable: !node.closest('[inert]'), label: `${widget ? `${widget} ` : ''}<${node.localName}> ${label ?? ''}`.trim() };
    }),
  );
  const usable = found.flatMap((f, i) => (f.usable ? [i] : []));
  if (usable.length === 0) {
    ctx.note('(nothing to act on)');
    return null;
  }
  const index = pickFrom(ctx.rng, usable);
  ctx.note(found[index].label);
  return candidates.nth(index);
}

/**
 * How long a click may wait for the page to take it. A page whose widgets train in every frame takes a click in one or
 * two frames, about 0.2 s on a quiet machine and 1–2 s on a loaded one; a frozen page never does, and still fails.
 */
export const CLICK = { timeout: 15_000 };

/**
 * A click as a mouse user makes it: the pointer travels to the element first (which brings back the slide view's
 * auto-hidden toolbar, as it does for a person), then clicks.
 */
export async function userClick(ctx: ActionContext, el: Locator): Promise<void> {
  await el.scrollIntoViewIfNeeded(CLICK);
  const box = await el.boundingBox();
  if (box) {
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await ctx.tab.page.mouse.move(x - 3, y);
    await ctx.tab.page.mouse.move(x, y);
  }
  await el.click(CLICK);
}

/** Controls a reader can operate (a diverged run's Train is disabled; the deck's Next at the end is aria-disabled). */
export const ENABLED = ':not([disabled]):not([aria-disabled="true"])';

/** Leave the page by `go` (a click, a key, a goto, back or forward) and wait until the next one has loaded. */
export async function leave(ctx: ActionContext, go: () => Promise<unknown>): Promise<void> {
  const { page } = ctx.tab;
  await quiesce(ctx.tab); // never abort a lazy load: the fixture would count it as a failed request
  // A key press does not wait for the navigation it starts (a click or goto does): wait for it here.
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 5_000 }).catch(() => null);
  await go();
  await navigated;
  await page.waitForLoadState('load');
}


/** Where focus is, in words for the journal, and whether Enter there would leave the page (a link to another page). */
export function focusedElement(ctx: ActionContext): Promise<{ what: string; leaves: boolean }> {
  return ctx.tab.page.evaluate(() => {
    const el = document.activeElement;
    const link = el?.closest('a[href]');
    const label = el?.getAttribute('aria-label') ?? el?.getAttribute('data-param') ?? el?.textContent?.trim().slice(0, 30) ?? '';
    return { what: el ? `<${el.localName}> ${label}` : '', leaves: Boolean(link && !link.getAttribute('href')?.startsWith('#')) };
  });
}

/** Press `key`; an Enter that would follow a link to another page leaves it properly, or, in a tab that must not
 * leave its document, goes to the page instead of the link. */
export async function press(ctx: ActionContext, key: string): Promise<void> {
  const { page } = ctx.tab;
  if (key === 'Enter' && (await focusedElement(ctx)).leaves) {
    if (ctx.tab.navigates) return leave(ctx, () => page.keyboard.press(key));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  }
  await page.keyboard.press(key);
}
