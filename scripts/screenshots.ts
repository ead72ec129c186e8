// Screenshots of the built site as its users see it: `npm run screenshots -- [--out=DIR] [--size=1280x720]
// [--phone=390x844] [--theme=light|dark] [--only=slides|reading] [--slides=2,5] [--readme]`. Serves an existing build (`dist/`, or
// OUT_DIR) under BASE_PATH (default /rectifiers-and-dropout/; build with the same one first) and writes one PNG per
// slide step of every lesson's slide view at a projector size, and the reading view's widgets at a phone size. With
// --readme it writes the README's three screenshots (docs/screenshot.png, docs/screenshot-slides.png, and a page of
// the printed handout, docs/screenshot-handout.png) instead.

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { launchBrowser } from './bench-site/chromium.ts';
import { serveSite } from './bench-site/server.ts';

const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const size = (text: string): { width: number; height: number } => {
  const [width, height] = text.split('x').map(Number);
  return { width, height };
};
const BASE = process.env.BASE_PATH ?? '/rectifiers-and-dropout/';
const ROOT = resolve(process.env.OUT_DIR ?? 'dist');
const OUT = resolve(arg('out') ?? 'screenshots');
const STAGE = size(arg('size') ?? '1280x720');
const PHONE = size(arg('phone') ?? '390x844');
const THEME = arg('theme') === 'dark' ? 'dark' : 'light';
const ONLY = arg('only');
const README = process.argv.includes('--readme');
const PORT = Number(arg('port') ?? 4417);
const SLIDES = arg('slides')?.split(',').map(Number); // e.g. --slides=2,5: only these slides

const say = (line: string): void => void process.stderr.write(`screenshots: ${line}\n`);

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('[data-widget]')].filter((w) => w.checkVisibility()).every((w) => w.dataset.widgetState === 'ready' && !w.dataset.busy), undefined, { timeout: 20_000 }).catch(() => undefined);
  await page.evaluate(() => new Promise((done) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(done)), 400)));
}

async function slides(page: Page, url: string, dir: string): Promise<void> {
  await page.goto(`${url}#/1/0`);
  await settle(page);
  const shape = await page.evaluate(() => [...document.querySelectorAll('[data-deck-stage] [data-slide]')].map((s) => s.querySelectorAll('[data-step]').length));
  for (let slide = 1; slide <= shape.length; slide++)
    for (let step = Math.min(1, shape[slide - 1]); step <= shape[slide - 1]; step++) {
      if (SLIDES && !SLIDES.includes(slide)) continue;
      await page.evaluate((hash) => (location.hash = hash), `#/${slide}/${step}`);
      await page.mouse.move(5, 5); // then leave the pointer still: the audience's view, toolbar hidden once idle
      await settle(page);
      await page.waitForTimeout(2600);
      const file = join(dir, `slide-${String(slide).padStart(2, '0')}-step-${step}.png`);
      await page.screenshot({ path: file });
      say(file);
    }
}

async function reading(page: Page, url: string, dir: string): Promise<void> {
  await page.goto(url);
  await settle(page);
  const count = await page.locator('[data-widget]').count();
  for (let i = 0; i < count; i++) {
    const widget = page.locator('[data-widget]').nth(i);
    await widget.scrollIntoViewIfNeeded();
    await settle(page);
    const name = await widget.getAttribute('id');
    const file = join(dir, `phone-${String(i + 1).padStart(2, '0')}-${name}.png`);
    await widget.screenshot({ path: file });
    say(file);
  }
}

async function main(): Promise<void> {
  const server = await serveSite({ root: ROOT, base: BASE, port: PORT });
  const browser = await launchBrowser();
  try {
    const lessons = ['lessons/rectifiers-and-dropout/'];
    if (README) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
      await page.goto(`${server.url}${lessons[0]}`);
      await page.locator('#activation-explorer').scrollIntoViewIfNeeded();
      await settle(page);
      await page.locator('#activation-explorer').evaluate((el) => el.closest('[data-step]')?.scrollIntoView({ block: 'start' }));
      await settle(page);
      await page.screenshot({ path: 'docs/screenshot.png' });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${server.url}${lessons[0]}slides/#/5/3`);
      await page.mouse.move(5, 5);
      await settle(page);
      await page.waitForTimeout(2600);
      await page.screenshot({ path: 'docs/screenshot-slides.png' });
      // A page of the handout: the reading view printed (A4's width at 96 dpi less its margins), from the dropout
      // section's first figure.
      const paper = await browser.newPage({ viewport: { width: 688, height: 1010 }, colorScheme: 'light' });
      await paper.goto(`${server.url}${lessons[0]}`);
      await paper.emulateMedia({ media: 'print' });
      await settle(paper);
      await paper.locator('#dropout-mask').evaluate((el) => el.closest('[data-step]')?.scrollIntoView({ block: 'start' }));
      await paper.waitForTimeout(300);
      await paper.screenshot({ path: 'docs/screenshot-handout.png' });
      await paper.close();
      say('docs/screenshot.png, docs/screenshot-slides.png, docs/screenshot-handout.png');
      return;
    }
    for (const lesson of lessons) {
      const dir = join(OUT, lesson.replace(/\W+/g, '-').replace(/^-|-$/g, ''));
      mkdirSync(dir, { recursive: true });
      if (ONLY !== 'reading') {
        const page = await browser.newPage({ viewport: STAGE, colorScheme: THEME });
        await slides(page, `${server.url}${lesson}slides/`, dir);
        await page.close();
      }
      if (ONLY !== 'slides') {
        const page = await browser.newPage({ viewport: PHONE, colorScheme: THEME, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
        await reading(page, `${server.url}${lesson}`, dir);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
