import { createRng, type Rng } from '../../src/engine/index.ts';
import { test, expect } from './fixtures.ts';
import { ACTIONS, chooseAction } from './soak/actions.ts';
import { megabytes, readHeap, type HeapReading } from './soak/checks.ts';
import { CHECK_EVERY, HEAP_GROWTH_LIMIT, JOURNAL_LENGTH, SOAK_ACTIONS, SOAK_SEED, WARM_UP_ACTIONS } from './soak/config.ts';
import { Journal, shortUrl } from './soak/journal.ts';
import { SoakSession } from './soak/session.ts';
import { discoverSite } from './soak/site-map.ts';
import { kindOf, nextFrames, quiesce, type Tab } from './soak/tabs.ts';
import { rest, warmUp } from './soak/warm-up.ts';

/**
 * A seeded random-interaction soak over every built page and widget: SOAK_ACTIONS actions drawn from SOAK_SEED
 * (soak/*-actions.ts: Train/Pause/Step/Reset, buttons, checkboxes, slider drags and keys, valid and invalid numbers,
 * selects, every deck key, slide numbers, hashes, links, direct navigation with random queries and hashes, view
 * switches, back/forward, scrolling, the theme toggle, tabbing, resizing, reduced motion, printing, widgets taken out
 * and put back), in a main tab, two long-lived tabs and the presenter pop-ups the deck's `s` key opens. It checks:
 *   - no tab or pop-up ever logs a console error, throws, fails a request or contacts another origin (fixtures.ts);
 *   - no SVG (nor a widget's summary, status or readout) ever shows NaN or Infinity: every CHECK_EVERY actions and at
 *     the end;
 *   - each long-lived tab's JS heap after the run is within HEAP_GROWTH_LIMIT × its heap after the warm-up;
 *   - no page keeps more workers than it has widgets that use one (the digits widgets of a page share one).
 *
 * The heap, soundly. A renderer's heap holds every document it has, so numbers from a tab that navigates compare
 * different documents; the heap is measured on the long-lived tabs instead (soak/session.ts: a reading page and a
 * deck in a browser context, hence a renderer, of their own; they never leave their document, which is checked).
 * The warm-up wakes each of their widgets (soak/warm-up.ts: drawn, stepped, trained for a second), then gives the
 * long-lived tabs WARM_UP_ACTIONS random actions of their own, so code that only some action runs (a dialog, print,
 * another dataset) is already compiled when the heap is first read. Before each reading they rest the same way
 * (default window, dialogs closed, training runs reset: a run's history is data, not a leak) and are garbage
 * collected twice (Runtime.getHeapUsage after HeapProfiler.collectGarbage). The bound applies to the whole heap;
 * how much of the growth is compiled code (from a heap snapshot) is reported beside it.
 *
 * A failure prints the seed, the action index and the last JOURNAL_LENGTH actions: `SOAK_SEED=<seed> npm run
 * test:soak` replays the same actions.
 */
test('seeded random interaction soak: no errors, nothing non-finite drawn, no heap growth', async ({ page, problems, browser, baseURL, serviceWorkers }) => {
  test.setTimeout(180_000 + (WARM_UP_ACTIONS + SOAK_ACTIONS) * 5_000); // only a hung run gets near this
  test.info().annotations.push({ type: 'soak', description: `SOAK_SEED=${SOAK_SEED} SOAK_ACTIONS=${SOAK_ACTIONS}` });
  console.log(`soak: SOAK_SEED=${SOAK_SEED} SOAK_ACTIONS=${SOAK_ACTIONS}`);
  const site = discoverSite();
  // The long-lived tabs' context gets the project's options that matter here (blocked service workers: see playwright.config.ts).
  const session = await SoakSession.open(page, problems, browser, { baseURL: baseURL!, serviceWorkers }, site);
  const { main, longLived } = session;
  const basePath = new URL(baseURL!).pathname;

  // --- warm-up: the main tab loads every page; the long-lived tabs wake every widget of theirs, then take
  // WARM_UP_ACTIONS random actions of their own, so that what the run measures is growth, not first use ----
  const journal = new Journal(SOAK_SEED, SOAK_ACTIONS, JOURNAL_LENGTH);
  const root = createRng(SOAK_SEED);
  let front: Tab | null = null;
  const throwIfProblems = () => {
    const found = session.problems();
    if (found.length > 0) throw new Error(found.slice(0, 10).join('\n'));
  };
  /** One random action, drawn from its own stream (what one action finds never shifts the next). */
  const act = async (index: number, label: string, choose: (rng: Rng) => Promise<Tab>) => {
    session.now = index;
    const rng = root.fork(label);
    const tab = await choose(rng);
    // Chromium throttles animation frames in a window that is not in front: act on the one in front, as a user does.
    if (tab !== front) await tab.page.bringToFront();
    front = tab;
    const action = chooseAction(rng, kindOf(tab), tab.navigates);
    // The deck's `s` re-opens the presenter in the same pop-up: let what it is loading finish first.
    if (action === 'deck-key') for (const popup of await session.openPopups()) await quiesce(popup);
    journal.record({ index, tab: tab.name, url: shortUrl(tab.page.url(), basePath), action, detail: '' });
    const t0 = Date.now();
    await ACTIONS[action]({ tab, rng, site, note: (text) => journal.note(text) });
    await nextFrames(tab.page).catch(() => tab.page.waitForLoadState('load')); // (a key press may have left the page)
    journal.took(Date.now() - t0);
    await session.closePopups(index);
    throwIfProblems();
  };
  const fail = (error: unknown): never => {
    const report = journal.report(error instanceof Error ? error.message : String(error));
    console.log(report);
    throw new Error(report, { cause: error });
  };

  const warmStart = Date.now();
  let widgets = 0;
  try {
    await main.page.bringToFront();
    for (const path of site.pages) {
      await main.page.goto(path);
      await quiesce(main);
    }
    for (const tab of longLived) {
      await tab.page.bringToFront();
      widgets += await warmUp(tab, tab.path);
      await tab.page.evaluate(() => ((window as unknown as { soakDocument: boolean }).soakDocument = true));
    }
    for (let i = 0; i < WARM_UP_ACTIONS; i++) {
      await act(i - WARM_UP_ACTIONS, `warm-up ${i}`, async (rng) => longLived[rng.integer(longLived.length)]);
    }
    await session.closePopups();
  } catch (error) {
    fail(error);
  }
  const heapBefore = await restAndReadHeaps(longLived);
  const warmUpSeconds = (Date.now() - warmStart) / 1000;
  journal.reset();

  // --- the run --------------------------------------------------------------------------------------------
  const started = Date.now();
  try {
    for (let i = 0; i < SOAK_ACTIONS; i++) {
      await act(i, `action ${i}`, (rng) => session.chooseTab(rng));
      if ((i + 1) % CHECK_EVERY === 0) await session.checkDrawings();
    }
    await session.checkDrawings();
    await session.closePopups();
    for (const tab of session.fixedTabs) await quiesce(tab);
    throwIfProblems();
    for (const tab of longLived) {
      const same = await tab.page.evaluate(() => (window as unknown as { soakDocument?: boolean }).soakDocument === true);
      if (!same) throw new Error(`${tab.name} left its document: its heap cannot be compared`);
    }
  } catch (error) {
    fail(error);
  }
  const minutes = (Date.now() - started) / 60_000;

  // --- after the run ------------------------------------------------------------------------------------
  const lines = [
    `soak: seed ${SOAK_SEED}: warm-up ${warmUpSeconds.toFixed(0)} s (${widgets} widgets); ${SOAK_ACTIONS} actions in ${minutes.toFixed(1)} min (${Math.round(SOAK_ACTIONS / minutes)} per minute, ${Math.round((100 * journal.actionMs) / (minutes * 60_000))}% of it in the actions, the rest in checks and switching tabs)`,
    `soak: ${journal.counts()}; pop-ups opened ${session.popups.reduce((n, w) => n + w.opened, 0)}`,
  ];
  const heapFailures: string[] = [];
  const heapAfter = await restAndReadHeaps(longLived);
  for (const [i, tab] of longLived.entries()) {
    const [before, after] = [heapBefore[i], heapAfter[i]];
    const ratio = after.used / before.used;
    const code = Math.max(0, after.code - before.code);
    const line = `${tab.name}: heap ${megabytes(before.used)} after warm-up, ${megabytes(after.used)} after the run: ×${ratio.toFixed(2)} (of the growth, ${megabytes(code)} is newly compiled code)`;
    lines.push(`soak: ${line}`);
    if (ratio > HEAP_GROWTH_LIMIT) heapFailures.push(line);
  }
  console.log(lines.join('\n'));
  expect(heapFailures, `heap growth above ×${HEAP_GROWTH_LIMIT} (replay: SOAK_SEED=${SOAK_SEED} SOAK_ACTIONS=${SOAK_ACTIONS})`).toEqual([]);
  for (const tab of session.fixedTabs) {
    // One per layer-stats widget, one for all digits-dropout widgets of a page (they share one run), and one per
    // widget whose shell says it keeps one (data-worker="kept": mc-dropout).
    const layerStats = await tab.page.locator('[data-widget="layer-stats"]').count();
    const digits = Math.min(1, await tab.page.locator('[data-widget="digits-dropout"]').count());
    const kept = await tab.page.locator('[data-widget][data-worker="kept"]').count();
    expect(tab.page.workers().length, `${tab.name}: live workers (one per layer-stats widget, one for the digits, one per data-worker="kept" widget, at most)`).toBeLessThanOrEqual(layerStats + digits + kept);
  }
  expect(session.problems()).toEqual([]);
  await session.close();
});

/** The long-lived tabs share a renderer (and so a heap) when Chromium puts them in one process: all rest first. */
async function restAndReadHeaps(tabs: Tab[]): Promise<HeapReading[]> {
  for (const tab of tabs) await rest(tab);
  const readings: HeapReading[] = [];
  for (const tab of tabs) readings.push(await readHeap(await tab.page.context().newCDPSession(tab.page)));
  return readings;
}
