import { test, expect } from './fixtures.ts';
import { SLIDES, expectAt } from './deck-helpers.ts';

/**
 * Bugs the random-interaction soak (quality-soak.spec.ts) found, each pinned by the shortest sequence that showed it.
 */
test.beforeEach(({ problems }) => {
  expect(problems).toEqual([]); // requesting the fixture makes console errors fail the test
});

test('the slide view\'s skip link moves focus to the controls and keeps the slide', async ({ page }) => {
  await page.goto(`${SLIDES}#/4/2`);
  await expectAt(page, 4, 2);
  await page.locator('.skip-link').focus();
  await page.keyboard.press('Enter');
  await expectAt(page, 4, 2);
  // The controls are next: one Tab reaches the first of them.
  await page.keyboard.press('Tab');
  await expect(page.locator('#deck-controls :focus')).toHaveCount(1);
});
