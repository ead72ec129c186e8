/**
 * Controller of the layer-statistics widget. Every accepted change (depth, width, seed, layer, sigmoid)
 * asks a worker for fresh statistics — at most one request in flight, the latest settings queued — so the
 * page never runs a long task; without workers it falls back to computing after a timeout.
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { bindControls } from '../../src/widgets/controls.ts';
import { showParamValues } from '../../src/widgets/value-outputs.ts';
import { getParam, setParam } from '../../src/widgets/lesson-state.ts';
import { PARAMS, type ParamValues } from '../../src/widgets/params.ts';
import { layerStats, type LayerStats, type LayerStatsSettings } from './model.ts';
import { describeLayerStats } from './describe.ts';
import { CHART_SIZE, renderLayerStats, type StatsPanel } from './render.ts';
import { inDeck, measureChart, watchChartSize } from '../../src/widgets/chart-size.ts';
import type { StatsReply, StatsRequest } from './worker.ts';

class LayerStatsWidget extends WidgetElement {
  #unbind: (() => void) | null = null;
  #worker: Worker | null = null;
  #workerFailed = false;
  #nextId = 0;
  #inFlight = false;
  #queued: LayerStatsSettings | null = null;
  #newSample: HTMLButtonElement | null = null;
  #stats: LayerStats | null = null;
  #panel: StatsPanel = 'gradients';
  #unwatch: (() => void) | null = null;

  readonly #onNewSample = () => setParam('seed', (getParam('seed') + 1) % (PARAMS.seed.max + 1));

  protected start(): void {
    this.#newSample = this.ref<HTMLButtonElement>('new-sample');
    this.#newSample.addEventListener('click', this.#onNewSample);
    this.#unbind = bindControls(this, (values: ParamValues) => {
      showParamValues(this, values, ['depth', 'width', 'layer']);
      const settings = { depth: values.depth, width: values.width, seed: values.seed, layer: values.layer, sigmoid: values.sigmoid };
      const panelOnly = this.#stats !== null && values.statsPanel !== this.#panel && sameSettings(settings, this.#currentStatsSettings());
      this.#panel = values.statsPanel as StatsPanel;
      if (panelOnly) this.#draw();
      else this.#request(settings);
    });
    this.#unwatch = watchChartSize(this.ref('plot'), () => this.#draw());
  }

  #currentStatsSettings(): LayerStatsSettings | null {
    const s = this.#stats;
    return s ? { depth: s.depth, width: s.width, seed: s.seed, layer: s.requestedLayer, sigmoid: s.columns.some((c) => c.act === 'sigmoid') } : null;
  }

  /** The stats drawn for this box: one chart on a slide (the chosen one, filling the box), all three on a page. */
  #draw(): void {
    const stats = this.#stats;
    if (!stats) return;
    const plot = this.ref('plot');
    const size = measureChart(plot, CHART_SIZE);
    plot.replaceChildren(renderLayerStats(stats, { size, panel: inDeck(this) ? this.#panel : undefined }));
  }

  protected stop(): void {
    this.#unbind?.();
    this.#unbind = null;
    this.#newSample?.removeEventListener('click', this.#onNewSample);
    this.#unwatch?.();
    this.#unwatch = null;
    this.#worker?.terminate();
    this.#worker = null;
    this.#inFlight = false;
    this.#queued = null;
  }

  #request(settings: LayerStatsSettings): void {
    if (this.#inFlight) {
      this.#queued = settings;
      return;
    }
    this.#inFlight = true;
    this.dataset.busy = 'true';
    this.ref('status').textContent = 'Computing…';
    const request: StatsRequest = { id: ++this.#nextId, settings };
    const worker = this.#ensureWorker();
    if (worker) worker.postMessage(request);
    else setTimeout(() => this.#computeHere(request), 0);
  }

  #ensureWorker(): Worker | null {
    if (this.#worker || this.#workerFailed || typeof Worker === 'undefined') return this.#worker;
    try {
      this.#worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
      this.#worker.onmessage = (event: MessageEvent<StatsReply>) => this.#receive(event.data);
      this.#worker.onerror = (event) => {
        event.preventDefault();
        this.#workerFailed = true;
        this.#worker?.terminate();
        this.#worker = null;
        this.#computeHere({ id: this.#nextId, settings: this.#currentSettings() });
      };
    } catch {
      this.#workerFailed = true;
      this.#worker = null;
    }
    return this.#worker;
  }

  #currentSettings(): LayerStatsSettings {
    return { depth: getParam('depth'), width: getParam('width'), seed: getParam('seed'), layer: getParam('layer'), sigmoid: getParam('sigmoid') };
  }

  #computeHere(request: StatsRequest): void {
    try {
      this.#receive({ id: request.id, stats: layerStats(request.settings) });
    } catch (error) {
      this.#receive({ id: request.id, error: error instanceof Error ? error.message : String(error) });
    }
  }

  #receive(reply: StatsReply): void {
    if (!this.isConnected) return;
    this.#inFlight = false;
    const queued = this.#queued;
    this.#queued = null;
    if (queued) {
      this.#request(queued); // a newer request supersedes this reply
      return;
    }
    delete this.dataset.busy;
    const status = this.ref('status');
    if ('error' in reply) {
      this.showError(`Could not compute the statistics: ${reply.error}`);
      return;
    }
    status.textContent = '';
    delete status.dataset.tone;
    this.#stats = reply.stats;
    this.#draw();
    this.ref('summary').textContent = describeLayerStats(reply.stats);
  }
}

defineWidget('w-layer-stats', LayerStatsWidget);

function sameSettings(a: LayerStatsSettings, b: LayerStatsSettings | null): boolean {
  return b !== null && a.depth === b.depth && a.width === b.width && a.seed === b.seed && a.layer === b.layer && a.sigmoid === b.sigmoid;
}
