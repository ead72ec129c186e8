import { test, expect, watchPage } from './fixtures.ts';

/**
 * The problem watcher itself: a request the page aborts while it is still open is a problem; a request the browser
 * cancels because the page was reloaded before it finished is not.
 */
test('an abort by a page still open counts; one by leaving the page does not', async ({ page, baseURL }) => {
  const problems = watchPage(page, new URL(baseURL!).origin);
  await page.goto('');
  // A request that never answers, aborted by the page's own code: counted.
  await page.route((url) => url.pathname.endsWith('/never-answers'), () => {});
  await page.evaluate(async () => {
    const controller = new AbortController();
    const pending = fetch('never-answers', { signal: controller.signal }).catch(() => null);
    await new Promise((done) => setTimeout(done, 200));
    controller.abort();
    await pending;
  });
  await expect.poll(() => problems.filter((p) => p.includes('never-answers')).length).toBe(1);
  // The same kind of request left hanging when the page reloads: the browser cancels it; not counted.
  void page.evaluate(() => void fetch('never-answers?reload').catch(() => null));
  await page.waitForRequest((req) => req.url().endsWith('never-answers?reload'));
  await page.reload();
  await page.waitForLoadState('load');
  await page.waitForTimeout(300);
  expect(problems.filter((p) => p.includes('never-answers?reload'))).toEqual([]);
  expect(problems.filter((p) => !p.includes('never-answers'))).toEqual([]);
});
