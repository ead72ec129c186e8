import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './scripts/chromium-flags.ts';

/**
 * Browser tests run against the BUILT site served under a non-root base path, so a missing
 * base prefix fails here instead of on GitHub Pages.
 */
export const BASE_PATH = process.env.TEST_BASE_PATH ?? '/rectifiers-and-dropout/';
const PORT = Number(process.env.TEST_PORT ?? 4391);

export default defineConfig({
  testDir: 'tests/browser',
  timeout: 60_000,
  // Waits for something to appear or change (not performance claims: those are measured as CPU time from traces).
  // A shared 2-core machine under load can take several seconds to draw what takes 200 ms when it is quiet.
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // One test at a time in CI: most pages train networks on every core they get, so two tests side by side on a
  // 2-core machine slow each other's frames (and clicks) several-fold; the suite stays well inside CI's 90 minutes.
  workers: process.env.CI ? 1 : undefined,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    // The built site registers a service worker that precaches everything; blocked so no test shares its
    // network with precaching. tests/browser/quality-offline.spec.ts allows it.
    serviceWorkers: 'block',
    launchOptions: existsSync(CHROMIUM_PATH)
      ? { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] }
      : {},
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // TEST_REUSE_BUILD=1 serves the build already in OUT_DIR (or dist/) instead of building again: for quick local
    // reruns only; `npm test` always builds.
    command: `${process.env.TEST_REUSE_BUILD ? '' : 'npm run build && '}npm run preview -- --port ${PORT} --host 127.0.0.1 --ignore-lock`,
    env: { BASE_PATH },
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
