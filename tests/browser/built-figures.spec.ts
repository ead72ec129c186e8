import type { Browser, Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { deckShape, pagesOfKind, showPosition } from './quality-helpers.ts';
import { firstStepOf } from '../../src/deck/position.ts';
import { BUILD_WIDTH, BUILT_STATUS } from '../../src/widgets/built-figure.ts';
import { MC_PLOT_WIDTH } from '../../components/mc-dropout/layout.ts';

/**
 * Every widget's figure is drawn at build time (src/widgets/built-figure.ts): without JavaScript each widget shows an
 * SVG with marks and its summary in words; with JavaScript the live widget's first drawing at the default settings
 * (a training widget's: after Train has run to the end) is the same figure — the same words, the same marks in the
 * same places. Widgets are discovered on the built pages, not listed. (mc-dropout draws nothing until its worker has
 * the network and the test digits, about 1.9 MB: its first drawing is then the default state the build drew, test
 * digit 0 at T = 50 and the stored curve, from the same seeded samples; until then the shell keeps the build's.)
 */

/** Widgets whose build-time figure is still to come (none now): left out here. Every other widget must pass. */
const TODO_WIDGETS = new Set<string>([]);
/**
 * Training widgets whose default figure is the state before training (the digits run takes a minute or more, so the
 * build draws the untrained setup): compared as the controller starts, without pressing Train.
 */
const UNTRAINED_DEFAULT = new Set(['digits-dropout']);

const MARKS = 'path, circle, rect, line, polyline, polygon, ellipse, image';

/**
 * The boxes a widget draws its figure in: its plot box, and mc-dropout's test-set box (its Fig. 11 curve, drawn at
 * build time too, below the controls).
 */
const FIGURE_BOXES = '[data-role="plot"], [data-role="curve"]';
/**
 * The width the build drew a widget's plot box at in the reading view, when it is not the reading column's plot box
 * (BUILD_WIDTH.page): mc-dropout's probability chart sits beside its drawing pad.
 */
const BUILT_PLOT_WIDTH: Record<string, number> = { 'mc-dropout': MC_PLOT_WIDTH.page };

interface Drawing {
  label: string;
  counts: Record<string, number>;
  /** Every mark and text, with its ancestors' transforms and its key attributes, numbers rounded to whole pixels. */
  marks: string[];
}

/** The visible drawings in a widget's figure boxes (a built laptop drawing, say, not the hidden phone one). */
async function drawings(widget: Locator): Promise<Drawing[]> {
  return (await widget.locator(FIGURE_BOXES).evaluateAll((boxes, selector) => boxes.map((plot) => {
    const round = (v: string | null) => (v ?? '').replace(/-?(\d+\.?\d*|\.\d+)(e-?\d+)?/g, (n) => String(Math.round(Number(n)) || 0));
    const KEYS: Record<string, string[]> = {
      path: ['d'], circle: ['cx', 'cy', 'r'], ellipse: ['cx', 'cy', 'rx', 'ry'], rect: ['x', 'y', 'width', 'height'],
      line: ['x1', 'y1', 'x2', 'y2'], polyline: ['points'], polygon: ['points'], image: ['x', 'y', 'width', 'height'], text: ['x', 'y', 'dx', 'dy'],
    };
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const svgs = Array.from(plot.querySelectorAll('svg')).filter((svg) => !svg.parentElement?.closest('svg') && shown(svg));
    return svgs.map((svg) => {
      const counts: Record<string, number> = {};
      const marks = Array.from(svg.querySelectorAll(`${selector}, text`)).map((el) => {
        const tag = el.tagName.toLowerCase();
        counts[tag] = (counts[tag] ?? 0) + 1;
        const transforms: string[] = [];
        for (let a: Element | null = el; a && a !== svg; a = a.parentElement) if (a.getAttribute('transform')) transforms.push(round(a.getAttribute('transform')));
        const attrs = KEYS[tag].map((k) => round(el.getAttribute(k)));
        const words = tag === 'text' ? el.textContent?.trim() ?? '' : '';
        return [tag, transforms.join(' '), ...attrs, words].join('|');
      });
      const label = [svg.getAttribute('aria-label'), svg.querySelector('title')?.textContent, svg.querySelector('desc')?.textContent].filter(Boolean).join(' · ');
      return { label, counts, marks };
    });
  }), MARKS)).flat();
}

/** What a drawing shows, whatever the size of its box: how many charts, and how many marks of each kind. */
const shape = (drawn: Drawing[]) => drawn.map((d) => d.counts);
/** What a drawing shows of the data on a box of another height, whose axes get more or fewer ticks and grid lines. */
const DATA_MARKS = ['circle', 'rect', 'polygon', 'ellipse', 'image'];
const dataShape = (drawn: Drawing[]) => drawn.map((d) => Object.fromEntries(DATA_MARKS.map((tag) => [tag, d.counts[tag] ?? 0])));

const summaryOf = (widget: Locator) => widget.locator('[data-role="summary"]').innerText();

/** Every widget of the page with its id and name, TODO widgets left out. */
async function widgetsOf(page: Page): Promise<{ id: string; name: string }[]> {
  const all = await page.locator('[data-widget]').evaluateAll((els) => els.map((el) => ({ id: el.id, name: (el as HTMLElement).dataset.widget ?? '' })));
  return all.filter((w) => !TODO_WIDGETS.has(w.name));
}

/** Shows slide `index` (0-based) of a deck whose script did not run: before it runs only the first slide shows. */
async function showSlideWithoutScript(page: Page, index: number): Promise<void> {
  await page.locator('[data-slide]').evaluateAll((slides, shown) => {
    slides.forEach((slide, i) => ((slide as HTMLElement).style.display = i === shown ? (i === 0 ? '' : 'grid') : 'none'));
  }, index);
}

async function expectBuiltFigure(widget: Locator, name: string): Promise<void> {
  await expect(widget, `${name} says it is still loading`).not.toContainText('loads when');
  expect((await summaryOf(widget)).trim().length, `${name} has no summary`).toBeGreaterThan(20);
  const drawn = await drawings(widget);
  expect(drawn.length, `${name} shows no SVG`).toBeGreaterThan(0);
  // Visible marks: every drawing shown has some, and at least one of them has a size on the screen.
  for (const d of drawn) expect(d.marks.filter((m) => !m.startsWith('text|')).length, `${name}: an SVG without marks`).toBeGreaterThan(0);
  const visibleMarks = await widget.locator('[data-role="plot"] svg').evaluateAll((svgs, selector) =>
    svgs.flatMap((svg) => Array.from(svg.querySelectorAll(selector))).filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 || r.height > 0;
    }).length, MARKS);
  expect(visibleMarks, `${name}: no mark is visible`).toBeGreaterThan(0);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const path of pagesOfKind('reading')) {
    test(`${path}: every widget shows its figure and its summary`, async ({ page }) => {
      await page.goto(path);
      const widgets = await widgetsOf(page);
      expect(widgets.length).toBeGreaterThan(0);
      for (const { id, name } of widgets) {
        const widget = page.locator(`[data-widget][id="${id}"]`);
        await widget.scrollIntoViewIfNeeded();
        await expectBuiltFigure(widget, `${name} (#${id})`);
      }
    });
  }

  for (const path of pagesOfKind('slides')) {
    test(`${path}: every widget shows its slide's figure and its summary`, async ({ page }) => {
      await page.goto(path);
      const slides = await page.locator('[data-slide]').count();
      let seen = 0;
      for (let s = 0; s < slides; s++) {
        const slide = page.locator('[data-slide]').nth(s);
        const shown = await slideWidgets(slide);
        if (shown.length === 0) continue;
        await showSlideWithoutScript(page, s);
        for (const { id, name } of shown) {
          const widget = slide.locator(`[data-widget][id="${id}"]`);
          await expect(widget).toBeVisible();
          // Only the slide's drawing: no laptop or phone drawing is carried on a slide page.
          await expect(widget.locator('.built-figure:not([data-density="slide"])')).toHaveCount(0);
          await expectBuiltFigure(widget, `${name} (#${id}, slide ${s + 1})`);
          seen++;
        }
      }
      expect(seen).toBeGreaterThan(0);
    });
  }
});

type Built = Map<string, { summary: string; drawings: Drawing[] }>;

/** The widgets a slide shows (an <Explain> or <Notes> part is for the reading page and the presenter). */
function slideWidgets(slide: Locator): Promise<{ id: string; name: string }[]> {
  return slide.locator('[data-widget]').evaluateAll((els, todo) =>
    els.filter((el) => !el.closest('.deck-explain, .deck-notes')).map((el) => ({ id: el.id, name: (el as HTMLElement).dataset.widget ?? '' })).filter((w) => !todo.includes(w.name)),
  [...TODO_WIDGETS]);
}

/** The same page without JavaScript: what the build drew, before any controller could touch it. */
async function builtFigures(browser: Browser, baseURL: string, path: string): Promise<Built> {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL, viewport: VIEWPORT, deviceScaleFactor: DEVICE_SCALE });
  const page = await context.newPage();
  await page.goto(path);
  const out: Built = new Map();
  const record = async (widget: Locator, id: string) => out.set(id, { summary: await summaryOf(widget), drawings: await drawings(widget) });
  if ((await page.locator('[data-deck-stage]').count()) === 0) {
    for (const { id } of await widgetsOf(page)) {
      const widget = page.locator(`[data-widget][id="${id}"]`);
      await widget.scrollIntoViewIfNeeded();
      await record(widget, id);
    }
  } else {
    const slides = page.locator('[data-slide]');
    for (let s = 0; s < (await slides.count()); s++) {
      const shown = await slideWidgets(slides.nth(s));
      if (shown.length === 0) continue;
      await showSlideWithoutScript(page, s);
      for (const { id } of shown) await record(slides.nth(s).locator(`[data-widget][id="${id}"]`), id);
    }
  }
  await context.close();
  return out;
}

/** A laptop's window: the reading column's plot box is BUILD_WIDTH.page wide, the width the build drew at. */
const VIEWPORT = { width: 1280, height: 800 };
/**
 * A high-density screen, as on most laptops and phones. Observable Plot shifts its lines by half a pixel on a screen of
 * device pixel ratio 1 (crisp edges there) and not on a denser one, nor in Node, where the build draws.
 */
const DEVICE_SCALE = 2;

test.describe('with JavaScript, the live widget draws the build-time figure', () => {
  test.use({ viewport: VIEWPORT, deviceScaleFactor: DEVICE_SCALE });

  for (const path of pagesOfKind('reading')) {
    test(`${path}: every widget's first drawing at the default settings equals the build-time one`, async ({ page, browser, baseURL }) => {
      test.setTimeout(600_000);
      const built = await builtFigures(browser, baseURL!, path);
      // A training widget draws when Train is pressed; without motion it redraws only when the run ends.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(path);
      for (const { id, name } of await widgetsOf(page)) {
        const widget = page.locator(`[data-widget][id="${id}"]`);
        const expected = built.get(id)!;
        await widget.scrollIntoViewIfNeeded();
        await expect(widget).toHaveAttribute('data-widget-state', 'ready', { timeout: 15_000 });
        // The build draws the reading view for a step's plot box (BUILD_WIDTH.page); a widget in an <Explain> part has
        // a wider one (no step number beside it): the live widget redraws it for that width, so only its marks are
        // counted there, not placed. TODO: draw those for their own width.
        const plotWidth = await widget.locator('[data-role="plot"]').evaluate((el) => el.clientWidth);
        const exact = plotWidth === (BUILT_PLOT_WIDTH[name] ?? BUILD_WIDTH.page);
        if (!exact) expect(await widget.evaluate((el) => el.closest('.deck-explain') !== null), `${name}: plot box ${plotWidth} px`).toBe(true);
        const play = widget.locator('[data-role="play"]');
        if ((await play.count()) > 0 && !UNTRAINED_DEFAULT.has(name)) {
          // A training widget keeps the build-time figure (a finished run) until asked: Train runs it again live.
          await expect(widget).toHaveAttribute('data-figure', 'built');
          await expect(widget.locator('[data-role="status"]')).toHaveText(BUILT_STATUS);
          expect(await drawings(widget), `${name}: the shell's drawing changed before Train`).toEqual(expected.drawings);
          await play.click();
          // Without motion the run draws once, when it ends: the figure is then the live widget's own.
          await expect(widget).toHaveAttribute('data-figure', 'live', { timeout: 300_000 });
        }
        const seen = async () => ({ summary: await summaryOf(widget), drawings: exact ? await drawings(widget) : shape(await drawings(widget)) });
        await expect
          .poll(seen, { message: `${name} (#${id})`, timeout: 60_000, intervals: [250, 500, 1000] })
          .toEqual({ summary: expected.summary, drawings: exact ? expected.drawings : shape(expected.drawings) });
      }
    });
  }
});


test.describe('with JavaScript, a slide shows the build-time figure', () => {
  test.use({ viewport: VIEWPORT, deviceScaleFactor: DEVICE_SCALE });

  for (const path of pagesOfKind('slides')) {
    test(`${path}: each widget, where the deck first shows it, draws the figure the build drew for that step`, async ({ page, browser, baseURL }) => {
      test.setTimeout(300_000);
      const built = await builtFigures(browser, baseURL!, path);
      await page.goto(path);
      const checked = new Set<string>();
      const redrawn: { id: string; name: string; slide: number; step: number }[] = [];
      for (const [slide, steps] of (await deckShape(page)).entries()) {
        for (let step = firstStepOf(steps); step <= steps; step++) {
          const current = await showPosition(page, slide, step);
          for (const { id, name } of await slideWidgets(current)) {
            const widget = current.locator(`[data-widget][id="${id}"]`);
            if (checked.has(id) || !(await widget.isVisible())) continue;
            checked.add(id);
            const expected = built.get(id)!;
            await expect(widget).toHaveAttribute('data-widget-state', 'ready', { timeout: 15_000 });
            if ((await widget.locator('[data-role="play"]').count()) > 0 && !UNTRAINED_DEFAULT.has(name)) {
              // A training widget keeps the build-time drawing of the finished run until asked.
              await expect(widget).toHaveAttribute('data-figure', 'built');
              expect(await drawings(widget), `${name} (#${id})`).toEqual(expected.drawings);
              expect(await summaryOf(widget)).toBe(expected.summary);
              continue;
            }
            redrawn.push({ id, name, slide, step });
          }
        }
      }
      expect(checked.size).toBeGreaterThan(0);
      // A widget that draws at once redraws for the box it measures (the build assumed one): the same words and data
      // marks (an axis on a box of another height has another number of ticks).
      // Each is opened at its position afresh, so only that step's settings apply (not those of the steps before it).
      for (const { id, name, slide, step } of redrawn) {
        await page.goto('about:blank');
        await page.goto(`${path}#/${slide + 1}/${step}`);
        const widget = (await showPosition(page, slide, step)).locator(`[data-widget][id="${id}"]`);
        const expected = built.get(id)!;
        await expect(widget).toHaveAttribute('data-figure', 'live', { timeout: 15_000 });
        await expect
          .poll(async () => ({ summary: await summaryOf(widget), shape: dataShape(await drawings(widget)) }), { message: `${name} (#${id}) at ${slide + 1}/${step}`, timeout: 30_000 })
          .toEqual({ summary: expected.summary, shape: dataShape(expected.drawings) });
      }
    });
  }
});
