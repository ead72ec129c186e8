import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { crawlBuild, cssReferences, htmlReferences, jsReferences } from './crawl.ts';

let dir = '';
function site(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'crawl-test-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('reference extraction', () => {
  it('reads href, src, srcset and style url() in HTML, telling links from resources', () => {
    const refs = htmlReferences('<a href="/b/x/">x</a><img src="a.png" srcset="a.png 1x, b.png 2x"><link rel="stylesheet" href="s.css"><div style="background:url(c.svg)"></div>');
    expect(refs).toEqual([
      { url: '/b/x/', kind: 'link' },
      { url: 'a.png', kind: 'resource' },
      { url: 'a.png', kind: 'resource' },
      { url: 'b.png', kind: 'resource' },
      { url: 's.css', kind: 'resource' },
      { url: 'c.svg', kind: 'resource' },
    ]);
  });

  it('reads url() and @import in CSS', () => {
    expect(cssReferences('@import "a.css"; @font-face { src: url(./f.woff2) format("woff2"), url("f.woff") }').map((r) => r.url)).toEqual(['./f.woff2', 'f.woff', 'a.css']);
  });

  it('reads import specifiers, worker URLs and Vite preload lists in JS, not other strings', () => {
    const js = 'import{a}from"./engine.js";import(`./c.js`);new URL(`/b/_astro/worker.js`,``+import.meta.url);const d=["_astro/c.js"];const k={"/components/x/controller.ts":1};const s="/";';
    expect(jsReferences(js, '/b/').map((r) => r.url)).toEqual(['./engine.js', './c.js', '/b/_astro/worker.js', '/b/_astro/c.js']);
  });
});

describe('crawlBuild', () => {
  it('reaches every file of a sound site and reports nothing', () => {
    const out = site({
      'index.html': '<a href="/b/lessons/x/#top">x</a><script type="module" src="/b/_astro/app.js"></script><a href="https://example.org/">paper</a>',
      'lessons/x/index.html': '<h1 id="top">x</h1><link rel="stylesheet" href="/b/_astro/s.css">',
      '_astro/app.js': 'import("./lazy.js")',
      '_astro/lazy.js': 'new Worker(new URL("./worker.js", import.meta.url))',
      '_astro/worker.js': '',
      '_astro/s.css': '@font-face{src:url(/b/_astro/f.woff2)}',
      '_astro/f.woff2': '',
    });
    const result = crawlBuild(out, '/b/');
    expect(result.broken).toEqual([]);
    expect(result.foreign).toEqual([]);
    expect([...result.reached].sort()).toEqual(['_astro/app.js', '_astro/f.woff2', '_astro/lazy.js', '_astro/s.css', '_astro/worker.js', 'index.html', 'lessons/x/index.html']);
  });

  it('reports a path without the base, a missing chunk, a missing anchor, a folder without its slash and a foreign script', () => {
    const out = site({
      'index.html': '<script src="/_astro/app.js"></script><script src="https://cdn.example/x.js"></script><a href="/b/lessons/x#top">x</a><a href="/b/#nowhere">home</a>',
      'lessons/x/index.html': '',
      '_astro/app.js': 'import("./gone.js")',
    });
    const result = crawlBuild(out, '/b/');
    expect(result.broken).toEqual([
      'index.html: /_astro/app.js (outside the base path /b/)',
      'index.html: /b/lessons/x#top (a folder: link it with a trailing slash)',
      'index.html: /b/#nowhere (no #nowhere in index.html)',
    ]);
    expect(result.foreign).toEqual(['index.html: https://cdn.example/x.js']);
    expect(crawlBuild(out, '/').broken).toContain('_astro/app.js: ./gone.js (no such file in the build)');
  });
});
