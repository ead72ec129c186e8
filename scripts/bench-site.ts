// Page budgets: `npm run bench:site` (or `node scripts/bench-site.ts [--runs=3] [--port=4413] [--keep]` under
// Node 24). Builds the site under a non-root base path into its own folder, serves it with gzip, and for the reading
// view and the slide view of every lesson (found in the build) reports: the JavaScript and total bytes of the first
// load (gzip), Lighthouse performance and accessibility (mobile, simulated throttling; the median of --runs runs,
// interleaved across pages), the longest main-thread task while the widgets start and train, and which widgets' code
// the first load fetched (flagging any widget that is not near the first screen). Service workers are blocked, so
// the first load is a plain first visit. Prints tables, then as its LAST line one JSON object; exits 1 when a
// target is missed, 2 when the benchmark itself fails.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DESKTOP, MOBILE, launchBrowser } from './bench-site/chromium.ts';
import { checkLazyLoading, measureFirstLoad } from './bench-site/first-load.ts';
import { type LighthouseRun, runLighthouse } from './bench-site/lighthouse.ts';
import { LONG_RUNS, measureReading, measureSlides } from './bench-site/long-tasks.ts';
import { type PageFigures, TARGETS, budgetTable, bytesTable, jsonLine, pageSummary, round } from './bench-site/report.ts';
import { serveSite } from './bench-site/server.ts';
import { bytesByType } from './bench-site/transfer.ts';
import { type WidgetChunks, parseWidgetChunks } from './bench-site/widget-chunks.ts';

const BASE = '/rectifiers-and-dropout/';
const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const RUNS = Math.max(1, Number(arg('runs') ?? 3));
const PORT = Number(arg('port') ?? process.env.BENCH_SITE_PORT ?? 4413);
const KEEP = process.argv.includes('--keep');
const TRAIN_MS = 10_000; // reading view: the training window
const STEP_TRAIN_MS = 1_500; // slide view: per step that shows a training widget

const say = (line = ''): void => void process.stdout.write(`${line}\n`);
const progress = (line: string): void => void process.stderr.write(`bench:site: ${line}\n`);

async function build(outDir: string): Promise<void> {
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
  const child = spawn(process.execPath, [astro, 'build'], { env: { ...process.env, BASE_PATH: BASE, OUT_DIR: outDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`astro build failed (exit ${code}):\n${log.slice(-4000)}`);
}

/** The compiled lazy loader's map from widget names to their chunks (any chunk holding one). */
function widgetChunks(outDir: string): Map<string, WidgetChunks> {
  const dir = join(outDir, '_astro');
  const found = new Map<string, WidgetChunks>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')))
    for (const [name, chunks] of parseWidgetChunks(readFileSync(join(dir, file), 'utf8'))) found.set(name, chunks);
  return found;
}

async function main(): Promise<number> {
  const started = performance.now();
  const load0 = loadavg();
  const outDir = process.env.BENCH_SITE_OUT_DIR ? resolve(process.env.BENCH_SITE_OUT_DIR) : mkdtempSync(join(tmpdir(), 'bench-site-'));
  const problems: string[] = [];
  progress(`building into ${outDir} (BASE_PATH=${BASE})`);
  await build(outDir);
  process.env.OUT_DIR = outDir;
  const { builtPages, pageKind } = await import('../tests/browser/site.ts');
  const pages = builtPages().filter((p) => pageKind(p) === 'reading' || pageKind(p) === 'slides');
  const chunks = widgetChunks(outDir);
  const withController = new Set(chunks.keys());
  if (pages.length === 0) throw new Error('no reading or slide pages in the build');

  const server = await serveSite({ root: outDir, base: BASE, port: PORT });
  const site = { url: server.url, origin: server.origin, base: BASE, root: outDir };
  const browser = await launchBrowser();
  try {
    // 1. First loads (mobile: Lighthouse's screen, whose bytes are reported; desktop: the lazy check only).
    const firstLoads = new Map<string, Awaited<ReturnType<typeof measureFirstLoad>>[]>();
    for (const page of pages) {
      progress(`first load ${page}`);
      const loads = [await measureFirstLoad(browser, site, page, MOBILE, chunks), await measureFirstLoad(browser, site, page, DESKTOP, chunks)];
      for (const l of loads) problems.push(...l.problems.map((p) => `${page}: ${p}`));
      firstLoads.set(page, loads);
    }
    // 2. Long tasks while the widgets start and train.
    const longTasks = new Map<string, Awaited<ReturnType<typeof measureReading>>>();
    for (const page of pages) {
      progress(`long tasks ${page}`);
      const run = pageKind(page) === 'slides'
        ? await measureSlides(browser, site.url + page, withController, STEP_TRAIN_MS)
        : await measureReading(browser, site.url + page, withController, TRAIN_MS);
      problems.push(...run.errors.map((e) => `${page}: ${e}`));
      longTasks.set(page, run);
    }
    // 3. Lighthouse, rounds interleaved across pages so that load drifts hit every page alike.
    const lighthouse = new Map<string, LighthouseRun[]>(pages.map((p) => [p, []]));
    for (let r = 0; r < RUNS; r++) {
      for (const page of r % 2 === 0 ? pages : [...pages].reverse()) {
        progress(`lighthouse ${r + 1}/${RUNS} ${page}`);
        const run = await runLighthouse(site.url + page);
        const foreign = run.urls.filter((u) => !u.startsWith(server.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
        problems.push(...foreign.map((u) => `${page}: Lighthouse run requested ${u}`));
        lighthouse.get(page)?.push(run);
      }
    }

    const figures: PageFigures[] = pages.map((page) => {
      const [mobile, desktop] = firstLoads.get(page) ?? [];
      const tasks = longTasks.get(page)!;
      const runs = lighthouse.get(page) ?? [];
      const lazy = (load: typeof mobile) => ({ fetched: load.fetchedWidgets, fetchedButFar: checkLazyLoading(load, withController).fetchedButFar });
      return {
        page,
        kind: pageKind(page),
        bytes: bytesByType(mobile.transfers),
        lighthousePerformance: runs.map((r) => r.performance),
        lighthouseAccessibility: runs.map((r) => r.accessibility),
        lighthouseMetrics: runs.map((r) => ({ ...r.metrics, total_byte_weight: r.totalByteWeight })),
        lighthouseFailing: runs.map((r) => r.failing),
        longestTaskMs: tasks.longestWallMs,
        longTasksOver50: tasks.over50Wall,
        longestTaskCpuMs: tasks.longestCpuMs,
        longTasksOver50Cpu: tasks.over50Cpu,
        phases: tasks.phases,
        top: tasks.top,
        lazy: { mobile: lazy(mobile), desktop: lazy(desktop) },
      };
    });
    const summaries = figures.map(pageSummary);

    say(`Page budgets: ${pages.length} pages under ${BASE}, served with gzip on ${server.origin}, service workers blocked`);
    say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; load average at start ${load0.map((l) => l.toFixed(2)).join(' ')}`);
    say();
    say(budgetTable(figures));
    say();
    say(bytesTable(figures));
    say();
    say(`LH: Lighthouse score, median (runs). Longest main-thread task and the count over 50 ms, by CPU time (wall time in`);
    say(`brackets: it includes waiting for a core on this shared machine), after the first load, while every widget is brought`);
    say(`into view and started (Train pressed, or its controls moved), then trains (reading view: a ${TRAIN_MS / 1000} s window cycling`);
    say(`through the training widgets, then ${LONG_RUNS.map((r) => `${r.widget} trained from Reset to Finished, at most ${r.ms / 1000} s`).join(', ')};`);
    say(`slide view: every step of every slide, ${STEP_TRAIN_MS / 1000} s per step showing a training widget).`);
    for (const s of summaries) {
      const failing = s.lighthouse_failing_audits as string[];
      if (failing.length) say(`${s.page} Lighthouse audits losing points: ${failing.join(', ')}`);
      const phases = (s.long_tasks_by_phase as PageFigures['phases']).filter((p) => p.over50Cpu + p.over50Wall > 0);
      if (phases.length) say(`${s.page} tasks over 50 ms by phase, cpu (wall): ${phases.map((p) => `${p.label} ${p.longestCpuMs} ms ×${p.over50Cpu} (${p.longestWallMs} ms ×${p.over50Wall})`).join(', ')}`);
      for (const t of (s.longest_tasks_by_cpu as PageFigures['top']).filter((t) => t.cpuMs > TARGETS.longest_task_max_ms))
        say(`  ${t.phase}: ${t.cpuMs} ms cpu (${t.wallMs} wall): ${t.inside.join(', ')}`);
      for (const p of (s.long_tasks_by_phase as PageFigures['phases']).filter((p) => LONG_RUNS.some((r) => p.label === `train ${r.widget}`)))
        say(`${s.page} ${p.label} (a fresh run to its end, in view): longest main-thread task ${p.longestCpuMs} ms cpu (${p.longestWallMs} ms wall), ${p.over50Cpu} over 50 ms cpu (${p.over50Wall} wall)`);
      const far = Object.entries(s.widgets_fetched_but_far as Record<string, string[]>).filter(([, w]) => w.length);
      for (const [screen, names] of far) say(`${s.page} (${screen}) fetched the code of widgets not near the first screen: ${names.join(', ')}`);
    }
    for (const p of problems) say(`problem: ${p}`);
    const ok = summaries.every((s) => s.ok) && problems.length === 0;
    say(ok ? 'All targets met.' : 'Some targets MISSED (see FAIL above).');
    const load1 = loadavg();
    say(jsonLine({
      pages: summaries,
      targets: TARGETS,
      pass: {
        lighthouse_performance: summaries.every((s) => (s.pass as Record<string, boolean>).lighthouse_performance),
        lighthouse_accessibility: summaries.every((s) => (s.pass as Record<string, boolean>).lighthouse_accessibility),
        long_tasks: summaries.every((s) => (s.pass as Record<string, boolean>).long_tasks),
        lazy_widgets: summaries.every((s) => (s.pass as Record<string, boolean>).lazy_widgets),
      },
      ok,
      problems,
      runs: { lighthouse: RUNS, reading_train_window_ms: TRAIN_MS, slide_step_train_window_ms: STEP_TRAIN_MS },
      service_worker: { blocked: true, script_requests_refused: server.blockedServiceWorkers.length },
      offline: { chromium: 'every host name resolves to not-found except 127.0.0.1 (OFFLINE_FLAGS)', requests_outside_site: problems.filter((p) => /outside the site|requested http/.test(p)).length },
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, node: process.version, loadavg_start: load0.map((l) => round(l, 2)), loadavg_end: load1.map((l) => round(l, 2)) },
      duration_s: round((performance.now() - started) / 1000, 1),
    }));
    return ok ? 0 : 1;
  } finally {
    await browser.close();
    await server.close();
    if (!KEEP && !process.env.BENCH_SITE_OUT_DIR) rmSync(outDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`bench:site: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
