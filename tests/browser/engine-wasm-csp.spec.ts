import { test as plainTest } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { wasmModule } from '../../src/engine/wasm/assembler.ts';
import { KERNELS } from '../../src/engine/wasm/runtime.ts';

/**
 * The engine compiles its own WebAssembly kernels (src/engine/wasm/) wherever it runs: on a page's main thread
 * (most widgets) and in workers (digits-dropout). Chromium enforces the page's <meta> Content-Security-Policy on
 * WebAssembly compilation, so the built pages allow it with 'wasm-unsafe-eval' in script-src (and nothing more:
 * eval stays refused). A same-origin worker does not inherit a <meta> policy (only blob:/data: workers would),
 * so it compiles with or without the keyword. These tests pin both facts to the Chromium the tests run.
 *
 * Checked once by hand with the same probe (not part of the suite: those browsers are not in the stack), from
 * same-origin script files under the site's policy and under it minus 'wasm-unsafe-eval': Firefox 153.8 ESR
 * (WebDriver BiDi) behaves as Chromium; WebKitGTK 2.50.6 (MiniBrowser, WebKitWebDriver) compiled on the main thread
 * under both policies. In all three a same-origin module worker compiled under both, and eval stayed refused.
 */

/** Exactly the module the engine compiles. */
const ENGINE_MODULE = Array.from(wasmModule(KERNELS));
const LESSON = 'lessons/rectifiers-and-dropout/';
const PROBE_WORKER = '__wasm-probe-worker.js';
// A worker that compiles what it is sent and answers 'compiled' or the error.
const WORKER_SOURCE = `self.onmessage = (e) => {
  try { new WebAssembly.Module(new Uint8Array(e.data)); self.postMessage('compiled'); } catch (err) { self.postMessage(String(err)); }
};`;

type Result = { main: string; moduleWorker: string; violations: string[] };

/** Compiles the engine's module on the main thread and in a same-origin module worker of the current page. */
function compileEverywhere({ bytes, workerUrl }: { bytes: number[]; workerUrl: string }): Promise<Result> {
  const violations: string[] = [];
  document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  let main: string;
  try {
    new WebAssembly.Module(new Uint8Array(bytes));
    main = 'compiled';
  } catch (error) {
    main = String(error);
  }
  const worker = new Worker(workerUrl, { type: 'module' });
  return new Promise((resolve) => {
    worker.onmessage = (e) => setTimeout(() => resolve({ main, moduleWorker: String(e.data), violations }), 100);
    worker.onerror = (e) => resolve({ main, moduleWorker: `worker error: ${e.message}`, violations });
    worker.postMessage(bytes);
  });
}

test.beforeEach(async ({ page }) => {
  await page.route(`**/${PROBE_WORKER}`, (route) => route.fulfill({ contentType: 'text/javascript', body: WORKER_SOURCE }));
});

test("the built pages let the engine compile its kernels on the main thread and in workers, with no CSP violation", async ({ page, baseURL, problems }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  await page.goto(LESSON);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toMatch(/(^|; )script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  // Let the widgets on the page start (their engine compiles on first use) by scrolling through it.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
  });
  const result = await page.evaluate(compileEverywhere, { bytes: ENGINE_MODULE, workerUrl: `${baseURL}${PROBE_WORKER}` });
  expect(result).toEqual({ main: 'compiled', moduleWorker: 'compiled', violations: [] });
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(problems).toEqual([]);
});

plainTest("without 'wasm-unsafe-eval' a <meta> policy refuses the main thread's compile but not a same-origin worker's", async ({ page, baseURL }) => {
  // A same-origin page with the site's script rules minus the keyword (served by the test, like a static host would).
  await page.route('**/__csp-probe.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; worker-src 'self'"><title>probe</title>`,
  }));
  await page.goto(`${baseURL}__csp-probe.html`);
  const result = await page.evaluate(compileEverywhere, { bytes: ENGINE_MODULE, workerUrl: `${baseURL}${PROBE_WORKER}` });
  expect(result.main).toMatch(/CompileError.*Content Security Policy/);
  expect(result.violations).toEqual(['script-src wasm-eval']);
  expect(result.moduleWorker).toBe('compiled');
});

plainTest("'wasm-unsafe-eval' allows WebAssembly only: eval and new Function stay refused", async ({ page, baseURL }) => {
  // Run from a same-origin script file (what script-src governs), not from page.evaluate, which the DevTools
  // protocol exempts from the eval check.
  await page.route('**/__eval-probe.js', (route) => route.fulfill({
    contentType: 'text/javascript',
    body: `document.documentElement.dataset.evalProbe = [() => eval('1'), () => new Function('return 1')()]
      .map((f) => { try { f(); return 'ran'; } catch (error) { return error.name; } }).join(' ');`,
  }));
  await page.goto(LESSON);
  await page.evaluate((src) => {
    const script = document.createElement('script');
    script.src = src;
    document.head.append(script);
  }, `${baseURL}__eval-probe.js`);
  await expect(page.locator('html')).toHaveAttribute('data-eval-probe', 'EvalError EvalError');
});
