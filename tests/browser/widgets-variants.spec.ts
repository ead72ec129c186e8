import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { SLIDES } from './deck-helpers.ts';

/**
 * Why the ReLU variants exist (issue 12): the variants race and the deep layer statistics on the built site. Both
 * draw, respond to every control and keep their numbers finite; the race trains to the end and states what it
 * measured; layer-stats goes to 24 layers, adds the variants, changes the initialisation and scans the depths; on a
 * slide each shows one chart at a time, and changing which does not restart anything.
 */
const LESSON = 'lessons/rectifiers-and-dropout/';

async function open(page: Page, name: string, query = ''): Promise<Locator> {
  await page.goto(`${LESSON}${query}`);
  const widget = page.locator(`[data-widget="${name}"]`).first();
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-widget-state', 'ready');
  return widget;
}

async function finite(widget: Locator): Promise<void> {
  for (const svg of await widget.locator('svg').evaluateAll((els) => els.map((el) => el.outerHTML))) expect(svg).not.toMatch(/NaN|Infinity/);
  await expect(widget.locator('[data-role="summary"]')).not.toContainText(/NaN|Infinity/);
}

const chartNames = (widget: Locator) => widget.locator('[data-role="plot"] svg[aria-label]').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
const settle = (page: Page) => page.waitForLoadState('networkidle');

test('variants race: trains every lane to the end, states the verdict from its numbers; Stress and the lane toggles restart it', async ({ page }) => {
  test.setTimeout(120_000);
  const race = await open(page, 'variants-race', '?seeds=1');
  const play = race.locator('[data-role="play"]');
  await play.click();
  await expect(play).toHaveText('Train', { timeout: 60_000 }); // finished
  await expect(race.locator('[data-role="status"]')).toContainText('Step 600 of 600');
  await expect(race.locator('[data-role="verdict"]')).toContainText(/After 600 steps, .*ReLU has \d+% of its hidden units inactive/);
  await expect(race.locator('[data-role="verdict"]')).toContainText('one seed');
  expect(await chartNames(race)).toHaveLength(3);
  for (const name of ['ReLU', 'Leaky ReLU', 'PReLU', 'RReLU', 'ELU', 'tanh']) await expect(race.locator('svg').first()).toContainText(name);
  await finite(race);

  await race.getByLabel('Stress').check();
  await expect(race.locator('[data-role="status"]')).toContainText('Step 0');
  await race.getByLabel('ELU', { exact: true }).uncheck();
  await race.locator('[data-role="step"]').click();
  await race.locator('[data-role="step"]').click();
  await expect(race.locator('svg').first()).not.toContainText('ELU');
  await expect(race.locator('[data-role="summary"]')).toContainText('under stress: learning rate 0.3');
  await finite(race);
  await settle(page);
});

test('variants race on a slide: one chart at a time, and switching it keeps the run', async ({ page }) => {
  await page.goto(`${SLIDES}?seeds=1#/3/4`);
  const race = page.locator('[data-widget="variants-race"]');
  await expect(race).toHaveAttribute('data-widget-state', 'ready');
  await race.locator('[data-role="step"]').click();
  await race.locator('[data-role="step"]').click();
  const status = await race.locator('[data-role="status"]').textContent();
  expect(await chartNames(race)).toEqual(['Fraction of hidden units inactive on every training example, per activation']);
  await race.getByLabel('Chart').selectOption('means');
  await expect.poll(() => chartNames(race)).toEqual(['Mean activation of each hidden layer, per activation']);
  await expect(race.locator('[data-role="status"]')).toHaveText(status!);
  await settle(page);
});

test('layer-stats: 20 layers, the variants, each initialisation and the depth scan', async ({ page }) => {
  test.setTimeout(120_000);
  const stats = await open(page, 'layer-stats', '?depth=20&variants=true&sigmoid=true');
  await expect(stats).not.toHaveAttribute('data-busy', 'true', { timeout: 60_000 });
  await expect.poll(() => chartNames(stats)).toEqual([
    'Gradient norm per hidden layer',
    'Fraction of exact zeros per hidden layer',
    "Histogram of hidden layer 1's activations",
    'First-layer gradient as a fraction of the last layer’s, against depth',
  ]);
  const summary = stats.locator('[data-role="summary"]');
  await expect(summary).toContainText('20 hidden layers');
  for (const name of ['Leaky ReLU', 'PReLU', 'ELU', 'sigmoid']) await expect(summary).toContainText(name);
  // The depth scan: sigmoid's gradient vanishes within 24 layers; ReLU's (He init) does not.
  await expect(summary).toContainText(/sigmoid with Xavier init: from \d+ hidden layers/, { timeout: 60_000 });
  await expect(summary).toContainText(/ReLU with He init: not within 24/);
  await stats.getByLabel('Initialisation').selectOption('small');
  await expect(summary).toContainText(/tanh with small \(σ = 0\.01\) init: from \d+ hidden layers/, { timeout: 60_000 });
  await stats.getByLabel('Hidden layers').fill('24');
  await expect(summary).toContainText('24 hidden layers', { timeout: 30_000 });
  await finite(stats);
  await settle(page);
});

test('layer-stats on a slide: one chart, the depth scan among them', async ({ page }) => {
  await page.goto(`${SLIDES}?depth=12#/2/2`);
  const stats = page.locator('[data-widget="layer-stats"]');
  await expect(stats).toHaveAttribute('data-widget-state', 'ready');
  await expect.poll(() => chartNames(stats)).toEqual(['Gradient norm per hidden layer']);
  await stats.getByLabel('Chart').selectOption('vanishing');
  await expect.poll(() => chartNames(stats)).toEqual(['First-layer gradient as a fraction of the last layer’s, against depth']);
  await expect(stats.locator('svg')).toContainText('10⁻⁶', { timeout: 30_000 });
  await expect(stats.locator('svg').first()).toContainText('tanh', { timeout: 30_000 });
  await settle(page);
});
