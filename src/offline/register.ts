/**
 * Registers the service worker (`<base>sw.js`, scope = the base path) that precaches the whole site for
 * offline use. Only in a built site (never under `astro dev`), and only once the page has loaded and the
 * browser is idle, so the precache never competes with the first visit's own requests.
 * When a worker is active (its precache complete), <html> gets `data-offline="ready"`.
 */
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

function whenLoadedAndIdle(run: () => void): void {
  const idle = () => ('requestIdleCallback' in window ? window.requestIdleCallback(run) : setTimeout(run, 0));
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  whenLoadedAndIdle(() => {
    navigator.serviceWorker
      .register(`${base}sw.js`, { scope: base, updateViaCache: 'none' })
      .catch((error: unknown) => console.warn('Offline use is unavailable: the service worker did not register.', error));
  });
  void navigator.serviceWorker.ready.then(() => {
    document.documentElement.dataset.offline = 'ready';
  });
}
