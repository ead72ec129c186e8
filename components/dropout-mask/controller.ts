/**
 * Controller of the dropout-mask widget. Everything shown is a function of the page's parameters (p, pin, seed,
 * resample, sample, dropin, drophidden, backprop), so the presenter and projector windows show the same masks:
 * "Resample masks" only advances the `resample` counter in the store — no Math.random, no local state.
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { bindControls } from '../../src/widgets/controls.ts';
import { showParamValues } from '../../src/widgets/value-outputs.ts';
import { getParam, setParam, watchParams } from '../../src/widgets/lesson-state.ts';
import { PARAMS, type ParamValues } from '../../src/widgets/params.ts';
import { batchMasks, gradientFlow, type MaskSettings } from './model.ts';
import { describeDropoutMask, describeLayer, renderDropoutMask } from './render.ts';

class DropoutMaskWidget extends WidgetElement {
  #unbind: (() => void) | null = null;
  #resample: HTMLButtonElement | null = null;
  readonly #onResample = () => {
    const next = getParam('resample') + 1;
    setParam('resample', next > PARAMS.resample.max ? 0 : next);
  };

  protected start(): void {
    const plot = this.ref('plot');
    const summary = this.ref('summary');
    const counts = this.ref('counts');
    this.#resample = this.ref<HTMLButtonElement>('resample');
    this.#resample.addEventListener('click', this.#onResample);
    // `resample` has no form control (the button raises it), so watch every parameter the drawing uses.
    const unbindControls = bindControls(this);
    const unwatch = watchParams(['p', 'pin', 'seed', 'resample', 'sample', 'dropin', 'drophidden', 'backprop'], (values) => this.#draw(values, plot, summary, counts));
    this.#unbind = () => {
      unbindControls();
      unwatch();
    };
  }

  #draw(values: ParamValues, plot: HTMLElement, summary: HTMLElement, counts: HTMLElement): void {
    const settings: MaskSettings = {
      p: values.p,
      pin: values.pin,
      seed: values.seed,
      resample: values.resample,
      dropInput: values.dropin,
      dropHidden: values.drophidden,
    };
    const batch = batchMasks(settings);
    const shown = batch[values.sample - 1] ?? batch[0];
    const view = { batch, sample: shown.sample, resample: values.resample, seed: values.seed, gradients: values.backprop ? gradientFlow(settings, shown) : null };
    plot.replaceChildren(renderDropoutMask(view));
    showParamValues(this, values, ['p', 'pin']);
    const draws = this.querySelector('[data-role="value-resample"]');
    if (draws) draws.textContent = `masks drawn ${values.resample + 1} time${values.resample === 0 ? '' : 's'}`;
    counts.replaceChildren(
      ...shown.layers.map((layer) => {
        const li = document.createElement('li');
        li.textContent = describeLayer(layer);
        return li;
      }),
    );
    summary.textContent = describeDropoutMask(view);
  }

  protected stop(): void {
    this.#unbind?.();
    this.#unbind = null;
    this.#resample?.removeEventListener('click', this.#onResample);
  }
}

defineWidget('w-dropout-mask', DropoutMaskWidget);
