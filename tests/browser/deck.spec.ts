import { test, expect, watchPage } from './fixtures.ts';
import { LESSON, SLIDES, MDX, SHAPE, titlePattern, stage, currentSlide, hashOf, settle, expectAt } from './deck-helpers.ts';

/**
 * The projected deck against the built site: a keyboard walk checked against the MDX source,
 * URL round-trips, announcements, overview, help, swipes and lazy widgets.
 */
test.use({ reducedMotion: 'reduce' });
test.beforeEach(({ problems }) => {
  expect(problems).toEqual([]); // requesting the fixture makes console errors fail the test
});

test('the MDX parser finds the lesson: 8 slides, the first without steps', () => {
  expect(SHAPE).toHaveLength(8);
  expect(SHAPE[0]).toBe(0);
  expect(SHAPE.slice(1).every((n) => n > 0)).toBe(true);
  expect(MDX.every((slide) => slide.title.length > 0)).toBe(true);
});

test('walks the whole deck by keyboard, step by step, as the MDX defines it', async ({ page }) => {
  await page.goto(SLIDES);
  await expect(stage(page).locator('[data-slide]')).toHaveCount(SHAPE.length);
  for (let s = 0; s < SHAPE.length; s++) {
    const n = SHAPE[s];
    for (let k = n > 0 ? 1 : 0; k <= n; k++) {
      await expectAt(page, s + 1, k);
      await expect(currentSlide(page).locator('[data-step]')).toHaveCount(n);
      await expect(stage(page).locator('[data-slide]').nth(s)).toHaveAttribute('data-current', '');
      const progress = n > 0 ? `Slide ${s + 1} of ${SHAPE.length}, step ${k} of ${n}` : `Slide ${s + 1} of ${SHAPE.length}`;
      await expect(page.locator('[data-deck-progress]')).toHaveText(progress);
      await page.keyboard.press('ArrowRight');
    }
  }
  // Past the end nothing moves; the "Next" button is disabled.
  await expectAt(page, SHAPE.length, SHAPE[SHAPE.length - 1]);
  await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
  // Back: one build at a time, then the previous slide fully built.
  await page.keyboard.press('Home');
  await expectAt(page, 1, 0);
  await page.keyboard.press('Space');
  await expectAt(page, 2, 1);
  await page.keyboard.press('PageDown');
  await expectAt(page, 2, 2);
  await page.keyboard.press('ArrowDown');
  await expectAt(page, 3, 1);
  await page.keyboard.press('Shift+Space');
  await expectAt(page, 2, 2);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowUp');
  await expectAt(page, 1, 0);
  await page.keyboard.press('End');
  await expectAt(page, SHAPE.length, SHAPE[SHAPE.length - 1]);
  await page.keyboard.press('ArrowLeft');
  await expectAt(page, SHAPE.length - 1, SHAPE[SHAPE.length - 2]);
  // A number then Enter jumps to the start of that slide; out-of-range numbers clamp.
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expectAt(page, 5, 1);
  await page.keyboard.type('99');
  await page.keyboard.press('Enter');
  await expectAt(page, 8, 1);
  // Keys held with a modifier are the browser's.
  await page.keyboard.press('Home');
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Control+End');
  await expectAt(page, 1, 0);
});

test('a widget slider keeps its arrow keys; the deck ignores them there', async ({ page }) => {
  await page.goto(`${SLIDES}#/2/2`);
  const slider = currentSlide(page).locator('input[type="range"]').first();
  await slider.focus();
  const before = await slider.inputValue();
  await page.keyboard.press('ArrowRight');
  await expect(slider).not.toHaveValue(before);
  expect(await hashOf(page)).toBe('#/2/2');
});

test('URLs round-trip: deep links, reloads and hostile hashes', async ({ page, context, baseURL }) => {
  await page.goto(`${SLIDES}#/5/2`);
  await expectAt(page, 5, 2);
  await page.keyboard.press('ArrowRight');
  await expectAt(page, 5, 3);
  await settle(page);
  await page.reload();
  await expectAt(page, 5, 3);
  const other = await context.newPage();
  const problems = watchPage(other, new URL(baseURL!).origin);
  await other.goto(`${SLIDES}#/4/2`); // a deep link opened beside a running deck stays where it points
  await expectAt(other, 4, 2);
  await expectAt(page, 5, 3);
  await settle(other);
  await other.close();
  expect(problems).toEqual([]);

  for (const [hash, slide, step] of [
    ['#/abc', 1, 0],
    ['#/99999999999999/5', 8, 1],
    ['#/3/99', 3, SHAPE[2]],
    ['#/%3Cscript%3Ealert(1)%3C/script%3E', 1, 0],
    ['#/<img src=x onerror=alert(1)>', 1, 0],
    [`#/${'9'.repeat(400)}`, 1, 0],
  ] as const) {
    await page.goto(`${SLIDES}${hash}`);
    await expectAt(page, slide, step);
    await settle(page); // the URL mirror may have put settings in the query: the next goto then loads a new document
  }
  // A heading's anchor from the reading page opens its slide.
  const anchor = await page.locator('[data-slide]').nth(5).locator('h2').getAttribute('id');
  await page.goto(`${SLIDES}#${anchor}`);
  await expectAt(page, 6, 1);
  // Editing the hash by hand navigates; back and forward work without errors.
  await page.evaluate(() => (location.hash = '#/6/2'));
  await expectAt(page, 6, 2);
  await settle(page);
  await page.goto(LESSON);
  await settle(page);
  await page.goBack();
  await expect(stage(page)).toBeVisible();
  await settle(page);
  await page.goForward();
  await expect(page.locator('main#main')).toBeVisible();
});

test('announces slides politely and labels the stage', async ({ page }) => {
  await page.goto(`${SLIDES}#/4/2`);
  await expect(page.getByRole('region', { name: /^Slides: 6\.2 Rectifiers and Dropout/ })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  const announcer = page.locator('[data-deck-announcer]');
  await expect(announcer).toHaveText(titlePattern(`Slide 5 of 8: ${MDX[4].title}`));
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await page.keyboard.press('ArrowRight');
  const secondStep = ((await currentSlide(page).locator('[data-step]').nth(1).textContent()) ?? '').replace(/\s+/g, ' ').trim();
  await expect(announcer).toContainText(`Step 2 of ${SHAPE[4]}: ${secondStep.slice(0, 30)}`);
});

test('on-screen buttons, overview, help and full screen', async ({ page }) => {
  await page.goto(SLIDES);
  await expect(page.getByRole('button', { name: 'Previous step' })).toBeDisabled();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expectAt(page, 2, 1);
  await page.getByRole('button', { name: 'Previous step' }).click();
  await expectAt(page, 1, 0);

  await page.locator('body').press('o');
  const overview = page.getByRole('dialog', { name: 'All slides' });
  await expect(overview).toBeVisible();
  await expect(overview.getByRole('button', { name: /^Slide \d+: / })).toHaveCount(SHAPE.length);
  await expect(overview.locator('w-relu-curve, [data-widget]')).toHaveCount(0); // static copies only
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(overview.getByRole('button', { name: titlePattern(`Slide 3: ${MDX[2].title}`) })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(overview).toBeHidden();
  await expectAt(page, 3, 1);
  await page.locator('body').press('o');
  await expect(overview).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(overview).toBeHidden();
  await expectAt(page, 3, 1);

  await page.locator('body').press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await page.keyboard.press('ArrowRight'); // keys belong to the dialog while it is open
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expectAt(page, 3, 1);

  await page.locator('body').press('f'); // refused or granted, never an error
  await page.keyboard.press('ArrowRight');
  await expectAt(page, 3, 2);
});

test('touch swipes move between steps', async ({ page }) => {
  await page.goto(`${SLIDES}#/3/2`);
  const swipe = (fromX: number, toX: number) =>
    page.evaluate(
      ([a, b]) => {
        const target = document.querySelector('[data-deck-viewport]')!;
        const touch = (x: number) => new Touch({ identifier: 1, target, clientX: x, clientY: 300 });
        target.dispatchEvent(new TouchEvent('touchstart', { touches: [touch(a)], changedTouches: [touch(a)], bubbles: true }));
        target.dispatchEvent(new TouchEvent('touchend', { touches: [], changedTouches: [touch(b)], bubbles: true }));
      },
      [fromX, toX],
    );
  await swipe(600, 300);
  await expectAt(page, 3, 3);
  await swipe(300, 600);
  await swipe(300, 600);
  await expectAt(page, 3, 1);
});

test('widgets wait until their slide and step are shown', async ({ page }) => {
  // layer-stats illustrates step ② of slide 2: hidden slides and earlier steps must not load it.
  await page.goto(`${SLIDES}#/1/0`);
  const widget = stage(page).locator('[data-widget="layer-stats"]');
  const slideOfWidget = 1 + (await stage(page).locator('[data-slide]').evaluateAll((slides) =>
    slides.findIndex((s) => s.querySelector('[data-widget="layer-stats"]'))));
  const stepOfWidget = 1 + (await stage(page).locator('[data-slide]').nth(slideOfWidget - 1).locator('[data-step]').evaluateAll((steps) =>
    steps.findIndex((s) => s.querySelector('[data-widget="layer-stats"]'))));
  expect(stepOfWidget).toBeGreaterThan(1);
  await page.waitForTimeout(300);
  await expect(widget).not.toHaveAttribute('data-widget-state', /.+/);
  await page.keyboard.type(String(slideOfWidget));
  await page.keyboard.press('Enter');
  await expectAt(page, slideOfWidget, 1);
  await page.waitForTimeout(300);
  await expect(widget).not.toHaveAttribute('data-widget-state', /.+/);
  for (let k = 1; k < stepOfWidget; k++) await page.keyboard.press('ArrowRight');
  await expectAt(page, slideOfWidget, stepOfWidget);
  await expect(widget).toBeVisible();
  await expect(widget).toHaveAttribute('data-widget-state', /ready|missing/);
});
