// Prints one lesson's three documents with Chromium from the built site: the reading view as a handout, the slide
// view one slide per 16:9 page, and the slide view with each slide's speaker notes under it (`slides/?notes`).
// The page sizes are the site's own print CSS (src/styles/print.css, src/deck/deck.css), so a reader's Ctrl+P and
// these files are the same documents.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';

export type PdfKind = 'handout' | 'slides' | 'slides-with-notes';

export const PDF_PATHS: Readonly<Record<PdfKind, (slug: string) => string>> = {
  handout: (slug) => `lessons/${slug}/`,
  slides: (slug) => `lessons/${slug}/slides/`,
  'slides-with-notes': (slug) => `lessons/${slug}/slides/?notes`,
};

/** Waits until the page's fonts are in and every figure on it has been drawn (the build-time one or the live one). */
async function ready(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** The PDF of one view of a lesson, as bytes. `siteUrl` ends with the base path's slash. */
export async function printView(browser: Browser, siteUrl: string, slug: string, kind: PdfKind): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: 'light', reducedMotion: 'reduce' });
  try {
    await page.goto(new URL(PDF_PATHS[kind](slug), siteUrl).href);
    await ready(page);
    await page.emulateMedia({ media: 'print' });
    await ready(page);
    // The page's own @page sizes (1280×720 px per slide); the handout's margins are its own, on A4 paper.
    return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
  } finally {
    await page.close();
  }
}

/** Writes `<dir>/<kind>.pdf` for each kind and returns the files written. */
export async function printLesson(browser: Browser, siteUrl: string, slug: string, dir: string, kinds: readonly PdfKind[] = ['handout', 'slides', 'slides-with-notes']): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const kind of kinds) {
    const bytes = await printView(browser, siteUrl, slug, kind);
    writeFileSync(join(dir, `${kind}.pdf`), bytes);
    out[kind] = bytes;
  }
  return out;
}
