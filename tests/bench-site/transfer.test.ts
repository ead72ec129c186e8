// First-load accounting: file types, gzip transfer sizes, per-type sums, URLs → site paths.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bytesByType, fileType, sitePath, transferSize } from '../../scripts/bench-site/transfer.ts';

describe('fileType', () => {
  it('classifies built files by extension; a directory URL is an HTML page', () => {
    expect(fileType('_astro/loader.abc.js').type).toBe('script');
    expect(fileType('_astro/style.abc.css').type).toBe('stylesheet');
    expect(fileType('_astro/KaTeX_Main-Regular.abc.woff2')).toMatchObject({ type: 'font', compress: false });
    expect(fileType('favicon.svg')).toMatchObject({ type: 'image', compress: true });
    expect(fileType('lessons/x/index.html').type).toBe('document');
    expect(fileType('lessons/x/').type).toBe('document');
    expect(fileType('data/mnist.bin')).toMatchObject({ type: 'other', compress: false });
  });
});

describe('transferSize', () => {
  it('text is counted gzip-compressed, already-compressed formats as they are', () => {
    const text = Buffer.from('const x = 1;\n'.repeat(500));
    expect(transferSize('a.js', text)).toBe(gzipSync(text, { level: 9 }).length);
    expect(transferSize('a.js', text)).toBeLessThan(text.length / 10);
    const font = Buffer.alloc(1000, 7);
    expect(transferSize('a.woff2', font)).toBe(1000);
  });
});

describe('bytesByType', () => {
  it('sums per type and in total, counting a file fetched twice once', () => {
    const sums = bytesByType([
      { path: 'index.html', type: 'document', bytes: 100 },
      { path: 'a.js', type: 'script', bytes: 30 },
      { path: 'b.js', type: 'script', bytes: 20 },
      { path: 'a.js', type: 'script', bytes: 30 },
      { path: 'f.woff2', type: 'font', bytes: 7 },
    ]);
    expect(sums).toEqual({ document: 100, script: 50, stylesheet: 0, font: 7, image: 0, other: 0, total: 157 });
  });
});

describe('sitePath', () => {
  const origin = 'http://127.0.0.1:4413', base = '/repo/';
  it('maps a URL under the base to a path relative to it, directories to their index.html', () => {
    expect(sitePath(`${origin}/repo/_astro/a.js?v=1#x`, origin, base)).toBe('_astro/a.js');
    expect(sitePath(`${origin}/repo/lessons/x/`, origin, base)).toBe('lessons/x/index.html');
    expect(sitePath(`${origin}/repo/`, origin, base)).toBe('index.html');
  });
  it('is null for another origin, a path outside the base or a data: URL', () => {
    expect(sitePath('https://fonts.example.com/a.woff2', origin, base)).toBeNull();
    expect(sitePath(`${origin}/other/a.js`, origin, base)).toBeNull();
    expect(sitePath('data:image/png;base64,AAAA', origin, base)).toBeNull();
    expect(sitePath('not a url', origin, base)).toBeNull();
  });
});
