import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { builtPages, pageKind } from './site.ts';
import { THEMES, useTheme, drawVisibleWidgets, deckShape, showWholeSlide, nextFrames, settle, type ThemeName } from './quality-helpers.ts';
import { lowContrastSvgText } from './contrast.ts';

/**
 * The accessibility gate: axe-core reports no violations on any built page, in the light and the dark theme,
 * widgets included (each drawn first): the home page, the reading view (every widget scrolled into view), the
 * slide and presenter views at every slide with all its steps shown, and the deck's overview and keys dialogs.
 * Pages come from the build (site.ts), so a page or widget added later is checked without editing this file.
 * axe cannot see the background behind text in an SVG chart (it reports it "incomplete"), so chart text is also
 * measured against the widget's background (contrast.ts). Both themes share one DOM and differ only in colours:
 * the light theme runs every rule, the dark theme the rules about colour.
 */
test.use({ reducedMotion: 'reduce' });
test.beforeEach(({ problems }) => {
  expect(problems).toEqual([]); // requesting the fixture makes console errors fail the test
});

const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function violations(page: Page, where: string, theme: ThemeName): Promise<string[]> {
  await nextFrames(page);
  const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  const result = await (theme === 'light' ? axe : axe.withRules(COLOUR_RULES)).analyze();
  const chartText = await page.locator('body').evaluate(lowContrastSvgText);
  return [
    ...result.violations.map((v) => `${where}: ${v.id} — ${v.help} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
    ...chartText.map((t) => `${where}: chart text "${t.text}" has contrast ${t.ratio}:1 (needs ${t.required}:1), ${t.fill} on ${t.background}`),
  ];
}

async function open(page: Page, path: string, theme: ThemeName): Promise<void> {
  await useTheme(page, theme);
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** Every slide fully built (its widgets drawn), then the overview and the keys dialog. */
async function deckViolations(page: Page, label: string, theme: ThemeName): Promise<string[]> {
  const found: string[] = [];
  const shape = await deckShape(page);
  expect(shape.length, 'slides in the deck').toBeGreaterThan(0);
  for (const [slide, steps] of shape.entries()) {
    const current = await showWholeSlide(page, slide, steps);
    await drawVisibleWidgets(current);
    found.push(...(await violations(page, `${label} #/${slide + 1}/${steps}`, theme)));
  }
  for (const [key, dialog] of [['o', '[data-deck-overview]'], ['?', '[data-deck-help]']] as const) {
    await page.locator('body').press(key);
    await expect(page.locator(dialog)).toBeVisible();
    found.push(...(await violations(page, `${label} dialog ${dialog}`, theme)));
    await page.keyboard.press('Escape');
    await expect(page.locator(dialog)).toBeHidden();
  }
  return found;
}

for (const theme of THEMES) {
  for (const path of builtPages()) {
    const kind = pageKind(path);
    test(`axe: ${kind} /${path} in the ${theme} theme`, async ({ page }) => {
      test.slow(kind === 'slides' || kind === 'presenter');
      await open(page, path, theme);
      const label = `${theme} /${path}`;
      let found: string[];
      if (kind === 'slides' || kind === 'presenter') {
        found = await deckViolations(page, label, theme);
      } else {
        await drawVisibleWidgets(page.locator('body'), { scroll: true });
        found = await violations(page, label, theme);
      }
      await settle(page);
      expect(found).toEqual([]);
    });
  }
}
