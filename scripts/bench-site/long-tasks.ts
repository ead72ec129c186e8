// Long main-thread tasks while a page's widgets work: open the page in Chromium, bring each widget into view,
// press its Train button (training widgets) or move its controls a little (the others), and record every
// main-thread task with a Chromium trace: its wall time and its CPU (thread) time. On a shared, loaded machine a
// task's wall time includes waiting for a core; its CPU time is what the page's code and rendering cost.
//
// Reading view: one widget after another is scrolled to the middle of the screen, waited for and started (the
// "start" phase: lazy loading, first draw, one-off computations), then a 10 s "train" window cycles through the
// training widgets, each in view for an equal share (a widget's frame loop pauses off screen; those still on
// screen keep training alongside); then each widget with a long run (LONG_RUNS: the real-digits experiment) trains
// a fresh run to its end in a phase of its own. Slide view: every slide is built step by step (widgets appear per step), each
// widget is started as it first appears, and at every step the visible training widgets train for a shorter window.

import type { Browser, Locator, Page } from '@playwright/test';
import { MARK_PREFIX, type MainTask, type TraceEvent, mainThreadTasks, traceMarks } from './trace.ts';

export const LONG_TASK_MS = 50;
/** Tasks shorter than this (wall and CPU) are not read from the trace: "longest task 0 ms" means none this long. */
export const SHORTEST_TASK_READ_MS = 4;

export interface PhaseTasks {
  readonly label: string;
  readonly longestWallMs: number;
  readonly longestCpuMs: number;
  readonly over50Wall: number;
  readonly over50Cpu: number;
}

export interface LongTaskRun {
  /** 'load' (the first load, before the first mark), then one per phase. */
  readonly phases: PhaseTasks[];
  /** After the first load (starting and training the widgets): the longest task and the count over 50 ms. */
  readonly longestWallMs: number;
  readonly over50Wall: number;
  readonly longestCpuMs: number;
  readonly over50Cpu: number;
  /** The longest tasks after the first load by CPU time, with what ran inside them. */
  readonly top: { phase: string; wallMs: number; cpuMs: number; inside: string[] }[];
  readonly errors: string[];
}

const summarizeTasks = (label: string, tasks: readonly MainTask[], threshold: number): PhaseTasks => ({
  label,
  longestWallMs: Math.round(Math.max(0, ...tasks.map((t) => t.wallMs))),
  longestCpuMs: Math.round(Math.max(0, ...tasks.map((t) => t.cpuMs))),
  over50Wall: tasks.filter((t) => t.wallMs > threshold).length,
  over50Cpu: tasks.filter((t) => t.cpuMs > threshold).length,
});

/** The phase a task started in: 'load' before the first mark, else the label of the last mark before it. */
export function phaseOf(ts: number, marks: readonly { label: string; ts: number }[]): string {
  let label = 'load';
  for (const mark of marks) if (mark.ts <= ts) label = mark.label;
  return label;
}

/** Long tasks by phase, and summed up for everything after the first load (up to the 'end' mark). Pure. */
export function longTaskRun(tasks: readonly MainTask[], marks: readonly { label: string; ts: number }[], errors: string[] = [], threshold = LONG_TASK_MS): LongTaskRun {
  const labels = [...new Set(['load', ...marks.map((m) => m.label).filter((l) => l !== 'end')])];
  const phased = tasks.map((task) => ({ task, phase: phaseOf(task.ts, marks) })).filter((t) => t.phase !== 'end');
  const after = phased.filter((t) => t.phase !== 'load');
  const total = summarizeTasks('after load', after.map((t) => t.task), threshold);
  return {
    phases: labels.map((label) => summarizeTasks(label, phased.filter((t) => t.phase === label).map((t) => t.task), threshold)),
    longestWallMs: total.longestWallMs,
    over50Wall: total.over50Wall,
    longestCpuMs: total.longestCpuMs,
    over50Cpu: total.over50Cpu,
    top: [...after]
      .sort((a, b) => b.task.cpuMs - a.task.cpuMs)
      .slice(0, 5)
      .map(({ task, phase }) => ({ phase, wallMs: Math.round(task.wallMs), cpuMs: Math.round(task.cpuMs), inside: task.inside })),
    errors,
  };
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];

const mark = (page: Page, label: string): Promise<void> => page.evaluate((name) => void performance.mark(name), `${MARK_PREFIX}${label}`);

const pause = (page: Page, ms: number): Promise<void> => page.waitForTimeout(ms);

async function waitReady(widget: Locator, hasController: boolean): Promise<void> {
  if (!hasController) return;
  await widget.evaluate(
    (el: HTMLElement) =>
      new Promise<void>((resolve) => {
        const done = () => el.dataset.widgetState === 'ready' || el.dataset.widgetState === 'failed';
        if (done()) return resolve();
        const observer = new MutationObserver(() => {
          if (done()) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(el, { attributes: true, attributeFilter: ['data-widget-state'] });
        setTimeout(() => (observer.disconnect(), resolve()), 15_000);
      }),
  );
}

/** Press Train when the widget has one and it is not running (it may have finished: pressing again restarts). */
async function ensureTraining(widget: Locator): Promise<boolean> {
  const play = widget.locator('[data-role="play"]').first();
  if ((await play.count()) === 0 || !(await play.isVisible())) return false;
  if ((await play.getAttribute('aria-pressed')) !== 'true' && (await play.isEnabled())) await play.click();
  return true;
}

/** Move a widget's controls a little: ranges by arrow keys, selects to the next option, checkboxes and buttons. */
async function driveControls(page: Page, widget: Locator): Promise<void> {
  for (const range of await widget.locator('input[type="range"]:visible').all()) {
    await range.focus();
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowLeft']) {
      await range.press(key);
      await pause(page, 60);
    }
  }
  for (const select of await widget.locator('select:visible').all()) {
    const values = await select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const current = await select.inputValue();
    const next = values[(values.indexOf(current) + 1) % values.length];
    await select.selectOption(next);
    await pause(page, 100);
    await select.selectOption(current);
    await pause(page, 100);
  }
  for (const box of await widget.locator('input[type="checkbox"]:visible').all()) {
    await box.click();
    await pause(page, 100);
    await box.click();
    await pause(page, 100);
  }
  for (const button of await widget.locator('button:visible:not([data-role="play"], [data-role="step"], [data-role="reset"])').all()) {
    if (!(await button.isEnabled())) continue;
    await button.click();
    await pause(page, 100);
  }
}

async function startWidget(page: Page, widget: Locator, withController: ReadonlySet<string>): Promise<boolean> {
  const name = (await widget.getAttribute('data-widget')) ?? '';
  await waitReady(widget, withController.has(name));
  await pause(page, 150);
  if (await ensureTraining(widget)) return true;
  await driveControls(page, widget);
  return false;
}

interface Session {
  page: Page;
  errors: string[];
  /** Stop tracing, close the page, and turn the trace into the run's figures. */
  finish(): Promise<LongTaskRun>;
}

/** Open the page with tracing on from before the navigation, so the first load's tasks are there too. */
async function openPage(browser: Browser, url: string): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1350, height: 940 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let stopped = false;
  const stop = async (): Promise<Buffer | null> => {
    if (stopped) return null;
    stopped = true;
    return browser.stopTracing();
  };
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
  } catch (error) {
    await stop().catch(() => null);
    await context.close();
    throw error;
  }
  return {
    page,
    errors,
    async finish() {
      try {
        await mark(page, 'end');
        const trace = await stop();
        const events = (JSON.parse(trace?.toString() ?? '{}') as { traceEvents?: TraceEvent[] }).traceEvents ?? [];
        const marks = traceMarks(events);
        if (marks.length === 0) errors.push('no marks in the trace');
        return longTaskRun(mainThreadTasks(events, SHORTEST_TASK_READ_MS), marks, errors);
      } finally {
        await stop().catch(() => null);
        await context.close();
      }
    },
  };
}

/** Run `drive` on the page; the trace is read and the page closed whatever happens. */
async function traced(browser: Browser, url: string, drive: (page: Page) => Promise<void>): Promise<LongTaskRun> {
  const session = await openPage(browser, url);
  let failure: unknown = null;
  try {
    await drive(session.page);
  } catch (error) {
    failure = error;
  }
  const run = await session.finish();
  if (failure) throw failure;
  return run;
}

/**
 * Widgets whose runs take much longer than the shared window (real digits: both nets, 40 epochs): after the shared
 * window, each is trained on its own, in view, in a phase of its own ("train <name>"), from a fresh run (Reset,
 * then Train) until it finishes or `ms` pass, so the report shows its longest task while it trains and draws.
 */
export const LONG_RUNS: readonly { readonly widget: string; readonly ms: number }[] = [{ widget: 'digits-dropout', ms: 60_000 }];

/** Until the widget's status says it finished (or `ms` pass). */
async function trainToTheEnd(page: Page, widget: Locator, ms: number): Promise<void> {
  const reset = widget.locator('[data-role="reset"]').first();
  if (await reset.isVisible()) await reset.click();
  await pause(page, 150);
  if (!(await ensureTraining(widget))) return;
  await widget
    .locator('[data-role="status"]')
    .filter({ hasText: /^Finished/ })
    .waitFor({ timeout: ms })
    .catch(() => undefined);
}

export function measureReading(browser: Browser, url: string, withController: ReadonlySet<string>, trainMs: number): Promise<LongTaskRun> {
  return traced(browser, url, async (page) => {
    await mark(page, 'start');
    const training: Locator[] = [];
    for (const widget of await page.locator('[data-widget]').all()) {
      await widget.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      if (await startWidget(page, widget, withController)) training.push(widget);
    }
    await mark(page, 'train');
    for (const widget of training) {
      await widget.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await ensureTraining(widget);
      await pause(page, trainMs / Math.max(1, training.length));
    }
    for (const { widget: name, ms } of LONG_RUNS) {
      const widget = page.locator(`[data-widget="${name}"]`).first();
      if ((await widget.count()) === 0) continue;
      await widget.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await mark(page, `train ${name}`);
      await trainToTheEnd(page, widget, ms);
    }
  });
}

export function measureSlides(browser: Browser, url: string, withController: ReadonlySet<string>, stepTrainMs: number): Promise<LongTaskRun> {
  return traced(browser, `${url}#/1/0`, async (page) => {
    const current = page.locator('[data-deck-stage] [data-slide][data-current]');
    const started = new Set<string>();
    const startNewWidgets = async (): Promise<void> => {
      for (const widget of await current.locator('[data-widget]:visible').all()) {
        const id = (await widget.getAttribute('id')) ?? '';
        if (started.has(id)) continue;
        started.add(id);
        await startWidget(page, widget, withController);
      }
    };
    /** Every visible training widget trains (a slide shows the current step's widget) for the window. */
    const trainHere = async (): Promise<void> => {
      let training = false;
      for (const widget of await current.locator('[data-widget]:visible').all()) training = (await ensureTraining(widget)) || training;
      await pause(page, training ? stepTrainMs : 150);
    };
    /** The deck's next step (the focus taken off any widget control first: an arrow key would move a slider);
     * false at the end of the deck. */
    const next = async (): Promise<boolean> => {
      const before = await page.evaluate(() => location.hash);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
      await page.keyboard.press('ArrowRight');
      return page
        .waitForFunction((hash) => location.hash !== hash, before, { timeout: 2_000 })
        .then(() => true, () => false);
    };
    const slideNumber = (): Promise<string> => page.evaluate(() => /^#\/(\d+)/.exec(location.hash)?.[1] ?? '?');
    let slide = await slideNumber();
    await mark(page, `slide ${slide}`);
    await startNewWidgets();
    await trainHere();
    while (await next()) {
      const now = await slideNumber();
      if (now !== slide) await mark(page, `slide ${(slide = now)}`);
      await pause(page, 150);
      await startNewWidgets();
      await trainHere();
    }
  });
}
