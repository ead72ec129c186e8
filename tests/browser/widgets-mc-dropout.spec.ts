import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { mainThreadTasks, type TraceEvent } from '../../scripts/bench-site/trace.ts';

/**
 * The MC-dropout widget on the built reading page: a stroke drawn with the pointer gets a prediction, a test digit is
 * picked by keyboard, T moves the summary, a trained network offered by a `digits-dropout:trained` event can be used
 * and left, and while T = 200 samples run (predictions and the test-set curve) no main-thread task exceeds 50 ms.
 */
const LESSON = 'lessons/rectifiers-and-dropout/';
test.beforeEach(({ problems }) => {
  expect(problems).toEqual([]); // requesting the fixture makes console errors and failed requests fail the test
});

async function open(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${LESSON}${query}`);
  const widget = page.locator('#mc-dropout');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-widget-state', 'ready', { timeout: 15_000 });
  // The shell carries the default state drawn at build time (figure.ts): wait for the worker's first drawing instead.
  await expect(widget).toHaveAttribute('data-figure', 'live', { timeout: 15_000 });
  await expect(widget.locator('[data-role="plot"] svg[role="img"]')).toBeVisible({ timeout: 15_000 });
  return widget;
}

/** A "7" drawn on the pad with the mouse: a bar across the top, then down to the left. */
async function drawSeven(page: Page, widget: Locator, shift = 0): Promise<void> {
  const pad = widget.locator('[data-role="pad"]');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const at = (x: number, y: number) => [box.x + box.width * (x + shift), box.y + box.height * y] as const;
  await page.mouse.move(...at(0.25, 0.2));
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(...at(0.25 + 0.06 * i, 0.2));
  for (let i = 1; i <= 10; i++) await page.mouse.move(...at(0.73 - 0.03 * i, 0.2 + 0.065 * i));
  await page.mouse.up();
}

/** A small 784-16-10 network with fixed pseudo-random weights, sent as digits-dropout would send its trained one. */
const offerTrainedNetwork = (page: Page) => page.evaluate(() => {
  let s = 7;
  const next = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 0.2;
  const layer = (n: number, m: number) => ({ W: Float64Array.from({ length: n * m }, next), b: new Float64Array(m) });
  document.dispatchEvent(new CustomEvent('digits-dropout:trained', { detail: { label: 'your dropout network', sizes: [784, 16, 10], weights: [layer(784, 16), layer(16, 10)], dropout: { input: 0.2, hidden: [0.5] }, testError: 0.0695 } }));
});

const inkOf = (canvas: Locator) => canvas.evaluate((c: HTMLCanvasElement) => {
  const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
  let sum = 0;
  for (let i = 3; i < data.length; i += 4) sum += data[i];
  return sum;
});

test('a stroke drawn with the pointer gets a prediction; undo and clear empty the pad with a message', async ({ page }) => {
  const widget = await open(page);
  const summary = widget.locator('[data-role="summary"]'), status = widget.locator('[data-role="status"]');
  await drawSeven(page, widget);
  await expect(summary).toContainText('Input: your drawing (1 stroke).');
  await expect(summary).toContainText(/Scaled network: \d at \d+%\. Mean of 50 thinned networks: \d at \d+%/);
  await expect(status).toContainText(/^The scaled network says \d; the average of 50 thinned networks says \d/);
  await expect(widget).toHaveAttribute('data-prediction-ms', /^\d+$/);
  const networkMs = Number(await widget.getAttribute('data-network-ms'));
  test.info().annotations.push({ type: 'measured', description: `network ready ${networkMs} ms after the widget started; end of stroke → prediction ${await widget.getAttribute('data-prediction-ms')} ms at T = 50` });
  expect(networkMs, 'the network is ready within 2 s of the widget starting').toBeLessThan(2000);
  expect(await inkOf(widget.locator('[data-role="seen"]'))).toBeGreaterThan(0);
  await expect(widget.locator('[data-role="seen"]')).toHaveAttribute('aria-label', /your drawing.*centred by its centre of mass/);
  for (const svg of await widget.locator('svg').evaluateAll((els) => els.map((e) => e.outerHTML))) expect(svg).not.toMatch(/NaN|Infinity/);
  await widget.getByRole('button', { name: 'Undo' }).click();
  await expect(status).toHaveText('The canvas is empty: draw a digit first, or pick a test digit.');
  expect(await inkOf(widget.locator('[data-role="pad"]'))).toBe(0);
  await drawSeven(page, widget, -0.05);
  await expect(status).toContainText('The scaled network says');
  await widget.getByRole('button', { name: 'Clear' }).click();
  await expect(status).toHaveText('The canvas is empty: draw a digit first, or pick a test digit.');
});

test('a test digit is picked by keyboard, shown as the network sees it, and kept in the URL', async ({ page }) => {
  const widget = await open(page);
  const summary = widget.locator('[data-role="summary"]');
  const seven = widget.locator('[data-role="gallery"] button[aria-label$=", a 7"]').first();
  await expect(seven).toBeVisible({ timeout: 15_000 });
  const name = (await seven.getAttribute('aria-label'))!;
  const index = Number(/test digit (\d+)/.exec(name)![1]);
  await seven.focus();
  await page.keyboard.press('Enter');
  await expect(seven).toHaveAttribute('aria-pressed', 'true');
  await expect(summary).toContainText(`Input: ${name}.`);
  await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('mcDigit'))).toBe(String(index));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(summary).toContainText(/Input: test digit \d+, a 7\./);
  expect(await inkOf(widget.locator('[data-role="pad"]'))).toBeGreaterThan(0);
});

test('T moves the prediction: the slider by keyboard', async ({ page }) => {
  const widget = await open(page);
  const summary = widget.locator('[data-role="summary"]');
  await expect(summary).toContainText('Mean of 50 thinned networks', { timeout: 15_000 });
  await widget.getByLabel('Thinned networks, T').focus();
  await page.keyboard.press('ArrowRight');
  await expect(summary).toContainText('Mean of 51 thinned networks');
  await expect(summary).toContainText(/of 51 put \d first/);
});

test('a link sets T = 200 and the test digit shown', async ({ page }) => {
  const widget200 = await open(page, '?mcT=200&mcDigit=239');
  await expect(widget200.locator('[data-role="summary"]')).toContainText('Input: test digit 239, a 7. ', { timeout: 15_000 });
  await expect(widget200.locator('[data-role="summary"]')).toContainText('Mean of 200 thinned networks');
  await expect(widget200.locator('[data-role="legend-t"]')).toHaveText('200');
});

test('a digits-dropout:trained event offers the student\'s network; it can be used and left; a bad one is refused', async ({ page }) => {
  const widget = await open(page);
  const summary = widget.locator('[data-role="summary"]');
  await expect(summary).toContainText('Network: the pre-trained network, 784-64-64-10', { timeout: 15_000 });
  await page.evaluate(() => document.dispatchEvent(new CustomEvent('digits-dropout:trained', { detail: { label: 'oops', sizes: [10, 10], weights: [], dropout: { input: 0, hidden: [] }, testError: 0.1 } })));
  await expect(widget.locator('[data-role="status"]')).toContainText('The trained network cannot be used');
  await offerTrainedNetwork(page);
  const use = widget.getByRole('button', { name: 'Use the network you just trained (test error 7.0%)' });
  await expect(use).toBeVisible();
  await use.click();
  await expect(summary).toContainText('Network: your dropout network, 784-16-10 ReLU (dropout 0.2 on the pixels, 0.5 on the hidden layers, test error 6.95%)');
  await expect(summary).toContainText('Mean of 50 thinned networks');
  const back = widget.getByRole('button', { name: 'Back to the pre-trained network' });
  await expect(use).toBeHidden();
  await back.click();
  await expect(summary).toContainText('Network: the pre-trained network, 784-64-64-10');
  await expect(back).toBeHidden();
});

test('a digit from the "disagree most" gallery loads into the main view', async ({ page }) => {
  const widget = await open(page);
  const first = widget.locator('[data-role="disagree"] button').first();
  await expect(first).toBeVisible({ timeout: 60_000 });
  const name = (await first.getAttribute('aria-label'))!;
  const index = /test digit (\d+)/.exec(name)![1];
  await first.click();
  await expect(widget.locator('[data-role="summary"]')).toContainText(`Input: test digit ${index}, a `);
  await expect(first).toHaveAttribute('aria-pressed', 'true');
});

test('no main-thread task over 50 ms while T = 200 samples run (strokes, picks and the test-set curve)', async ({ page, browserName }) => {
  // Measured like npm run bench:site, from a Chromium trace: a task's CPU time is what the page's code costs; its wall
  // time on a shared, loaded machine also counts the time the thread waited for a core (both are reported).
  const widget = await open(page, '?mcT=200');
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const status = widget.locator('[data-role="status"]');
  for (let i = 0; i < 3; i++) {
    await drawSeven(page, widget, 0.04 * i);
    await expect(widget.locator('[data-role="summary"]')).toContainText(`your drawing (${i + 1} stroke`);
    await expect(status).toContainText('average of 200 thinned networks');
  }
  const ms = Number(await widget.getAttribute('data-prediction-ms'));
  await widget.locator('[data-role="gallery"] button').nth(3).click();
  await expect(widget.locator('[data-role="summary"]')).toContainText('Mean of 200 thinned networks');
  // The pre-trained network's curve is stored (measure:mc); a trained network's is measured live, redrawn as it grows.
  await offerTrainedNetwork(page);
  await widget.getByRole('button', { name: /Use the network you just trained/ }).click();
  await expect(widget.locator('[data-role="summary"]')).toContainText('Network: your dropout network');
  await page.waitForTimeout(3000); // the curve keeps measuring in the worker meanwhile
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const tasks = mainThreadTasks(trace.traceEvents, 0);
  const worstCpu = tasks.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a), tasks[0]);
  const worstWall = Math.max(0, ...tasks.map((t) => t.wallMs));
  test.info().annotations.push({ type: 'measured', description: `${browserName}: longest main-thread task ${worstCpu?.cpuMs.toFixed(1)} ms CPU (${worstCpu?.inside.join(', ')}), ${worstWall.toFixed(0)} ms wall; last stroke → prediction ${ms} ms at T = 200` });
  expect(tasks.filter((t) => t.cpuMs > 50).map((t) => `${t.cpuMs.toFixed(0)} ms CPU: ${t.inside.join(', ')}`)).toEqual([]);
});
