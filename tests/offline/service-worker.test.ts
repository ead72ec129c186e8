import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { precacheManifest, type BuiltFile } from '../../src/offline/precache-manifest.ts';
import { manifestIn, serviceWorkerText } from '../../src/offline/write-service-worker.ts';
import { FakeWorkerScope } from './fake-worker-scope.ts';

/** The real service worker (src/offline/service-worker.js) with a manifest, run in a fake worker scope. */
const source = readFileSync(new URL('../../src/offline/service-worker.js', import.meta.url), 'utf8');
const BASE = '/site/';

function siteBuild(label: string): { files: BuiltFile[]; bodies: Map<string, string> } {
  const bodies = new Map([
    [`${BASE}`, `home ${label}`],
    [`${BASE}lessons/a/`, `lesson page ${label}`],
    [`${BASE}_astro/chunk.${label}.js`, `chunk ${label}`],
  ]);
  const files = [
    { path: 'index.html', hash: `home ${label}` },
    { path: 'lessons/a/index.html', hash: `lesson ${label}` },
    { path: `_astro/chunk.${label}.js`, hash: `chunk ${label}` },
  ];
  return { files, bodies };
}

async function installed(scope: FakeWorkerScope, label: string) {
  const { files, bodies } = siteBuild(label);
  for (const [path, body] of bodies) scope.network.files.set(path, body);
  const manifest = precacheManifest(files, BASE, 'worker');
  scope.run(serviceWorkerText(manifest, source));
  await scope.lifecycle('install');
  return manifest;
}

describe('service worker', () => {
  it('precaches every file of the manifest on install, before it activates', async () => {
    const scope = new FakeWorkerScope();
    const manifest = await installed(scope, 'v1');
    expect([...scope.caches.keys()]).toEqual([manifest.cacheName]);
    const keys = (await scope.caches.get(manifest.cacheName)!.keys()).map((r) => new URL(r.url).pathname).sort();
    expect(keys).toEqual([...manifest.urls].sort());
  });

  it('fails to install (so it never takes over) when a file of the precache is missing', async () => {
    const scope = new FakeWorkerScope();
    const { files } = siteBuild('v1');
    scope.network.files.set(`${BASE}`, 'home'); // the lesson and the chunk are missing
    scope.run(serviceWorkerText(precacheManifest(files, BASE, 'worker'), source));
    await expect(scope.lifecycle('install')).rejects.toThrow();
  });

  it('serves pages and files from the cache once offline, whatever the query (widget settings)', async () => {
    const scope = new FakeWorkerScope();
    await installed(scope, 'v1');
    await scope.lifecycle('activate');
    scope.network.files.clear(); // offline
    scope.fetched.length = 0;
    expect(await (await scope.fetch(`${BASE}lessons/a/?p=0.3&seed=7`, { mode: 'navigate' }))!.text()).toBe('lesson page v1');
    expect(await (await scope.fetch(`${BASE}`, { mode: 'navigate' }))!.text()).toBe('home v1');
    expect(await (await scope.fetch(`${BASE}_astro/chunk.v1.js`))!.text()).toBe('chunk v1');
    expect(scope.fetched).toEqual([]); // nothing asked of the network
  });

  it('redirects a page visited without its trailing slash (or as index.html) to the cached page', async () => {
    const scope = new FakeWorkerScope();
    await installed(scope, 'v1');
    for (const path of [`${BASE}lessons/a?p=0.3`, `${BASE}lessons/a/index.html`]) {
      const response = (await scope.fetch(path, { mode: 'navigate' }))!;
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe(new URL(`${BASE}lessons/a/${path.includes('?') ? '?p=0.3' : ''}`, 'https://example.test').href);
    }
  });

  it('asks the network for what it has not cached, and leaves other origins and non-GET requests alone', async () => {
    const scope = new FakeWorkerScope();
    await installed(scope, 'v1');
    scope.network.files.set(`${BASE}new.json`, '{}');
    expect(await (await scope.fetch(`${BASE}new.json`))!.text()).toBe('{}');
    await expect(scope.fetch(`${BASE}missing.js`)!).rejects.toThrow(); // offline and not cached: a network error
    expect(await scope.fetch('https://elsewhere.test/x.js')).toBeUndefined();
    expect(await scope.fetch(`${BASE}lessons/a/`, { method: 'POST' })).toBeUndefined();
  });

  it("a new build's worker replaces the old cache on activate, and keeps other sites' caches", async () => {
    const scope = new FakeWorkerScope();
    const first = await installed(scope, 'v1');
    await scope.lifecycle('activate');
    const otherSite = precacheManifest(siteBuild('v1').files, '/other-site/', 'worker').cacheName;
    scope.caches.set(otherSite, scope.caches.get(first.cacheName)!);
    scope.caches.set('someone else', scope.caches.get(first.cacheName)!);

    const second = await installed(scope, 'v2'); // the new build's worker, installed beside the old cache
    expect(second.cacheName).not.toBe(first.cacheName);
    expect([...scope.caches.keys()]).toContain(first.cacheName); // the old build's pages still work until it activates
    await scope.lifecycle('activate');
    expect([...scope.caches.keys()].sort()).toEqual([otherSite, second.cacheName, 'someone else'].sort());
    expect(scope.claimed).toBe(true);
    scope.network.files.clear();
    expect(await (await scope.fetch(`${BASE}lessons/a/`, { mode: 'navigate' }))!.text()).toBe('lesson page v2');
  });
});

describe('serviceWorkerText and manifestIn', () => {
  it('writes the manifest into the worker, where it can be read back', () => {
    const manifest = precacheManifest(siteBuild('v1').files, BASE, 'worker');
    const text = serviceWorkerText(manifest, source);
    expect(manifestIn(text)).toEqual(manifest);
    expect(() => serviceWorkerText(manifest, 'self.addEventListener("fetch", () => {})')).toThrow(/PRECACHE/);
  });
});
