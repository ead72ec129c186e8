import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { pageForEachWidget, pagesOfKind, expectDrawn, deckShape, showPosition, settle } from './quality-helpers.ts';
import { firstStepOf } from '../../src/deck/position.ts';
import { nameProblem, controlsIn, describeControl, focusIndicatorProblem, keysClickProblem, operateByKeyboard, tabThrough } from './keyboard-checks.ts';

/**
 * The keyboard gate, over every control of every widget in the build (one page per widget, found by site.ts; then
 * again as the deck shows each widget) and the deck's own controls and dialogs: each is reached by Tab, has an
 * accessible name, paints a focus indicator, and works from the keyboard — buttons by Enter and Space, sliders by
 * the arrow keys (the widget's summary follows), number fields by the arrows and Enter, selects by the arrows,
 * checkboxes by Space — and the new value reaches the page's store. Inside the deck no such key moves the slides.
 */
test.use({ reducedMotion: 'reduce' });
test.beforeEach(({ problems }) => {
  expect(problems).toEqual([]); // requesting the fixture makes console errors fail the test
});

/**
 * Tab through `controls` from `start`, checking names and focus indicators; then operate each one. `done` holds the
 * descriptions of controls already checked (a widget is walked again for each choice of its selects).
 */
async function checkControls(page: Page, start: Locator, controls: Locator[], done: Set<string>, operate: (control: Locator) => Promise<string | null>): Promise<string[]> {
  const found: string[] = [];
  const labels = await Promise.all(controls.map(describeControl));
  const fresh = controls.map((_, i) => !done.has(labels[i]));
  const reached = await tabThrough(page, start, controls, async (i) => {
    if (!fresh[i]) return;
    const problem = await focusIndicatorProblem(page, controls[i]);
    if (problem) found.push(`${labels[i]}: ${problem}`);
  });
  for (const [i, control] of controls.entries()) {
    if (!fresh[i]) continue;
    done.add(labels[i]);
    if (!reached.has(i)) found.push(`${labels[i]}: not reached by Tab`);
    for (const problem of [await nameProblem(control), await operate(control)]) if (problem) found.push(`${labels[i]}: ${problem}`);
  }
  return found;
}

const isButton = (control: Locator) => control.evaluate((el) => el.matches('button, [role="button"], summary, input[type="button"], input[type="submit"]'));

/**
 * Every control of one drawn widget, including those shown only for some choice (an activation's own sliders): the
 * widget is walked again after each option of each of its selects. No key press may move a deck (hash unchanged).
 * `again`: the widget was checked in full on another page; only reach, names, focus and the keys themselves here.
 */
async function checkWidget(page: Page, root: Locator, { again = false } = {}): Promise<string[]> {
  const hash = await page.evaluate(() => location.hash);
  const operate = async (control: Locator) => {
    let problem: string | null = null;
    if (await isButton(control)) problem = await keysClickProblem(page, control);
    else if ((await control.evaluate((el) => el.tagName)) !== 'A') await operateByKeyboard(page, root, control, { follow: !again });
    const moved = (await page.evaluate(() => location.hash)) !== hash;
    return problem ?? (moved ? 'a key press on it also moved the deck' : null);
  };
  const done = new Set<string>();
  const found = await checkControls(page, root, await controlsIn(root), done, operate);
  for (const select of again ? [] : await root.locator('select').filter({ visible: true }).all()) {
    const initial = await select.inputValue();
    for (const value of await select.evaluate((el) => Array.from((el as HTMLSelectElement).options, (o) => o.value))) {
      await select.selectOption(value);
      found.push(...(await checkControls(page, root, await controlsIn(root), done, operate)));
    }
    await select.selectOption(initial);
  }
  expect(done.size, 'controls checked').toBeGreaterThan(0);
  return found;
}

for (const { widget, path } of pageForEachWidget()) {
  test(`keyboard: every control of ${widget} (/${path}) is reached, named, shows focus and works`, async ({ page }) => {
    await page.goto(path);
    const root = page.locator(`[data-widget="${widget}"]`).first();
    await root.scrollIntoViewIfNeeded();
    await expectDrawn(root);
    const found = await checkWidget(page, root);
    await settle(page);
    expect(found).toEqual([]);
  });
}

for (const path of pagesOfKind('slides')) {
  test(`keyboard: every widget as the deck /${path} shows it, step by step: reached, named, shows focus, works, never moves the deck`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto(path);
    const checked = new Set<string>();
    const found: string[] = [];
    for (const [slide, steps] of (await deckShape(page)).entries()) {
      for (let step = firstStepOf(steps); step <= steps; step++) {
        const current = await showPosition(page, slide, step);
        for (const root of await current.locator('[data-widget]').filter({ visible: true }).all()) {
          const id = await root.getAttribute('id');
          if (!id || checked.has(id)) continue;
          checked.add(id);
          await expectDrawn(root);
          found.push(...(await checkWidget(page, root, { again: true })).map((problem) => `#/${slide + 1}/${step} ${id}: ${problem}`));
        }
      }
    }
    expect(checked.size, 'widgets checked in the deck').toBeGreaterThan(0);
    await settle(page);
    expect(found).toEqual([]);
  });
}

for (const path of [...pagesOfKind('slides'), ...pagesOfKind('presenter')]) {
  test(`keyboard: the deck's controls and dialogs on /${path} are reached, named, show focus and work`, async ({ page }) => {
    await page.goto(path);
    const deck = page.locator('deck-view');
    await expect(page.locator('[data-deck-stage][data-deck-ready]')).toHaveCount(1);
    const hash = await page.evaluate(() => location.hash);
    // Buttons are pressed with their clicks caught (nothing happens); links are only focused, never followed.
    const operate = async (control: Locator) => {
      if (!(await isButton(control))) return null;
      const problem = await keysClickProblem(page, control);
      const moved = (await page.evaluate(() => location.hash)) !== hash;
      return problem ?? (moved ? 'Enter or Space on it also moved the deck' : null);
    };
    const done = new Set<string>();
    const found = await checkControls(page, page.locator('body'), await controlsIn(deck, '[data-deck-stage], dialog'), done, operate);
    for (const [key, selector] of [['o', '[data-deck-overview]'], ['?', '[data-deck-help]']] as const) {
      await page.locator('body').press(key);
      const dialog = page.locator(selector);
      await expect(dialog).toBeVisible();
      const controls = await controlsIn(dialog);
      expect(controls.length, `controls in ${selector}`).toBeGreaterThan(0);
      found.push(...(await checkControls(page, dialog, controls, done, operate)).map((p) => `${selector} ${p}`));
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }
    await settle(page);
    expect(found).toEqual([]);
  });
}
