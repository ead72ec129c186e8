/**
 * Controller of the PReLU-slopes widget: createTrainingRun owns Train/Pause, Step, Reset, the frame budget,
 * reduced motion and the "diverged" stop; a change of lr or seed restarts the run. Drawing is throttled to
 * about ten redraws a second (with a trailing redraw, so the final state is always shown).
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { bindControls } from '../../src/widgets/controls.ts';
import { getParam } from '../../src/widgets/lesson-state.ts';
import { createTrainingRun, type AdvanceResult, type TrainingRun } from '../../src/widgets/training-run.ts';
import { createPreluRun, stepRun, type PreluRun } from './model.ts';
import { describeSlopes, renderPreluSlopes, slopesText, statusText } from './render.ts';

/** At most this many SGD steps per frame, so a run of 2,000 steps plays over a few seconds. */
const STEPS_PER_FRAME = 8;
const DRAW_INTERVAL_MS = 100;

class PreluSlopesWidget extends WidgetElement {
  #run: PreluRun | null = null;
  #training: TrainingRun | null = null;
  #unbind: (() => void) | null = null;
  #lastDraw = -Infinity;
  #drawTimer: ReturnType<typeof setTimeout> | undefined;

  protected start(): void {
    this.#run = this.#freshRun();
    this.#training = createTrainingRun({
      element: this,
      play: this.ref<HTMLButtonElement>('play'),
      step: this.ref<HTMLButtonElement>('step'),
      reset: this.ref<HTMLButtonElement>('reset'),
      status: this.ref('status'),
      advance: (deadline) => this.#advance(deadline),
      draw: () => this.#scheduleDraw(),
      restart: () => {
        this.#run = this.#freshRun();
      },
      describe: () => (this.#run ? statusText(this.#run) : ''),
    });
    // Called once now (the first draw) and again whenever lr or seed changes.
    this.#unbind = bindControls(this, () => this.#training?.reset());
  }

  protected stop(): void {
    this.#unbind?.();
    this.#unbind = null;
    this.#training?.dispose();
    this.#training = null;
    clearTimeout(this.#drawTimer);
    this.#drawTimer = undefined;
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

  #scheduleDraw(): void {
    const wait = this.#lastDraw + DRAW_INTERVAL_MS - performance.now();
    if (wait <= 0) {
      clearTimeout(this.#drawTimer);
      this.#drawTimer = undefined;
      this.#draw();
    } else if (this.#drawTimer === undefined) {
      this.#drawTimer = setTimeout(() => {
        this.#drawTimer = undefined;
        this.#draw();
      }, wait);
    }
  }

  #draw(): void {
    const run = this.#run;
    if (!run || !this.isConnected) return;
    this.#lastDraw = performance.now();
    const plot = this.ref('plot');
    plot.replaceChildren(renderPreluSlopes(run, { width: Math.max(320, Math.min(760, plot.clientWidth || 640)) }));
    this.ref('readout').textContent = `${slopesText(run)} after ${run.trainer.stepCount} steps`;
    this.ref('summary').textContent = describeSlopes(run);
  }
}

defineWidget('w-prelu-slopes', PreluSlopesWidget);
