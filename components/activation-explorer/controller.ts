/**
 * Controller of the activation explorer: the activation select shows only that activation's parameter
 * controls; every accepted change recomputes the curve with the engine and redraws. RReLU's lower > upper is
 * refused with a message next to its sliders (only the ReLU reference is drawn until it is fixed).
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { bindControls } from '../../src/widgets/controls.ts';
import { showParamValues } from '../../src/widgets/value-outputs.ts';
import { getParam, setParam } from '../../src/widgets/lesson-state.ts';
import { PARAMS, type ParamValues } from '../../src/widgets/params.ts';
import { explorerState, type ExplorerSettings } from './model.ts';
import { describeExplorer, explorerParams, fmt, probeText, slideStatus } from './describe.ts';
import { CHART_SIZE, renderExplorer } from './render.ts';
import { inDeck, measureChart, watchChartSize } from '../../src/widgets/chart-size.ts';
import { createDrawThrottle } from '../../src/widgets/draw-throttle.ts';

/** A dragged slider fires many inputs per frame: draw the latest values at most this often. */
const DRAW_INTERVAL_MS = 16;

class ActivationExplorerWidget extends WidgetElement {
  #unbind: (() => void) | null = null;
  #resample: HTMLButtonElement | null = null;
  #latest: ExplorerSettings | null = null;
  #unwatch: (() => void) | null = null;
  /**
   * Each redraw runs in a task of its own, never inside the frame that shows a new step (the deck's layout and the
   * chart's drawing then stay two short tasks instead of one long one).
   */
  readonly #redraw = createDrawThrottle(() => this.#draw(), DRAW_INTERVAL_MS);

  readonly #onResample = () => {
    setParam('seed', (getParam('seed') + 1) % (PARAMS.seed.max + 1));
  };

  protected start(): void {
    this.#resample = this.ref<HTMLButtonElement>('resample');
    this.#resample.addEventListener('click', this.#onResample);
    this.#unbind = bindControls(this, (values: ParamValues) => {
      for (const group of this.querySelectorAll<HTMLElement>('[data-show-for]')) group.hidden = group.dataset.showFor !== values.act;
      showParamValues(this, values, ['slope', 'a', 'lower', 'upper', 'alpha'], fmt);
      this.#latest = values;
      this.#redraw.request();
    });
    this.#unwatch = watchChartSize(this.ref('plot'), () => this.#redraw.request());
  }

  protected stop(): void {
    this.#unbind?.();
    this.#unbind = null;
    this.#resample?.removeEventListener('click', this.#onResample);
    this.#redraw.cancel();
    this.#unwatch?.();
    this.#unwatch = null;
  }

  #draw(): void {
    if (!this.#latest || !this.isConnected) return;
    const state = explorerState(this.#latest);
    const pairProblem = state.act === 'rrelu' ? state.error : '';
    this.ref('pair-error').textContent = pairProblem;
    for (const name of ['lower', 'upper']) {
      const slider = this.querySelector(`[data-param="${name}"]`);
      // Invalid while the pair is refused, or while bindControls shows its own message for the entry.
      const own = slider?.parentElement?.querySelector('[data-role="control-error"]')?.textContent ?? '';
      slider?.setAttribute('aria-invalid', pairProblem || own ? 'true' : 'false');
    }
    this.ref('readout').textContent = probeText(state);
    this.ref('summary').textContent = describeExplorer(state);
    this.ref('print-params').textContent = explorerParams(state);
    // On a slide, one short sentence the room can read (the probe's readout waits behind "More settings").
    const status = this.ref('status');
    if (status.dataset.tone !== 'warn') status.textContent = inDeck(this) ? slideStatus(state) : '';
    // Measured after the text around it has changed: on a slide the status line takes its height from the chart's box.
    const plot = this.ref('plot');
    // A slide's step that hides this widget: nothing to draw until it shows again (watchChartSize then redraws).
    if (plot.clientWidth === 0) return;
    // Replaces the build-time drawing (src/widgets/built-figure.ts): the same numbers, drawn for the exact width.
    plot.replaceChildren(renderExplorer(state, { size: measureChart(plot, CHART_SIZE) }));
    this.dataset.figure = 'live';
  }
}

defineWidget('w-activation-explorer', ActivationExplorerWidget);
