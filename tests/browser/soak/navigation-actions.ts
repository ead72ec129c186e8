import type { Action } from './action-kit.ts';
import { CLICK, userClick, leave, pickFrom, pickReachable } from './action-kit.ts';
import { randomHash, randomQuery } from './urls.ts';

/**
 * Moving between pages: links (in-page ones only for a long-lived tab), any built page opened directly with a random
 * query and hash, another view of the same address, back and forward.
 */

/** Follow a link on the page; a long-lived tab follows only in-page (`#…`) links. */
const link: Action = async (ctx) => {
  const el = await pickReachable(ctx, ctx.tab.navigates ? 'a[href]' : 'a[href^="#"]');
  if (!el) return;
  const href = await el.evaluate((a) => (a as HTMLAnchorElement).href);
  const url = new URL(href);
  if (url.origin !== new URL(ctx.tab.page.url()).origin || !url.pathname.startsWith(ctx.tab.basePath)) return ctx.note(`(not the site: ${href})`);
  // Keyboard users press Enter on a focused link; a skip link is only on screen while focused.
  const byKeyboard = ctx.rng.uniform() < 0.3 || (await el.evaluate((a) => a.classList.contains('skip-link')));
  ctx.note(`→ ${url.pathname}${url.hash}${byKeyboard ? ' (Enter)' : ''}`);
  await leave(ctx, async () => {
    if (!byKeyboard) return userClick(ctx, el);
    await el.focus();
    await el.press('Enter');
  });
};

/** Open a built page directly, with a random query and hash. */
const goto: Action = async (ctx) => {
  const path = pickFrom(ctx.rng, ctx.site.pages);
  const target = `${ctx.tab.basePath}${path}${randomQuery(ctx.rng)}${randomHash(ctx.rng, ctx.site.ids, ctx.site.slides)}`;
  ctx.note(target.length > 120 ? `${target.slice(0, 120)}…` : target);
  await leave(ctx, () => ctx.tab.page.goto(target));
};

/** Switch to another view of the site keeping the address's query and hash (as the deck's `s` key does). */
const viewSwitch: Action = async (ctx) => {
  const here = new URL(ctx.tab.page.url());
  const others = ctx.site.pages.filter((p) => `${ctx.tab.basePath}${p}` !== here.pathname);
  const target = `${ctx.tab.basePath}${pickFrom(ctx.rng, others)}${here.search}${here.hash}`;
  ctx.note(target);
  await leave(ctx, () => ctx.tab.page.goto(target));
};

/** Back or forward, within the site's own history entries. */
const history: Action = async (ctx) => {
  const { page } = ctx.tab;
  const prefix = `${new URL(page.url()).origin}${ctx.tab.basePath}`;
  const options = await page.evaluate((site) => {
    const nav = (window as unknown as { navigation?: { currentEntry: { index: number }; entries(): { url: string | null }[] } }).navigation;
    if (!nav) return [];
    const entries = nav.entries();
    const at = nav.currentEntry.index;
    const ok = (i: number) => Boolean(entries[i]?.url?.startsWith(site));
    return [...(ok(at - 1) ? ['back'] : []), ...(ok(at + 1) ? ['forward'] : [])];
  }, prefix);
  if (options.length === 0) return ctx.note('(no history)');
  const way = pickFrom(ctx.rng, options);
  ctx.note(way);
  await leave(ctx, () => (way === 'back' ? page.goBack() : page.goForward()));
};

export const NAVIGATION_ACTIONS = { link, goto, 'view-switch': viewSwitch, history } satisfies Record<string, Action>;
