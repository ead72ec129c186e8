/**
 * Builds the site under a given base path into a fresh `dist-hosting-*` folder (deleted by `remove`), with the
 * same Node that runs the tests. The folder is inside the project on purpose: for an out dir elsewhere Astro
 * renders pages in the shared `.astro/.prerender/`, and two such builds at once break each other.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface Build {
  base: string;
  outDir: string;
  remove(): void;
}

export function buildSite(base: string): Build {
  const outDir = mkdtempSync(join(process.cwd(), 'dist-hosting-'));
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    env: { ...process.env, BASE_PATH: base, OUT_DIR: outDir },
    encoding: 'utf8',
  });
  const remove = () => rmSync(outDir, { recursive: true, force: true });
  if (run.status !== 0) {
    remove();
    throw new Error(`astro build (BASE_PATH=${base}) failed:\n${run.stdout}\n${run.stderr}`);
  }
  return { base, outDir, remove };
}
