// Lighthouse (mobile form factor, default simulated throttling) on a fresh Chromium for every run, performance and
// accessibility only. Chromium is Debian's, started by chrome-launcher with the flags that keep it offline; the run
// reports every URL the page requested, so a request that leaves the local server is caught.

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium-flags.ts';
import { OFFLINE_FLAGS } from './chromium.ts';
import { existsSync } from 'node:fs';

export interface LighthouseRun {
  readonly performance: number;
  readonly accessibility: number;
  /** FCP, LCP, TBT, Speed Index in ms; CLS unitless. */
  readonly metrics: { fcp: number; lcp: number; tbt: number; cls: number; si: number };
  readonly totalByteWeight: number;
  /** Audits that lost points (performance insights and diagnostics, accessibility failures; the metrics themselves
   * are in `metrics`), with what Lighthouse displays for them. */
  readonly failing: { id: string; display: string }[];
  /** Every requested URL (to check that none left the local server). */
  readonly urls: string[];
  readonly warnings: string[];
}

const METRIC_AUDITS = new Set(['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive', 'max-potential-fid']);

interface Audit {
  id: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
  details?: { items?: { url?: string }[] };
}

export async function runLighthouse(url: string): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({
    chromePath: existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : undefined,
    chromeFlags: [...CHROMIUM_FLAGS, ...OFFLINE_FLAGS],
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: ['performance', 'accessibility'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audits = lhr.audits as unknown as Record<string, Audit>;
    const numeric = (id: string): number => audits[id]?.numericValue ?? Number.NaN;
    const score = (id: 'performance' | 'accessibility'): number => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const counted = new Set(['binary', 'numeric', 'metricSavings']);
    const failing = Object.values(audits)
      .filter((a) => a.score !== null && a.score < 1 && counted.has(a.scoreDisplayMode) && !METRIC_AUDITS.has(a.id))
      .map((a) => ({ id: a.id, display: a.displayValue ?? '' }));
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      metrics: {
        fcp: numeric('first-contentful-paint'),
        lcp: numeric('largest-contentful-paint'),
        tbt: numeric('total-blocking-time'),
        cls: numeric('cumulative-layout-shift'),
        si: numeric('speed-index'),
      },
      totalByteWeight: numeric('total-byte-weight'),
      failing,
      urls: (audits['network-requests']?.details?.items ?? []).map((item) => item.url ?? ''),
      warnings: lhr.runWarnings,
    };
  } finally {
    chrome.kill();
  }
}
