/**
 * Writes `<outDir>/sw.js`: the service worker source (service-worker.js beside this file) with the build's
 * precache manifest in it. Run after the build, when every file is final.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { precacheManifest, SERVICE_WORKER_FILE, type BuiltFile, type PrecacheManifest } from './precache-manifest.ts';

const WORKER_SOURCE = new URL('./service-worker.js', import.meta.url);

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Every file under `dir`, as a path relative to it with forward slashes. */
function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path, root) : [relative(root, path).split(sep).join('/')];
  });
}

export function builtFiles(outDir: string): BuiltFile[] {
  return filesUnder(outDir).map((path) => ({ path, hash: sha256(readFileSync(join(outDir, path))) }));
}

/** The line of the worker's source that declares its (empty) manifest. */
const MANIFEST_LINE = /^const PRECACHE = \{.*\};$/m;

/** The service worker's text for a manifest: its source with the manifest on the line that declares it. */
export function serviceWorkerText(manifest: PrecacheManifest, workerSource: string): string {
  if (!MANIFEST_LINE.test(workerSource)) throw new Error('service-worker.js has no `const PRECACHE = {…};` line');
  return workerSource.replace(MANIFEST_LINE, () => `const PRECACHE = ${JSON.stringify(manifest)};`);
}

/** The manifest in a written service worker (the empty one in its source). */
export function manifestIn(serviceWorker: string): PrecacheManifest {
  const line = MANIFEST_LINE.exec(serviceWorker);
  if (!line) throw new Error('no `const PRECACHE = {…};` line in the service worker');
  return JSON.parse(line[0].slice('const PRECACHE = '.length, -1)) as PrecacheManifest;
}

export function writeServiceWorker(outDir: string, base: string): PrecacheManifest {
  const source = readFileSync(WORKER_SOURCE, 'utf8');
  const manifest = precacheManifest(builtFiles(outDir), base, sha256(source));
  writeFileSync(join(outDir, SERVICE_WORKER_FILE), serviceWorkerText(manifest, source));
  return manifest;
}
