import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

/**
 * The dropout widgets and figure on the built lesson page: the static Figure 1 redraw, dropout-mask (two
 * instances), inverted-dropout and the p-sweep. Each loads lazily, draws SVG from the engine, follows its
 * controls, and never writes NaN or Infinity.
 */
const LESSON = 'lessons/rectifiers-and-dropout/';
const DIVERGED = 'Training diverged — lower the learning rate, then press Reset.';

async function openWidget(page: Page, selector: string): Promise<Locator> {
  await page.goto(LESSON);
  const widget = page.locator(selector).first();
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

test('Figure 1 redraw is a static, accessible SVG with crossed units, drawn for the width it has', async ({ page }) => {
  await page.goto(LESSON);
  const figure = page.locator('figure.thinned-net-figure');
  await expect(figure).toHaveCount(1);
  // Two drawings of the same masks: the panels side by side where the figure is wide, stacked on a phone; one shows.
  const shown = figure.locator('svg[role="img"]:visible');
  await expect(shown).toHaveCount(1);
  await expect(shown).toHaveClass(/thinned-net-svg--wide/);
  await expect(shown).toHaveAttribute('aria-label', /standard neural net/i);
  expect(await shown.locator('.panel-thinned [data-dropped="true"]').count()).toBeGreaterThan(0);
  await expect(figure.locator('figcaption')).toContainText('Redrawn after Srivastava et al. 2014, Fig. 1.');
  expect(await figure.locator('[data-widget]').count()).toBe(0);
  const crossed = (layout: string) => figure.locator(`.thinned-net-svg--${layout} .panel-thinned [data-dropped="true"]`).evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-layer')}:${g.getAttribute('data-unit')}`).join());
  expect(await crossed('narrow')).toBe(await crossed('wide'));

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(shown).toHaveCount(1);
  await expect(shown).toHaveClass(/thinned-net-svg--narrow/);
});

test('dropout-mask: p changes the counts, resample changes the mask, samples differ, backprop highlights edges', async ({ page }) => {
  const widget = await openWidget(page, '#dropout-mask');
  const summary = widget.locator('[data-role="summary"]');
  await expect(summary).toContainText('Sample 1 of 4 (seed 1, resample 0)');
  await expect(summary).toContainText('expected 2.5 at p = 0.5');

  const p = widget.getByLabel('Hidden drop probability p');
  await p.fill('0.8');
  await expect(summary).toContainText('expected 1 at p = 0.8');
  await expect(widget.locator('[data-role="counts"] li').nth(1)).toContainText('expected 1 at p = 0.8');

  const masksOf = () => widget.locator('g[data-sample] rect[data-kept]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kept')).join(','));
  const before = await masksOf();
  await widget.getByRole('button', { name: 'Resample masks' }).click();
  await expect(summary).toContainText('resample 1');
  expect(await masksOf()).not.toBe(before);

  await widget.getByLabel('Sample of the mini-batch').selectOption('3');
  await expect(summary).toContainText('Sample 3 of 4');
  await expect(widget.locator('g[data-sample="3"]')).toHaveAttribute('data-selected', 'true');

  await expect(widget.locator('.gradient-edges line')).toHaveCount(0);
  await widget.getByLabel(/Show where gradients flow/).check();
  await expect(summary).toContainText(/Backpropagation for sample 3: \d+ of 55 weights/);

  await widget.getByLabel('Dropout on the hidden layers').uncheck();
  await expect(summary).toContainText('hidden layer 1: dropout off, all 5 units kept');

  // The second instance on the page shares the parameters and shows the same state.
  const second = page.locator('#dropout-mask-batch');
  await second.scrollIntoViewIfNeeded();
  await expect(second).toHaveAttribute('data-widget-state', 'ready');
  await expect(second.locator('[data-role="summary"]')).toContainText('Sample 3 of 4');

  // Bad input is refused next to the control.
  const seed = widget.getByLabel('Random seed');
  await seed.fill('-5');
  await seed.press('Enter');
  await expect(widget.locator(`#dropout-mask-seed-error`)).toContainText('seed must be a whole number');
  await expectNoNonFiniteText(widget);
});

test('inverted-dropout: 100 masks bring the running mean near h; the conventions follow p', async ({ page }) => {
  const widget = await openWidget(page, '[data-widget="inverted-dropout"]');
  const summary = widget.locator('[data-role="summary"]');
  await expect(summary).toContainText('No masks drawn yet');
  await widget.getByRole('button', { name: 'Draw 100 masks' }).click();
  await expect(summary).toContainText('After 100 masks', { timeout: 10_000 });
  const within = Number((await summary.textContent())?.match(/; (\d) of 6 lie within/)?.[1]);
  expect(within).toBeGreaterThanOrEqual(4);
  // The running means are within 2.5 std of h (std of the mean = h·√(p/((1 − p)·N)) = h/10 here).
  const hs = (await widget.locator('[data-role="plot"] g[data-unit] text[data-value="h"]').allTextContents()).map(Number);
  const means = (await widget.locator('[data-role="plot"] g[data-unit] text[data-value="mean"]').allTextContents()).map(Number);
  expect(hs).toHaveLength(6);
  hs.forEach((h, i) => expect(Math.abs(means[i] - h)).toBeLessThanOrEqual(0.3 * h + 0.01));

  const rows = widget.locator('[data-role="conventions"] tbody tr');
  await expect(rows.nth(2)).toHaveAttribute('data-matches', 'true'); // ConvNetJS is right at p = 0.5 only
  await widget.getByLabel('Drop probability p').fill('0.2');
  await expect(rows.nth(2)).toHaveAttribute('data-matches', 'false');
  await expect(rows.nth(2).locator('td').nth(2)).toHaveText('0.2·h');
  await expect(rows.nth(1).locator('td').nth(2)).toHaveText('0.8·h');
  await expect(summary).toContainText('After 100 masks');
  await widget.getByRole('button', { name: 'Start over' }).click();
  await expect(summary).toContainText('No masks drawn yet');
  await expectNoNonFiniteText(widget);
});

test('p-sweep: waits for Train, trains a little with finite numbers, diverges at lr 20 and recovers', async ({ page }) => {
  const widget = await openWidget(page, '[data-widget="p-sweep"]');
  const status = widget.locator('[data-role="status"]');
  const play = widget.locator('[data-role="play"]');
  await expect(widget.locator('[data-role="summary"]')).toContainText('No nets trained yet');
  await page.waitForTimeout(300);
  await expect(status).toContainText('Net 1 of 9 (p = 0) · step 0 of'); // no autoplay

  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  await expect(status).toContainText(/step [1-9]\d* of/);
  await page.waitForTimeout(800);
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  await expect(status).toContainText(/% of the sweep/);
  await expectNoNonFiniteText(widget);

  const lr = widget.getByLabel('Learning rate');
  await lr.fill('20');
  await lr.press('Enter');
  await play.click();
  await expect(status).toHaveText(DIVERGED, { timeout: 15_000 });
  await expect(play).toBeDisabled();
  await expectNoNonFiniteText(widget);
  await widget.locator('[data-role="reset"]').click();
  await expect(play).toBeEnabled();
  await lr.fill('0.1');
  await lr.press('Enter');
  await widget.locator('[data-role="step"]').click();
  await expect(status).toContainText(/step [1-9]\d* of/);
  await expectNoNonFiniteText(widget);
});

test.describe('with prefers-reduced-motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('inverted-dropout shows the final state of a draw at once (no animation loop)', async ({ page }) => {
    const widget = await openWidget(page, '[data-widget="inverted-dropout"]');
    const summary = widget.locator('[data-role="summary"]');
    await widget.getByRole('button', { name: 'Draw 100 masks' }).click();
    // Synchronously after the click: the store change redraws with all 100 masks.
    expect(await summary.textContent()).toContain('After 100 masks');
    await expect(widget.locator('[data-role="value-masks"]')).toHaveText('100 masks drawn');
    await expectNoNonFiniteText(widget);
  });
});
