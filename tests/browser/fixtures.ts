import { test as base, expect, type Page, type Request } from '@playwright/test';

/**
 * Every browser test gets a page that records console errors, page errors, failed requests and
 * requests to any other origin, and fails the test if any occurred.
 *
 * One kind of failure is not the site's: a request the browser itself cancelled (net::ERR_ABORTED) because the page
 * that made it was left — a reload, a link, back — before it finished (the favicon, fetched after load, is the usual
 * one). Such a request is recognised by a main-frame navigation having started after it, and not counted. Any other
 * failure, and an abort while its page is still there, is.
 */
export type Problems = string[];

export function watchPage(page: Page, origin: string): Problems {
  const problems: Problems = [];
  let navigations = 0;
  const issuedAt = new WeakMap<Request, number>();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? 'unknown';
    const pageLeft = error === 'net::ERR_ABORTED' && navigations > (issuedAt.get(req) ?? navigations);
    if (!pageLeft) problems.push(`request failed: ${req.url()} (${error})`);
  });
  page.on('request', (req) => {
    issuedAt.set(req, navigations);
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) navigations++;
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
  });
  return problems;
}

export const test = base.extend<{ problems: Problems }>({
  problems: async ({ page, baseURL }, use) => {
    const problems = watchPage(page, new URL(baseURL!).origin);
    await use(problems);
    expect(problems, 'console errors, page errors, failed or foreign requests').toEqual([]);
  },
});

export { expect };
