import { describe, expect, it } from 'vitest';
import { cachePrefix, precachedPaths, precacheManifest, urlPathOf, type BuiltFile } from '../../src/offline/precache-manifest.ts';

const build: BuiltFile[] = [
  { path: 'index.html', hash: 'h1' },
  { path: 'lessons/a/index.html', hash: 'h2' },
  { path: 'lessons/a/slides/index.html', hash: 'h3' },
  { path: '_astro/loader.X1.js', hash: 'h4' },
  { path: '_astro/worker-Y2.js', hash: 'h5' },
  { path: '_astro/KaTeX_Main-Regular.A.woff2', hash: 'h6' },
  { path: '_astro/KaTeX_Main-Regular.B.woff', hash: 'h7' },
  { path: '_astro/KaTeX_Main-Regular.C.ttf', hash: 'h8' },
  { path: '_astro/Only-Ttf.D.ttf', hash: 'h9' },
  { path: '_astro/loader.X1.js.map', hash: 'h10' },
  { path: 'favicon.svg', hash: 'h11' },
  { path: 'data/digits.bin', hash: 'h12' },
  { path: 'sw.js', hash: 'h13' },
];

describe('precachedPaths', () => {
  it('keeps every page, chunk, worker, image and data file', () => {
    const kept = precachedPaths(build.map((f) => f.path));
    for (const path of ['index.html', 'lessons/a/slides/index.html', '_astro/loader.X1.js', '_astro/worker-Y2.js', 'favicon.svg', 'data/digits.bin']) {
      expect(kept).toContain(path);
    }
  });

  it('leaves out the worker itself, source maps, and .woff/.ttf of a font that ships as .woff2', () => {
    const kept = precachedPaths(build.map((f) => f.path));
    expect(kept).not.toContain('sw.js');
    expect(kept).not.toContain('_astro/loader.X1.js.map');
    expect(kept.filter((p) => p.includes('KaTeX_Main-Regular'))).toEqual(['_astro/KaTeX_Main-Regular.A.woff2']);
    expect(kept).toContain('_astro/Only-Ttf.D.ttf'); // no woff2 of that family: the browser needs it
  });
});

describe('precacheManifest', () => {
  it('caches pages at the URL they are visited at, under the base path', () => {
    expect(urlPathOf('index.html')).toBe('');
    expect(urlPathOf('lessons/a/index.html')).toBe('lessons/a/');
    expect(urlPathOf('404.html')).toBe('404.html');
    const { urls } = precacheManifest(build, '/deep/base/', 'w');
    expect(urls).toContain('/deep/base/');
    expect(urls).toContain('/deep/base/lessons/a/slides/');
    expect(urls).toContain('/deep/base/_astro/worker-Y2.js');
    expect(urls.every((u) => u.startsWith('/deep/base/'))).toBe(true);
    expect(precacheManifest(build, '/', 'w').urls).toContain('/lessons/a/');
  });

  it('names the cache by base path and version, so two sites on one origin keep separate caches', () => {
    const a = precacheManifest(build, '/a/', 'w');
    const b = precacheManifest(build, '/b/', 'w');
    expect(a.cacheName.startsWith(cachePrefix('/a/'))).toBe(true);
    expect(a.cacheName).toBe(a.cachePrefix + a.version);
    expect(b.cacheName.startsWith(a.cachePrefix)).toBe(false);
    expect(a.cacheName.startsWith(b.cachePrefix)).toBe(false);
  });

  it('keeps the version of an unchanged build, and changes it with any file, path or the worker source', () => {
    const version = (files: BuiltFile[], worker = 'w') => precacheManifest(files, '/a/', worker).version;
    const same = version(build);
    expect(version([...build].reverse())).toBe(same); // order of discovery does not matter
    expect(version(build.map((f) => (f.path === '_astro/loader.X1.js' ? { ...f, hash: 'changed' } : f)))).not.toBe(same);
    expect(version(build.map((f) => (f.path === 'index.html' ? { ...f, hash: 'changed' } : f)))).not.toBe(same);
    expect(version([...build, { path: 'lessons/b/index.html', hash: 'h14' }])).not.toBe(same);
    expect(version(build, 'another worker')).not.toBe(same);
    // Files that are not precached do not change it: the cache would hold the same bytes.
    expect(version(build.map((f) => (f.path === 'sw.js' ? { ...f, hash: 'changed' } : f)))).toBe(same);
  });
});
