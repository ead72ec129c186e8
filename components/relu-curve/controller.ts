/** Controller of the ReLU curve widget: the probe slider and derivative toggle drive a redraw. */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { bindControls } from '../../src/widgets/controls.ts';
import { CHART_SIZE, describeReluCurve, fmt, reluCurveParams, renderReluCurve, type ReluCurveState } from './render.ts';
import { probeRelu, sampleReluCurve } from './model.ts';
import { measureChart, watchChartSize } from '../../src/widgets/chart-size.ts';

class ReluCurveWidget extends WidgetElement {
  #unbind: (() => void) | null = null;
  #unwatch: (() => void) | null = null;
  #state: ReluCurveState | null = null;

  protected start(): void {
    const curve = sampleReluCurve();
    const readout = this.ref('readout');
    const summary = this.ref('summary');
    this.#unbind = bindControls(this, (values) => {
      const probe = probeRelu(values.x);
      this.#state = { curve, probe, showDerivative: values.derivative };
      this.#draw();
      readout.textContent = `x = ${fmt(probe.x)}: ReLU(x) = ${fmt(probe.y)}, ReLU′(x) = ${fmt(probe.dy)}`;
      summary.textContent = describeReluCurve(this.#state);
      this.ref('print-params').textContent = reluCurveParams(this.#state);
    });
    // Drawn for the width it has: a turned phone or a resized window redraws it.
    this.#unwatch = watchChartSize(this.ref('plot'), () => this.#draw());
  }

  #draw(): void {
    if (!this.#state || !this.isConnected) return;
    const plot = this.ref('plot');
    // Replaces the build-time drawing (src/widgets/built-figure.ts): the same numbers, drawn for the exact width.
    plot.replaceChildren(renderReluCurve(this.#state, { size: measureChart(plot, CHART_SIZE) }));
    this.dataset.figure = 'live';
  }

  protected stop(): void {
    this.#unbind?.();
    this.#unbind = null;
    this.#unwatch?.();
    this.#unwatch = null;
  }
}

defineWidget('w-relu-curve', ReluCurveWidget);
