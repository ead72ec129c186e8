/**
 * Controller of the ReLU-vs-tanh race: startTrainingWidget (createTrainingRun) owns Train/Pause, Step, Reset, the frame
 * budget, reduced motion, the "diverged" stop and the presenter sync; a change of lr, seed or target restarts the race.
 * Redraws are throttled to about ten a second, with a trailing redraw so the final state is always shown.
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { startTrainingWidget } from '../../src/widgets/training-widget.ts';
import { createDrawThrottle } from '../../src/widgets/draw-throttle.ts';
import type { ParamValues } from '../../src/widgets/params.ts';
import { RACE, advanceRace, createRace, verdict, type Race } from './model.ts';
import { describeRace, formatCount, formatPercent, renderRaceChart, renderRaceLegend, type RaceView } from './render.ts';

const DRAW_INTERVAL_MS = 100;

class ReluVsTanhWidget extends WidgetElement {
  #race: Race | null = null;
  #values: ParamValues | null = null;
  #stopTraining: (() => void) | null = null;
  /** Redraws at most every DRAW_INTERVAL_MS, each in a task of its own (never inside the training frame). */
  readonly #redraw = createDrawThrottle(() => this.#draw(), DRAW_INTERVAL_MS);

  protected start(): void {
    this.#stopTraining = startTrainingWidget(this, {
      advance: (deadline) => {
        const race = this.#race;
        if (!race) return 'done';
        const status = advanceRace(race, deadline);
        return status === 'ready' ? 'more' : status;
      },
      draw: () => this.#redraw.request(),
      restart: () => {
        this.#race = this.#values ? createRace({ seed: this.#values.seed, lr: this.#values.lr, targetError: this.#values.targetError / 100 }) : null;
      },
      describe: () => this.#statusText(),
      // Runs once now (the race is then built and drawn) and again whenever lr, seed or the target changes.
      onParams: (values) => {
        this.#values = values;
      },
    });
  }

  protected stop(): void {
    this.#stopTraining?.();
    this.#stopTraining = null;
    this.#redraw.cancel();
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

  #draw(): void {
    const race = this.#race;
    if (!race) return;
    const view = this.#view(race);
    const plot = this.ref('plot');
    plot.replaceChildren(renderRaceLegend(view), renderRaceChart(view, { width: Math.max(320, Math.min(720, plot.clientWidth || 640)) }));
    this.ref('summary').textContent = describeRace(view);
  }
}

defineWidget('w-relu-vs-tanh', ReluVsTanhWidget);
