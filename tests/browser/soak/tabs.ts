import type { BrowserContext, Page, Request } from '@playwright/test';
import { watchPage, type Problems } from '../fixtures.ts';
import { pageKind, type PageKind } from '../site.ts';

/**
 * The browser tabs the soak drives. The main tab navigates freely; a long-lived tab stays on one document for the
 * whole run (its heap is compared before and after). Pop-ups (the deck's `s` key opens the presenter view) are
 * watched like any tab, allowed to load, then closed.
 */
export interface Tab {
  readonly name: string;
  readonly page: Page;
  readonly problems: Problems;
  /** May the soak leave the document (links, direct navigation, back/forward)? */
  readonly navigates: boolean;
  readonly basePath: string;
  /** Requests started and not yet finished or failed. */
  readonly inFlight: Set<Request>;
}

export function trackRequests(page: Page): Set<Request> {
  const inFlight = new Set<Request>();
  page.on('request', (request) => inFlight.add(request));
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('requestfailed', (request) => inFlight.delete(request));
  return inFlight;
}

export function makeTab(name: string, page: Page, problems: Problems, navigates: boolean, basePath: string): Tab {
  return { name, page, problems, navigates, basePath, inFlight: trackRequests(page) };
}

/** The page kind (home, reading, slides, presenter) of the tab's current URL. */
export function kindOf(tab: Tab): PageKind {
  const path = new URL(tab.page.url()).pathname;
  if (!path.startsWith(tab.basePath)) return 'other';
  return pageKind(path.slice(tab.basePath.length));
}

/** Two animation frames: what an action started (a redraw, a lazy load) has begun. */
export const nextFrames = (page: Page) =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/**
 * Wait until the tab is calm for three checks in a row, 50 ms apart: the document has loaded, no request is in flight
 * and no widget is still fetching its controller. Leaving a page while its lazy widget code or worker loads would abort
 * the request, which the fixture counts as a failure. Timed here, not with the page's animation frames, which
 * Chromium throttles in a window that is not in front. Gives up after 8 s (the next check then reports what hangs).
 */
export async function quiesce(tab: Tab): Promise<void> {
  const deadline = Date.now() + 8_000;
  for (let calm = 0; calm < 3 && Date.now() < deadline; ) {
    await new Promise((done) => setTimeout(done, 50));
    const busy =
      tab.inFlight.size > 0 ||
      (await tab.page
        .evaluate(() => document.readyState !== 'complete' || document.querySelector('[data-widget-state="loading"]') !== null)
        .catch(() => true)); // (mid-navigation: not calm)
    calm = busy ? 0 : calm + 1;
  }
}

/**
 * Pop-ups opened in a context after this watch starts (create the context's own tabs first): the deck's `s` key opens
 * the presenter view beside the slides. Each is a tab the soak may act on (never navigating it away), watched for
 * errors from the start, and closed once it has lived `lifetime` actions.
 */
export class PopupWatch {
  readonly #open: Array<{ tab: Tab; openedAt: number }> = [];
  readonly #all: Tab[] = [];
  readonly #lifetime: number;

  constructor(context: BrowserContext, label: string, origin: string, basePath: string, lifetime: number, now: () => number) {
    this.#lifetime = lifetime;
    context.on('page', (page) => {
      const tab = makeTab(`${label} pop-up ${this.#all.length + 1}`, page, watchPage(page, origin), false, basePath);
      this.#all.push(tab);
      this.#open.push({ tab, openedAt: now() });
    });
  }

  get opened(): number {
    return this.#all.length;
  }

  /** The pop-ups open now, loaded. */
  async tabs(): Promise<Tab[]> {
    const open = this.#open.map(({ tab }) => tab);
    for (const tab of open) await tab.page.waitForLoadState('load');
    return open;
  }

  problems(): string[] {
    return this.#all.flatMap((tab) => tab.problems.map((p) => `${tab.name}: ${p}`));
  }

  /** Close the pop-ups that have lived their time by action `now` (all of them without `now`), each once loaded. */
  async close(now = Infinity): Promise<void> {
    for (const entry of [...this.#open]) {
      if (now - entry.openedAt < this.#lifetime) continue;
      this.#open.splice(this.#open.indexOf(entry), 1);
      await entry.tab.page.waitForLoadState('load').catch(() => {});
      await quiesce(entry.tab);
      await entry.tab.page.close();
    }
  }
}
