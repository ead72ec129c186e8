import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { BUILT_STATUS } from '../../src/widgets/built-figure.ts';

/**
 * The activation widgets on the built lesson page: activation-explorer, layer-stats and prelu-slopes load
 * lazily, draw SVG, follow their controls, refuse bad input and never print NaN or Infinity.
 */
const LESSON = 'lessons/rectifiers-and-dropout/';

async function openWidget(page: Page, name: string, query = ''): Promise<Locator> {
  await page.goto(`${LESSON}${query}`);
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
}

/** Let lazy chunks and the worker finish loading: leaving mid-request counts as a failed request. */
const settle = (page: Page) => page.waitForLoadState('networkidle');

test('activation-explorer: select, parameter sliders, probe, RReLU training mode and lower > upper', async ({ page }) => {
  const widget = await openWidget(page, 'activation-explorer');
  const summary = widget.locator('[data-role="summary"]');
  const readout = widget.locator('[data-role="readout"]');
  await expect(summary).toContainText('ReLU, max(0, x)');
  await expect(widget.getByLabel('ELU α')).toBeHidden();

  await widget.getByLabel('Activation').selectOption('elu');
  await expect(summary).toContainText('ELU with α = 1');
  await expect(summary).toContainText('saturates at −1');
  await expect(widget.getByLabel('ELU α')).toBeVisible();
  await expect(widget.getByLabel('Negative slope')).toBeHidden();
  await widget.getByLabel('ELU α').fill('0.5');
  await expect(summary).toContainText('ELU with α = 0.5');
  await expect(page).toHaveURL(/act=elu/);

  // Keyboard: the probe slider moves with the arrow keys and the readout follows.
  await widget.getByLabel('Probe x').focus();
  await page.keyboard.press('Home');
  await expect(readout).toContainText('x = −4: f(x) = −0.491');
  await page.keyboard.press('ArrowRight');
  await expect(readout).toContainText('x = −3.9');

  await widget.getByLabel('Activation').selectOption('rrelu');
  await expect(summary).toContainText('RReLU in evaluation mode');
  await expect(summary).toContainText('Xu et al. (2015) write y = x/a with a ~ U(3, 8)');
  await widget.getByLabel(/Training mode/).check();
  await expect(summary).toContainText('RReLU in training mode');
  await expect(summary).toContainText('(seed 1)');
  const before = await summary.textContent();
  await widget.getByRole('button', { name: 'Resample slopes' }).click();
  await expect(summary).toContainText('(seed 2)');
  expect(await summary.textContent()).not.toBe(before);
  await expectNoNonFiniteText(widget);

  // lower > upper is refused with a message next to the sliders, and nothing breaks.
  await widget.getByLabel('Lower slope').fill('0.9');
  await expect(widget.locator('[data-role="pair-error"]')).toContainText('RReLU needs lower ≤ upper');
  await expect(widget.getByLabel('Lower slope')).toHaveAttribute('aria-invalid', 'true');
  await expect(summary).toContainText('Only the ReLU reference is drawn');
  await expectNoNonFiniteText(widget);
  await widget.getByLabel('Lower slope').fill('0.1');
  await expect(widget.locator('[data-role="pair-error"]')).toBeEmpty();
  await expect(summary).toContainText('RReLU in training mode');

  // An out-of-range seed is refused next to the control.
  await widget.getByLabel('Random seed').fill('1234567');
  await widget.getByLabel('Random seed').press('Enter');
  await expect(widget.locator(`#activation-explorer-seed-error`)).toContainText('seed must be a whole number');
  await settle(page);
});

test('activation-explorer reads its settings from the URL', async ({ page }) => {
  const widget = await openWidget(page, 'activation-explorer', '?act=elu&alpha=0.5&x=-2');
  await expect(widget.locator('[data-role="summary"]')).toContainText('ELU with α = 0.5');
  await expect(widget.locator('[data-role="readout"]')).toContainText('x = −2');
  await expectNoNonFiniteText(widget);
  await settle(page);
});

test('layer-stats: depth, sigmoid, layer and new sample recompute the statistics', async ({ page }) => {
  const widget = await openWidget(page, 'layer-stats');
  await expect(widget).toHaveAttribute('data-figure', 'live'); // the worker's numbers replaced the build-time drawing
  const summary = widget.locator('[data-role="summary"]');
  await expect(summary).toContainText('He init for ReLU, Xavier init for tanh');
  await expect(summary).toContainText('tanh 0%, 0%');
  await expect(widget.locator('svg[aria-label="Gradient norm per hidden layer"]')).toBeVisible();
  // One histogram chart, one outline per activation.
  await expect(widget.locator('svg[aria-label^="Histogram of"]')).toHaveCount(1);
  await expect(widget.locator('svg[aria-label^="Histogram of"]')).toContainText('tanh');

  await widget.getByLabel('Hidden layers').fill('5');
  await expect(summary).toContainText('5 hidden layers of 32 units');
  await expect(summary).toContainText('layer 1 to 5');
  await widget.getByLabel('Also show sigmoid').check();
  await expect(summary).toContainText('Xavier init for sigmoid');
  await expect(widget.locator('svg[aria-label^="Histogram of"]')).toContainText('sigmoid');
  await widget.getByLabel('Histogram of layer').fill('4');
  await expect(summary).toContainText('Histograms of hidden layer 4');
  await widget.getByRole('button', { name: 'New sample' }).click();
  await expect(summary).toContainText('(seed 2)');
  await expect(widget).not.toHaveAttribute('data-busy', 'true');
  await expectNoNonFiniteText(widget);
  await settle(page);
});

test('prelu-slopes: Step and Train move the slopes; a diverging lr stops with the shared message; Reset recovers', async ({ page }) => {
  const widget = await openWidget(page, 'prelu-slopes');
  const readout = widget.locator('[data-role="readout"]');
  const status = widget.locator('[data-role="status"]');
  const play = widget.locator('[data-role="play"]');
  // The page opens on the finished run drawn at build time; Step starts the live run from step 0.
  await expect(widget).toHaveAttribute('data-figure', 'built');
  await expect(readout).toHaveText(/after 2000 steps$/);
  await expect(status).toHaveText(BUILT_STATUS);

  await widget.getByRole('button', { name: 'Step' }).click();
  // One Step is one short burst of work (about 8 ms: training-run.ts), one or a few SGD steps from step 0.
  await expect(readout).toHaveText(/after [1-9]\d? steps$/);
  await expect(readout).not.toHaveText('a₁ = 0.250, a₂ = 0.250 after 0 steps');
  await expect(widget.locator('[data-role="summary"]')).toContainText(/After \d+ steps the slopes are a₁ = /);

  await play.click();
  await expect(status).toContainText(/step ([3-9]\d|\d{3,}) of 2000/);
  await play.click(); // pause
  await expect(play).toHaveText('Train');
  await expectNoNonFiniteText(widget);

  const lr = widget.getByLabel('Learning rate');
  await lr.fill('20');
  await lr.press('Enter');
  await play.click();
  await expect(status).toHaveText('Training diverged — lower the learning rate, then press Reset.');
  await expect(play).toBeDisabled();
  await expect(widget.locator('[data-role="summary"]')).toContainText('diverged');
  await expectNoNonFiniteText(widget);

  // Reset recovers (with the same lr it would diverge again, so lower it first, as the message says).
  await widget.getByRole('button', { name: 'Reset' }).click();
  await expect(play).toBeEnabled();
  await expect(readout).toHaveText('a₁ = 0.250, a₂ = 0.250 after 0 steps');
  await lr.fill('0.1');
  await lr.press('Enter');
  await widget.getByRole('button', { name: 'Step' }).click();
  await expect(status).toContainText(/step \d+ of 2000/);
  await expect(status).not.toContainText('diverged');
  await expectNoNonFiniteText(widget);
  await settle(page);
});
