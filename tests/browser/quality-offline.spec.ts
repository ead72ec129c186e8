import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, watchPage } from './fixtures.ts';
import { drawEveryWidget } from './every-widget.ts';
import { expectDrawn, pagesOfKind } from './quality-helpers.ts';
import { builtPages, OUT_DIR } from './site.ts';
import { BASE_PATH } from '../../playwright.config.ts';
import { serveStatic } from '../hosting/static-server.ts';
import type { PrecacheManifest } from '../../src/offline/precache-manifest.ts';
import { manifestIn, writeServiceWorker } from '../../src/offline/write-service-worker.ts';

/**
 * Offline after the first visit: the home page registers the service worker (src/offline/), which precaches
 * the whole build. Then, with the network off, every page of the build opens and every widget draws (decks
 * walked step by step), each request answered by the service worker; and a later build's worker replaces the
 * old cache once no page of the old build is open.
 */
test.use({ serviceWorkers: 'allow', reducedMotion: 'reduce' });

const manifestOf = (outDir: string): PrecacheManifest => manifestIn(readFileSync(join(outDir, 'sw.js'), 'utf8'));

/** Each cache of the origin with the paths it holds. */
const cachesOf = (page: Page) =>
  page.evaluate(async () => {
    const names = (await caches.keys()).sort();
    const paths = async (name: string) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort();
    return Promise.all(names.map(async (name) => ({ name, paths: await paths(name) })));
  });

/** First visit: wait until the service worker is active, i.e. its precache is complete. */
async function firstVisit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 30_000 });
}

test('after one visit to the home page, every page and widget works offline, served by the service worker', async ({ page, context, problems }) => {
  test.slow();
  const manifest = manifestOf(OUT_DIR);
  await firstVisit(page, './');
  expect(await cachesOf(page)).toEqual([{ name: manifest.cacheName, paths: [...manifest.urls].sort() }]);

  const notFromServiceWorker: string[] = [];
  page.on('response', (res) => {
    if (!res.fromServiceWorker()) notFromServiceWorker.push(res.url());
  });
  await context.setOffline(true);
  for (const path of builtPages()) {
    const response = await page.goto(path);
    expect(response?.fromServiceWorker(), `/${path} from the service worker`).toBe(true);
    const drawn = await drawEveryWidget(page, { everyStep: true });
    if (path.startsWith('lessons/')) expect(drawn, `widgets drawn offline on /${path}`).toBeGreaterThan(0);
  }
  expect(notFromServiceWorker, 'responses that did not come from the service worker').toEqual([]);
  expect(problems).toEqual([]);
});

test('offline, a link with widget settings in its query opens with those settings', async ({ page, context, problems }) => {
  await firstVisit(page, './');
  await context.setOffline(true);
  const reading = pagesOfKind('reading').find((path) => readFileSync(join(OUT_DIR, path, 'index.html'), 'utf8').includes('data-param="p"'));
  expect(reading, 'a reading view with a drop-probability control').toBeDefined();
  await page.goto(`${reading}?p=0.3`);
  const widget = page.locator('[data-widget]:has([data-param="p"])').first();
  const control = widget.locator('[data-param="p"]');
  await widget.scrollIntoViewIfNeeded();
  await expectDrawn(widget);
  await expect(control).toHaveValue('0.3');
  expect(problems).toEqual([]);
});

test("a new build's service worker waits while a page of the old build is open, then replaces the old cache", async ({ context }) => {
  // Two deploys of the site at one address: this build, and a copy with one page changed (a new version).
  const folder = mkdtempSync(join(tmpdir(), 'offline-update-'));
  const [first, second] = [join(folder, 'first'), join(folder, 'second')];
  cpSync(OUT_DIR, first, { recursive: true });
  cpSync(OUT_DIR, second, { recursive: true });
  appendFileSync(join(second, 'index.html'), '<!-- second build -->');
  const [v1, v2] = [manifestOf(first), writeServiceWorker(second, BASE_PATH)];
  expect(v2.cacheName).not.toBe(v1.cacheName);
  const server = await serveStatic(first, BASE_PATH);
  try {
    const page = await context.newPage();
    const problems = watchPage(page, server.origin);
    await firstVisit(page, `${server.origin}${BASE_PATH}`);
    expect((await cachesOf(page)).map((c) => c.name)).toEqual([v1.cacheName]);

    server.serveFrom(second);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(true);
    expect((await cachesOf(page)).map((c) => c.name)).toEqual([v1.cacheName, v2.cacheName].sort());
    expect(problems).toEqual([]);
    await page.close(); // the last page of the old build

    // Watch from a page outside the site's scope (the host's 404), which no service worker controls.
    const outside = await context.newPage();
    await outside.goto(`${server.origin}/outside-the-site`);
    // (The browser activates the waiting worker when it notices the last client gone: seconds on a loaded machine.)
    await expect.poll(async () => (await cachesOf(outside)).map((c) => c.name), { timeout: 30_000 }).toEqual([v2.cacheName]);
    const next = await context.newPage();
    const nextProblems = watchPage(next, server.origin);
    const response = await next.goto(`${server.origin}${BASE_PATH}`);
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await response?.text()).toContain('<!-- second build -->');
    expect(nextProblems).toEqual([]);
  } finally {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
