/* The site's service worker: precaches the whole built site on install, so every page and widget works
   offline after the first visit. A classic script; src/offline/write-service-worker.ts writes it to
   <base>sw.js with the build's manifest (src/offline/precache-manifest.ts) in place of the empty one below.

   Updates: a new build has a new cache name. Its worker precaches beside the old cache and waits (no
   skipWaiting) until no page of the old build is open, so an open page never loses the chunks it was built
   with; on activate it deletes this site's older caches and takes control of open pages. */

/** @type {{ version: string, cachePrefix: string, cacheName: string, urls: string[] }} */
const PRECACHE = { version: '', cachePrefix: '', cacheName: '', urls: [] };

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(deleteOlderCaches().then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(cachedOrNetwork(request));
});

async function precache() {
  const cache = await caches.open(PRECACHE.cacheName);
  // 'no-cache' revalidates with the server, so a page the HTTP cache kept from an older build (which would
  // name that build's chunks) never enters the new cache. addAll is all or nothing: any failure fails install.
  await cache.addAll(PRECACHE.urls.map((url) => new Request(url, { cache: 'no-cache' })));
}

async function deleteOlderCaches() {
  const names = await caches.keys();
  const older = names.filter((name) => name.startsWith(PRECACHE.cachePrefix) && name !== PRECACHE.cacheName);
  await Promise.all(older.map((name) => caches.delete(name)));
}

const MATCH = { ignoreSearch: true, ignoreVary: true };

/** The precached copy, else the network. Widget settings live in the query (`?p=0.3`) and a static host serves
    the same file whatever the query, so the cache ignores it too. */
async function cachedOrNetwork(request) {
  const cache = await caches.open(PRECACHE.cacheName);
  const cached = await cache.match(request, MATCH);
  if (cached) return cached;
  if (request.mode === 'navigate') {
    const page = canonicalPageUrl(request.url);
    if (page && (await cache.match(page, MATCH))) return Response.redirect(page, 301);
  }
  return fetch(request);
}

/** `…/lesson` or `…/lesson/index.html` → `…/lesson/` (query kept), the URL pages are linked and cached at; else null. */
function canonicalPageUrl(href) {
  const url = new URL(href);
  url.hash = '';
  if (url.pathname.endsWith('/index.html')) url.pathname = url.pathname.slice(0, -'index.html'.length);
  else if (!url.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(url.pathname)) url.pathname += '/';
  else return null;
  return url.href;
}
