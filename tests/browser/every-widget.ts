import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { deckShape, drawVisibleWidgets, settle } from './quality-helpers.ts';
import { firstStepOf } from '../../src/deck/position.ts';

/**
 * Bring every widget of a page into view and wait until each is drawn, so every lazily imported chunk (and
 * worker) is requested. On a scrolling page each widget is scrolled to. On a deck (slide or presenter view)
 * each slide is shown with all its steps, or with `everyStep` each position of the deck (every step of every
 * slide, where a step may bring in or set up a widget). Returns how many widget views were drawn.
 */
export async function drawEveryWidget(page: Page, { everyStep = false } = {}): Promise<number> {
  let drawn = 0;
  if ((await page.locator('[data-deck-stage]').count()) === 0) {
    drawn = await drawVisibleWidgets(page.locator('body'), { scroll: true });
  } else {
    const current = page.locator('[data-deck-stage] [data-slide][data-current]');
    for (const [slide, steps] of (await deckShape(page)).entries()) {
      for (let step = everyStep ? firstStepOf(steps) : steps; step <= steps; step++) {
        const hash = `#/${slide + 1}/${step}`;
        await page.evaluate((h) => (location.hash = h), hash);
        await expect.poll(() => page.evaluate(() => location.hash)).toBe(hash);
        await expect(current.locator('[data-step]').filter({ visible: true })).toHaveCount(step);
        drawn += await drawVisibleWidgets(current);
      }
    }
  }
  await settle(page);
  return drawn;
}
