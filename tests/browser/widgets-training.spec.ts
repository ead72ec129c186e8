import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

/**
 * The training widgets on the built lesson page — relu-vs-tanh, dropout-overfit, unit-ablation: they load lazily,
 * do not train until asked, Train/Pause update the chart and the summary with finite numbers, a diverging learning
 * rate stops them with the shared message, and Reset recovers.
 */
const LESSON = 'lessons/rectifiers-and-dropout/';
const DIVERGED = 'Training diverged — lower the learning rate, then press Reset.';

async function openWidget(page: Page, name: string): Promise<Locator> {
  await page.goto(LESSON);
  const widget = page.locator(`[data-widget="${name}"]`).first();
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-widget-state', 'ready');
  await expect(widget.locator('[data-role="plot"] svg').first()).toBeVisible();
  return widget;
}

async function expectNoNonFiniteText(widget: Locator): Promise<void> {
  const svgs = await widget.locator('svg').evaluateAll((els) => els.map((el) => el.outerHTML));
  expect(svgs.length).toBeGreaterThan(0);
  for (const svg of svgs) expect(svg).not.toMatch(/NaN|Infinity/);
  await expect(widget.locator('[data-role="summary"]')).not.toContainText(/NaN|Infinity/);
  await expect(widget.locator('[data-role="status"]')).not.toContainText(/NaN|Infinity/);
}

async function trainBriefly(page: Page, widget: Locator, ms: number): Promise<void> {
  const play = widget.locator('[data-role="play"]');
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(ms);
  if ((await play.getAttribute('aria-pressed')) === 'true') await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'false');
}

async function divergeAndRecover(widget: Locator): Promise<void> {
  const status = widget.locator('[data-role="status"]');
  const play = widget.locator('[data-role="play"]');
  const lr = widget.getByLabel('Learning rate');
  await lr.fill('20');
  await lr.press('Enter');
  await play.click();
  await expect(status).toHaveText(DIVERGED);
  await expect(play).toBeDisabled();
  await expect(widget.locator('[data-role="step"]')).toBeDisabled();
  await expectNoNonFiniteText(widget);
  await widget.locator('[data-role="reset"]').click();
  await expect(play).toBeEnabled();
  await expect(status).not.toHaveText(DIVERGED);
  await lr.fill('0.1');
  await lr.press('Enter');
  await expect(lr).toHaveValue('0.1');
  await widget.locator('[data-role="step"]').click();
  await expect(status).toContainText(/step [1-9]/);
  await expectNoNonFiniteText(widget);
}

const settle = (page: Page) => page.waitForLoadState('networkidle');

test('relu-vs-tanh: waits for Train, races both nets, states the step counts; diverges at lr 20 and recovers', async ({ page }) => {
  const widget = await openWidget(page, 'relu-vs-tanh');
  const summary = widget.locator('[data-role="summary"]');
  // The page opens on the finished race drawn at build time; nothing trains until asked.
  await expect(widget).toHaveAttribute('data-figure', 'built');
  await expect(summary).toContainText(/ReLU reached 10% training error in [\d,]+ steps, tanh in [\d,]+/);
  const built = await summary.textContent();
  await page.waitForTimeout(300);
  await expect(summary).toHaveText(built!); // no autoplay
  await expect(widget.locator('[data-role="status"]')).toContainText('drawn when the page was built');

  await trainBriefly(page, widget, 400);
  await expect(summary).toContainText(/After [\d,]+ steps: ReLU \d+\.\d%, tanh \d+\.\d%/);
  await expect(widget).toHaveAttribute('data-figure', 'live');
  await expect(widget.locator('svg[aria-label^="Training error of the ReLU and tanh"]')).toBeVisible();
  await expectNoNonFiniteText(widget);

  // Run to the end: the verdict is computed from the run (steps for each, and the ratio).
  await widget.locator('[data-role="play"]').click();
  await expect(widget.locator('[data-role="status"]')).toContainText('finished', { timeout: 30_000 });
  await expect(summary).toContainText(/ReLU reached 10% training error in [\d,]+ steps, tanh in [\d,]+: (ReLU|tanh) was \d+\.\d× faster/);
  await expectNoNonFiniteText(widget);

  await divergeAndRecover(widget);
  await settle(page);
});

test('relu-vs-tanh refuses bad input next to the control and works from the keyboard', async ({ page }) => {
  const widget = await openWidget(page, 'relu-vs-tanh');
  // Keyboard: Step with Enter, Train and Pause with Space.
  await widget.locator('[data-role="step"]').focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('[data-role="status"]')).toContainText(/step [1-9]/);
  const play = widget.locator('[data-role="play"]');
  await play.focus();
  await page.keyboard.press('Space');
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  await widget.locator('[data-role="reset"]').click();

  const target = widget.getByLabel('Target training error (%)');
  await target.fill('70');
  await target.press('Enter');
  await expect(widget.locator('[data-role="summary"]')).toContainText('race them to 10%');
  await expect(widget.locator('#relu-vs-tanh-targetError-error')).toContainText('targetError must be a number from 1 to 50');
  await expect(target).toHaveAttribute('aria-invalid', 'true');
  await expect(widget.locator('[data-role="summary"]')).toContainText('race them to 10%');
  await expectNoNonFiniteText(widget);
  await settle(page);
});

test('dropout-overfit: trains both nets, draws losses and decision maps, states errors and the gap; diverges and recovers', async ({ page }) => {
  const widget = await openWidget(page, 'dropout-overfit');
  const summary = widget.locator('[data-role="summary"]');
  await expect(summary).toContainText('Before training');
  await expect(widget.locator('svg[aria-label^="Decision regions"]')).toHaveCount(2);

  await trainBriefly(page, widget, 700);
  await expect(summary).toContainText(/After [\d,]+ steps, without dropout: training error \d+\.\d%, test error \d+\.\d% \(gap \d+\.\d points\), test loss \d\.\d\d; with dropout p = 0\.5/);
  await expect(widget.locator('svg[aria-label^="Training and test loss"]')).toHaveCount(2);
  await expectNoNonFiniteText(widget);

  await widget.getByLabel('Dataset').selectOption('circles');
  await expect(summary).toContainText('two-circles points');
  await expect(summary).toContainText('Before training');
  await divergeAndRecover(widget);
  await settle(page);
});

test('unit-ablation: trains, then silences every unit; the summary reports the measured knock-out costs', async ({ page }) => {
  const widget = await openWidget(page, 'unit-ablation');
  const summary = widget.locator('[data-role="summary"]');
  await expect(summary).toContainText('Press Train');

  await trainBriefly(page, widget, 300);
  await expect(summary).toContainText(/Training: step [\d,]+ of 3,000; training loss \d\.\d\d without dropout|Knock-outs measured|test accuracy/);
  await expectNoNonFiniteText(widget);

  await widget.locator('[data-role="play"]').click();
  await expect(widget.locator('[data-role="status"]')).toContainText('finished', { timeout: 45_000 });
  await expect(widget.locator('svg[aria-label^="Accuracy lost when each unit of hidden layer"]')).toHaveCount(2);
  await expect(summary).toContainText(/Without dropout \(test accuracy \d+\.\d%\) — hidden layer 1: /);
  await expect(summary).toContainText(/Mean absolute correlation between the units' activations/);
  await expectNoNonFiniteText(widget);

  await divergeAndRecover(widget);
  await settle(page);
});

test('training widgets under reduced motion still finish and draw', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const widget = await openWidget(page, 'relu-vs-tanh');
  await widget.locator('[data-role="play"]').click();
  await expect(widget.locator('[data-role="status"]')).toContainText('finished', { timeout: 30_000 });
  await expect(widget.locator('[data-role="summary"]')).toContainText(/ReLU reached 10% training error/);
  await expectNoNonFiniteText(widget);
  await settle(page);
});
