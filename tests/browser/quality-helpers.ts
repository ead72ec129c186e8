import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { OUT_DIR, builtPages, pageKind, widgetsOn, type PageKind } from './site.ts';
import { THEME_STORAGE_KEY } from '../../src/deck/theme.ts';

/**
 * Shared by the quality gates (tests/browser/quality-*.spec.ts): pages and widgets discovered from the build,
 * the two themes, and waits for widgets to be drawn. Nothing here lists today's pages or widgets by hand.
 */
export const THEMES = ['light', 'dark'] as const;
export type ThemeName = (typeof THEMES)[number];

/** Built pages of one kind (home, reading, slides, presenter). */
export function pagesOfKind(kind: PageKind): string[] {
  return builtPages().filter((path) => pageKind(path) === kind);
}

/** One page for every widget in the build, preferring the reading view (all of a lesson on one scrolling page). */
export function pageForEachWidget(): Array<{ widget: string; path: string }> {
  const order: PageKind[] = ['reading', 'other', 'home', 'slides', 'presenter'];
  const pages = builtPages().sort((a, b) => order.indexOf(pageKind(a)) - order.indexOf(pageKind(b)));
  const found = new Map<string, string>();
  for (const path of pages) for (const widget of widgetsOn(path).keys()) if (!found.has(widget)) found.set(widget, path);
  return [...found].map(([widget, path]) => ({ widget, path })).sort((a, b) => a.widget.localeCompare(b.widget));
}

const parsed = new Map<string, Document>();
/** A built page's HTML as a document (parsed in Node, no scripts run), for finding what its widgets contain. */
export function builtDocument(path: string): Document {
  if (!parsed.has(path)) parsed.set(path, new JSDOM(readFileSync(join(OUT_DIR, path, 'index.html'), 'utf8')).window.document);
  return parsed.get(path)!;
}

/** The widgets (one page each) whose server-rendered shell contains `selector`, e.g. '[data-role="play"]'. */
export function widgetsWith(selector: string): Array<{ widget: string; path: string }> {
  return pageForEachWidget().filter(({ widget, path }) => builtDocument(path).querySelector(`[data-widget="${widget}"] ${selector}`) !== null);
}

/**
 * Show the page in `theme` both ways the site knows: the system colour scheme and the theme toggle's remembered
 * choice (localStorage, key from src/deck/theme.ts). Call before page.goto().
 */
export async function useTheme(page: Page, theme: ThemeName): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [THEME_STORAGE_KEY, theme] as const);
}

/** Two animation frames: layout and any fitting done on the next frame have happened. */
export const nextFrames = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** Wait until `widget` started (data-widget-state="ready") and replaced its text fallback with a drawing. */
export async function expectDrawn(widget: Locator): Promise<void> {
  await expect(widget).toHaveAttribute('data-widget-state', 'ready', { timeout: 15_000 });
  await expect(widget.locator('[data-role="plot"] .widget-fallback')).toHaveCount(0, { timeout: 15_000 });
  // A build-time figure carries a laptop and a phone drawing; the one the width picks is the visible one.
  await expect(widget.locator('[data-role="plot"] svg:visible').first()).toBeVisible();
}

/** Every widget shown in `scope` (scrolled into view first when `scroll`), drawn. Returns how many. */
export async function drawVisibleWidgets(scope: Locator, { scroll = false } = {}): Promise<number> {
  const widgets = await scope.locator('[data-widget]').filter({ visible: true }).all();
  for (const widget of widgets) {
    if (scroll) await widget.scrollIntoViewIfNeeded();
    await expectDrawn(widget);
  }
  return widgets.length;
}

/** The deck's slides in this page and how many steps each has, read from the DOM the deck controller reads. */
export async function deckShape(page: Page): Promise<number[]> {
  return page.locator('[data-deck-stage]').evaluate((stage) =>
    Array.from(stage.querySelectorAll('[data-slide]'))
      .filter((slide) => !slide.parentElement?.closest('[data-slide]'))
      .map((slide) => Array.from(slide.querySelectorAll('[data-step]')).filter((s) => s.closest('[data-slide]') === slide && !s.closest('[data-explain], [data-notes]')).length),
  );
}

/** Go to slide `slide` (0-based) with `step` steps shown, through the URL hash, and wait until the deck shows it. */
export async function showPosition(page: Page, slide: number, step: number): Promise<Locator> {
  const hash = `#/${slide + 1}/${step}`;
  await page.evaluate((h) => (location.hash = h), hash);
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(hash);
  const current = page.locator('[data-deck-stage] [data-slide][data-current]');
  await expect(current.locator('[data-step]').filter({ visible: true })).toHaveCount(step);
  return current;
}

/** Go to slide `slide` (0-based) with all its `steps` shown. */
export const showWholeSlide = (page: Page, slide: number, steps: number) => showPosition(page, slide, steps);

/** Text of every SVG in `scope` (markup included), for checks that nothing non-finite is ever drawn. */
export async function svgMarkup(scope: Locator): Promise<string[]> {
  return scope.locator('svg').evaluateAll((els) => els.map((el) => el.outerHTML));
}

/** Let pending requests (lazy widget code, workers) finish: leaving mid-request counts as a failure. */
export const settle = (page: Page) => page.waitForLoadState('networkidle');
