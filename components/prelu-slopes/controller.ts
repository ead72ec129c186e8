/**
 * Controller of the PReLU-slopes widget: startTrainingWidget (createTrainingRun) owns Train/Pause, Step, Reset, the
 * frame budget, reduced motion and the "diverged" stop; a change of lr or seed restarts the run. Drawing is throttled
 * to about ten redraws a second (with a trailing redraw, so the final state is always shown).
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { getParam } from '../../src/widgets/lesson-state.ts';
import type { AdvanceResult } from '../../src/widgets/training-run.ts';
import { startTrainingWidget } from '../../src/widgets/training-widget.ts';
import { createDrawThrottle } from '../../src/widgets/draw-throttle.ts';
import { createPreluRun, stepRun, type PreluRun } from './model.ts';
import { describeSlopes, renderPreluSlopes, slopesText, statusText } from './render.ts';

/** At most this many SGD steps per frame, so a run of 2,000 steps plays over a few seconds. */
const STEPS_PER_FRAME = 8;
const DRAW_INTERVAL_MS = 100;

class PreluSlopesWidget extends WidgetElement {
  #run: PreluRun | null = null;
  #stopTraining: (() => void) | null = null;
  /** Redraws at most every DRAW_INTERVAL_MS: at once when one is due, else a trailing one. */
  readonly #redraw = createDrawThrottle(() => this.#draw(), DRAW_INTERVAL_MS, { immediateWhenDue: true });

  protected start(): void {
    this.#run = this.#freshRun();
    // The run restarts (and draws) once now and again whenever lr or seed changes.
    this.#stopTraining = startTrainingWidget(this, {
      advance: (deadline) => this.#advance(deadline),
      draw: () => this.#redraw.request(),
      restart: () => {
        this.#run = this.#freshRun();
      },
      describe: () => (this.#run ? statusText(this.#run) : ''),
    });
  }

  protected stop(): void {
    this.#stopTraining?.();
    this.#stopTraining = null;
    this.#redraw.cancel();
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
    const plot = this.ref('plot');
    plot.replaceChildren(renderPreluSlopes(run, { width: Math.max(320, Math.min(760, plot.clientWidth || 640)) }));
    this.ref('readout').textContent = `${slopesText(run)} after ${run.trainer.stepCount} steps`;
    this.ref('summary').textContent = describeSlopes(run);
  }
}

defineWidget('w-prelu-slopes', PreluSlopesWidget);
