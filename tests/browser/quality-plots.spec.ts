import { test, expect } from './fixtures.ts';
import { pageForEachWidget, widgetsWith, expectDrawn, svgMarkup, settle } from './quality-helpers.ts';
import { colourOnlySeries, countPlotChanges, plotChanges, unlabelledSvgs } from './plot-checks.ts';

/**
 * The drawing gate, over every widget in the build (one page per widget, found by site.ts): each plot has a text
 * alternative (a summary with numbers; every SVG named or hidden behind that summary), nothing is told apart by
 * colour alone, and under prefers-reduced-motion a training widget never animates: while a run is on, its plot does
 * not change (the status line counts the steps, marked aria-busy); the plot is redrawn when the run pauses or
 * finishes.
 */
test.use({ reducedMotion: 'reduce' });
test.beforeEach(({ problems }) => {
  expect(problems).toEqual([]); // requesting the fixture makes console errors fail the test
});

for (const { widget, path } of pageForEachWidget()) {
  test(`plots: ${widget} (/${path}) has a text alternative with numbers, named SVGs, and no colour-only series`, async ({ page }) => {
    await page.goto(path);
    const root = page.locator(`[data-widget="${widget}"]`).first();
    await root.scrollIntoViewIfNeeded();
    await expectDrawn(root);
    await expect(root.locator('[data-role="summary"]')).toHaveText(/\d/);
    expect(await root.evaluate(unlabelledSvgs)).toEqual([]);
    expect(await root.evaluate(colourOnlySeries)).toEqual([]);
    await settle(page);
  });
}

const trainingWidgets = widgetsWith('[data-role="play"]');

test(`plots: the build has training widgets (${trainingWidgets.map((w) => w.widget).join(', ')})`, () => {
  expect(trainingWidgets.length).toBeGreaterThan(0);
});

for (const { widget, path } of trainingWidgets) {
  test(`plots: ${widget} under reduced motion trains without animating, then draws the result`, async ({ page }) => {
    await page.goto(path);
    const root = page.locator(`[data-widget="${widget}"]`).first();
    await root.scrollIntoViewIfNeeded();
    await expectDrawn(root);
    const play = root.locator('[data-role="play"]');
    await root.evaluate(countPlotChanges);
    // Train for a few frames (each rewrites the status line), then pause, until the plot has something new to show
    // (a widget may redraw only when a whole net has finished) or the run finished by itself.
    const status = root.locator('[data-role="status"]');
    for (let round = 0; round < 60 && (await root.evaluate(plotChanges)).plotWhenStopped === 0; round++) {
      const frames = (await root.evaluate(plotChanges)).statusWhileRunning;
      await play.focus();
      await page.keyboard.press('Enter');
      const [pressed, busy] = await root.evaluate((el) => ['play', 'status'].map((role) => el.querySelector(`[data-role="${role}"]`)!.getAttribute(role === 'play' ? 'aria-pressed' : 'aria-busy')));
      expect(busy, 'a running status line is busy (read out when the run stops, not every frame)').toBe(pressed);
      await expect.poll(async () => (await root.evaluate(plotChanges)).statusWhileRunning >= frames + 5 || (await play.getAttribute('aria-pressed')) === 'false', { timeout: 30_000 }).toBe(true);
      if ((await play.getAttribute('aria-pressed')) === 'true') await page.keyboard.press('Enter'); // pause
      await expect(play).toHaveAttribute('aria-pressed', 'false');
      if (/finished|trained/i.test((await status.textContent()) ?? '')) break;
    }
    await expect.poll(async () => (await root.evaluate(plotChanges)).plotWhenStopped, 'the plot is redrawn once the run stops').toBeGreaterThan(0);
    await expect(status).toHaveAttribute('aria-busy', 'false');
    const counts = await root.evaluate(plotChanges);
    expect(counts.statusWhileRunning, 'frames of training seen').toBeGreaterThan(0);
    expect(counts.plotWhileRunning, 'plot changes while the run was on').toBe(0);
    for (const svg of await svgMarkup(root)) expect(svg).not.toMatch(/NaN|Infinity/);
    await expect(root.locator('[data-role="summary"]')).toHaveText(/\d/);
    expect(await root.evaluate(unlabelledSvgs)).toEqual([]);
    expect(await root.evaluate(colourOnlySeries)).toEqual([]);
    await settle(page);
  });
}
