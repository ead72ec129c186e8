/**
 * Controller of the ReLU-vs-tanh race: createTrainingRun owns Train/Pause, Step, Reset, the frame budget,
 * reduced motion, the "diverged" stop and the presenter sync; a change of lr, seed or target restarts the race.
 * Redraws are throttled to about ten a second, with a trailing redraw so the final state is always shown.
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { bindControls } from '../../src/widgets/controls.ts';
import { createTrainingRun, type TrainingRun } from '../../src/widgets/training-run.ts';
import type { ParamValues } from '../../src/widgets/params.ts';
import { RACE, advanceRace, createRace, verdict, type Race } from './model.ts';
import { describeRace, formatCount, formatPercent, renderRaceChart, renderRaceLegend, type RaceView } from './render.ts';

const DRAW_INTERVAL_MS = 100;

class ReluVsTanhWidget extends WidgetElement {
  #race: Race | null = null;
  #values: ParamValues | null = null;
  #training: TrainingRun | null = null;
  #unbind: (() => void) | null = null;
  #lastDraw = -Infinity;
  #drawTimer: ReturnType<typeof setTimeout> | undefined;

  protected start(): void {
    this.#training = createTrainingRun({
      element: this,
      play: this.ref<HTMLButtonElement>('play'),
      step: this.ref<HTMLButtonElement>('step'),
      reset: this.ref<HTMLButtonElement>('reset'),
      status: this.ref('status'),
      advance: (deadline) => {
        const race = this.#race;
        if (!race) return 'done';
        const status = advanceRace(race, deadline);
        return status === 'ready' ? 'more' : status;
      },
      draw: () => this.#scheduleDraw(),
      restart: () => {
        this.#race = this.#values ? createRace({ seed: this.#values.seed, lr: this.#values.lr, targetError: this.#values.targetError / 100 }) : null;
      },
      describe: () => this.#statusText(),
    });
    // Runs once now (building the race and drawing it) and again whenever lr, seed or the target changes.
    this.#unbind = bindControls(this, (values) => {
      this.#values = values;
      this.#training?.reset();
    });
  }

  protected stop(): void {
    this.#unbind?.();
    this.#unbind = null;
    this.#training?.dispose();
    this.#training = null;
    clearTimeout(this.#drawTimer);
    this.#drawTimer = undefined;
  }

  #view(race: Race): RaceView {
    return {
      lanes: race.lanes,
      step: race.step,
      maxSteps: RACE.maxSteps,
      targetError: race.settings.targetError,
      lr: race.settings.lr,
      status: race.status,
      verdict: verdict(race),
    };
  }

  #statusText(): string {
    const race = this.#race;
    if (!race) return '';
    const errors = race.lanes.map((l) => `${l.label} ${formatPercent(l.errors[l.errors.length - 1])}`).join(' · ');
    return `step ${formatCount(race.step)} of at most ${formatCount(RACE.maxSteps)} · training error ${errors}`;
  }

  #scheduleDraw(): void {
    // Always in a task of its own (never inside the training frame), at most every DRAW_INTERVAL_MS.
    if (this.#drawTimer !== undefined) return;
    const wait = Math.max(0, this.#lastDraw + DRAW_INTERVAL_MS - performance.now());
    this.#drawTimer = setTimeout(() => {
      this.#drawTimer = undefined;
      this.#draw();
    }, wait);
  }

  #draw(): void {
    this.#lastDraw = performance.now();
    const race = this.#race;
    if (!race) return;
    const view = this.#view(race);
    const plot = this.ref('plot');
    plot.replaceChildren(renderRaceLegend(view), renderRaceChart(view, { width: Math.max(320, Math.min(720, plot.clientWidth || 640)) }));
    this.ref('summary').textContent = describeRace(view);
  }
}

defineWidget('w-relu-vs-tanh', ReluVsTanhWidget);
