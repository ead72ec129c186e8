import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Shared by the deck's browser tests (tests/browser/deck*.spec.ts): the lesson as the MDX defines it, and locators. */
export const LESSON = 'lessons/rectifiers-and-dropout/';
export const SLIDES = `${LESSON}slides/`;
export const PRESENTER = `${LESSON}presenter/`;

export interface SlideSource {
  title: string;
  steps: number;
  notes: number;
}

/**
 * The slides as the MDX defines them, read with a small parser: <TitleSlide /> is a slide without
 * steps titled by the frontmatter; a <Slide>'s title is its first `## Heading`.
 */
function slidesFromMdx(): SlideSource[] {
  const raw = readFileSync('content/rectifiers-and-dropout.mdx', 'utf8');
  const lessonTitle = /^title:\s*['"]?(.+?)['"]?\s*$/m.exec(raw)?.[1] ?? '';
  const source = raw.replace(/^---[\s\S]*?\n---\n/, '');
  const slides: SlideSource[] = [];
  let open: SlideSource | null = null;
  for (const [token] of source.matchAll(/<TitleSlide\b[^>]*\/>|<\/?Slide\b[^>]*>|<Step\b[^>]*>|<Notes\b[^>]*>|^##[ \t]+.+$/gm)) {
    if (token.startsWith('<TitleSlide')) slides.push({ title: lessonTitle, steps: 0, notes: 0 });
    else if (token.startsWith('</Slide')) open = null;
    else if (token.startsWith('<Slide')) slides.push((open = { title: '', steps: 0, notes: 0 }));
    else if (!open) continue;
    else if (token.startsWith('<Step')) open.steps += 1;
    else if (token.startsWith('<Notes')) open.notes += 1;
    else if (!open.title) open.title = token.replace(/^##\s+/, '').trim();
  }
  return slides;
}
export const MDX = slidesFromMdx();
export const SHAPE = MDX.map((slide) => slide.steps);
/** Titles as the page shows them (markdown quotes become typographic ones). */
export const titlePattern = (title: string) => new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['‘’]/g, "['‘’]")}$`);

export const stage = (page: Page) => page.locator('[data-deck-stage]');
export const currentSlide = (page: Page) => stage(page).locator('[data-slide][data-current]');
export const visibleSteps = (page: Page) => currentSlide(page).locator('[data-step]:visible');
/**
 * The page's hash; null while a navigation replaces the document. (A goto that differs from the page only in its hash
 * can still load a new document: the page's URL mirror may have written the widgets' settings into the query just
 * before, and the browser then finds that the URL differs in more than the hash.)
 */
export const hashOf = (page: Page): Promise<string | null> =>
  page.evaluate(() => location.hash).catch((error: Error) => {
    if (/Execution context was destroyed|navigat/i.test(error.message)) return null;
    throw error;
  });
/** Let pending requests (favicon, lazy widget code) finish: leaving mid-request counts as a failure. */
export const settle = (page: Page) => page.waitForLoadState('networkidle');

export async function expectAt(page: Page, slide: number, step: number): Promise<void> {
  await expect.poll(() => hashOf(page)).toBe(`#/${slide}/${step}`);
  await expect(currentSlide(page)).toHaveCount(1);
  await expect(visibleSteps(page)).toHaveCount(step);
}
