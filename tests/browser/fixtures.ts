import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every browser test gets a page that records console errors, page errors, failed requests and
 * requests to any other origin, and fails the test if any occurred.
 */
export type Problems = string[];

export function watchPage(page: Page, origin: string): Problems {
  const problems: Problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? 'unknown'})`);
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
