// A small static server for the built site under its base path, gzip-compressing text like a static host
// (GitHub Pages does too), so Lighthouse and the browser see realistic transfer sizes. It refuses service-worker
// scripts (requests carrying `Service-Worker: script`) unless asked not to, so the first-load figures are those of
// a plain first visit, without a deferred precache adding its downloads to the page's.

import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileType } from './transfer.ts';

export interface SiteServer {
  readonly origin: string;
  /** Base URL of the site, e.g. http://127.0.0.1:4413/rectifiers-and-dropout/ */
  readonly url: string;
  /** Service-worker script requests refused so far. */
  readonly blockedServiceWorkers: string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  root: string;
  base: string;
  port: number;
  allowServiceWorker?: boolean;
}

async function resolveFile(root: string, relative: string): Promise<string | null> {
  const path = normalize(join(root, relative));
  if (path !== root && !path.startsWith(root + sep)) return null;
  const info = await stat(path).catch(() => null);
  if (info?.isDirectory()) return resolveFile(root, join(relative, 'index.html'));
  return info?.isFile() ? path : null;
}

export async function serveSite({ root, base, port, allowServiceWorker = false }: ServeOptions): Promise<SiteServer> {
  const gzipped = new Map<string, Buffer>();
  const blockedServiceWorkers: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (!allowServiceWorker && req.headers['service-worker'] === 'script') {
        blockedServiceWorkers.push(pathname);
        res.writeHead(404, { 'content-type': 'text/plain' }).end('service workers are blocked during the benchmark');
        return;
      }
      if (pathname === base.slice(0, -1)) {
        res.writeHead(301, { location: base }).end();
        return;
      }
      const file = pathname.startsWith(base) ? await resolveFile(root, pathname.slice(base.length)) : null;
      if (file === null) {
        const notFound = await readFile(join(root, '404.html')).catch(() => Buffer.from('not found'));
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
        return;
      }
      const { mime, compress } = fileType(file);
      const immutable = pathname.startsWith(`${base}_astro/`);
      const headers: Record<string, string> = {
        'content-type': mime,
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      let body: Buffer = await readFile(file);
      if (compress && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        let zipped = gzipped.get(file);
        if (!zipped) gzipped.set(file, (zipped = gzipSync(body, { level: 9 })));
        body = zipped;
        headers['content-encoding'] = 'gzip';
        headers.vary = 'accept-encoding';
      }
      headers['content-length'] = String(body.length);
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    blockedServiceWorkers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
