import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { builtPages, pageKind } from './site.ts';
import { pageForEachWidget, widgetsWith, expectDrawn, settle } from './quality-helpers.ts';
import { drawnWidget, expectControlShows, expectFiniteAndReady, expectNotice, findControl, injectedMarkup, messageOf, recordDialogs } from './input-checks.ts';
import { PARAMS, type ParamName } from '../../src/widgets/params.ts';

/**
 * The hostile-input gate, over every built page and every widget (found by site.ts):
 * - a malformed, out-of-range, huge or hostile link shows a plain-text notice, opens no dialog, injects nothing and
 *   leaves the settings at their defaults; a huge hostile hash is ignored; a valid link applies without a notice;
 * - NaN-ish or out-of-range input in a number field is refused with a message next to it (aria-invalid), the widget
 *   keeps working with finite numbers, and a valid value clears the message; sliders never produce NaN;
 * - a training widget with a learning rate diverges at the largest allowed rate with the shared message and
 *   recovers after a sane rate and Reset.
 */
test.use({ reducedMotion: 'reduce' });
test.beforeEach(({ problems }) => {
  expect(problems).toEqual([]); // requesting the fixture makes console errors fail the test
});

const enc = encodeURIComponent;
const IMG = '"><img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';
/** Each bad link, and the settings it names (whose controls must show their defaults). */
const BAD_LINKS: Array<{ query: string; params: ParamName[] }> = [
  { query: '?p=abc', params: ['p'] },
  { query: '?p=2', params: ['p'] },
  { query: '?depth=1e9', params: ['depth'] },
  { query: '?seed=-1', params: ['seed'] },
  { query: `?act=${enc(SCRIPT)}&${enc(SCRIPT)}=1`, params: ['act'] },
  { query: `?${enc(IMG)}=1&p=${enc(IMG)}`, params: ['p'] },
  { query: `?p=${IMG}&seed="7'`, params: ['p', 'seed'] }, // unencoded: as typed into the address bar
  { query: `?p=0.3&seed=7&junk=${'x'.repeat(10_000)}`, params: ['p', 'seed'] }, // too long: nothing is applied
  { query: '?p=%E0%A4%A&%E0%A4%A=1', params: ['p'] },
];
const HUGE_HASH = `#${IMG.repeat(Math.ceil(100_000 / IMG.length))}`;
const GOOD_LINK = { query: '?p=0.3&seed=7', values: { p: 0.3, seed: 7 } } as const;

/** Open `path + query` and, for each named setting, bring its first control into view (on a deck, at its slide). */
async function controlsShow(page: Page, path: string, query: string, values: Partial<Record<ParamName, number | string | boolean>>): Promise<void> {
  for (const [param, expected] of Object.entries(values)) {
    const where = await findControl(page, param);
    if (!where) continue; // no control for it on this page (the home page has none)
    if (where.hash) {
      await settle(page);
      await page.goto('about:blank'); // a load, not a same-document hash change (which would apply the step's settings)
      await page.goto(`${path}${query}${where.hash}`);
    }
    await expectControlShows(await drawnWidget(page, where.widget), param, expected!);
  }
}

for (const path of builtPages()) {
  test(`links: /${path} (${pageKind(path)}) refuses bad and hostile links with a notice, then applies a good one`, async ({ page }) => {
    test.slow();
    const dialogs = recordDialogs(page);
    for (const { query, params } of BAD_LINKS) {
      await settle(page); // leaving mid-request counts as a failed request
      await page.goto(`${path}${query}`);
      await expectNotice(page);
      expect(await injectedMarkup(page), query).toEqual([]);
      await controlsShow(page, path, query, Object.fromEntries(params.map((name) => [name, PARAMS[name].default])));
      expect(await injectedMarkup(page), query).toEqual([]);
    }
    // A huge hostile hash is not a position, an anchor or markup: the page opens as without it.
    await settle(page);
    await page.goto(`${path}${HUGE_HASH}`);
    await expect(page.locator('#url-notice')).toBeHidden();
    if (await page.locator('[data-deck-stage]').count()) await expect(page.locator('[data-deck-stage] [data-slide]').first()).toHaveAttribute('data-current', '');
    expect(await injectedMarkup(page)).toEqual([]);
    // A good link applies without a notice.
    await settle(page);
    await page.goto(`${path}${GOOD_LINK.query}`);
    await controlsShow(page, path, GOOD_LINK.query, GOOD_LINK.values);
    await expect(page.locator('#url-notice')).toBeHidden();
    await settle(page);
    expect(dialogs).toEqual([]);
  });
}

const NUMERIC_FIELDS = 'input[data-param]:is([type="number"], [type="text"], :not([type]))';
const BAD_NUMBERS = ['abc', '1e999', '-1e9', ''];

/** Type `text` into a field as a reader would, and commit it with Enter. */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.fill('');
  if (text) await field.pressSequentially(text);
  await field.press('Enter');
}

async function checkNumericFields(widget: Locator, done: Set<string>): Promise<void> {
  for (const field of await widget.locator(NUMERIC_FIELDS).filter({ visible: true }).all()) {
    const id = (await field.getAttribute('id')) ?? (await field.getAttribute('data-param'))!;
    if (done.has(id)) continue;
    done.add(id);
    const message = await messageOf(widget, field);
    const valid = await field.inputValue();
    for (const bad of BAD_NUMBERS) {
      await typeInto(field, valid);
      await expect(field, `${id} = ${valid}`).not.toHaveAttribute('aria-invalid', 'true');
      await expect(message, `${id} = ${valid} clears the message`).toHaveText('');
      await typeInto(field, bad);
      await expect(field, `${id} = "${bad}"`).toHaveAttribute('aria-invalid', 'true');
      await expect(message, `${id} = "${bad}" is explained next to it`).toHaveText(/\S/);
      await expectFiniteAndReady(widget);
    }
    await typeInto(field, valid);
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
    await expect(message).toHaveText('');
  }
  // Sliders clamp natively: their ends, and garbage written to them, still draw finite numbers (a pair of sliders
  // may still refuse a combination, e.g. RReLU's lower above its upper: that is a message, not a NaN).
  for (const slider of await widget.locator('input[data-param][type="range"]').filter({ visible: true }).all()) {
    for (const key of ['End', 'Home']) {
      await slider.focus();
      await slider.press(key);
      await expectFiniteAndReady(widget);
    }
    await slider.evaluate((el) => {
      (el as HTMLInputElement).value = 'NaN';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expectFiniteAndReady(widget);
  }
}

for (const { widget: name, path } of pageForEachWidget()) {
  test(`fields: ${name} refuses NaN-ish and out-of-range numbers next to the field and keeps working`, async ({ page }) => {
    await page.goto(path);
    const widget = page.locator(`[data-widget="${name}"]`).first();
    await widget.scrollIntoViewIfNeeded();
    await expectDrawn(widget);
    const done = new Set<string>();
    await checkNumericFields(widget, done);
    // Fields shown only for some choices (an activation's own settings): again after each option of each select.
    for (const select of await widget.locator('select').filter({ visible: true }).all()) {
      for (const value of await select.evaluate((el) => Array.from((el as HTMLSelectElement).options, (o) => o.value))) {
        await select.selectOption(value);
        await checkNumericFields(widget, done);
      }
    }
    await settle(page);
  });
}

/** Parameters that are learning rates, from the parameter table. */
const LEARNING_RATES = (Object.keys(PARAMS) as ParamName[]).filter((name) => /learning rate/i.test(PARAMS[name].label));
const divergingWidgets = widgetsWith('[data-role="play"]').flatMap(({ widget, path }) =>
  LEARNING_RATES.filter((lr) => widgetsWith(`[data-param="${lr}"]`).some((w) => w.widget === widget)).map((lr) => ({ widget, path, lr })),
);

test(`divergence: the build has training widgets with a learning rate (${divergingWidgets.map((w) => w.widget).join(', ')})`, () => {
  expect(LEARNING_RATES.length).toBeGreaterThan(0);
  expect(divergingWidgets.length).toBeGreaterThan(0);
});

for (const { widget: name, path, lr } of divergingWidgets) {
  test(`divergence: ${name} stops at the largest ${lr} with the shared message, then recovers`, async ({ page }) => {
    await page.goto(path);
    const widget = page.locator(`[data-widget="${name}"]`).first();
    await widget.scrollIntoViewIfNeeded();
    await expectDrawn(widget);
    const spec = PARAMS[lr] as { min: number; max: number; default: number };
    const field = widget.locator(`[data-param="${lr}"]`);
    const play = widget.locator('[data-role="play"]');
    const status = widget.locator('[data-role="status"]');
    await typeInto(field, String(spec.max));
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
    await play.focus();
    await page.keyboard.press('Enter');
    await expect(status).toContainText('diverged — lower the learning rate', { timeout: 30_000 });
    await expect(play).toBeDisabled();
    // A keyboard user whose Train button was disabled under them is not dropped at the top of the page.
    expect(await widget.evaluate((el) => el.contains(document.activeElement)), 'focus stays in the widget').toBe(true);
    await expectFiniteAndReady(widget);
    // Recovery: a sane rate, Reset, and training runs again.
    await typeInto(field, String(spec.default));
    await widget.locator('[data-role="reset"]').click();
    await expect(status).not.toContainText('diverged');
    await expect(play).toBeEnabled();
    const before = await status.textContent();
    await play.click();
    await expect(status).not.toHaveText(before ?? '');
    if ((await play.getAttribute('aria-pressed')) === 'true') await play.click();
    await expect(status).not.toContainText('diverged');
    await expectFiniteAndReady(widget);
    await settle(page);
  });
}
