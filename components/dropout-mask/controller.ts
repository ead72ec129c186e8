/**
 * Controller of the dropout-mask widget. Everything shown is a function of the page's parameters (p, pin, seed,
 * resample, sample, dropin, drophidden, backprop, maskPanel), so the presenter and projector windows show the same
 * masks: "Resample masks" only advances the `resample` counter in the store — no Math.random, no local state.
 * The charts are drawn for the box they are shown in (src/widgets/chart-size.ts): both in the reading view, the one
 * `maskPanel` names on a slide, filling the plot box.
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { bindControls } from '../../src/widgets/controls.ts';
import { showParamValues } from '../../src/widgets/value-outputs.ts';
import { getParam, setParam, watchParams } from '../../src/widgets/lesson-state.ts';
import { PARAMS, type ParamValues } from '../../src/widgets/params.ts';
import { inDeck, measureChart, watchChartSize } from '../../src/widgets/chart-size.ts';
import { batchMasks, gradientFlow, type MaskSettings } from './model.ts';
import { NET_SIZE, describeDropoutMask, describeLayer, renderDropoutMask, type MaskPanel } from './render.ts';

class DropoutMaskWidget extends WidgetElement {
  #unbind: (() => void) | null = null;
  #unwatch: (() => void) | null = null;
  #values: ParamValues | null = null;
  #resample: HTMLButtonElement | null = null;
  readonly #onResample = () => {
    const next = getParam('resample') + 1;
    setParam('resample', next > PARAMS.resample.max ? 0 : next);
  };

  protected start(): void {
    this.#resample = this.ref<HTMLButtonElement>('resample');
    this.#resample.addEventListener('click', this.#onResample);
    // `resample` has no form control (the button raises it), so watch every parameter the drawing uses.
    const unbindControls = bindControls(this);
    const unwatch = watchParams(['p', 'pin', 'seed', 'resample', 'sample', 'dropin', 'drophidden', 'backprop', 'maskPanel'], (values) => {
      this.#values = values;
      this.#draw(values);
    });
    this.#unbind = () => {
      unbindControls();
      unwatch();
    };
    this.#unwatch = watchChartSize(this.ref('plot'), () => this.#values && this.#draw(this.#values));
  }

  #draw(values: ParamValues): void {
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
    const slide = inDeck(this);
    // The words first: they can change how the controls wrap, and so the box the chart is drawn for.
    showParamValues(this, values, ['p', 'pin']);
    const draws = this.querySelector('[data-role="value-resample"]');
    const times = values.resample + 1;
    if (draws) draws.textContent = `masks drawn ${times} time${times === 1 ? '' : 's'}`;
    this.ref('counts').replaceChildren(
      ...shown.layers.map((layer) => {
        const li = document.createElement('li');
        li.textContent = describeLayer(layer);
        return li;
      }),
    );
    this.ref('summary').textContent = describeDropoutMask(view);
    const plot = this.ref('plot');
    plot.replaceChildren(renderDropoutMask(view, { size: measureChart(plot, NET_SIZE), panel: slide ? (values.maskPanel as MaskPanel) : undefined }));
  }

  protected stop(): void {
    this.#unbind?.();
    this.#unbind = null;
    this.#unwatch?.();
    this.#unwatch = null;
    this.#resample?.removeEventListener('click', this.#onResample);
  }
}

defineWidget('w-dropout-mask', DropoutMaskWidget);
