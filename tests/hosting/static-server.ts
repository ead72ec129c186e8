/**
 * A static host for a built site, like GitHub Pages: files under the base path, `dir/` served from
 * `dir/index.html`, `dir` redirected to `dir/`, and 404 for anything else (outside the base included).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticSite {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Serve another build from now on (a new deploy at the same address). */
  serveFrom(outDir: string): void;
  close(): Promise<void>;
}

export async function serveStatic(outDir: string, base: string): Promise<StaticSite> {
  let root = outDir;
  const server: Server = createServer((req, res) => {
    const { pathname, search } = new URL(req.url ?? '/', 'http://host.invalid');
    const rel = pathname.startsWith(base) ? normalize(decodeURIComponent(pathname.slice(base.length))) : null;
    const file = rel === null || rel.startsWith('..') ? null : join(root, rel);
    if (file && existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${pathname}/${search}` }).end();
        return;
      }
      const index = join(file, 'index.html');
      if (existsSync(index)) return send(index);
    } else if (file && existsSync(file)) {
      return send(file);
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');

    function send(path: string) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(readFileSync(path));
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    serveFrom: (dir) => void (root = dir),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
