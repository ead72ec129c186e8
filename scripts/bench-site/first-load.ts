// The first load of a page as a visitor's browser makes it (service workers blocked): every same-origin file it
// fetched, counted with its gzip transfer size, and where each widget stands relative to the first screen, so
// widget code fetched for a widget that is not near the screen is caught.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { type Transfer, fileType, sitePath, transferSize } from './transfer.ts';
import { type WidgetChunks, widgetsFetched } from './widget-chunks.ts';

/** The loader starts a widget once it is within half a screen of the viewport (rootMargin '50% 0px'). */
export const NEAR_MARGIN = 0.5;

export interface WidgetPlacement {
  readonly name: string;
  readonly id: string;
  /** Top and bottom in CSS pixels from the top of the first screen; null when not rendered (a hidden slide). */
  readonly top: number | null;
  readonly bottom: number | null;
}

export interface FirstLoad {
  readonly transfers: Transfer[];
  /** Requests to another origin, or that failed (they should never happen). */
  readonly problems: string[];
  readonly viewportHeight: number;
  readonly widgets: WidgetPlacement[];
  /** Widgets whose controller chunk was fetched. */
  readonly fetchedWidgets: string[];
}

/** Near the first screen as the loader sees it: rendered and within NEAR_MARGIN screens above or below it. */
export function isNear(w: WidgetPlacement, viewportHeight: number, margin = NEAR_MARGIN): boolean {
  if (w.top === null || w.bottom === null || w.bottom <= w.top) return false;
  return w.bottom >= -margin * viewportHeight && w.top <= (1 + margin) * viewportHeight;
}

export interface LazyCheck {
  /** Widget names fetched on first load although no instance is near the first screen. */
  readonly fetchedButFar: string[];
  /** Widget names with a controller, near the first screen, whose code was not fetched (not started). */
  readonly nearButNotFetched: string[];
}

export function checkLazyLoading(load: Pick<FirstLoad, 'widgets' | 'fetchedWidgets' | 'viewportHeight'>, withController: ReadonlySet<string>): LazyCheck {
  const near = new Set(load.widgets.filter((w) => isNear(w, load.viewportHeight)).map((w) => w.name));
  return {
    fetchedButFar: load.fetchedWidgets.filter((name) => !near.has(name)),
    nearButNotFetched: [...near].filter((name) => withController.has(name) && !load.fetchedWidgets.includes(name)).sort(),
  };
}

interface Device {
  viewport: { width: number; height: number };
  deviceScaleFactor: number;
  isMobile: boolean;
  hasTouch: boolean;
}

export async function measureFirstLoad(
  browser: Browser,
  site: { url: string; origin: string; base: string; root: string },
  page: string,
  device: Device,
  chunks: ReadonlyMap<string, WidgetChunks>,
): Promise<FirstLoad> {
  const context = await browser.newContext({ ...device, serviceWorkers: 'block' });
  const tab = await context.newPage();
  const fetched: string[] = [];
  const problems: string[] = [];
  context.on('requestfinished', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    const path = sitePath(url, site.origin, site.base);
    if (path === null) problems.push(`request outside the site: ${url}`);
    else fetched.push(path);
  });
  context.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`));
  // Where the widgets are on the first frame after the HTML is parsed: what the lazy loader sees first (drawn
  // widgets grow later and push the ones below them down).
  await tab.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () =>
      requestAnimationFrame(() => {
        (window as unknown as { __placement: unknown }).__placement = {
          viewportHeight: window.innerHeight,
          widgets: Array.from(document.querySelectorAll<HTMLElement>('[data-widget]')).map((el) => {
            const r = el.getBoundingClientRect();
            const rendered = el.getClientRects().length > 0 && r.height > 0;
            return { name: el.dataset.widget ?? '', id: el.id, top: rendered ? r.top : null, bottom: rendered ? r.bottom : null };
          }),
        };
      }),
    );
  });
  await tab.goto(site.url + page, { waitUntil: 'load' });
  await tab.waitForLoadState('networkidle');
  await tab.waitForTimeout(500);
  const placement = await tab.evaluate(() => (window as unknown as { __placement: { viewportHeight: number; widgets: WidgetPlacement[] } }).__placement);
  await context.close();
  const transfers: Transfer[] = [];
  for (const path of new Set(fetched)) {
    const body = await readFile(join(site.root, path)).catch(() => null);
    if (body === null) problems.push(`fetched a file that is not in the build: ${path}`);
    else transfers.push({ path, type: fileType(path).type, bytes: transferSize(path, body) });
  }
  return { transfers, problems, ...placement, fetchedWidgets: widgetsFetched(chunks, fetched) };
}
