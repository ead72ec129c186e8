// One place for how the benchmark starts Chromium: Debian's /usr/bin/chromium (never a downloaded browser) with
// flags that keep it from talking to anyone but the local server; Playwright's own browser only when it is absent.

import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium-flags.ts';

/**
 * Even with CHROMIUM_FLAGS, Chromium looks up a few Google hosts on its own (accounts, component and extension
 * updates: seen with strace). Resolving every host name to "not found" except the local server's address keeps
 * the benchmark's browsers from sending anything off the machine; pages are served from 127.0.0.1 by IP.
 */
export const OFFLINE_FLAGS: readonly string[] = ['--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'];

export function launchBrowser(): Promise<Browser> {
  const args = [...CHROMIUM_FLAGS, ...OFFLINE_FLAGS];
  return existsSync(CHROMIUM_PATH) ? chromium.launch({ executablePath: CHROMIUM_PATH, args }) : chromium.launch({ args });
}

/** Lighthouse's mobile device (Moto G Power) and its desktop one, so the lazy-loading check sees the same screen. */
export const MOBILE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true } as const;
export const DESKTOP = { viewport: { width: 1350, height: 940 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false } as const;
