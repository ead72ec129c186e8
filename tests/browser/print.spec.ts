import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { LESSON, MDX, SLIDES } from './deck-helpers.ts';
import { printView } from '../../scripts/pdf/print-lesson.ts';
import { pdfPageTexts } from '../../scripts/pdf/pdf-text.ts';

/**
 * The lesson on paper (issue "Every figure drawn at build time"). The reading view prints as a handout: no control,
 * every figure with its one-line parameters, every answer, nothing wider than the page, no break inside a figure,
 * formula or check, light colours whatever the theme. The slide view prints one slide per 16:9 page with every step
 * and the slide's figure, and `slides/?notes` adds each slide's speaker notes under it. The PDFs `npm run pdf` writes
 * (scripts/pdf/print-lesson.ts) are read back with pdf.js: page counts, and each slide's heading, bullets and figure
 * text on its own page.
 */

const SLUG = 'rectifiers-and-dropout';
/** Compare text as pdf.js extracts it: it splits ligatures and runs ("Recti fi ers"), so ignore all white space. */
const squash = (text: string) => text.replace(/\s+/g, '').replace(/[‘’]/g, "'");

async function printed(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

test('the reading view prints as a handout: figures and answers on paper, no controls, nothing cut off', async ({ page }) => {
  // About the width of A4 between its print margins, in the dark theme: paper is light whatever the screen says.
  await page.setViewportSize({ width: 690, height: 1000 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(LESSON);
  await printed(page);
  const report = await page.evaluate(() => {
    const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    const name = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`;
    const controls = [...document.querySelectorAll('main :is(button, input, select, textarea, summary, progress)')].filter(visible).map(name);
    const widgets = [...document.querySelectorAll('[data-widget]')].map((w) => {
      const marks = [...w.querySelectorAll('svg :is(path, rect, circle, line, polyline, image), canvas')].filter(visible).length;
      const params = w.querySelector('[data-role="print-params"]');
      // No chart is split: none may break inside, and each fits on a page (A4 less its margins: 267 mm).
      const charts = [...w.querySelectorAll('[data-role="plot"] :is(svg, canvas)')].filter((c) => !c.parentElement?.closest('svg') && visible(c));
      return {
        name: w.getAttribute('data-widget')!, id: w.id, marks, params: params && visible(params) ? params.textContent!.trim() : '',
        breakInside: [...new Set(charts.map((c) => getComputedStyle(c).breakInside))].join(),
        plotHeight: Math.max(0, ...charts.map((c) => c.getBoundingClientRect().height)), page: (267 / 25.4) * 96,
      };
    });
    const answers = [...document.querySelectorAll('details.deck-answer')].map((d) => {
      const body = [...d.children].filter((c) => c.tagName !== 'SUMMARY');
      return body.length > 0 && body.every(visible) && body.some((c) => c.getBoundingClientRect().height > 0);
    });
    const unbreakable = [...document.querySelectorAll('.katex-display, .deck-check')].map((el) => getComputedStyle(el).breakInside);
    const root = document.documentElement;
    const body = getComputedStyle(document.body);
    return { controls, widgets, answers, unbreakable, overflow: root.scrollWidth - root.clientWidth, background: body.backgroundColor, color: body.color };
  });
  expect(report.controls, 'controls visible on paper').toEqual([]);
  expect(report.widgets.length).toBeGreaterThan(5);
  for (const w of report.widgets) {
    expect.soft(w.marks, `${w.name}#${w.id}: marks of its figure on paper`).toBeGreaterThan(0);
    expect.soft(w.params, `${w.name}#${w.id}: its one-line parameters under the figure`).not.toBe('');
    expect.soft(w.breakInside, `${w.name}#${w.id}: its charts never split by a page break`).toBe('avoid');
    expect.soft(w.plotHeight, `${w.name}#${w.id}: its tallest chart fits on a page`).toBeLessThan(w.page);
  }
  expect(report.answers.length).toBeGreaterThan(5);
  expect(report.answers.every(Boolean), 'every answer printed').toBe(true);
  expect(new Set(report.unbreakable)).toEqual(new Set(['avoid']));
  expect(report.overflow, 'wider than the paper').toBeLessThanOrEqual(0);
  expect(report.background).toBe('rgb(255, 255, 255)');
  expect(report.color).toMatch(/^rgb\((\d{1,2}), \1, \1\)$/); // near-black text
});

test('the slide view prints one 1280×720 slide per page, each with every step and its figure', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${SLIDES}#/1/0`);
  await printed(page);
  const slides = await page.evaluate(() =>
    [...document.querySelectorAll('[data-deck-stage] [data-slide]')].map((slide) => {
      const r = slide.getBoundingClientRect();
      // (Steps are display: contents: their children are what shows.)
      const steps = [...slide.querySelectorAll('[data-step] > *')];
      const media = [...slide.querySelectorAll('[data-step] > :is(.widget, figure)')].filter((m) => m.checkVisibility());
      const inside = media.every((m) => {
        const b = m.getBoundingClientRect();
        return b.top >= r.top - 1 && b.bottom <= r.bottom + 1 && b.left >= r.left - 1 && b.right <= r.right + 1;
      });
      return {
        stepsShown: steps.filter((s) => !s.matches('.widget, figure')).every((s) => s.checkVisibility({ visibilityProperty: true, opacityProperty: true })),
        media: media.length,
        inside,
        controls: [...slide.querySelectorAll('button, input, select, summary')].filter((c) => c.checkVisibility()).length,
      };
    }),
  );
  expect(slides.length).toBe(MDX.length);
  for (const [i, s] of slides.entries()) {
    expect.soft(s.stepsShown, `slide ${i + 1}: every step shown`).toBe(true);
    expect.soft(s.inside, `slide ${i + 1}: its figure inside the page`).toBe(true);
    expect.soft(s.controls, `slide ${i + 1}: no controls on paper`).toBe(0);
    if (i > 0) expect.soft(s.media, `slide ${i + 1}: one figure`).toBe(1);
  }
});

test('the PDFs: the handout, one page per slide, and the slides with their notes', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const slides = await pdfPageTexts(await printView(browser, baseURL!, SLUG, 'slides'));
  const notes = await pdfPageTexts(await printView(browser, baseURL!, SLUG, 'slides-with-notes'));
  expect(slides.length, 'slides.pdf: one page per slide').toBe(MDX.length);
  expect(notes.length, 'slides-with-notes.pdf: one page per slide').toBe(MDX.length);

  // What each slide shows, read from the slide view itself: heading, every bullet, the text of its printed figure.
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(new URL(`${SLIDES}#/1/0`, baseURL).href);
  await printed(page);
  const expected = await page.evaluate(() =>
    [...document.querySelectorAll('[data-deck-stage] [data-slide]')].map((slide) => ({
      heading: slide.querySelector('h1, h2, .deck-title-heading')?.textContent ?? '',
      bullets: [...slide.querySelectorAll('[data-step] blockquote')].map((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)),
      figureText: [...slide.querySelectorAll(':is(.widget, figure) svg text')].filter((t) => t.checkVisibility()).map((t) => t.textContent ?? '').filter((t) => /[A-Za-z]{3}/.test(t)),
      notes: slide.querySelector('[data-notes]') !== null,
    })),
  );
  await page.close();
  for (const [i, want] of expected.entries()) {
    const got = squash(slides[i]);
    expect.soft(got, `slides.pdf page ${i + 1}: heading`).toContain(squash(want.heading));
    for (const bullet of want.bullets) expect.soft(got, `slides.pdf page ${i + 1}: bullet`).toContain(squash(bullet));
    if (want.figureText.length > 0) {
      expect.soft(want.figureText.some((t) => got.includes(squash(t))), `slides.pdf page ${i + 1}: its figure's text (${want.figureText.slice(0, 3).join(' | ')})`).toBe(true);
    }
    if (want.notes) expect.soft(notes[i], `slides-with-notes.pdf page ${i + 1}: its notes`).toContain('Speaker notes');
  }

  const handout = await pdfPageTexts(await printView(browser, baseURL!, SLUG, 'handout'));
  console.log(`handout.pdf: ${handout.length} pages; slides.pdf: ${slides.length}; slides-with-notes.pdf: ${notes.length}`);
  expect(handout.length).toBeGreaterThan(10);
  // No blank page (a figure taller than the space left used to push an empty page in front of itself).
  expect(handout.flatMap((text, i) => (text.length === 0 ? [i + 1] : [])), 'handout pages with nothing on them').toEqual([]);
  const all = squash(handout.join(' '));
  for (const want of expected) expect.soft(all, 'handout: every slide heading').toContain(squash(want.heading));
});
