/**
 * What the service worker precaches, and the version that names its cache. Pure: it sees the built files as
 * paths and content hashes, so the rules are unit-tested without a build (tests/offline/).
 *
 * - Every built file is precached (pages, chunks, stylesheets, fonts, workers, images, data) except the service
 *   worker itself, source maps, and font files in an older format (.woff, .ttf) whose family also ships as .woff2:
 *   every browser that runs service workers reads woff2, which @font-face lists first.
 * - A page is cached under the URL it is visited at: `lessons/x/index.html` → `<base>lessons/x/`.
 * - The version hashes every URL with its content and the worker's own source: any change to the build (or to
 *   the worker) gives a new cache name, and the new worker deletes this site's older caches when it activates.
 * - Cache names carry the base path, so two sites on one origin (user.github.io/a/ and /b/) never delete each
 *   other's caches.
 */
import { createHash } from 'node:crypto';

export const SERVICE_WORKER_FILE = 'sw.js';

export interface BuiltFile {
  /** Path inside the build folder, with forward slashes: `_astro/loader.abc.js`. */
  path: string;
  /** Hash of the file's bytes (any stable digest). */
  hash: string;
}

export interface PrecacheManifest {
  /** Short content hash of the whole precache. */
  version: string;
  /** Prefix shared by every cache this site (at this base path) ever creates. */
  cachePrefix: string;
  cacheName: string;
  /** Absolute paths (base included), sorted. */
  urls: string[];
}

/** `lessons/x/index.html` → `lessons/x/`, `index.html` → `` (the base itself); other files keep their path. */
export function urlPathOf(path: string): string {
  return path === 'index.html' || path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** `_astro/KaTeX_Main-Regular.B22Nviop.woff2` → `_astro/KaTeX_Main-Regular` (the name before the first dot). */
function family(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.indexOf('.', slash + 1);
  return dot === -1 ? path : path.slice(0, dot);
}

const OLDER_FONT_FORMAT = /\.(woff|ttf|otf|eot)$/;

/** The built files the service worker precaches (see the rules above). */
export function precachedPaths(paths: string[]): string[] {
  const woff2Families = new Set(paths.filter((p) => p.endsWith('.woff2')).map(family));
  return paths
    .filter((p) => p !== SERVICE_WORKER_FILE && !p.endsWith('.map'))
    .filter((p) => !(OLDER_FONT_FORMAT.test(p) && woff2Families.has(family(p))))
    .sort();
}

export function cachePrefix(base: string): string {
  return `offline ${base} `;
}

/** The manifest for a build at `base` (`/` or `/some/path/`), given its files and the worker's source hash. */
export function precacheManifest(files: BuiltFile[], base: string, workerSourceHash: string): PrecacheManifest {
  const hashOf = new Map(files.map((f) => [f.path, f.hash]));
  const paths = precachedPaths(files.map((f) => f.path));
  const urls = paths.map((p) => base + urlPathOf(p));
  const digest = createHash('sha256').update(`worker ${workerSourceHash}\n`);
  for (const [i, p] of paths.entries()) digest.update(`${urls[i]} ${hashOf.get(p)}\n`);
  const version = digest.digest('hex').slice(0, 16);
  const prefix = cachePrefix(base);
  return { version, cachePrefix: prefix, cacheName: prefix + version, urls };
}
