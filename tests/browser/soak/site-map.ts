import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT_DIR, builtPages, pageKind } from '../site.ts';

/**
 * What the soak knows of the site, read from the build (never a hand-written list of today's pages): the pages, the
 * ids of their headings (for `#anchor` hashes) and the slides in the largest deck (for `#/slide/step` hashes).
 */
export interface Site {
  /** Built pages (home, reading, slides, presenter), relative to the base path. */
  pages: string[];
  ids: string[];
  slides: number;
}

const html = (path: string) => readFileSync(join(OUT_DIR, path, 'index.html'), 'utf8');

/** Call when the test runs: the build happens after the test files are loaded. */
export function discoverSite(): Site {
  const pages = builtPages().filter((path) => pageKind(path) !== 'other');
  const ids = new Set<string>();
  for (const path of pages) for (const [, id] of html(path).matchAll(/<h[1-6][^>]*\sid="([^"]+)"/g)) ids.add(id);
  const slides = Math.max(1, ...pages.map((path) => (html(path).match(/\sdata-slide[\s>]/g) ?? []).length));
  return { pages, ids: [...ids].sort(), slides };
}
