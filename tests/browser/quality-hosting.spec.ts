import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { watchPage } from './fixtures.ts';
import { drawEveryWidget } from './every-widget.ts';
import { buildSite, type Build } from '../hosting/build-site.ts';
import { buildFiles, crawlBuild } from '../hosting/crawl.ts';
import { policiesIn, policyProblems } from '../hosting/csp.ts';
import { serveStatic } from '../hosting/static-server.ts';

/**
 * Static hosting at any base path: the site is built at the domain root and under a deep sub-path (each into
 * its own dist-hosting-* folder, removed afterwards) and served by a plain static host. For each build: a
 * crawl over the files reaches every file and finds no broken or foreign reference; every page carries a strict
 * Content-Security-Policy; and Chromium loads every page with every widget drawn, without a failed request, an
 * error or another origin.
 */
interface HostedSite extends Build {
  origin: string;
  pages: string[];
}

/** Builds and serves the site at a base path on first use in a worker; removed when the worker ends. */
const test = base.extend<object, { hostedAt: (base: string) => Promise<HostedSite> }>({
  hostedAt: [
    async ({}, use) => {
      const sites = new Map<string, Promise<HostedSite>>();
      const closers: Array<() => Promise<void>> = [];
      async function host(hostBase: string): Promise<HostedSite> {
        const build = buildSite(hostBase);
        const server = await serveStatic(build.outDir, hostBase);
        closers.push(async () => {
          await server.close();
          build.remove();
        });
        const pages = buildFiles(build.outDir).filter((f) => f.endsWith('.html') && f !== '404.html');
        return { ...build, origin: server.origin, pages };
      }
      await use((hostBase) => {
        if (!sites.has(hostBase)) sites.set(hostBase, host(hostBase));
        return sites.get(hostBase)!;
      });
      for (const close of closers) await close();
    },
    { scope: 'worker' },
  ],
});

test.use({ reducedMotion: 'reduce' });
// Both builds in one worker, one after the other: two Astro builds at once share the content store.
test.describe.configure({ mode: 'default' });

for (const hostBase of ['/', '/some/deep/path/']) {
  test.describe(`hosted at ${hostBase}`, () => {
    let site: HostedSite;
    test.beforeAll(async ({ hostedAt }) => {
      test.setTimeout(120_000); // the build
      site = await hostedAt(hostBase);
    });

    test('a crawl from every page reaches every built file, with no broken or foreign reference', () => {
      const crawl = crawlBuild(site.outDir, hostBase);
      expect(crawl.broken, 'references that resolve to no file').toEqual([]);
      expect(crawl.foreign, 'resources on another origin').toEqual([]);
      const unreached = buildFiles(site.outDir).filter((file) => !crawl.reached.has(file));
      expect(unreached, 'built files nothing refers to (is the crawler missing a kind of reference?)').toEqual([]);
      expect(site.pages.length).toBeGreaterThanOrEqual(4);
    });

    test('every page has one strict Content-Security-Policy, before any script or stylesheet', () => {
      for (const page of site.pages) {
        const { policies, first } = policiesIn(readFileSync(join(site.outDir, page), 'utf8'));
        expect(policies, page).toHaveLength(1);
        expect(first, `${page}: the policy must precede scripts and styles to cover them`).toBe(true);
        expect(policyProblems(policies[0]), page).toEqual([]);
      }
    });

    test('Chromium loads every page and draws every widget with no failed or foreign request', async ({ context }) => {
      test.slow();
      for (const file of site.pages) {
        const path = file.replace(/index\.html$/, '');
        const page = await context.newPage();
        const problems = watchPage(page, site.origin);
        const response = await page.goto(`${site.origin}${hostBase}${path}`);
        expect(response?.status(), path).toBe(200);
        const drawn = await drawEveryWidget(page);
        expect(problems, `/${path}`).toEqual([]);
        if (path.startsWith('lessons/')) expect(drawn, `widgets drawn on /${path}`).toBeGreaterThan(0);
        await page.close();
      }
    });
  });
}
