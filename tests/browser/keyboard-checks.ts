import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { PARAMS, isParamName } from '../../src/widgets/params.ts';

/**
 * Keyboard checks for any group of controls (a widget, the deck's bar, a dialog), used by quality-keyboard.spec.ts:
 * every control is reached by Tab, has an accessible name, shows a focus indicator that is actually painted, and
 * works from the keyboard. Controls are found in the DOM, never listed by hand.
 */
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [role="button"], [role="slider"], [role="checkbox"]';

/** Visible, enabled controls under `scope` (`except`: a selector for parts to leave out, e.g. the slide stage). */
export async function controlsIn(scope: Locator, except?: string): Promise<Locator[]> {
  const all = await scope.locator(FOCUSABLE).filter({ visible: true }).all();
  const kept: Locator[] = [];
  for (const control of all) {
    const skip = await control.evaluate((el, not) => (el as HTMLButtonElement).disabled === true || el.closest('[inert]') !== null || (not !== null && el.closest(not) !== null), except ?? null);
    if (!skip) kept.push(control);
  }
  return kept;
}

/** A description of a control for failure messages: tag, type, data-role/param, id. */
export const describeControl = (control: Locator) =>
  control.evaluate((el) => `<${el.tagName.toLowerCase()}${el.getAttribute('type') ? ` type=${el.getAttribute('type')}` : ''}${el.id ? ` #${el.id}` : ''}${(el as HTMLElement).dataset.role ? ` data-role=${(el as HTMLElement).dataset.role}` : ''}${(el as HTMLElement).dataset.param ? ` data-param=${(el as HTMLElement).dataset.param}` : ''}> "${(el.textContent ?? '').trim().slice(0, 30)}"`);

/** A problem if Playwright computes no accessible name for the control (its label, aria-label or text). */
export async function nameProblem(control: Locator): Promise<string | null> {
  try {
    await expect(control).toHaveAccessibleName(/\S/, { timeout: 1000 });
    return null;
  } catch {
    return 'no accessible name';
  }
}

const mark = (control: Locator, name: string, value: string | null) =>
  control.evaluate((el, [n, v]) => (v === null ? el.removeAttribute(n!) : el.setAttribute(n!, v)), [name, value] as const);

/**
 * Press Tab from just before `start` (focus parked on it with a temporary tabindex) until every control was reached
 * or `limit` presses; `onReach(i)` runs while controls[i] has keyboard focus, the first time it is reached.
 * Returns the indices reached.
 */
export async function tabThrough(page: Page, start: Locator, controls: Locator[], onReach: (i: number) => Promise<void>, limit = controls.length * 3 + 10): Promise<Set<number>> {
  for (const [i, control] of controls.entries()) await mark(control, 'data-qa-control', String(i));
  await start.evaluate((el) => {
    (el as HTMLElement).tabIndex = -1;
    (el as HTMLElement).focus({ preventScroll: true });
    el.removeAttribute('tabindex');
  });
  const reached = new Set<number>();
  for (let presses = 0; presses < limit && reached.size < controls.length; presses++) {
    await page.keyboard.press('Tab');
    const index = await page.evaluate(() => document.activeElement?.closest('[data-qa-control]')?.getAttribute('data-qa-control') ?? null);
    if (index === null || reached.has(Number(index))) continue;
    reached.add(Number(index));
    await onReach(Number(index));
  }
  for (const control of controls) await mark(control, 'data-qa-control', null);
  return reached;
}

/**
 * The control (already focused by the keyboard) paints a focus indicator: its outline or box-shadow is set, and the
 * pixels around it differ from the same area once focus has gone (so an indicator clipped away or drawn in the
 * background colour fails too). Focus is restored afterwards. Returns a problem, or null.
 */
export async function focusIndicatorProblem(page: Page, control: Locator): Promise<string | null> {
  const style = await control.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none', focused: el === document.activeElement };
  });
  if (!style.focused) return 'not focused';
  if (!style.outline && !style.shadow) return 'no outline or box-shadow when focused';
  const box = await control.boundingBox();
  if (!box) return 'no box';
  const viewport = page.viewportSize()!;
  const margin = 6;
  const x = Math.max(0, box.x - margin), y = Math.max(0, box.y - margin);
  const clip = { x, y, width: Math.min(viewport.width, box.x + box.width + margin) - x, height: Math.min(viewport.height, box.y + box.height + margin) - y };
  if (clip.width <= 0 || clip.height <= 0) return 'outside the viewport';
  const focused = await page.screenshot({ clip, animations: 'disabled' });
  await control.evaluate((el) => (el as HTMLElement).blur());
  const blurred = await page.screenshot({ clip, animations: 'disabled' });
  await control.evaluate((el) => (el as HTMLElement).focus({ preventScroll: true }));
  return focused.equals(blurred) ? 'the focus indicator is not painted (no pixel changes when focused)' : null;
}

/**
 * Enter and Space on a focused button each produce a click on it (nothing on the page swallows the key). The click
 * is caught before it reaches the page's handlers, so the check changes nothing.
 */
export async function keysClickProblem(page: Page, control: Locator): Promise<string | null> {
  await page.evaluate(() => {
    const w = window as unknown as { qaClicks?: string[] };
    if (w.qaClicks) return;
    w.qaClicks = [];
    window.addEventListener(
      'click',
      (event) => {
        const target = (event.target as Element | null)?.closest?.('[data-qa-press]');
        if (!target) return;
        w.qaClicks!.push(event.type);
        event.preventDefault();
        event.stopImmediatePropagation();
      },
      true,
    );
  });
  await mark(control, 'data-qa-press', '');
  const problems: string[] = [];
  for (const key of ['Enter', 'Space']) {
    await page.evaluate(() => ((window as unknown as { qaClicks: string[] }).qaClicks.length = 0));
    await control.focus();
    await control.press(key);
    const clicks = await page.evaluate(() => (window as unknown as { qaClicks: string[] }).qaClicks.length);
    if (clicks !== 1) problems.push(`${key} gave ${clicks} clicks`);
  }
  await mark(control, 'data-qa-press', null);
  return problems.length ? problems.join('; ') : null;
}

/** The widget's text alternative: its summary of what the plot shows. */
export const summaryText = (widget: Locator) => widget.locator('[data-role="summary"]').first().textContent();

/** The parameter `name`'s value in the page's URL query (the store's mirror), or null. */
export const queryValue = (page: Page, name: string) => page.evaluate((n) => new URLSearchParams(location.search).get(n), name);

/** The store took `shown` for `param`: its URL mirror says so (a default is left out of the URL). */
async function expectStored(page: Page, param: string, shown: string, label: string): Promise<void> {
  const fallback = isParamName(param) ? String(PARAMS[param].default) : null;
  const isDefault = fallback !== null && (shown === fallback || (shown.trim() !== '' && Number(shown) === Number(fallback)));
  await expect.poll(() => queryValue(page, param), `${label}: the store follows`).toBe(isDefault ? null : shown);
}

/**
 * A form control changes its value from the keyboard: a slider by the arrow keys (and the widget's summary follows),
 * a number field by the arrow keys then Enter, a select by the arrow keys, a checkbox by Space; a [data-param]
 * control's new value reaches the page's store (its URL mirror). The old value is restored afterwards.
 * `follow: false` checks only that the value changes (where the store and the text were checked already).
 */
export async function operateByKeyboard(page: Page, widget: Locator, control: Locator, { follow = true } = {}): Promise<void> {
  const info = await control.evaluate((el) => {
    const input = el as HTMLInputElement;
    return { tag: el.tagName.toLowerCase(), type: input.type, value: input.value, checked: input.checked, max: input.max, param: input.dataset.param ?? null, lastOption: el instanceof HTMLSelectElement ? el.selectedIndex === el.options.length - 1 : false };
  });
  const label = await describeControl(control);
  await control.focus();
  if (info.type === 'checkbox') {
    await page.keyboard.press('Space');
    await expect(control, `${label}: Space toggles it`).toBeChecked({ checked: !info.checked });
    if (info.param && follow) await expectStored(page, info.param, String(!info.checked), label);
    await page.keyboard.press('Space');
    await expect(control).toBeChecked({ checked: info.checked });
    return;
  }
  const atEnd = info.tag === 'select' ? info.lastOption : info.max !== '' && Number(info.value) >= Number(info.max);
  // Move away from the end of the range: a number field and a select step with Up/Down, a slider with Left/Right.
  const keys = info.type === 'range' ? ['ArrowRight', 'ArrowLeft'] : info.tag === 'select' ? ['ArrowDown', 'ArrowUp'] : ['ArrowUp', 'ArrowDown'];
  const [go, undo] = atEnd ? [keys[1], keys[0]] : keys;
  const before = follow ? await summaryText(widget) : '';
  await page.keyboard.press(go);
  if (info.type === 'number') await page.keyboard.press('Enter');
  await expect(control, `${label}: ${go} changes the value`).not.toHaveValue(info.value);
  const now = await control.inputValue();
  if (info.param && follow) await expectStored(page, info.param, now, label);
  if (info.type === 'range' && follow) await expect.poll(() => summaryText(widget), `${label}: the widget's summary follows the slider`).not.toBe(before);
  await page.keyboard.press(undo);
  if (info.type === 'number') await page.keyboard.press('Enter');
  await expect(control).toHaveValue(info.value);
}
