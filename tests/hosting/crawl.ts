/**
 * A static crawler over a built site: starting from every page (and the service worker), it follows every
 * reference it can read in the files — HTML href/src/srcset/poster, CSS url() and @import, JS import
 * specifiers, `new URL('…', import.meta.url)` worker URLs, Vite's preload lists and the precache list — and
 * resolves each against the base path to a file in the build, as a static host would.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SERVICE_WORKER_FILE } from '../../src/offline/precache-manifest.ts';
import { manifestIn } from '../../src/offline/write-service-worker.ts';

export interface CrawlResult {
  /** Every file reached, as a path in the build folder. */
  reached: Set<string>;
  /** References that do not resolve to a file under the base path: `from: reference (why)`. */
  broken: string[];
  /** Resources (scripts, styles, images, fonts… not links) on another origin: `from: url`. */
  foreign: string[];
}

export interface Reference {
  url: string;
  /** A link navigates (another site is fine); anything else is fetched by the page. */
  kind: 'link' | 'resource';
}

const SITE = 'http://site.invalid';
const ASSET = /\.(m?js|css|woff2?|ttf|otf|svg|png|jpe?g|gif|webp|avif|ico|json|wasm|bin|txt|html|webmanifest)$/;

/** href/src/srcset/poster/action of every tag, and url() in style attributes. */
export function htmlReferences(html: string): Reference[] {
  const found: Reference[] = [];
  for (const [, tag, attrs] of html.matchAll(/<([a-zA-Z][\w-]*)\b([^>]*)>/g)) {
    const name = tag.toLowerCase();
    const rel = /\srel=["']([^"']*)["']/i.exec(attrs)?.[1] ?? '';
    const isLink = name === 'a' || name === 'area' || name === 'form' || (name === 'link' && /\b(canonical|alternate|next|prev)\b/.test(rel));
    for (const [, attr, , value] of attrs.matchAll(/\s(href|src|srcset|poster|action)=(["'])(.*?)\2/gi)) {
      const urls = attr.toLowerCase() === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0]) : [value];
      for (const url of urls) if (url) found.push({ url: decodeEntities(url), kind: isLink ? 'link' : 'resource' });
    }
  }
  for (const [, style] of html.matchAll(/\sstyle=(?:"([^"]*)"|'[^']*')/g)) found.push(...cssReferences(style ?? ''));
  return found;
}

export function cssReferences(css: string): Reference[] {
  const urls = [...css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)].map((m) => m[2]);
  urls.push(...[...css.matchAll(/@import\s+(["'])([^"']+)\1/g)].map((m) => m[2]));
  return urls.map((url) => ({ url, kind: 'resource' }));
}

/**
 * String literals that name a built file: relative specifiers (`./chunk.js`, also what `import`, `from` and
 * `new URL('./worker.js', import.meta.url)` use), absolute paths to a file with an asset extension, and Vite's
 * preload list entries (`_astro/chunk.js`, which Vite resolves against the base path).
 */
export function jsReferences(js: string, base: string): Reference[] {
  const found: Reference[] = [];
  for (const [, , text] of js.matchAll(/(["'`])((?:\.{1,2}\/|\/|_astro\/)[^"'`\s\\$]*)\1/g)) {
    if (text.startsWith('_astro/')) found.push({ url: base + text, kind: 'resource' });
    else if (ASSET.test(text) && !text.startsWith('//')) found.push({ url: text, kind: 'resource' });
  }
  return found;
}

/** The service worker's precache list. */
export function precacheReferences(sw: string): Reference[] {
  return manifestIn(sw).urls.map((url) => ({ url, kind: 'resource' }));
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&#x2F;/gi, '/').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, root) : [relative(root, path).split(sep).join('/')];
  });
}

/** Every file in the build folder, as paths with forward slashes. */
export function buildFiles(outDir: string): string[] {
  return filesUnder(outDir).sort();
}

/** The URL a file is served at: pages at their directory (`lessons/x/`), everything else at its path. */
function urlOf(path: string, base: string): URL {
  return new URL(base + path.replace(/(^|\/)index\.html$/, '$1'), SITE);
}

export function crawlBuild(outDir: string, base: string): CrawlResult {
  const all = buildFiles(outDir);
  const start = all.filter((p) => p.endsWith('.html') || p === SERVICE_WORKER_FILE);
  const result: CrawlResult = { reached: new Set(start), broken: [], foreign: [] };
  const queue = [...start];
  const text = (path: string) => readFileSync(join(outDir, path), 'utf8');

  /** The file a same-origin URL is served from, or why there is none. */
  function fileFor(url: URL): { path: string } | { why: string } {
    if (!url.pathname.startsWith(base)) return { why: `outside the base path ${base}` };
    const rel = decodeURIComponent(url.pathname.slice(base.length));
    const path = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
    if (existsSync(join(outDir, path)) && statSync(join(outDir, path)).isFile()) return { path };
    return { why: existsSync(join(outDir, rel)) ? 'a folder: link it with a trailing slash' : 'no such file in the build' };
  }

  while (queue.length > 0) {
    const from = queue.shift()!;
    const source = text(from);
    const refs = from === SERVICE_WORKER_FILE ? precacheReferences(source)
      : from.endsWith('.html') ? htmlReferences(source)
      : from.endsWith('.css') ? cssReferences(source)
      : /\.m?js$/.test(from) ? jsReferences(source, base)
      : [];
    for (const ref of refs) {
      if (/^(data|blob|mailto|tel|javascript):/i.test(ref.url)) continue;
      let url: URL;
      try {
        url = new URL(ref.url, urlOf(from, base));
      } catch {
        result.broken.push(`${from}: ${ref.url} (not a URL)`);
        continue;
      }
      if (url.origin !== SITE) {
        if (ref.kind === 'resource') result.foreign.push(`${from}: ${ref.url}`);
        continue;
      }
      const target = fileFor(url);
      if ('why' in target) {
        result.broken.push(`${from}: ${ref.url} (${target.why})`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && !fragment.startsWith('/') && target.path.endsWith('.html')) {
        const html = text(target.path);
        if (!html.includes(`id="${fragment}"`) && !html.includes(`name="${fragment}"`)) result.broken.push(`${from}: ${ref.url} (no #${fragment} in ${target.path})`);
      }
      if (!result.reached.has(target.path)) {
        result.reached.add(target.path);
        queue.push(target.path);
      }
    }
  }
  return result;
}
