// What a first load transfers, counted the way a gzip-serving static host sends it: text files gzip-compressed
// (level 9), already-compressed formats (woff2, png, …) as they are. Pure apart from gzipSync; unit-tested.

import { gzipSync } from 'node:zlib';

export type ResourceType = 'document' | 'script' | 'stylesheet' | 'font' | 'image' | 'other';

export const RESOURCE_TYPES: readonly ResourceType[] = ['document', 'script', 'stylesheet', 'font', 'image', 'other'];

const TYPES: Readonly<Record<string, { type: ResourceType; mime: string; compress: boolean }>> = {
  html: { type: 'document', mime: 'text/html; charset=utf-8', compress: true },
  js: { type: 'script', mime: 'text/javascript; charset=utf-8', compress: true },
  mjs: { type: 'script', mime: 'text/javascript; charset=utf-8', compress: true },
  css: { type: 'stylesheet', mime: 'text/css; charset=utf-8', compress: true },
  woff2: { type: 'font', mime: 'font/woff2', compress: false },
  woff: { type: 'font', mime: 'font/woff', compress: false },
  ttf: { type: 'font', mime: 'font/ttf', compress: true },
  svg: { type: 'image', mime: 'image/svg+xml', compress: true },
  png: { type: 'image', mime: 'image/png', compress: false },
  jpg: { type: 'image', mime: 'image/jpeg', compress: false },
  webp: { type: 'image', mime: 'image/webp', compress: false },
  ico: { type: 'image', mime: 'image/x-icon', compress: true },
  json: { type: 'other', mime: 'application/json', compress: true },
  webmanifest: { type: 'other', mime: 'application/manifest+json', compress: true },
  txt: { type: 'other', mime: 'text/plain; charset=utf-8', compress: true },
  wasm: { type: 'other', mime: 'application/wasm', compress: true },
};

function extension(path: string): string {
  const name = path.split(/[?#]/)[0].split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The resource type and MIME type of a built file, by its extension ('' → an HTML page: `…/slides/`). */
export function fileType(path: string): { type: ResourceType; mime: string; compress: boolean } {
  const ext = extension(path);
  if (ext === '') return TYPES.html;
  return TYPES[ext] ?? { type: 'other', mime: 'application/octet-stream', compress: false };
}

/** Bytes a gzip-serving host sends for this body (the body only; headers are not counted). */
export function transferSize(path: string, body: Uint8Array): number {
  return fileType(path).compress ? gzipSync(body, { level: 9 }).length : body.length;
}

export interface Transfer {
  /** Path relative to the site's base, e.g. `_astro/loader.abc.js`. */
  readonly path: string;
  readonly type: ResourceType;
  readonly bytes: number;
}

export type BytesByType = Record<ResourceType | 'total', number>;

/** Sum of transferred bytes per resource type, and the total. A path fetched twice counts once (cached). */
export function bytesByType(transfers: readonly Transfer[]): BytesByType {
  const sums = Object.fromEntries([...RESOURCE_TYPES, 'total'].map((t) => [t, 0])) as BytesByType;
  const seen = new Set<string>();
  for (const t of transfers) {
    if (seen.has(t.path)) continue;
    seen.add(t.path);
    sums[t.type] += t.bytes;
    sums.total += t.bytes;
  }
  return sums;
}

/**
 * The path of a request relative to the site: null for another origin, a path outside the base, or a
 * data:/blob: URL. The query and fragment are dropped; a directory gets its index.html.
 */
export function sitePath(url: string, origin: string, base: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== origin || !parsed.pathname.startsWith(base)) return null;
  const path = decodeURIComponent(parsed.pathname.slice(base.length));
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}
