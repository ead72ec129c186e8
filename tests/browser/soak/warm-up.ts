import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures.ts';
import { quiesce, type Tab } from './tabs.ts';

/**
 * The warm-up: one pass that brings every widget of a page to life once (scrolled to, or shown on its slide), draws
 * it, takes one training step and trains for a second, so the heap measured afterwards already holds every controller,
 * its drawings and the code compiled for them.
 */
async function wakeWidget(widget: Locator): Promise<void> {
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-widget-state', 'ready', { timeout: 15_000 });
  await expect(widget.locator('[data-role="plot"] svg').first()).toBeVisible({ timeout: 15_000 });
  const step = widget.locator('[data-role="step"]');
  if ((await step.count()) > 0) await step.click();
  // Train for a while, so the engine's hot loops are compiled before the heap is first measured.
  const play = widget.locator('[data-role="play"]');
  if ((await play.count()) === 0) return;
  await play.click();
  await widget.page().waitForTimeout(TRAIN_MS);
  if ((await play.getAttribute('aria-pressed')) === 'true') await play.click();
}

/** How long the warm-up trains each training widget. */
const TRAIN_MS = 1_000;

/** The deck's slides and their step counts, as the deck controller reads them. */
function deckShape(page: Page): Promise<number[]> {
  return page.locator('[data-deck-stage]').evaluate((stage) =>
    Array.from(stage.querySelectorAll('[data-slide]'))
      .filter((slide) => !slide.parentElement?.closest('[data-slide]'))
      .map((slide) => Array.from(slide.querySelectorAll('[data-step]')).filter((s) => s.closest('[data-slide]') === slide && !s.closest('[data-explain], [data-notes]')).length),
  );
}

/** Open `path` in `tab` and wake every widget on it; returns how many there were. */
export async function warmUp(tab: Tab, path: string): Promise<number> {
  const { page } = tab;
  await page.goto(path);
  let woken = 0;
  if ((await page.locator('[data-deck-stage]').count()) > 0) {
    // Every position, not only each slide fully built: a slide shows the widget of its newest step only.
    const seen = new Set<string>();
    for (const [slide, steps] of (await deckShape(page)).entries()) {
      for (let step = Math.min(1, steps); step <= steps; step++) {
        await page.evaluate((hash) => (location.hash = hash), `#/${slide + 1}/${step}`);
        await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/${slide + 1}/${step}`);
        const current = page.locator('[data-deck-stage] [data-slide][data-current]');
        for (const widget of await current.locator('[data-widget]').filter({ visible: true }).all()) {
          const id = (await widget.getAttribute('id')) ?? '';
          if (seen.has(id)) continue;
          seen.add(id);
          await wakeWidget(widget);
          woken++;
        }
      }
    }
    await page.evaluate(() => (location.hash = '#/1/0'));
  } else {
    for (const widget of await page.locator('[data-widget]').all()) {
      await wakeWidget(widget);
      woken++;
    }
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  await quiesce(tab);
  return woken;
}

/**
 * Bring a long-lived tab to the same resting state before each heap measurement: the default window and media, no
 * dialog open, every training run stopped and reset (a run's history is data, not a leak), nothing loading.
 */
export async function rest(tab: Tab): Promise<void> {
  const { page } = tab;
  await page.bringToFront();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ media: null, colorScheme: null, reducedMotion: null });
  await page.evaluate(() => {
    for (const dialog of document.querySelectorAll('dialog[open]')) (dialog as HTMLDialogElement).close();
    for (const reset of document.querySelectorAll<HTMLButtonElement>('[data-widget] [data-role="reset"]')) reset.click();
  });
  await quiesce(tab);
}
