import type { Page } from '@playwright/test';
import { test, expect, watchPage } from './fixtures.ts';
import { SLIDES, PRESENTER, MDX, SHAPE, titlePattern, stage, currentSlide, settle, expectAt } from './deck-helpers.ts';

/**
 * The presenter view: speaker notes, next-slide preview, clock, and sync with the audience
 * window over BroadcastChannel (positions and widget parameters, both ways).
 */
test.use({ reducedMotion: 'reduce' });
test.beforeEach(({ problems }) => {
  expect(problems).toEqual([]); // requesting the fixture makes console errors fail the test
});

test('notes: hidden on the projector, shown in the presenter view', async ({ page }) => {
  await page.goto(`${SLIDES}#/2/1`);
  await expect(stage(page).locator('[data-notes]')).toHaveCount(MDX.reduce((sum, slide) => sum + slide.notes, 0));
  await expect(stage(page).locator('[data-notes]:visible')).toHaveCount(0);
  await settle(page);
  await page.goto(`${PRESENTER}#/2/1`);
  await expect(stage(page).locator('[data-notes]:visible')).toHaveCount(0);
  const notes = page.getByRole('complementary', { name: 'Presenter tools' }).locator('[data-presenter-notes]');
  const textOf = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
  for (let s = 1; s < MDX.length; s++) {
    if (MDX[s].notes > 0) {
      const source = textOf(await currentSlide(page).locator('[data-notes]').first().textContent());
      await expect(notes).toBeVisible();
      expect(textOf(await notes.textContent())).toContain(source.slice(0, 40));
    } else {
      await expect(notes).toHaveText('No notes for this slide.');
    }
    await page.keyboard.type(String(s + 2));
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('[data-presenter-next-label]')).toHaveText('End of the deck.');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-presenter-next-label]')).toHaveText(`Step 2 of ${SHAPE[1]} on this slide`);
  const preview = page.locator('[data-deck-preview]');
  await expect(preview).toHaveAttribute('inert', '');
  await expect(preview.locator('[data-step][data-shown]')).toHaveCount(2);
  await expect(preview.locator('w-relu-curve, [data-widget]')).toHaveCount(0);
  await expect(preview.locator('[id], [name], [for]')).toHaveCount(0); // no duplicate ids, no shared radio groups
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-presenter-next-label]')).toHaveText(titlePattern(`Slide 3: ${MDX[2].title}`));

  const clock = page.getByRole('region', { name: 'Elapsed' });
  await clock.getByRole('button', { name: 'Start timer' }).click();
  await expect(clock.getByRole('button', { name: 'Pause timer' })).toBeVisible();
  await expect(clock.getByRole('timer')).toHaveText(/^0:0[1-3]$/, { timeout: 4000 });
  await clock.getByRole('button', { name: 'Pause timer' }).click();
  await expect(clock.getByRole('button', { name: 'Resume timer' })).toBeVisible();
  await clock.getByRole('button', { name: 'Reset timer' }).click();
  await expect(clock.getByRole('timer')).toHaveText('0:00');
  await expect(clock.getByRole('button', { name: 'Start timer' })).toBeVisible();
});

test('presenter and audience follow each other, both ways', async ({ page, context, baseURL }) => {
  await page.goto(`${SLIDES}#/3/2`);
  await expectAt(page, 3, 2);
  const presenter = await context.newPage();
  const problems = watchPage(presenter, new URL(baseURL!).origin);
  await presenter.goto(PRESENTER); // no hash: it asks the audience window where it is
  await expectAt(presenter, 3, 2);

  await page.keyboard.press('ArrowRight');
  await expectAt(page, 3, 3);
  await expectAt(presenter, 3, 3);

  await presenter.keyboard.press('ArrowLeft');
  await presenter.keyboard.press('ArrowLeft');
  await expectAt(presenter, 3, 1);
  await expectAt(page, 3, 1);

  await presenter.getByRole('button', { name: 'Next step' }).click();
  await expectAt(page, 3, 2);
  await presenter.keyboard.type('7');
  await presenter.keyboard.press('Enter');
  await expectAt(page, 7, 1);
  await page.keyboard.press('Home');
  await expectAt(presenter, 1, 0);
  await settle(presenter);
  await presenter.close();
  expect(problems).toEqual([]);
});

test('`s` opens the presenter view at the current position', async ({ page, baseURL }) => {
  await page.goto(`${SLIDES}#/4/2`);
  const popupPromise = page.waitForEvent('popup');
  await page.locator('body').press('s');
  const popup = await popupPromise;
  const problems = watchPage(popup, new URL(baseURL!).origin);
  await popup.waitForLoadState();
  expect(new URL(popup.url()).pathname).toMatch(/\/presenter\/$/);
  await expectAt(popup, 4, 2);
  await settle(popup);
  await popup.close();
  expect(problems).toEqual([]);
});

test('a widget parameter moved in the presenter moves on the projector, and back', async ({ page, context, baseURL }) => {
  // Slide 3, step ①: the activation explorer; its probe slider is the page-level parameter x.
  await page.goto(`${SLIDES}#/3/1`);
  const presenter = await context.newPage();
  const problems = watchPage(presenter, new URL(baseURL!).origin);
  await presenter.goto(`${PRESENTER}#/3/1`);
  const slider = (p: Page) => stage(p).locator('w-activation-explorer input[data-param="x"]').first();
  await expect(stage(presenter).locator('w-activation-explorer')).toHaveAttribute('data-widget-state', 'ready');
  await expect(stage(page).locator('w-activation-explorer')).toHaveAttribute('data-widget-state', 'ready');
  await slider(presenter).evaluate((input: HTMLInputElement) => {
    input.value = '-2.5';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(slider(page)).toHaveValue('-2.5');
  // and back the other way
  await slider(page).evaluate((input: HTMLInputElement) => {
    input.value = '3';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(slider(presenter)).toHaveValue('3');
  await settle(presenter);
  await presenter.close();
  expect(problems).toEqual([]);
});

test('a step that brings up an experiment sets it up in both windows', async ({ page, context, baseURL }) => {
  // Slide 3, step ③ (RReLU) shows the explorer of step ① switched to rrelu in training mode.
  await page.goto(`${SLIDES}#/3/2`);
  const presenter = await context.newPage();
  const problems = watchPage(presenter, new URL(baseURL!).origin);
  await presenter.goto(`${PRESENTER}#/3/2`);
  await presenter.keyboard.press('ArrowRight');
  await expectAt(page, 3, 3);
  for (const p of [page, presenter]) {
    const explorer = stage(p).locator('w-activation-explorer');
    await expect(explorer).toBeVisible();
    await expect(explorer.locator('select[data-param="act"]')).toHaveValue('rrelu');
    await expect(explorer.locator('input[data-param="train"]')).toBeChecked();
  }
  await expect(page).toHaveURL(/[?&]act=rrelu/);
  await settle(presenter);
  await presenter.close();
  expect(problems).toEqual([]);
});
