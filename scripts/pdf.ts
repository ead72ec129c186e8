// `npm run pdf`: every lesson's handout (the reading view on paper) and slides (one per 16:9 page, every step shown;
// also a copy with the speaker notes under each slide), printed by Chromium from the built site. Builds first unless
// --no-build (then it serves the build already in OUT_DIR or dist/). The files go beside each lesson's pages in the
// build (`<build>/lessons/<slug>/handout.pdf`, `slides.pdf`, `slides-with-notes.pdf`), so a deploy publishes them,
// and are listed with their page counts.

import { execFileSync } from 'node:child_process';
import { readdirSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser } from './bench-site/chromium.ts';
import { serveSite } from './bench-site/server.ts';
import { printLesson } from './pdf/print-lesson.ts';
import { pdfPageCount } from './pdf/pdf-text.ts';

const BASE = process.env.BASE_PATH?.trim() || '/';
const ROOT = resolve(process.env.OUT_DIR ?? 'dist');
const base = `/${BASE.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

if (!process.argv.includes('--no-build')) execFileSync('npx', ['astro', 'build'], { stdio: 'inherit', env: { ...process.env, BASE_PATH: base } });

const slugs = readdirSync('content').filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
const server = await serveSite({ root: ROOT, base, port: Number(process.env.PDF_PORT ?? 4419), allowServiceWorker: false });
const browser = await launchBrowser();
try {
  for (const slug of slugs) {
    const dir = join(ROOT, 'lessons', slug);
    mkdirSync(dir, { recursive: true });
    const files = await printLesson(browser, server.url, slug, dir);
    for (const [kind, bytes] of Object.entries(files)) {
      console.log(`${join(dir, `${kind}.pdf`)}: ${await pdfPageCount(bytes)} pages, ${(bytes.length / 1024).toFixed(0)} KiB`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
