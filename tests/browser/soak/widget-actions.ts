import type { Action } from './action-kit.ts';
import { CLICK, userClick, ENABLED, pickFrom, pickReachable } from './action-kit.ts';

/**
 * The widgets' controls, used as readers do: Train/Pause/Step/Reset, buttons, checkboxes, sliders (dragged with the
 * mouse or moved with keys), number fields (valid values, edges and nonsense), selects; and a widget taken out of the
 * page and put back.
 */

/** Train / Pause, Step or Reset on a training widget (Train most often), scrolled into view first. */
const train: Action = async (ctx) => {
  const play = await pickReachable(ctx, '[data-widget] [data-role="play"]');
  if (!play) return;
  await play.scrollIntoViewIfNeeded(CLICK);
  const widget = play.locator('xpath=ancestor::*[@data-widget][1]');
  const role = pickFrom(ctx.rng, ['play', 'play', 'play', 'step', 'step', 'reset']);
  let button = widget.locator(`[data-role="${role}"]`);
  const diverged = await button.isDisabled();
  if (diverged) button = widget.locator('[data-role="reset"]'); // diverged: Reset recovers
  ctx.note(`→ ${diverged ? 'reset (diverged)' : role}`);
  await userClick(ctx, button);
};

const button: Action = async (ctx) => {
  const el = await pickReachable(ctx, `button${ENABLED}`);
  if (!el) return;
  await userClick(ctx, el);
};

const checkbox: Action = async (ctx) => {
  const el = await pickReachable(ctx, `input[type="checkbox"]${ENABLED}`);
  if (!el) return;
  await userClick(ctx, el);
};

/** Drag a slider's thumb with the mouse to a random place along it. */
const sliderDrag: Action = async (ctx) => {
  const el = await pickReachable(ctx, `input[type="range"]${ENABLED}`);
  if (!el) return;
  await el.scrollIntoViewIfNeeded(CLICK);
  const box = await el.boundingBox();
  if (!box) return ctx.note('(no box)');
  const { mouse } = ctx.tab.page;
  const y = box.y + box.height / 2;
  const from = box.x + box.width * ctx.rng.uniform();
  const to = box.x + box.width * ctx.rng.uniform();
  ctx.note(`${Math.round(from - box.x)}→${Math.round(to - box.x)} px`);
  await mouse.move(from, y);
  await mouse.down();
  await mouse.move(to, y, { steps: 2 + ctx.rng.integer(8) });
  await mouse.up();
};

const SLIDER_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'];
const sliderKeys: Action = async (ctx) => {
  const el = await pickReachable(ctx, `input[type="range"]${ENABLED}`);
  if (!el) return;
  const key = pickFrom(ctx.rng, SLIDER_KEYS);
  const times = 1 + ctx.rng.integer(5);
  ctx.note(`${key}×${times}`);
  await el.focus();
  for (let i = 0; i < times; i++) await el.press(key, CLICK);
};

const BAD_NUMBERS = ['', '-1', '1e9', 'abc', '1.2.3', '--3', '0.0001', '999999999', 'e', '+', '2.5e-7', '12abc'];
/** Type into a number field (select all, type, then Enter or Tab): a valid value, an edge, or nonsense. */
const numberField: Action = async (ctx) => {
  const el = await pickReachable(ctx, `input[type="number"]${ENABLED}`);
  if (!el) return;
  const { min, max, step } = await el.evaluate((node) => {
    const input = node as HTMLInputElement;
    return { min: Number(input.min), max: Number(input.max), step: Number(input.step) || 1 };
  });
  const roll = ctx.rng.uniform();
  let text: string;
  if (roll < 0.55) text = String(Number((min + step * ctx.rng.integer(Math.max(1, Math.min(200, Math.floor((max - min) / step) + 1)))).toFixed(6)));
  else if (roll < 0.7) text = String(pickFrom(ctx.rng, [min, max]));
  else text = pickFrom(ctx.rng, BAD_NUMBERS);
  const commit = ctx.rng.uniform() < 0.7 ? 'Enter' : 'Tab';
  ctx.note(`"${text}" ${commit}`);
  await el.scrollIntoViewIfNeeded(CLICK);
  await el.focus();
  await ctx.tab.page.keyboard.press('ControlOrMeta+a');
  await ctx.tab.page.keyboard.type(text);
  await ctx.tab.page.keyboard.press(commit);
};

const select: Action = async (ctx) => {
  const el = await pickReachable(ctx, `select${ENABLED}`);
  if (!el) return;
  const options = await el.locator('option').evaluateAll((nodes) => nodes.map((n) => (n as HTMLOptionElement).value));
  const value = pickFrom(ctx.rng, options);
  ctx.note(`→ ${value}`);
  await el.selectOption(value, CLICK);
};

/** Take a widget out of the page and put it back a frame later, as a client-side router would: its controller stops
 * and starts again. The heap check and the fixture then catch what it failed to release or re-wire. */
const remount: Action = async (ctx) => {
  const pick = ctx.rng.integer(1_000_000);
  const id = await ctx.tab.page.evaluate(async (n) => {
    const widgets = Array.from(document.querySelectorAll<HTMLElement>('[data-widget]'));
    const el = widgets[n % widgets.length];
    if (!el?.parentNode) return '';
    const parent = el.parentNode;
    const next = el.nextSibling;
    el.remove();
    await new Promise((done) => requestAnimationFrame(done));
    parent.insertBefore(el, next);
    return el.id;
  }, pick);
  ctx.note(id || '(no widget)');
};

export const WIDGET_ACTIONS = { train, button, checkbox, 'slider-drag': sliderDrag, 'slider-keys': sliderKeys, number: numberField, select, remount } satisfies Record<string, Action>;
