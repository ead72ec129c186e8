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
import { layerStats, type LayerStatsSettings } from './model.ts';
import { describeLayerStats } from './describe.ts';
import { renderLayerStats } from './render.ts';
import type { StatsReply, StatsRequest } from './worker.ts';

class LayerStatsWidget extends WidgetElement {
  #unbind: (() => void) | null = null;
  #worker: Worker | null = null;
  #workerFailed = false;
  #nextId = 0;
  #inFlight = false;
  #queued: LayerStatsSettings | null = null;
  #newSample: HTMLButtonElement | null = null;

  readonly #onNewSample = () => setParam('seed', (getParam('seed') + 1) % (PARAMS.seed.max + 1));

  protected start(): void {
    this.#newSample = this.ref<HTMLButtonElement>('new-sample');
    this.#newSample.addEventListener('click', this.#onNewSample);
    this.#unbind = bindControls(this, (values: ParamValues) => {
      showParamValues(this, values, ['depth', 'width', 'layer']);
      this.#request({ depth: values.depth, width: values.width, seed: values.seed, layer: values.layer, sigmoid: values.sigmoid });
    });
  }

  protected stop(): void {
    this.#unbind?.();
    this.#unbind = null;
    this.#newSample?.removeEventListener('click', this.#onNewSample);
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
    const plot = this.ref('plot');
    plot.replaceChildren(renderLayerStats(reply.stats, { width: Math.max(320, Math.min(760, plot.clientWidth || 640)) }));
    this.ref('summary').textContent = describeLayerStats(reply.stats);
  }
}

defineWidget('w-layer-stats', LayerStatsWidget);
