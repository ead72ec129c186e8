// How this project starts Chromium, for the browser tests (playwright.config.ts) and the page budgets
// (scripts/bench-site/): Debian's /usr/bin/chromium when it is installed (scripts/ensure-browser.sh), headless, with
// the flags that keep it from talking to anyone but the local server.

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
