import { test, expect } from './fixtures.ts';
import { pagesOfKind, nextFrames } from './quality-helpers.ts';
import { measureBox } from './legibility.ts';

/**
 * Widgets on a phone: in the reading view at 390×844 and 360×740, every text run inside a widget renders at ≥ 12 px
 * (charts are drawn for the width they have, not scaled down), the page never scrolls sideways, and no text sits on
 * other text or on a mark (bar, tile, dot). Pages and widgets are discovered from the build.
 */
const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
] as const;
const MIN_PX = 12;

for (const path of pagesOfKind('reading'))
  for (const size of PHONES)
    test(`phone legibility: ${path} at ${size.width}×${size.height}`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize(size);
      await page.goto(path);
      // Every widget, and every figure outside a widget (a recreated paper figure), as a reader meets them.
      const boxes = page.locator('[data-widget], figure:not([data-widget] figure)');
      const count = await boxes.count();
      expect(count).toBeGreaterThan(0);
      const failures: string[] = [];
      for (let i = 0; i < count; i++) {
        const box = boxes.nth(i);
        await box.evaluate((el, n) => el.setAttribute('data-legibility', String(n)), i);
        const selector = `[data-legibility="${i}"]`;
        const name = await box.evaluate((el) => (el as HTMLElement).dataset.widget ?? `figure ${el.querySelector('figcaption')?.textContent?.slice(0, 30) ?? ''}`);
        await box.scrollIntoViewIfNeeded();
        await page.waitForFunction((sel) => {
          const w = document.querySelector<HTMLElement>(sel);
          if (!w?.dataset.widget) return true;
          return w.dataset.widgetState === 'ready' && !w.dataset.busy && !w.querySelector('[data-role="plot"] .widget-fallback');
        }, selector, { timeout: 20_000 });
        await nextFrames(page);
        const report = await page.evaluate(measureBox, { root: selector, marks: true, sidewaysOnly: true });
        failures.push(...report.runs.filter((r) => r.px < MIN_PX - 0.05).map((r) => `${name}: "${r.text}" (${r.where}) renders at ${r.px} px`));
        failures.push(...report.overflows.map((f) => `${name}: ${f}`), ...report.overlaps.map((f) => `${name}: ${f}`));
      }
      expect(failures, `widget text under ${MIN_PX} px, sideways overflow or overlap`).toEqual([]);
    });
