import { test, expect } from './fixtures.ts';
import { LESSON, SLIDES, MDX, SHAPE, stage, settle } from './deck-helpers.ts';

/**
 * The reading view beside the deck, printing and the theme toggle (axe checks every view: quality-a11y.spec.ts).
 */
test.use({ reducedMotion: 'reduce' });
test.beforeEach(({ problems }) => {
  expect(problems).toEqual([]); // requesting the fixture makes console errors fail the test
});

test('reading view: every step, explanations, no notes, links to the deck', async ({ page }) => {
  await page.goto(LESSON);
  const total = SHAPE.reduce((a, b) => a + b, 0);
  await expect(page.locator('main [data-step]')).toHaveCount(total);
  await expect(page.locator('main [data-step]:visible')).toHaveCount(total);
  await expect(page.locator('[data-explain]').first()).toBeVisible();
  const notesInMdx = MDX.reduce((sum, slide) => sum + slide.notes, 0);
  await expect(page.locator('[data-notes]')).toHaveCount(notesInMdx);
  await expect(page.locator('[data-notes]:visible')).toHaveCount(0);
  for (const note of await page.locator('[data-notes]').all()) await expect(note).toHaveAttribute('hidden', '');
  await expect(page.locator('[data-title-slide]')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Present', exact: true })).toHaveAttribute('href', /\/lessons\/rectifiers-and-dropout\/slides\/$/);
  await expect(page.getByRole('link', { name: 'Presenter view' })).toHaveAttribute('href', /\/presenter\/$/);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Table of contents' })).toBeHidden();
  await expect(page.locator('main [data-step]:visible')).toHaveCount(total);
});

test('slide view prints every slide with every step', async ({ page }) => {
  await page.goto(`${SLIDES}#/2/1`);
  await page.emulateMedia({ media: 'print' });
  await expect(stage(page).locator('[data-slide]:visible')).toHaveCount(SHAPE.length);
  await expect(stage(page).locator('[data-step]:visible')).toHaveCount(SHAPE.reduce((a, b) => a + b, 0));
  await expect(page.getByRole('navigation', { name: 'Slide controls' })).toBeHidden();
});

test('the theme toggle follows the system, then remembers the choice', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(LESSON);
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await settle(page);
  await page.goto(`${SLIDES}#/2/1`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await settle(page);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
