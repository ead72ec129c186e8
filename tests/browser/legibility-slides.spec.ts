import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { pagesOfKind, useTheme, nextFrames, THEMES } from './quality-helpers.ts';
import { measureBox, shownWidgetsReady, smallestRun, tooSmall, type BoxReport } from './legibility.ts';

/**
 * Readable from the back of a lecture hall: at every step of every slide, on every projector shape, in both themes,
 * every text run the audience sees on the slide — bullet, formula, chart tick, legend, axis name, label, control,
 * readout, status line — renders at ≥ 16 px on a 1280×720 stage, and in proportion on others (≥ 24 px at 1920×1080,
 * ≥ 12.8 px on a letterboxed 1024×768). Nothing in the slide is clipped, overflows the stage, or overlaps another
 * element. Slides and steps are discovered from the build. Training widgets are measured before and after a few
 * training steps (end labels and markers appear once they train).
 */
export const PROJECTORS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;
const MIN_STAGE_PX = 16;
const SLIDE = '[data-deck-stage] [data-slide][data-current]';

async function measureSlide(page: Page): Promise<BoxReport> {
  await page.waitForFunction(shownWidgetsReady, SLIDE, { timeout: 20_000 });
  await nextFrames(page);
  return page.evaluate(measureBox, { root: SLIDE, frame: '[data-deck-stage]', blocks: ':scope > :not([data-step]), :scope > [data-step] > *' });
}

const stageScale = (page: Page) => page.evaluate(() => {
  const stage = document.querySelector<HTMLElement>('[data-deck-stage]')!;
  return stage.getBoundingClientRect().width / stage.offsetWidth;
});

for (const path of pagesOfKind('slides'))
  for (const size of PROJECTORS)
    for (const theme of THEMES)
      test(`legibility: ${path} at ${size.width}×${size.height} in the ${theme} theme`, async ({ page }) => {
        test.setTimeout(240_000);
        await useTheme(page, theme);
        await page.setViewportSize(size);
        await page.goto(`${path}#/1/0`);
        const shape = await page.evaluate(() => Array.from(document.querySelectorAll('[data-deck-stage] [data-slide]'), (slide) => slide.querySelectorAll('[data-step]:not([data-explain] [data-step], [data-notes] [data-step])').length));
        const scale = await stageScale(page);
        // The stage fills the window (the toolbar floats over it): a 1280×720 window shows the stage at its own size.
        expect(scale).toBeCloseTo(Math.min(size.width / 1280, size.height / 720), 2);
        const failures: string[] = [];
        const smallest: string[] = [];
        for (let slide = 1; slide <= shape.length; slide++)
          for (let step = Math.min(1, shape[slide - 1]); step <= shape[slide - 1]; step++) {
            await page.evaluate((hash) => (location.hash = hash), `#/${slide}/${step}`);
            const at = `slide ${slide} step ${step}`;
            const check = (report: BoxReport, when: string) => {
              failures.push(...[...tooSmall(report.runs, MIN_STAGE_PX * scale), ...report.overflows, ...report.overlaps].map((f) => `${at}${when}: ${f}`));
              const min = smallestRun(report.runs);
              if (min) smallest.push(`${at}${when}: ${Math.round((min.px / scale) * 10) / 10} px "${min.text}"`);
            };
            check(await measureSlide(page), '');
            // Training widgets on this step: a few steps of training, then the same rules.
            const steppers = page.locator(`${SLIDE} [data-widget] [data-role="step"]:visible`);
            const count = await steppers.count();
            if (count > 0) {
              for (let i = 0; i < count; i++) for (let k = 0; k < 3; k++) await steppers.nth(i).click();
              await page.waitForTimeout(300);
              check(await measureSlide(page), ' (after training steps)');
            }
          }
        test.info().annotations.push({ type: 'smallest text per step (stage px)', description: smallest.join('; ') });
        expect(failures, `text under ${MIN_STAGE_PX} stage px, overflow or overlap`).toEqual([]);
      });
