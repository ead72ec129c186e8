/**
 * Controller of the layer-statistics widget. Every accepted change asks a worker (requests.ts) for fresh statistics —
 * one request at a time, the newest settings winning — then for the depth scans (one activation per message), so
 * the page never runs a long task; without workers the same functions run after a timeout. A slide draws the one
 * chart it shows (statsPanel); the reading view draws all four, each in a task of its own.
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { bindControls } from '../../src/widgets/controls.ts';
import { showParamValues } from '../../src/widgets/value-outputs.ts';
import { getParam, setParam } from '../../src/widgets/lesson-state.ts';
import { PARAMS, type ParamValues } from '../../src/widgets/params.ts';
import { initFor, type InitChoice, type LayerStats, type LayerStatsActivation, type LayerStatsSettings } from './model.ts';
import { describeLayerStats, describeVanishing } from './describe.ts';
import { CHART_SIZE, STATS_PANELS, renderStatsPanel, type StatsPanel } from './render.ts';
import { answerChunk, answerStats, type ChunkReply, type ChunkRequest, type StatsReply, type StatsRequest } from './requests.ts';
import { createVanishingScan, nextDepth, recordRatio, type VanishingScan } from './vanishing.ts';
import { activationsFor } from './activations.ts';
import { inDeck, measureChart, watchChartSize } from '../../src/widgets/chart-size.ts';
import { createPanelQueue } from '../../src/widgets/panel-queue.ts';

type Settings = Required<Pick<LayerStatsSettings<LayerStatsActivation>, 'depth' | 'width' | 'seed' | 'layer' | 'init'>> & { acts: LayerStatsActivation[] };
type Reply = StatsReply | ChunkReply;

const statsKey = (s: Settings): string => JSON.stringify([s.depth, s.width, s.seed, s.layer, s.init, s.acts]);
const scanKey = (s: Settings, act: LayerStatsActivation): string => JSON.stringify([act, initFor(act, s.init), s.width, s.seed]);

class LayerStatsWidget extends WidgetElement {
  #unbind: (() => void) | null = null;
  #unwatch: (() => void) | null = null;
  #worker: Worker | null = null;
  #workerFailed = false;
  #nextId = 0;
  readonly #pending = new Map<number, (reply: Reply) => void>();
  #newSample: HTMLButtonElement | null = null;
  /** What the controls ask for, and what has been computed for it. */
  #want: Settings | null = null;
  #stats: LayerStats<LayerStatsActivation> | null = null;
  #statsKey = '';
  readonly #scans = new Map<string, VanishingScan>();
  #panel: StatsPanel = 'gradients';
  #pumping = false;
  /** The reading view's charts, one box each, and the queue of charts still to draw (one per task). */
  #boxes = new Map<StatsPanel, HTMLElement>();
  readonly #charts = createPanelQueue<StatsPanel>((panel) => this.#drawPanel(panel));

  readonly #onNewSample = () => setParam('seed', (getParam('seed') + 1) % (PARAMS.seed.max + 1));

  protected start(): void {
    this.#newSample = this.ref<HTMLButtonElement>('new-sample');
    this.#newSample.addEventListener('click', this.#onNewSample);
    this.#unbind = bindControls(this, (values: ParamValues) => {
      showParamValues(this, values, ['depth', 'width', 'layer']);
      this.#panel = values.statsPanel as StatsPanel;
      this.#want = { depth: values.depth, width: values.width, seed: values.seed, layer: values.layer, init: values.init as InitChoice, acts: activationsFor(values) };
      if (this.#stats && statsKey(this.#want) === this.#statsKey) this.#draw(); // only the chart shown changed
      void this.#pump();
    });
    this.#unwatch = watchChartSize(this.ref('plot'), () => this.#draw());
  }

  protected stop(): void {
    this.#unbind?.();
    this.#unbind = null;
    this.#unwatch?.();
    this.#unwatch = null;
    this.#newSample?.removeEventListener('click', this.#onNewSample);
    this.#worker?.terminate();
    this.#worker = null;
    this.#pending.clear();
    this.#charts.cancel();
    this.#want = null;
  }

  /** Depth scans are drawn in the reading view, and on a slide showing that chart. */
  #needsScans(): boolean {
    return !inDeck(this) || this.#panel === 'vanishing';
  }

  /** Computes what the controls ask for, one request at a time, until it is all there (newer settings win). */
  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (this.isConnected && this.#want) {
        const want = this.#want;
        if (statsKey(want) !== this.#statsKey) {
          this.#busy(true);
          const reply = await this.#ask({ id: ++this.#nextId, settings: want });
          if (this.#want !== want) continue; // superseded while computing
          if ('error' in reply) {
            this.showError(`Could not compute the statistics: ${reply.error}`);
            break;
          }
          if (!('stats' in reply)) break;
          this.#stats = reply.stats;
          this.#statsKey = statsKey(want);
          this.#clearStatus();
          this.#draw();
          continue;
        }
        // The depth scans, one depth per message: a newer setting never waits for a whole scan.
        const act = this.#needsScans() ? want.acts.find((a) => !this.#scans.get(scanKey(want, a))?.done) : undefined;
        if (act === undefined) break;
        const key = scanKey(want, act);
        const scan = this.#scans.get(key) ?? createVanishingScan({ act, init: initFor(act, want.init), width: want.width, seed: want.seed });
        this.#scans.set(key, scan);
        this.#busy(true);
        const reply = await this.#ask({ id: ++this.#nextId, kind: 'ratio', act, init: scan.init, depth: nextDepth(scan), width: scan.width, seed: scan.seed });
        if ('error' in reply) {
          this.showError(`Could not scan the depths: ${reply.error}`);
          break;
        }
        if ('ratio' in reply && recordRatio(scan, reply.ratio) && this.#want === want) this.#draw(['vanishing']);
      }
    } finally {
      this.#pumping = false;
      this.#busy(false);
    }
  }

  #busy(on: boolean): void {
    if (on) {
      this.dataset.busy = 'true';
      const status = this.ref('status');
      status.textContent = 'Computing…';
      delete status.dataset.tone;
    } else {
      delete this.dataset.busy;
      if (this.ref('status').textContent === 'Computing…') this.#clearStatus();
    }
  }

  #clearStatus(): void {
    const status = this.ref('status');
    status.textContent = '';
    delete status.dataset.tone;
  }

  #ask(request: StatsRequest | ChunkRequest): Promise<Reply> {
    return new Promise((resolve) => {
      const worker = this.#ensureWorker();
      const answer = (): Reply => ('kind' in request ? answerChunk(request) : answerStats(request));
      if (!worker) {
        setTimeout(() => resolve(answer()), 0);
        return;
      }
      this.#pending.set(request.id, resolve);
      worker.postMessage(request);
    });
  }

  #ensureWorker(): Worker | null {
    if (this.#worker || this.#workerFailed || typeof Worker === 'undefined') return this.#worker;
    try {
      this.#worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
      this.#worker.onmessage = (event: MessageEvent<Reply>) => {
        const resolve = this.#pending.get(event.data.id);
        this.#pending.delete(event.data.id);
        resolve?.(event.data);
      };
      this.#worker.onerror = (event) => {
        event.preventDefault();
        this.#workerFailed = true;
        this.#worker?.terminate();
        this.#worker = null;
        // Whatever was asked of the worker is answered here instead.
        const waiting = [...this.#pending.values()];
        this.#pending.clear();
        for (const resolve of waiting) resolve({ id: -1, error: 'the worker stopped; please change a setting to retry' });
      };
    } catch {
      this.#workerFailed = true;
      this.#worker = null;
    }
    return this.#worker;
  }

  /** The finished depth scans of the activations shown (an unfinished one is left out until it is done). */
  #currentScans(): VanishingScan[] {
    const want = this.#want;
    if (!want) return [];
    return want.acts.flatMap((act) => {
      const scan = this.#scans.get(scanKey(want, act));
      return scan?.done ? [scan] : [];
    });
  }

  /** Draws `panels` (default: every chart this view shows), one chart per task so none is a long one. */
  #draw(panels?: StatsPanel[]): void {
    const stats = this.#stats;
    if (!stats) return;
    const shown: StatsPanel[] = inDeck(this) ? [this.#panel] : [...STATS_PANELS];
    this.#layout(this.ref('plot'), shown);
    this.dataset.figure = 'live';
    const scans = this.#currentScans();
    this.ref('summary').textContent = [describeLayerStats(stats), scans.length ? describeVanishing(scans) : ''].join(' ').trim();
    this.#charts.draw((panels ?? shown).filter((p) => shown.includes(p)));
  }

  #drawPanel(panel: StatsPanel): void {
    const stats = this.#stats, box = this.#boxes.get(panel);
    if (!stats || !box || !this.isConnected) return;
    // On a slide the one chart fills the plot box; on a page each chart takes the width and its own height.
    const size = measureChart(this.#boxes.size === 1 ? this.ref('plot') : box, CHART_SIZE);
    box.replaceChildren(renderStatsPanel(panel, stats, { size, scans: this.#currentScans() }));
  }

  /** One box per chart shown, kept while the same charts are shown. */
  #layout(plot: HTMLElement, shown: StatsPanel[]): void {
    let root = plot.querySelector<HTMLElement>(':scope > .layer-stats-charts');
    if (!root || [...this.#boxes.keys()].join() !== shown.join()) {
      root = document.createElement('div');
      root.className = 'layer-stats-charts';
      this.#boxes = new Map(shown.map((panel) => {
        const box = document.createElement('div');
        box.className = 'chart-box';
        return [panel, box];
      }));
      root.append(...this.#boxes.values());
      plot.replaceChildren(root);
    }
  }
}

defineWidget('w-layer-stats', LayerStatsWidget);
