import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { expectDrawn, svgMarkup } from './quality-helpers.ts';
import { PARAMS, isParamName } from '../../src/widgets/params.ts';

/**
 * Checks shared by quality-input.spec.ts: what a hostile link must never do to a page, where a parameter's control
 * is, whether it shows the default, and that a widget never shows a non-finite number.
 */

/** Dialogs opened by the page (an alert() from injected markup would be one); each is dismissed and recorded. */
export function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

/** Nothing from the link became markup: no injected image or handler, no script mentioning alert. */
export async function injectedMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...Array.from(document.querySelectorAll('img[src="x"], [onerror], [onload]:not(body)'), (el) => `element ${el.outerHTML.slice(0, 60)}`),
    ...Array.from(document.scripts)
      .filter((s) => /alert/.test(s.text))
      .map((s) => `script ${s.text.slice(0, 60)}`),
  ]);
}

/** The #url-notice box is shown with at least one plain-text item (list items and nothing inside them). */
export async function expectNotice(page: Page): Promise<void> {
  const notice = page.locator('#url-notice');
  await expect(notice).toBeVisible();
  await expect(notice.locator('li').first()).toHaveText(/\S/);
  await expect(notice.locator('li *')).toHaveCount(0);
}

/** Where the first visible-able control of `param` is: the widget's id, and for a deck the position showing it. */
export async function findControl(page: Page, param: string): Promise<{ widget: string; hash: string } | null> {
  return page.evaluate((name) => {
    const control = Array.from(document.querySelectorAll(`[data-widget] [data-param="${name}"]`)).find((el) => !el.closest('[hidden], [data-notes], [data-explain]'));
    if (!control) return null;
    const widget = control.closest('[data-widget]')!;
    const slide = control.closest('[data-deck-stage] [data-slide]');
    if (!slide) return { widget: widget.id, hash: '' };
    const slides = Array.from(document.querySelectorAll('[data-deck-stage] [data-slide]')).filter((s) => !s.parentElement?.closest('[data-slide]'));
    const steps = Array.from(slide.querySelectorAll('[data-step]')).filter((s) => s.closest('[data-slide]') === slide && !s.closest('[data-explain], [data-notes]'));
    const own = steps.findIndex((step) => step.contains(control));
    return { widget: widget.id, hash: `#/${slides.indexOf(slide) + 1}/${own >= 0 ? own + 1 : steps.length > 0 ? 1 : 0}` };
  }, param);
}

/** The control of `param` inside `widget` shows `expected` (a range input rounds to its step). */
export async function expectControlShows(widget: Locator, param: string, expected: number | string | boolean): Promise<void> {
  const control = widget.locator(`[data-param="${param}"]`).first();
  if (typeof expected === 'boolean') return expect(control).toBeChecked({ checked: expected });
  if (typeof expected === 'string') return expect(control).toHaveValue(expected);
  const spec = isParamName(param) ? PARAMS[param] : null;
  const tolerance = spec && spec.kind === 'number' ? spec.step / 2 : 1e-9;
  await expect.poll(async () => Math.abs(Number(await control.inputValue()) - expected), `${param} shows ${expected}`).toBeLessThanOrEqual(tolerance);
}

/** Scroll the widget with this id into view and wait until it is drawn. */
export async function drawnWidget(page: Page, id: string): Promise<Locator> {
  const widget = page.locator(`[data-widget]#${id}`);
  await widget.scrollIntoViewIfNeeded();
  await expectDrawn(widget);
  return widget;
}

/** The widget still works and shows only finite numbers: ready, and no NaN or Infinity in its drawings or text. */
export async function expectFiniteAndReady(widget: Locator): Promise<void> {
  await expect(widget).toHaveAttribute('data-widget-state', 'ready');
  for (const svg of await svgMarkup(widget)) expect(svg).not.toMatch(/NaN|Infinity/);
  for (const role of ['summary', 'status']) await expect(widget.locator(`[data-role="${role}"]`)).not.toContainText(/NaN|Infinity/);
}

/** The message box a control points at (aria-describedby …-error), or the control-error beside it. */
export async function messageOf(widget: Locator, control: Locator): Promise<Locator> {
  const id = await control.evaluate((el) => el.getAttribute('aria-describedby')?.split(/\s+/).find((ref) => ref.endsWith('-error')) ?? null);
  return id ? widget.locator(`[id="${id}"]`) : control.locator('xpath=..').locator('[data-role="control-error"]').first();
}
