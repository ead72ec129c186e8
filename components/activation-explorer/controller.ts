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
import { describeExplorer, fmt, probeText } from './describe.ts';
import { renderExplorer } from './render.ts';

class ActivationExplorerWidget extends WidgetElement {
  #unbind: (() => void) | null = null;
  #resample: HTMLButtonElement | null = null;
  #latest: ExplorerSettings | null = null;
  #frame = 0;

  readonly #onResample = () => {
    setParam('seed', (getParam('seed') + 1) % (PARAMS.seed.max + 1));
  };

  protected start(): void {
    this.#resample = this.ref<HTMLButtonElement>('resample');
    this.#resample.addEventListener('click', this.#onResample);
    this.#unbind = bindControls(this, (values: ParamValues) => {
      for (const group of this.querySelectorAll<HTMLElement>('[data-show-for]')) group.hidden = group.dataset.showFor !== values.act;
      showParamValues(this, values, ['slope', 'a', 'lower', 'upper', 'alpha'], fmt);
      // A dragged slider fires many inputs per frame: draw the latest values once per frame.
      this.#latest = values;
      if (this.#frame === 0) this.#frame = requestAnimationFrame(() => this.#draw());
    });
  }

  protected stop(): void {
    this.#unbind?.();
    this.#unbind = null;
    this.#resample?.removeEventListener('click', this.#onResample);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  #draw(): void {
    this.#frame = 0;
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
    const plot = this.ref('plot');
    plot.replaceChildren(renderExplorer(state, { width: Math.max(320, Math.min(760, plot.clientWidth || 640)) }));
    this.ref('readout').textContent = probeText(state);
    this.ref('summary').textContent = describeExplorer(state);
  }
}

defineWidget('w-activation-explorer', ActivationExplorerWidget);
