/**
 * Astro integration: after a build, write the service worker that keeps the site available offline
 * (src/offline/write-service-worker.ts). Nothing happens in `astro dev`, and the pages register the worker
 * only in a built site (src/offline/register.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeServiceWorker } from './write-service-worker.ts';

export default function offlinePrecache(): AstroIntegration {
  let base = '/';
  return {
    name: 'offline-precache',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const manifest = writeServiceWorker(fileURLToPath(dir), base);
        logger.info(`sw.js: ${manifest.urls.length} files precached as "${manifest.cacheName}"`);
      },
    },
  };
}
