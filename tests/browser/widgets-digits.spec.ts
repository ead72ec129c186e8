import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { LESSON, PRESENTER, SLIDES } from './deck-helpers.ts';
import { DIGITS_ASSET_PATH } from '../../src/digits/format.ts';
import { MARK_PREFIX, type TraceEvent, mainThreadTasks, traceMarks } from '../../scripts/bench-site/trace.ts';

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];

/**
 * Real digits (the dropout paper's MNIST experiment, small): the digits-dropout widget on the built site. The asset
 * is fetched only when Train is pressed, with download progress; both nets train in a worker to the end and the
 * widget states both test errors; Pause stops progress, Reset ends the worker; One epoch trains one epoch; a
 * damaged download gives a readable error; the two copies on a page (slides 4 and 6) show one run; the projector
 * follows the presenter's Train; and after one visit it works offline. While it trains the page runs no long task,
 * and the finished dropout net is handed to mc-dropout (the digits-dropout:trained event). Most runs use a small setting (3 epochs, 64
 * units: a few seconds) so the tests stay short on a loaded machine; one starts the defaults.
 */
const SMALL = '?digitsEpochs=3&digitsWidth=64';
const isAsset = (url: string) => url.endsWith(`/${DIGITS_ASSET_PATH}`);

/** Every text the status line shows from now on (recorded in the page, so none is missed between polls). */
async function recordStatus(widget: Locator): Promise<() => Promise<string[]>> {
  await widget.evaluate((el) => {
    const status = el.querySelector('[data-role="status"]')!;
    const seen: string[] = [status.textContent ?? ''];
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    (el as unknown as { qaStatus: string[] }).qaStatus = seen;
  });
  return () => widget.evaluate((el) => [...(el as unknown as { qaStatus: string[] }).qaStatus]);
}

async function openReading(page: Page, query = SMALL): Promise<Locator> {
  await page.goto(`${LESSON}${query}`);
  const widget = page.locator('#digits-dropout');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-widget-state', 'ready');
  await expect(widget.locator('[data-role="plot"] svg').first()).toBeVisible();
  return widget;
}

const status = (widget: Locator) => widget.locator('[data-role="status"]');
const finished = (widget: Locator) => expect(status(widget)).toContainText('Finished', { timeout: 90_000 });

async function finite(widget: Locator): Promise<void> {
  for (const svg of await widget.locator('svg').evaluateAll((els) => els.map((el) => el.outerHTML))) expect(svg).not.toMatch(/NaN|Infinity/);
  for (const role of ['summary', 'status', 'result']) await expect(widget.locator(`[data-role="${role}"]`)).not.toContainText(/NaN|Infinity/);
}

/** Distinct grey levels in a tile sheet: a trained sheet has many, an unpainted one none. */
const greyLevels = (canvas: Locator) =>
  canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const levels = new Set<number>();
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0) levels.add(data[i]);
    return levels.size;
  });

test('lazy: the digits are fetched only on Train, with download progress; both nets train in a worker to the end and the summary states both test errors', async ({ page }) => {
  test.setTimeout(120_000);
  const assetRequests: string[] = [];
  page.on('request', (request) => isAsset(request.url()) && assetRequests.push(request.url()));
  const widget = await openReading(page);
  await page.waitForLoadState('networkidle');
  expect(assetRequests, 'no download before Train').toEqual([]);
  expect(page.workers(), 'no worker before Train').toHaveLength(0);
  await expect(status(widget)).toContainText('Press Train');
  const seen = await recordStatus(widget);

  await widget.locator('[data-role="play"]').click();
  await expect(widget.locator('[data-role="play"]')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => page.workers().length, 'the training runs in a worker').toBe(1);
  await finished(widget);
  expect(assetRequests).toHaveLength(1);
  const texts = await seen();
  expect(texts.some((t) => /^Downloading the digits: [\d.]+ of 1\.7 MB$/.test(t)), `download progress in ${JSON.stringify(texts.slice(0, 6))}`).toBe(true);
  expect(texts.some((t) => /^Epoch \d+ of 3 · [\d,]+ digits\/s \(both nets\)/.test(t))).toBe(true);
  await expect(status(widget)).toHaveText(/^Finished in \d+ s · test error \d+\.\d\d% without dropout, \d+\.\d\d% with$/);
  await expect(widget.locator('[data-role="result"]')).toHaveText(/^Test error after 3 epochs: \d+\.\d\d% without dropout, \d+\.\d\d% with dropout/);
  await expect(widget.locator('[data-role="summary"]')).toContainText(/At epoch 3: test error \d+\.\d\d% without dropout and \d+\.\d\d% with/);
  await expect(widget.locator('[data-role="summary"]')).toContainText(/Hidden layer 1 on the test digits: mean activation \d\.\d\d without dropout, \d\.\d\d with/);
  await expect(widget.locator('[data-role="progress"]')).toHaveJSProperty('value', 1);
  await expect(widget.locator('[data-role="play"]')).toHaveText('Train');
  // Every chart drew the run: four error lines named at their ends, tiles painted, the histogram's means named.
  const errors = widget.locator('svg[aria-label^="Training and test error"]');
  for (const name of ['test, no dropout', 'test, dropout', 'train, no dropout', 'train, dropout']) await expect(errors).toContainText(name);
  for (const canvas of await widget.locator('.digits-features canvas').all()) expect(await greyLevels(canvas)).toBeGreaterThan(50);
  await expect(widget.locator('svg[aria-label^="Histogram"]')).toContainText(/no dropout: mean \d\.\d\d, \d+% exactly 0/);
  await finite(widget);
  console.log(`digits (3 epochs, width 64): ${await status(widget).textContent()}`);
});

test('while both nets train the page runs no task over 50 ms; the finished dropout net goes to mc-dropout (digits-dropout:trained on document, again on request)', async ({ page, browser }) => {
  test.setTimeout(150_000);
  // The default width (128 units) and drawing, 5 epochs: every chart redraws about 10 times.
  const widget = await openReading(page, '?digitsEpochs=5');
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => {
    const w = window as unknown as { qaTrained: unknown[] };
    w.qaTrained = [];
    document.addEventListener('digits-dropout:trained', (event) => {
      const d = (event as CustomEvent).detail;
      w.qaTrained.push({
        label: d.label, sizes: d.sizes, dropout: d.dropout, testError: d.testError,
        shapes: d.weights.map((l: { W: Float64Array; b: Float64Array }) => [l.W.constructor.name, l.W.length, l.b.length]),
        finite: d.weights.every((l: { W: Float64Array; b: Float64Array }) => l.W.every(Number.isFinite) && l.b.every(Number.isFinite)),
      });
    });
  });
  // Main-thread tasks from a Chromium trace, by CPU time: on this shared machine a task's wall time includes waiting
  // for a core (the bench's method, scripts/bench-site/trace.ts).
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let trace: Buffer | null = null;
  let seconds = 0;
  try {
    await page.evaluate((name) => void performance.mark(name), `${MARK_PREFIX}train`);
    const started = Date.now();
    await widget.locator('[data-role="play"]').click();
    await finished(widget);
    seconds = (Date.now() - started) / 1000;
    await page.waitForTimeout(500); // the last redraw
    await page.evaluate((name) => void performance.mark(name), `${MARK_PREFIX}end`);
  } finally {
    trace = await browser.stopTracing();
  }
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const marks = traceMarks(events);
  const [from, to] = [marks.find((m) => m.label === 'train')!.ts, marks.find((m) => m.label === 'end')!.ts];
  const tasks = mainThreadTasks(events, 4).filter((t) => t.ts >= from && t.ts <= to).sort((a, b) => b.cpuMs - a.cpuMs);
  const longest = tasks[0] ?? { cpuMs: 0, wallMs: 0, inside: [] };
  console.log(`digits (5 epochs, width 128): ${await status(widget).textContent()}; ${seconds.toFixed(1)} s to Finished; longest main-thread task ${longest.cpuMs.toFixed(1)} ms cpu (${longest.wallMs.toFixed(1)} ms wall) ${longest.inside.join(', ')}; longest wall ${Math.max(0, ...tasks.map((t) => t.wallMs)).toFixed(1)} ms`);
  expect(tasks.filter((t) => t.cpuMs > 50).map((t) => `${t.cpuMs.toFixed(1)} ms: ${t.inside.join(', ')}`), 'main-thread tasks over 50 ms (cpu) while training').toEqual([]);

  const trained = () => page.evaluate(() => (window as unknown as { qaTrained: { testError: number }[] }).qaTrained);
  await expect.poll(async () => (await trained()).length).toBe(1);
  const [detail] = await trained();
  const shown = /(\d+\.\d\d)% with$/.exec((await status(widget).textContent()) ?? '')![1];
  expect(detail).toEqual({
    label: 'your dropout network (2,000 digits, 5 epochs)',
    sizes: [784, 128, 128, 10],
    dropout: { input: 0.2, hidden: [0.5, 0.5] },
    testError: expect.any(Number),
    shapes: [['Float64Array', 784 * 128, 128], ['Float64Array', 128 * 128, 128], ['Float64Array', 128 * 10, 10]],
    finite: true,
  });
  expect((100 * detail.testError).toFixed(2)).toBe(shown);
  // A widget that starts later asks for it (widgets start lazily): the page answers with the same network.
  await page.evaluate(() => document.dispatchEvent(new CustomEvent('digits-dropout:request')));
  await expect.poll(async () => (await trained()).length).toBe(2);
  expect((await trained())[1]).toEqual(detail);
  // Reset forgets it: nothing answers a request any more.
  await widget.locator('[data-role="reset"]').click();
  await page.evaluate(() => document.dispatchEvent(new CustomEvent('digits-dropout:request')));
  await page.waitForTimeout(300);
  expect(await trained()).toHaveLength(2);
});

test('the defaults start; Pause stops progress, Train resumes, Reset ends the worker and nothing more arrives', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openReading(page, '');
  const play = widget.locator('[data-role="play"]');
  await play.click();
  await expect(status(widget)).toContainText(/^Epoch \d+ of 40 · [\d,]+ digits\/s \(both nets\) · about/, { timeout: 60_000 });
  await play.click(); // Pause
  await expect(play).toHaveText('Train');
  // Busy until the worker confirms where it stopped (a report it sent before the pause may still arrive).
  await expect(status(widget)).toHaveAttribute('aria-busy', 'false');
  await expect(status(widget)).toContainText(/^Paused at epoch \d+ of 40/);
  const paused = await status(widget).textContent();
  const bar = await widget.locator('[data-role="progress"]').evaluate((el) => (el as HTMLProgressElement).value);
  await page.waitForTimeout(1500);
  await expect(status(widget)).toHaveText(paused!);
  expect(await widget.locator('[data-role="progress"]').evaluate((el) => (el as HTMLProgressElement).value)).toBe(bar);
  await play.click(); // resume
  await expect(status(widget)).toContainText(/^Epoch \d+ of 40/);
  await expect.poll(() => widget.locator('[data-role="progress"]').evaluate((el) => (el as HTMLProgressElement).value)).toBeGreaterThan(bar);
  expect(page.workers()).toHaveLength(1);
  await widget.locator('[data-role="reset"]').click();
  await expect.poll(() => page.workers().length, 'Reset terminates the worker').toBe(0);
  await expect(status(widget)).toContainText('Press Train');
  const seen = await recordStatus(widget);
  await page.waitForTimeout(1500);
  expect(await seen(), 'nothing arrives after Reset').toHaveLength(1);
  await expect(widget.locator('[data-role="progress"]')).toHaveJSProperty('value', 0);
  await finite(widget);
});

test('One epoch trains one epoch and pauses; a changed setting resets the run', async ({ page }) => {
  test.setTimeout(90_000);
  const widget = await openReading(page);
  const step = widget.locator('[data-role="step"]');
  await step.click();
  await expect(status(widget)).toContainText(/^Paused at epoch 1 of 3/, { timeout: 60_000 });
  await expect(widget.locator('[data-role="play"]')).toHaveAttribute('aria-pressed', 'false');
  await step.click();
  await expect(status(widget)).toContainText(/^Paused at epoch 2 of 3/);
  await widget.locator('select[data-param="digitsWidth"]').selectOption('256');
  await expect(status(widget)).toContainText('Press Train');
  await expect.poll(() => page.workers().length).toBe(0);
  await expect(page).toHaveURL(/digitsWidth=256/);
});

test('a damaged download gives a readable error in the status line, and Train tries again', async ({ page }) => {
  test.setTimeout(90_000);
  let damaged = true;
  await page.route(`**/${DIGITS_ASSET_PATH}`, async (route) => {
    if (!damaged) return route.continue();
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body: body.subarray(0, Math.floor(body.length / 3)), headers: { ...response.headers(), 'content-length': String(Math.floor(body.length / 3)) } });
  });
  const widget = await openReading(page);
  await widget.locator('[data-role="play"]').click();
  await expect(status(widget)).toHaveText('The digits data could not be read: the compressed file is truncated or corrupt.', { timeout: 30_000 });
  await expect(status(widget)).toHaveAttribute('data-tone', 'warn');
  await expect(widget.locator('[data-role="play"]')).toHaveText('Train');
  damaged = false;
  await widget.locator('[data-role="play"]').click();
  await finished(widget);
  await expect(status(widget)).not.toHaveAttribute('data-tone', 'warn');
  await finite(widget);
});

test('on the slides: one chart at a time; slide 6 shows the run trained on slide 4 (one run, one worker), its weights and activations', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${SLIDES}${SMALL}#/4/2`);
  const first = page.locator('#digits-dropout');
  await expect(first).toHaveAttribute('data-widget-state', 'ready');
  await expect(first.locator('select[data-param="digitsPanel"]')).toHaveValue('errors');
  await expect(first.locator('[data-role="plot"] svg[aria-label]')).toHaveCount(1);
  await first.locator('[data-role="play"]').click();
  await finished(first);
  await expect(status(first)).toHaveText(/^Finished in \d+ s · test error \d+\.\d\d% → \d+\.\d\d% with dropout$/);
  await page.evaluate(() => (location.hash = '#/6/2'));
  const second = page.locator('#digits-dropout-features');
  await expect(second).toBeVisible();
  await expect(second.locator('select[data-param="digitsPanel"]')).toHaveValue('features'); // the step's setting
  await expect(status(second)).toContainText('Finished'); // the same run, not a new one
  const canvases = second.locator('.digits-features canvas');
  await expect(canvases).toHaveCount(2);
  for (const canvas of await canvases.all()) expect(await greyLevels(canvas)).toBeGreaterThan(50);
  await expect(second.locator('[role="img"]')).toHaveAttribute('aria-label', /^First-layer weights at epoch 3: 36 hidden units of each network/);
  await second.locator('select[data-param="digitsPanel"]').selectOption('activations');
  await expect(status(second)).toHaveText(/^Finished in \d+ s · mean \d\.\d\d → \d\.\d\d · zeros \d+% → \d+%$/);
  await expect(second.locator('svg[aria-label^="Histogram"]')).toBeVisible();
  expect(page.workers()).toHaveLength(1);
  await finite(second);
});

test('the projector follows the presenter: Train pressed in one window trains in the other', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto(`${SLIDES}${SMALL}#/4/2`);
  const presenter = await context.newPage();
  await presenter.goto(`${PRESENTER}${SMALL}#/4/2`);
  const projected = page.locator('[data-deck-stage] #digits-dropout');
  const own = presenter.locator('[data-deck-stage] #digits-dropout');
  for (const w of [projected, own]) await expect(w).toHaveAttribute('data-widget-state', 'ready');
  await own.locator('[data-role="play"]').click();
  await expect(projected.locator('[data-role="play"]')).toHaveAttribute('aria-pressed', 'true');
  await finished(own);
  await finished(projected);
  // The run is deterministic: both windows measured the same errors.
  const finding = async (w: Locator) => (await status(w).textContent())!.replace(/^Finished in \d+ s · /, '');
  expect(await finding(projected)).toBe(await finding(own));
  await presenter.locator('[data-deck-stage] #digits-dropout [data-role="reset"]').click();
  await expect(status(projected)).toContainText('Press Train');
  await presenter.close();
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });
  test('after one visit the digits train with the network off, the asset served by the service worker', async ({ page, context }) => {
    test.setTimeout(120_000);
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 60_000 });
    await context.setOffline(true);
    const fromWorker: boolean[] = [];
    page.on('response', (response) => isAsset(response.url()) && fromWorker.push(response.fromServiceWorker()));
    const widget = await openReading(page);
    await widget.locator('[data-role="play"]').click();
    await finished(widget);
    expect(fromWorker).toEqual([true]);
    await finite(widget);
  });
});
