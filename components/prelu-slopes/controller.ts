/**
 * Controller of the PReLU-slopes widget: startTrainingWidget (createTrainingRun) owns Train/Pause, Step, Reset, the
 * frame budget, reduced motion and the "diverged" stop; a change of lr or seed restarts the run, a change of the chart
 * shown on a slide (slopesPanel) only redraws. Drawing is throttled to about ten redraws a second, each in a task of its
 * own (never inside a training frame), with a trailing redraw so the final state is always shown.
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { getParam } from '../../src/widgets/lesson-state.ts';
import type { ParamValues } from '../../src/widgets/params.ts';
import { inDeck, measureChart, watchChartSize } from '../../src/widgets/chart-size.ts';
import type { AdvanceResult } from '../../src/widgets/training-run.ts';
import { showsBuiltFigure, startTrainingWidget } from '../../src/widgets/training-widget.ts';
import { createDrawThrottle } from '../../src/widgets/draw-throttle.ts';
import { createPreluRun, stepRun, type PreluRun } from './model.ts';
import { CHART_SIZE, describeSlopes, preluParams, renderPreluSlopes, slopesReadout, statusText, type SlopesPanel } from './render.ts';

/** At most this many SGD steps per frame, so a run of 2,000 steps plays over a few seconds. */
const STEPS_PER_FRAME = 8;
const DRAW_INTERVAL_MS = 100;

class PreluSlopesWidget extends WidgetElement {
  #run: PreluRun | null = null;
  #stopTraining: (() => void) | null = null;
  /** Redraws at most every DRAW_INTERVAL_MS, in a task of its own: a training frame and a redraw never add up. */
  readonly #redraw = createDrawThrottle(() => this.#draw(), DRAW_INTERVAL_MS);
  #panel: SlopesPanel = 'slopes';
  #unwatch: (() => void) | null = null;

  protected start(): void {
    this.#run = this.#freshRun();
    // The run restarts (and draws) once now and again whenever lr or seed changes.
    this.#stopTraining = startTrainingWidget(this, {
      advance: (deadline) => this.#advance(deadline),
      draw: () => this.#redraw.request(),
      restart: () => {
        this.#run = this.#freshRun();
      },
      describe: () => (this.#run ? statusText(this.#run, inDeck(this)) : ''),
      onParams: (values) => {
        this.#panel = values.slopesPanel as SlopesPanel;
      },
      // Which chart a slide shows only redraws: the slopes learned so far (and a training run) go on.
      viewParams: ['slopesPanel'],
      onView: (values) => {
        this.#panel = values.slopesPanel as SlopesPanel;
        // While the build-time figure shows, startTrainingWidget runs the waiting run to its end first, then draws.
        if (!showsBuiltFigure(this)) this.#draw();
      },
    });
    // The build-time figure is drawn for every width already (src/widgets/built-figure.ts): no redraw until the run draws.
    this.#unwatch = watchChartSize(this.ref('plot'), () => showsBuiltFigure(this) || this.#draw());
  }

  protected stop(): void {
    this.#stopTraining?.();
    this.#stopTraining = null;
    this.#redraw.cancel();
    this.#unwatch?.();
    this.#unwatch = null;
  }

  #freshRun(): PreluRun {
    return createPreluRun({ lr: getParam('lr'), seed: getParam('seed') });
  }

  #advance(deadline: number): AdvanceResult {
    const run = this.#run;
    if (!run) return 'done';
    for (let i = 0; i < STEPS_PER_FRAME; i++) {
      const result = stepRun(run, 1);
      if (result !== 'more') return result;
      if (performance.now() >= deadline) break;
    }
    return 'more';
  }

  #draw(): void {
    const run = this.#run;
    if (!run || !this.isConnected) return;
    this.ref('readout').textContent = slopesReadout(run);
    this.ref('summary').textContent = describeSlopes(run);
    this.ref('print-params').textContent = preluParams(run);
    // Measured after the readout has changed: on a slide the controls' height decides the chart's box.
    const plot = this.ref('plot');
    // A slide's step that hides this widget: nothing to draw until it shows again (watchChartSize then redraws).
    if (plot.clientWidth === 0) return;
    const size = measureChart(plot, CHART_SIZE);
    plot.replaceChildren(renderPreluSlopes(run, { size, panel: inDeck(this) ? this.#panel : undefined }));
  }
}

defineWidget('w-prelu-slopes', PreluSlopesWidget);
