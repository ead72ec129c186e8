import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import type { Rng } from '../../../src/engine/index.ts';
import { watchPage, type Problems } from '../fixtures.ts';
import { pageKind } from '../site.ts';
import { nonFiniteText } from './checks.ts';
import { POPUP_LIFETIME } from './config.ts';
import type { Site } from './site-map.ts';
import { PopupWatch, makeTab, type Tab } from './tabs.ts';

export type LongLivedTab = Tab & { path: string };

/**
 * The tabs of one soak run. The main tab (the test's page) navigates freely. The long-lived tabs — a reading page and
 * a deck — are acted on but never leave their document, so their heaps can be compared before and after; they live in
 * a browser context of their own, whose renderer no other page shares (Chromium never shares a renderer between
 * contexts). Pop-ups (the presenter view the deck's `s` key opens) join for a while in either context.
 */
export class SoakSession {
  readonly main: Tab;
  readonly longLived: LongLivedTab[];
  readonly popups: PopupWatch[];
  readonly #longContext: BrowserContext;
  /** Index of the running action (pop-ups close once they have lived POPUP_LIFETIME actions). */
  now = -1;

  private constructor(main: Tab, longLived: LongLivedTab[], longContext: BrowserContext, origin: string, basePath: string) {
    this.main = main;
    this.longLived = longLived;
    this.#longContext = longContext;
    this.popups = [
      new PopupWatch(main.page.context(), 'main', origin, basePath, POPUP_LIFETIME, () => this.now),
      new PopupWatch(longContext, 'long-lived', origin, basePath, POPUP_LIFETIME, () => this.now),
    ];
  }

  static async open(page: Page, problems: Problems, browser: Browser, options: BrowserContextOptions & { baseURL: string }, site: Site): Promise<SoakSession> {
    const { origin, pathname: basePath } = new URL(options.baseURL);
    const longContext = await browser.newContext(options);
    const longLived: LongLivedTab[] = [];
    for (const kind of ['reading', 'slides'] as const) {
      const path = site.pages.find((p) => pageKind(p) === kind);
      if (!path) continue;
      const tabPage = await longContext.newPage();
      longLived.push({ ...makeTab(`long-lived ${kind}`, tabPage, watchPage(tabPage, origin), false, basePath), path });
    }
    const session = new SoakSession(makeTab('main', page, problems, true, basePath), longLived, longContext, origin, basePath);
    for (const tab of session.fixedTabs) tab.page.setDefaultTimeout(15_000);
    return session;
  }

  /** The main and long-lived tabs. */
  get fixedTabs(): Tab[] {
    return [this.main, ...this.longLived];
  }

  async openPopups(): Promise<Tab[]> {
    return [...(await this.popups[0].tabs()), ...(await this.popups[1].tabs())];
  }

  /** Where the next action happens: mostly the main tab, sometimes a long-lived tab or an open pop-up. */
  async chooseTab(rng: Rng): Promise<Tab> {
    const open = await this.openPopups();
    const roll = rng.uniform();
    if (roll < 0.15 && open.length > 0) return open[rng.integer(open.length)];
    if (roll < 0.4 && this.longLived.length > 0) return this.longLived[rng.integer(this.longLived.length)];
    return this.main;
  }

  /** Console errors, page errors, failed and foreign requests seen in any tab or pop-up so far. */
  problems(): string[] {
    return [...this.fixedTabs.flatMap((t) => t.problems.map((p) => `${t.name}: ${p}`)), ...this.popups.flatMap((w) => w.problems())];
  }

  /** Throws if any tab shows NaN or Infinity in an SVG or a widget's text. */
  async checkDrawings(): Promise<void> {
    for (const tab of [...this.fixedTabs, ...(await this.openPopups())]) {
      const found = await nonFiniteText(tab.page);
      if (found.length > 0) throw new Error(`non-finite numbers drawn in ${tab.name} (${tab.page.url()}):\n  ${found.slice(0, 10).join('\n  ')}`);
    }
  }

  /** Close the pop-ups that have lived their time (all of them without `now`). */
  async closePopups(now?: number): Promise<void> {
    for (const watch of this.popups) await watch.close(now);
  }

  async close(): Promise<void> {
    await this.#longContext.close();
  }
}
