/** Controller of the ReLU curve widget: the probe slider and derivative toggle drive a redraw. */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { bindControls } from '../../src/widgets/controls.ts';
import { describeReluCurve, fmt, renderReluCurve } from './render.ts';
import { probeRelu, sampleReluCurve } from './model.ts';

class ReluCurveWidget extends WidgetElement {
  #unbind: (() => void) | null = null;

  protected start(): void {
    const curve = sampleReluCurve();
    const plot = this.ref('plot');
    const readout = this.ref('readout');
    const summary = this.ref('summary');
    this.#unbind = bindControls(this, (values) => {
      const probe = probeRelu(values.x);
      const state = { curve, probe, showDerivative: values.derivative };
      plot.replaceChildren(renderReluCurve(state, { width: Math.max(320, Math.min(720, plot.clientWidth || 640)) }));
      readout.textContent = `x = ${fmt(probe.x)}: ReLU(x) = ${fmt(probe.y)}, ReLU′(x) = ${fmt(probe.dy)}`;
      summary.textContent = describeReluCurve(state);
    });
  }

  protected stop(): void {
    this.#unbind?.();
  }
}

defineWidget('w-relu-curve', ReluCurveWidget);
