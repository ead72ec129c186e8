/**
 * Controller of the MC-dropout widget. Everything numeric happens in a worker (worker.ts, session.ts): the page
 * keeps the strokes, asks for predictions (one request in flight, the newest settings winning) and draws what comes
 * back, one chart per task. T, the test digit shown and the slide's view are parameters (shared with the other
 * window of a lecture and the URL); strokes are not mirrored: the other window keeps its own input.
 * Also listens for `digits-dropout:trained` (README.md) and offers the network the student trained. Until the worker's
 * first answer the shell keeps the charts drawn at build time for the default state (figure.ts, never imported here).
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { bindControls } from '../../src/widgets/controls.ts';
import { showParamValues } from '../../src/widgets/value-outputs.ts';
import { setParam, watchParams } from '../../src/widgets/lesson-state.ts';
import { createPanelQueue } from '../../src/widgets/panel-queue.ts';
import { createDrawThrottle } from '../../src/widgets/draw-throttle.ts';
import { inDeck, measureChart, watchChartSize } from '../../src/widgets/chart-size.ts';
import { DIGITS_ASSET_PATH } from '../../src/digits/format.ts';
import { NETWORK_PATH } from './network-file.ts';
import { type NetworkSpec, specFromTrainedDetail } from './network.ts';
import type { CurveUpdate, GalleryDigit, McInput, McMessage, NetworkInfo, Prediction } from './protocol.ts';
import { CURVE_SIZE, PROBABILITY_SIZE, curveChart, percent, probabilityChart } from './render.ts';
import { type InputDescription, curveStatus, describeInput, statusLine, summary } from './describe.ts';
import { disagreeItems, pickItems, renderDigitButtons } from './gallery.ts';
import { type Stroke, drawDigitOnPad, drawStrokes, paintDigit, readInk } from './paint.ts';

type Chart = 'probabilities' | 'curve';
/** The curve is drawn once this many test digits are measured (an error rate over a handful of digits is noise). */
const MIN_CURVE_DIGITS = 20;
export const TRAINED_EVENT = 'digits-dropout:trained';
export const REQUEST_EVENT = 'digits-dropout:request';

class McDropoutWidget extends WidgetElement {
  #worker: Worker | null = null;
  #stops: Array<() => void> = [];
  #pad!: HTMLCanvasElement;
  #strokes: Stroke[] = [];
  #drawing: Stroke | null = null;
  #input: InputDescription | null = null;
  #testIndex = -1;
  #T = 50;
  #prediction: Prediction | null = null;
  #network: NetworkInfo | null = null;
  #curve: CurveUpdate | null = null;
  #gallery: GalleryDigit[] = [];
  #disagreeShown = '';
  #trained: NetworkSpec | null = null;
  #nextId = 0;
  #inFlight = false;
  #dirty = false;
  #strokeEndedAt = NaN;
  #startedAt = NaN;
  #waitingFor = -1;
  readonly #charts = createPanelQueue<Chart>((chart) => this.#drawChart(chart));
  /** The curve grows while the worker measures: redrawn at most once a second, so a prediction is never kept waiting. */
  readonly #curveThrottle = createDrawThrottle(() => {
    this.#draw(['curve']);
    this.#summary();
    if (this.dataset.panel === 'test') this.#showStatus();
  }, 1000);

  protected start(): void {
    // (Started again after a remount: nothing is in flight to the new worker.)
    this.#inFlight = false;
    this.#dirty = false;
    this.#curve = null;
    this.#disagreeShown = '';
    this.#startedAt = performance.now();
    this.#pad = this.ref<HTMLCanvasElement>('pad');
    this.#startWorker();
    const listen = <K extends keyof HTMLElementEventMap>(target: EventTarget, type: K | string, fn: (event: never) => void) => {
      target.addEventListener(type, fn as EventListener);
      this.#stops.push(() => target.removeEventListener(type, fn as EventListener));
    };
    listen(this.#pad, 'pointerdown', (e: PointerEvent) => this.#penDown(e));
    listen(this.#pad, 'pointermove', (e: PointerEvent) => this.#penMove(e));
    listen(this.#pad, 'pointerup', (e: PointerEvent) => this.#penUp(e));
    listen(this.#pad, 'pointercancel', (e: PointerEvent) => this.#penUp(e));
    listen(this.ref('clear'), 'click', () => this.#clear());
    listen(this.ref('undo'), 'click', () => this.#undo());
    listen(this.ref('gallery'), 'click', (e: MouseEvent) => this.#pick(e, false));
    listen(this.ref('disagree'), 'click', (e: MouseEvent) => this.#pick(e, true));
    listen(this.ref('use-trained'), 'click', () => this.#useTrained(true));
    listen(this.ref('use-pretrained'), 'click', () => this.#useTrained(false));
    listen(document, TRAINED_EVENT, (e: CustomEvent) => this.#offerTrained(e.detail));
    this.#stops.push(bindControls(this, (values) => {
      showParamValues(this, values, ['mcT']);
      this.ref('legend-t').textContent = String(values.mcT);
      this.dataset.panel = values.mcPanel;
      const changedT = values.mcT !== this.#T;
      this.#T = values.mcT;
      if (changedT) this.#ask();
      this.#draw();
      this.#showStatus();
    }));
    this.#stops.push(watchParams(['mcDigit'], (values) => this.#showTest(values.mcDigit)));
    this.#stops.push(watchChartSize(this.ref('plot'), () => this.#draw(['probabilities'])));
    this.#stops.push(watchChartSize(this.ref('curve'), () => this.#draw(['curve'])));
    this.#status('Loading the network…');
    document.dispatchEvent(new CustomEvent(REQUEST_EVENT)); // a digits-dropout widget that has trained answers
  }

  protected stop(): void {
    for (const stop of this.#stops) stop();
    this.#stops = [];
    this.#charts.cancel();
    this.#curveThrottle.cancel();
    this.#worker?.terminate();
    this.#worker = null;
  }

  #startWorker(): void {
    try {
      this.#worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      this.showError(`The experiment could not start: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.#worker.onmessage = (event: MessageEvent<McMessage>) => this.#onMessage(event.data);
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.showError('The experiment stopped unexpectedly; reload the page to start it again.');
    };
    const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
    this.#worker.postMessage({ type: 'start', networkUrl: `${base}${NETWORK_PATH}`, digitsUrl: `${base}${DIGITS_ASSET_PATH}` });
  }

  #onMessage(message: McMessage): void {
    switch (message.type) {
      case 'network':
        // Issue 10: the network is ready within 2 s of the widget starting (measured by the browser tests).
        if (this.dataset.networkMs === undefined) this.dataset.networkMs = String(Math.round(performance.now() - this.#startedAt));
        this.#network = message.network;
        this.#showTrainedButtons();
        this.#curve = null;
        this.#disagreeShown = '';
        this.ref('disagree').replaceChildren();
        this.#ask();
        break;
      case 'digits':
        this.#gallery = [...message.gallery];
        this.#renderGallery();
        break;
      case 'prediction':
        this.#inFlight = false;
        if (this.#dirty) return this.#ask();
        this.#showPrediction(message);
        break;
      case 'refused':
        this.#inFlight = false;
        if (this.#dirty) return this.#ask();
        this.#status(message.message, true);
        break;
      case 'curve':
        this.#curve = message;
        this.#renderDisagree();
        this.#curveThrottle.request();
        break;
      case 'error':
        this.showError(message.message);
        break;
    }
  }

  // --- input: strokes on the pad, or a test digit --------------------------------------------------------------
  #point(e: PointerEvent): [number, number] {
    const box = this.#pad.getBoundingClientRect();
    const x = ((e.clientX - box.left) / (box.width || 1)) * this.#pad.width, y = ((e.clientY - box.top) / (box.height || 1)) * this.#pad.height;
    return [Math.max(0, Math.min(this.#pad.width, x)), Math.max(0, Math.min(this.#pad.height, y))];
  }

  #penDown(e: PointerEvent): void {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.preventDefault();
    this.#pad.setPointerCapture?.(e.pointerId);
    if (this.#input?.kind !== 'ink') this.#strokes = [];
    this.#drawing = [this.#point(e)];
    this.#strokes.push(this.#drawing);
    this.#input = { kind: 'ink', strokes: this.#strokes.length };
    this.#markPicked();
    drawStrokes(this.#pad, this.#strokes);
  }

  #penMove(e: PointerEvent): void {
    if (!this.#drawing) return;
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    for (const event of events.length ? events : [e]) this.#drawing.push(this.#point(event));
    drawStrokes(this.#pad, this.#strokes);
  }

  #penUp(e: PointerEvent): void {
    if (!this.#drawing) return;
    this.#penMove(e);
    this.#drawing = null;
    this.#strokeEndedAt = performance.now();
    this.#ask(true);
  }

  #clear(): void {
    this.#strokes = [];
    this.#drawing = null;
    this.#input = { kind: 'ink', strokes: 0 };
    this.#markPicked();
    drawStrokes(this.#pad, []);
    this.#ask();
  }

  #undo(): void {
    if (this.#input?.kind !== 'ink' || this.#strokes.length === 0) return this.#status('Nothing to undo: draw a stroke first.');
    this.#strokes.pop();
    this.#input = { kind: 'ink', strokes: this.#strokes.length };
    drawStrokes(this.#pad, this.#strokes);
    this.#ask();
  }

  #showTest(index: number): void {
    this.#testIndex = index;
    this.#strokes = [];
    this.#drawing = null;
    const known = this.#gallery.find((d) => d.index === index) ?? this.#curve?.disagree.find((d) => d.index === index);
    this.#input = { kind: 'test', index, label: known?.label ?? -1 };
    if (known) drawDigitOnPad(this.#pad, known.pixels);
    this.#markPicked();
    this.#ask();
  }

  #pick(e: MouseEvent, toMainView: boolean): void {
    const button = (e.target as Element | null)?.closest<HTMLButtonElement>('button[data-index]');
    if (!button) return;
    const index = Number(button.dataset.index);
    setParam('mcDigit', index);
    this.#showTest(index); // also when the parameter already had this value (after a drawing)
    if (toMainView) setParam('mcPanel', 'draw');
  }

  // --- the worker ------------------------------------------------------------------------------------------------
  /** Asks for a prediction of the current input with the current T (one request in flight; the newest wins). */
  #ask(fromStroke = false): void {
    const worker = this.#worker, input = this.#input;
    if (!worker || !input) return;
    if (this.#inFlight) {
      this.#dirty = true;
      return;
    }
    this.#dirty = false;
    let request: McInput;
    if (input.kind === 'test') request = { kind: 'test', index: input.index };
    else {
      const ink = readInk(this.#pad);
      request = { kind: 'ink', width: this.#pad.width, height: this.#pad.height, ink };
    }
    const id = ++this.#nextId;
    if (fromStroke) this.#waitingFor = id;
    this.#inFlight = true;
    worker.postMessage({ type: 'predict', id, input: request, T: this.#T }, request.kind === 'ink' ? [request.ink.buffer] : []);
  }

  #showPrediction(p: Prediction): void {
    this.#prediction = p;
    if (p.source.kind === 'test') {
      this.#input = { kind: 'test', index: p.source.index, label: p.source.label };
      drawDigitOnPad(this.#pad, p.input, 1);
    }
    const seen = this.ref<HTMLCanvasElement>('seen');
    paintDigit(seen, p.input, 1);
    seen.setAttribute('aria-label', `The 28 × 28 input as the network sees it: ${this.#input ? describeInput(this.#input) : ''}${p.source.kind === 'ink' ? ', scaled to fit 20 × 20 and centred by its centre of mass' : ''}`);
    this.#markPicked();
    this.#showStatus();
    this.#draw(['probabilities']);
    this.#summary();
    if (p.id === this.#waitingFor && Number.isFinite(this.#strokeEndedAt)) {
      this.dataset.predictionMs = String(Math.round(performance.now() - this.#strokeEndedAt));
      this.#waitingFor = -1;
    }
  }

  // --- the network the student trained (digits-dropout) ----------------------------------------------------------
  #offerTrained(detail: unknown): void {
    const result = specFromTrainedDetail(detail);
    if (!result.ok) return this.#status(result.error, true);
    this.#trained = result.spec;
    const error = result.spec.testError === null ? '' : ` (test error ${percent(result.spec.testError, 1)})`;
    this.ref('use-trained').textContent = `Use the network you just trained${error}`;
    this.#showTrainedButtons(true);
  }

  #useTrained(on: boolean): void {
    if (on && this.#trained) this.#worker?.postMessage({ type: 'use-network', spec: this.#trained });
    if (!on) this.#worker?.postMessage({ type: 'use-pretrained' });
    this.#status(on ? 'Switching to the network you trained…' : 'Switching back to the pre-trained network…');
  }

  #showTrainedButtons(fresh = false): void {
    const usingTrained = this.#network?.kind === 'trained';
    const offer = this.ref('use-trained'), back = this.ref('use-pretrained');
    offer.hidden = this.#trained === null || (usingTrained && !fresh);
    back.hidden = !usingTrained;
  }

  // --- drawing ---------------------------------------------------------------------------------------------------
  #draw(charts: Chart[] = ['probabilities', 'curve']): void {
    this.#charts.draw(charts);
  }

  #drawChart(chart: Chart): void {
    if (!this.isConnected) return;
    if (chart === 'probabilities') {
      const p = this.#prediction, box = this.ref('plot');
      if (!p) return;
      box.replaceChildren(probabilityChart(p, measureChart(box, PROBABILITY_SIZE)));
      this.dataset.figure = 'live'; // the build-time drawing (figure.ts) is gone
      return;
    }
    const c = this.#curve, box = this.ref('curve');
    if (!c || c.count < MIN_CURVE_DIGITS || box.clientWidth === 0) return;
    box.replaceChildren(curveChart({ ...c, T: this.#T }, measureChart(box, CURVE_SIZE)));
    this.dataset.figure = 'live';
  }

  #renderGallery(): void {
    const buttons = renderDigitButtons(document, pickItems(this.#gallery), this.#input?.kind === 'test' ? this.#testIndex : null);
    buttons.forEach((button, i) => paintDigit(button.querySelector('canvas')!, this.#gallery[i].pixels));
    this.ref('gallery').replaceChildren(...buttons);
    const shown = this.#gallery.find((d) => d.index === this.#testIndex);
    if (shown && this.#input?.kind === 'test' && !this.#prediction) drawDigitOnPad(this.#pad, shown.pixels);
  }

  /** The disagreement gallery: once early, then when the curve is done (rebuilding it often would move focus). */
  #renderDisagree(): void {
    const c = this.#curve;
    if (!c || (!c.done && (c.count < 200 || this.#disagreeShown !== ''))) return;
    const key = c.disagree.map((d) => d.index).join();
    if (key === this.#disagreeShown) return;
    this.#disagreeShown = key;
    const box = this.ref('disagree');
    const focused = box.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.index : undefined;
    const buttons = renderDigitButtons(document, disagreeItems(c.disagree, c.Tmax), this.#input?.kind === 'test' ? this.#testIndex : null);
    buttons.forEach((button, i) => paintDigit(button.querySelector('canvas')!, c.disagree[i].pixels));
    box.replaceChildren(...buttons);
    if (focused !== undefined) (buttons.find((b) => b.dataset.index === focused) ?? buttons[0])?.focus();
  }

  #markPicked(): void {
    const picked = this.#input?.kind === 'test' ? String(this.#input.index) : null;
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-index]')) button.setAttribute('aria-pressed', String(button.dataset.index === picked));
  }

  /** The status line: the prediction, or on a slide showing the test set, the curve at this T. */
  #showStatus(): void {
    const c = this.#curve, p = this.#prediction;
    if (inDeck(this) && this.dataset.panel === 'test' && c) return this.#status(curveStatus({ ...c, T: this.#T }));
    if (p) this.#status(statusLine(p, inDeck(this)));
  }

  #summary(): void {
    const c = this.#curve;
    this.ref('summary').textContent = summary({ input: this.#input, prediction: this.#prediction, network: this.#network, curve: c ? { ...c, T: this.#T } : null });
  }

  #status(text: string, warn = false): void {
    const status = this.ref('status');
    status.textContent = text;
    if (warn) status.dataset.tone = 'warn';
    else delete status.dataset.tone;
  }
}

defineWidget('w-mc-dropout', McDropoutWidget);
