import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * What the build contains, discovered from the built files rather than listed by hand, so pages
 * and widgets added later are covered by every quality check. Paths are relative to the base path
 * (e.g. 'lessons/rectifiers-and-dropout/slides/'), ready for page.goto().
 */
export const OUT_DIR = process.env.OUT_DIR || 'dist';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** Every built page (not the 404 page), as a path relative to the base. */
export function builtPages(): string[] {
  return htmlFiles(OUT_DIR)
    .map((file) => relative(OUT_DIR, file).split(sep).join('/'))
    .filter((file) => file !== '404.html')
    .map((file) => file.replace(/index\.html$/, ''))
    .sort();
}

export type PageKind = 'home' | 'reading' | 'slides' | 'presenter' | 'other';

export function pageKind(path: string): PageKind {
  if (path === '') return 'home';
  if (/^lessons\/[^/]+\/slides\/$/.test(path)) return 'slides';
  if (/^lessons\/[^/]+\/presenter\/$/.test(path)) return 'presenter';
  if (/^lessons\/[^/]+\/$/.test(path)) return 'reading';
  return 'other';
}

/** The data-widget names used on a built page, each with how many instances it has. */
export function widgetsOn(path: string): Map<string, number> {
  const html = readFileSync(join(OUT_DIR, path, 'index.html'), 'utf8');
  const found = new Map<string, number>();
  for (const [, name] of html.matchAll(/data-widget="([a-z0-9-]+)"/g)) found.set(name, (found.get(name) ?? 0) + 1);
  return found;
}

/** Every widget name in the build. */
export function allWidgets(): string[] {
  return [...new Set(builtPages().flatMap((p) => [...widgetsOn(p).keys()]))].sort();
}
