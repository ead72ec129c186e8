import { test, expect } from './fixtures.ts';

test('home page lists the lesson from the content collection', async ({ page, problems }) => {
  await page.goto('./');
  const link = page.getByRole('link', { name: /Rectifiers and Dropout/ }).first();
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/rectifiers-and-dropout\/lessons\/rectifiers-and-dropout\/$/);
  expect(problems).toEqual([]);
});

test('lesson page renders math at build time and the ReLU widget draws from the engine', async ({ page, problems }) => {
  await page.goto('lessons/rectifiers-and-dropout/');
  // KaTeX HTML is in the served page itself (build-time rendering), and no KaTeX script is loaded.
  const html = await (await page.request.get('lessons/rectifiers-and-dropout/')).text();
  expect(html).toContain('class="katex"');
  expect(html).toContain('class="katex-display"');
  await expect(page.locator('.katex').first()).toBeVisible();
  const scripts = await page.locator('script[src]').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
  expect(scripts.some((src) => /katex/i.test(src))).toBe(false);

  const widget = page.locator('[data-widget="relu-curve"]');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-widget-state', 'ready');
  const svg = widget.locator('[data-role="plot"] svg').first();
  await expect(svg).toBeVisible();
  expect(await svg.locator('path').count()).toBeGreaterThan(1);

  // The probe follows the slider, with values computed by the engine's relu.
  const slider = widget.getByLabel('Input x');
  await slider.fill('-2');
  await expect(widget.locator('[data-role="readout"]')).toHaveText('x = -2: ReLU(x) = 0, ReLU′(x) = 0');
  await slider.fill('3');
  await expect(widget.locator('[data-role="readout"]')).toHaveText('x = 3: ReLU(x) = 3, ReLU′(x) = 1');
  expect(problems).toEqual([]);
});
