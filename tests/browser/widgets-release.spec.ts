import type { CDPSession, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { builtPages, pageKind, widgetsOn } from './site.ts';

/**
 * Widgets taken out of the page (as a client-side router or a re-render would) release everything that kept them
 * alive: after their elements leave the DOM and a full garbage collection, no instance of any widget class is left in
 * the JS heap — so no timer, animation frame, observer, store subscription or BroadcastChannel handler still points
 * at one — and no worker is left running. Checked on every reading page of the build, each widget busy first
 * (drawn, and training where it trains).
 */
async function liveInstances(session: CDPSession, tag: string): Promise<number> {
  const group = 'widgets-release';
  try {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const { result: prototype } = await session.send('Runtime.evaluate', { expression: `customElements.get(${JSON.stringify(tag)}).prototype`, objectGroup: group });
    const { objects } = await session.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId!, objectGroup: group });
    const { result } = await session.send('Runtime.callFunctionOn', { objectId: objects.objectId!, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
    return result.value as number;
  } finally {
    await session.send('Runtime.releaseObjectGroup', { objectGroup: group });
  }
}

async function wakeAll(page: Page): Promise<void> {
  for (const widget of await page.locator('[data-widget]').all()) {
    await widget.scrollIntoViewIfNeeded();
    await expect(widget).toHaveAttribute('data-widget-state', 'ready', { timeout: 15_000 });
    const play = widget.locator('[data-role="play"]');
    if ((await play.count()) > 0) await play.click(); // left running: the loop must stop when the widget goes
  }
  await page.waitForLoadState('networkidle'); // lazy code and the workers have loaded
}

const readingPages = () => builtPages().filter((path) => pageKind(path) === 'reading');

test('widgets removed from the page leave no instance, loop, listener or worker behind', async ({ page, problems }) => {
  test.setTimeout(120_000);
  const pages = readingPages();
  expect(pages.length, 'reading pages in the build').toBeGreaterThan(0);
  for (const path of pages) {
    const names = [...widgetsOn(path).keys()];
    await page.goto(path);
    await wakeAll(page);
    const session = await page.context().newCDPSession(page);
    for (const name of names) {
      expect(await liveInstances(session, `w-${name}`), `${path}: live w-${name} before removal`).toBe(widgetsOn(path).get(name));
    }
    expect(page.workers().length, 'the layer-stats worker runs before removal').toBeGreaterThanOrEqual(names.includes('layer-stats') ? 1 : 0);

    // The probe sees a removed element that something still holds…
    const kept = `w-${names[0]}`;
    await page.evaluate((tag) => {
      const el = document.querySelector(tag)!;
      el.remove();
      (window as unknown as { keptWidget?: Element }).keptWidget = el;
    }, kept);
    expect(await liveInstances(session, kept), 'a removed widget still referenced is found').toBe(widgetsOn(path).get(names[0]));
    // …and none once nothing should.
    await page.evaluate(() => {
      delete (window as unknown as { keptWidget?: Element }).keptWidget;
      for (const el of document.querySelectorAll('[data-widget]')) el.remove();
    });
    await page.evaluate(() => new Promise((done) => setTimeout(done, 300))); // pending frames and timers fire (or not)
    for (const name of names) expect(await liveInstances(session, `w-${name}`), `${path}: w-${name} instances after removal`).toBe(0);
    await expect.poll(() => page.workers().length, { message: 'workers after removal' }).toBe(0);
    await session.detach();
  }
  expect(problems).toEqual([]);
});
