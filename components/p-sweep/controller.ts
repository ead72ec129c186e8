/**
 * Controller of the p-sweep widget: startTrainingWidget (createTrainingRun) owns Train/Pause, Step, Reset, the frame
 * budget, reduced motion, the "diverged" stop and the presenter sync; the model's small units of work (10 SGD steps, or
 * 200 rows of an evaluation) keep every frame within budget. The chart is redrawn only when another net has finished. A
 * change of dataset, label noise, lr or seed restarts the sweep.
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { startTrainingWidget } from '../../src/widgets/training-widget.ts';
import { showParamValues } from '../../src/widgets/value-outputs.ts';
import type { ParamValues } from '../../src/widgets/params.ts';
import type { DatasetName } from '../../src/engine/index.ts';
import { advanceSweep, createSweep, progress, type Sweep } from './model.ts';
import { CHART_SIZE, describeSweep, renderSweep, type SweepView } from './render.ts';
import { inDeck, measureChart, watchChartSize } from '../../src/widgets/chart-size.ts';

class PSweepWidget extends WidgetElement {
  #sweep: Sweep | null = null;
  #values: ParamValues | null = null;
  #stopTraining: (() => void) | null = null;
  /** Points drawn last time (-1: nothing drawn yet). */
  #drawn = -1;
  #unwatch: (() => void) | null = null;

  protected start(): void {
    // Watched from before the first drawing, so a box that changes size right after it (the status line appearing,
    // the deck's auto-fit zooming the slide) is drawn again at its new size.
    this.#unwatch = watchChartSize(this.ref('plot'), () => {
      this.#drawn = -1;
      this.#draw();
    });
    this.#stopTraining = startTrainingWidget(this, {
      advance: (deadline) => {
        const sweep = this.#sweep;
        if (!sweep) return 'done';
        const status = advanceSweep(sweep, deadline);
        return status === 'ready' ? 'more' : status;
      },
      draw: () => this.#draw(),
      restart: () => {
        const v = this.#values;
        this.#sweep = v ? createSweep({ dataset: v.dataset as DatasetName, labelNoise: v.noise, lr: v.lr, seed: v.seed }) : null;
        this.#drawn = -1;
      },
      describe: () => this.#statusText(),
      onParams: (values) => {
        this.#values = values;
        showParamValues(this, values, ['noise']);
      },
    });
  }

  #view(sweep: Sweep): SweepView {
    const s = sweep.settings;
    return {
      points: sweep.points,
      ps: sweep.config.ps,
      done: sweep.status === 'done',
      setting: `${s.dataset}, ${sweep.config.trainCount} training points with label noise ${s.labelNoise}, ${sweep.config.testCount} clean test points, 2–${sweep.config.width}–${sweep.config.width}–${sweep.train.classes} ReLU net, lr ${s.lr}, seed ${s.seed}`,
      steps: sweep.config.steps,
    };
  }

  #draw(): void {
    const sweep = this.#sweep;
    if (!sweep || sweep.points.length === this.#drawn) return;
    this.#drawn = sweep.points.length;
    const plot = this.ref('plot');
    const view = this.#view(sweep);
    plot.replaceChildren(renderSweep(view, { size: measureChart(plot, CHART_SIZE) }));
    this.ref('summary').textContent = describeSweep(view);
  }

  #statusText(): string {
    const sweep = this.#sweep;
    if (!sweep) return '';
    const { done, total } = progress(sweep);
    const percent = Math.round((100 * done) / total);
    if (sweep.status === 'done') return `All ${sweep.config.ps.length} nets trained (${total} steps)`;
    const p = sweep.config.ps[sweep.index];
    // On a slide, one short line the room can read; the summary has the rest.
    if (inDeck(this)) return `Net ${sweep.index + 1} of ${sweep.config.ps.length} (p = ${p}) · ${percent}% done`;
    const phase = sweep.evaluation ? `evaluating on the ${sweep.evaluation.set === 'train' ? 'training' : 'test'} set` : `step ${sweep.trainer?.stepCount ?? 0} of ${sweep.config.steps}`;
    return `Net ${sweep.index + 1} of ${sweep.config.ps.length} (p = ${p}) · ${phase} · ${percent}% of the sweep`;
  }

  protected stop(): void {
    this.#stopTraining?.();
    this.#stopTraining = null;
    this.#unwatch?.();
    this.#unwatch = null;
  }
}

defineWidget('w-p-sweep', PSweepWidget);
