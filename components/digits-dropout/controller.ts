/**
 * Controller of the digits-dropout widget. The training runs in a worker owned by the page's one run (run.ts),
 * which every instance of the widget shares; this element turns its buttons into the run's Train / One epoch /
 * Reset (mirrored to the lesson's other windows by id, as training-run.ts does), binds its controls, and draws what
 * the run reports: the status line and the progress bar on every report (a few times a second), the charts at most
 * every DRAW_INTERVAL_MS, one chart per task, only while the element is on screen — so the page never runs a long
 * task while the worker trains. With prefers-reduced-motion the charts are drawn only when a run stops. A finished
 * run's dropout net is offered to the page's other widgets (trained.ts: the `digits-dropout:trained` event).
 */
import { WidgetElement, defineWidget, prefersReducedMotion } from '../../src/widgets/widget-element.ts';
import { bindControls } from '../../src/widgets/controls.ts';
import { onMessage, post } from '../../src/widgets/channel.ts';
import { createDrawThrottle } from '../../src/widgets/draw-throttle.ts';
import { createPanelQueue } from '../../src/widgets/panel-queue.ts';
import { inDeck, measureChart, watchChartSize } from '../../src/widgets/chart-size.ts';
import type { ParamValues } from '../../src/widgets/params.ts';
import { DIGITS_ASSET_PATH } from '../../src/digits/format.ts';
import { DIGITS_DEFAULTS, type DigitsDropoutSettings } from './model.ts';
import { createDigitsRun, type DigitsRun, type RunChange, type RunView, type WorkerLike } from './run.ts';
import { DIGITS_PANELS, chartBoxes, type DigitsPanel, progressLabel, progressValue, resultText, statusText, summaryText } from './describe.ts';
import { CHART_SIZE, renderDigitsPanel, type DigitsView } from './render.ts';
import { REQUEST_EVENT, type TrainedDetail, announce, trainedDetail } from './trained.ts';

const DRAW_INTERVAL_MS = 400;
const TILE_COUNT = 64;

// --- the page's one run, shared by its instances --------------------------------------------------------------
let shared: DigitsRun | null = null;
let holders = 0;

function acquireRun(): DigitsRun {
  holders++;
  if (shared) return shared;
  shared = createDigitsRun({
    createWorker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike,
    assetUrl: new URL(`${import.meta.env.BASE_URL}${DIGITS_ASSET_PATH}`, location.href).href,
    tileCount: TILE_COUNT,
  });
  shareTrainedNetwork(shared);
  return shared;
}

/**
 * A finished run's dropout net goes to the page's other widgets (mc-dropout): `digits-dropout:trained` on the
 * document, once per finished run, and again whenever one asks (`digits-dropout:request`, sent as it starts).
 */
function shareTrainedNetwork(run: DigitsRun): void {
  let latest: TrainedDetail | null = null;
  let sent: RunView['finished'] = null;
  run.subscribe((change, view) => {
    if (change === 'reset') latest = sent = null;
    const finished = view.finished;
    if (view.state !== 'done' || !finished?.network || !view.settings || finished === sent) return;
    sent = finished;
    latest = trainedDetail(finished.network, view.settings, finished.finalTestError[1]);
    announce(document, latest);
  });
  document.addEventListener(REQUEST_EVENT, () => {
    if (latest) announce(document, latest);
  });
}

/** The last instance gone (the page is being left, or the widgets removed): stop the worker. */
function releaseRun(): void {
  holders = Math.max(0, holders - 1);
  if (holders === 0) shared?.reset();
}

export function settingsFor(values: Pick<ParamValues, 'digitsWidth' | 'digitsEpochs' | 'digitsSeed'>): DigitsDropoutSettings {
  return { ...DIGITS_DEFAULTS, width: Number(values.digitsWidth), epochs: values.digitsEpochs, seed: values.digitsSeed };
}

type Action = 'play' | 'step' | 'reset';

class DigitsDropoutWidget extends WidgetElement {
  #run: DigitsRun | null = null;
  #values: ParamValues | null = null;
  #panel: DigitsPanel = 'errors';
  #change = false;
  #visible = false;
  #textsStale = true;
  readonly #dirty = new Set<DigitsPanel>(DIGITS_PANELS);
  #boxes = new Map<DigitsPanel, HTMLElement>();
  #cleanup: (() => void)[] = [];
  readonly #charts = createPanelQueue<DigitsPanel>((panel) => this.#drawPanel(panel));
  readonly #redraw = createDrawThrottle(() => this.#drawCharts(), DRAW_INTERVAL_MS);

  protected start(): void {
    const run = acquireRun();
    this.#run = run;
    for (const action of ['play', 'step', 'reset'] as const) {
      const button = this.ref<HTMLButtonElement>(action);
      const press = () => {
        this.#act(action);
        if (this.id) post({ type: 'action', widget: this.id, action });
      };
      button.addEventListener('click', press);
      this.#cleanup.push(() => button.removeEventListener('click', press));
    }
    this.#cleanup.push(
      onMessage((message) => {
        if (message.type === 'action' && message.widget === this.id && ['play', 'step', 'reset'].includes(message.action)) this.#act(message.action as Action);
      }),
      bindControls(this, (values) => this.#onParams(values)),
      run.subscribe((change, view) => this.#onRun(change, view)),
      watchChartSize(this.ref('plot'), () => this.#invalidate(DIGITS_PANELS, true)),
    );
    const observer = new IntersectionObserver((entries) => {
      const visible = entries.some((entry) => entry.isIntersecting);
      if (visible === this.#visible) return;
      this.#visible = visible;
      if (visible) this.#refresh();
    }, { rootMargin: '200px 0px' });
    observer.observe(this);
    this.#cleanup.push(() => observer.disconnect());
    this.#updateButtons(run.view);
  }

  protected stop(): void {
    for (const undo of this.#cleanup.splice(0)) undo();
    this.#redraw.cancel();
    this.#charts.cancel();
    this.#visible = false;
    this.#run = null;
    releaseRun();
  }

  #act(action: Action): void {
    const run = this.#run;
    if (!run || !this.#values) return;
    const settings = settingsFor(this.#values);
    if (action === 'play') run.play(settings);
    else if (action === 'step') run.step(settings);
    else run.reset();
  }

  #onParams(values: ParamValues): void {
    const before = this.#values;
    this.#values = values;
    this.#panel = values.digitsPanel as DigitsPanel;
    this.#change = values.digitsChange;
    // A run with other settings is reset (the next Train uses these); which chart a slide shows only redraws.
    this.#run?.configure(settingsFor(values));
    if (before === null || before.digitsPanel !== values.digitsPanel) this.#invalidate(DIGITS_PANELS, true);
    else if (before.digitsChange !== values.digitsChange) this.#invalidate(['features'], true);
    this.#textsStale = true;
    this.#updateTexts();
  }

  #onRun(change: RunChange, view: RunView): void {
    this.#updateButtons(view);
    this.#textsStale = true;
    this.#updateTexts();
    if (change === 'curves') this.#invalidate(['errors']);
    else if (change === 'snapshot') this.#invalidate(['features', 'activations']);
    else if (change === 'reset') this.#invalidate(DIGITS_PANELS, true);
    else if (change === 'state' && !this.#running(view)) this.#invalidate(DIGITS_PANELS, true); // stopped: show where it is
  }

  #running(view: RunView): boolean {
    return view.playing || view.stepping;
  }

  /** Mark charts for redrawing; `now`: at once (a stop, a new size, another chart), else within the draw interval. */
  #invalidate(panels: readonly DigitsPanel[], now = false): void {
    for (const panel of panels) this.#dirty.add(panel);
    if (!this.#visible) return;
    const view = this.#run?.view;
    if (view && this.#running(view) && prefersReducedMotion()) return; // drawn when the run stops
    if (now) {
      this.#redraw.cancel();
      this.#drawCharts();
    } else this.#redraw.request();
  }

  #refresh(): void {
    this.#textsStale = true;
    this.#updateTexts();
    this.#invalidate([], true);
  }

  #updateButtons(view: RunView): void {
    const play = this.ref<HTMLButtonElement>('play');
    play.setAttribute('aria-pressed', String(view.playing));
    play.textContent = view.playing ? 'Pause' : 'Train';
    // A running status line changes several times a second: busy, so a screen reader reads it when the run stops
    // (a pause, once the worker has confirmed where it stopped).
    this.ref('status').setAttribute('aria-busy', String(view.playing || view.pausing));
  }

  /** Status line, progress bar, result line and summary: text only, cheap; skipped while off screen. */
  #updateTexts(): void {
    const run = this.#run;
    if (!run || !this.#visible || !this.#textsStale || !this.#values) return;
    this.#textsStale = false;
    const view = run.view;
    const onSlide = inDeck(this);
    const status = this.ref('status');
    status.textContent = statusText(view, { onSlide, panel: this.#panel });
    if (view.state === 'failed' || view.state === 'diverged') status.dataset.tone = 'warn';
    else delete status.dataset.tone;
    const bar = this.ref<HTMLProgressElement>('progress');
    const value = progressValue(view);
    if (value === null) bar.removeAttribute('value');
    else bar.value = value;
    this.ref('progress-label').textContent = progressLabel(view);
    this.ref('result').textContent = resultText(view);
    const settings = view.settings ?? settingsFor(this.#values);
    this.ref('summary').textContent = summaryText(view, settings);
  }

  #drawCharts(): void {
    const run = this.#run;
    if (!run || !this.#visible) return;
    const shown: DigitsPanel[] = inDeck(this) ? [this.#panel] : [...DIGITS_PANELS];
    const laidOut = this.#layout(shown);
    const panels = shown.filter((panel) => laidOut || this.#dirty.has(panel));
    for (const panel of panels) this.#dirty.delete(panel);
    this.#charts.draw(panels);
  }

  #digitsView(view: RunView): DigitsView {
    const epochs = view.settings?.epochs ?? this.#values?.digitsEpochs ?? DIGITS_DEFAULTS.epochs;
    return { epochs, curves: view.curves, snapshot: view.snapshot, initialTiles: view.initialTiles, change: this.#change };
  }

  #drawPanel(panel: DigitsPanel): void {
    const run = this.#run, box = this.#boxes.get(panel);
    if (!run || !box || !this.isConnected) return;
    const measured = this.#boxes.size === 1 ? this.ref('plot') : box;
    // A slide shrunk with CSS zoom (its bullets are taller than the stage): text drawn larger by as much, so it still
    // reaches the stage size a projector needs (render.ts, DigitsChartSize).
    const zoom = (measured as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
    const size = { ...measureChart(measured, CHART_SIZE), textScale: inDeck(this) && zoom > 0 && zoom < 1 ? 1 / zoom : 1 };
    box.replaceChildren(renderDigitsPanel(panel, this.#digitsView(run.view), { size }));
  }

  /** One box per chart shown (with a title in the reading view), kept while the same charts are shown. Returns true
   * when the boxes were made anew (everything must be drawn). */
  #layout(shown: DigitsPanel[]): boolean {
    const plot = this.ref('plot');
    if (plot.querySelector(':scope > .digits-charts') && [...this.#boxes.keys()].join() === shown.join()) return false;
    const { root, boxes } = chartBoxes(document, shown);
    this.#boxes = boxes;
    plot.replaceChildren(root);
    this.dataset.figure = 'live'; // the build-time drawing (figure.ts) is gone
    return true;
  }
}

defineWidget('w-digits-dropout', DigitsDropoutWidget);
