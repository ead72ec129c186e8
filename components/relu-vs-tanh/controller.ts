/**
 * Controller of the ReLU-vs-tanh race: startTrainingWidget (createTrainingRun) owns Train/Pause, Step, Reset, the frame
 * budget, reduced motion, the "diverged" stop and the presenter sync; a change of lr, seed or target restarts the race.
 * Redraws are throttled to about ten a second, with a trailing redraw so the final state is always shown.
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { showsBuiltFigure, startTrainingWidget } from '../../src/widgets/training-widget.ts';
import { createDrawThrottle } from '../../src/widgets/draw-throttle.ts';
import type { ParamValues } from '../../src/widgets/params.ts';
import { RACE, advanceRace, createRace, type Race } from './model.ts';
import { CHART_SIZE, describeRace, formatCount, formatPercent, raceView, renderRaceChart, renderRaceLegend } from './render.ts';
import { inDeck, measureChart, watchChartSize } from '../../src/widgets/chart-size.ts';

const DRAW_INTERVAL_MS = 100;

class ReluVsTanhWidget extends WidgetElement {
  #race: Race | null = null;
  #values: ParamValues | null = null;
  #stopTraining: (() => void) | null = null;
  /** Redraws at most every DRAW_INTERVAL_MS, each in a task of its own (never inside the training frame). */
  readonly #redraw = createDrawThrottle(() => this.#draw(), DRAW_INTERVAL_MS);
  #unwatch: (() => void) | null = null;
  /** The legend and the box the chart is drawn for, built once. */
  #parts: { legend: HTMLElement; chart: HTMLElement } | null = null;

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
    this.#unwatch = watchChartSize(this.ref('plot'), () => showsBuiltFigure(this) || this.#draw());
  }

  protected stop(): void {
    this.#stopTraining?.();
    this.#stopTraining = null;
    this.#redraw.cancel();
    this.#unwatch?.();
    this.#unwatch = null;
  }

  #statusText(): string {
    const race = this.#race;
    if (!race) return '';
    const errors = race.lanes.map((l) => `${l.label} ${formatPercent(l.errors[l.errors.length - 1])}`).join(' · ');
    // On a slide, one short line the room can read; the summary has the rest.
    if (inDeck(this)) return `Step ${formatCount(race.step)} · training error ${errors}`;
    return `step ${formatCount(race.step)} of at most ${formatCount(RACE.maxSteps)} · training error ${errors}`;
  }

  #draw(): void {
    const race = this.#race;
    if (!race) return;
    const view = raceView(race);
    if (!this.#parts) {
      const legend = document.createElement('div');
      const chart = document.createElement('div');
      chart.className = 'chart-box';
      legend.append(renderRaceLegend(view));
      this.ref('plot').replaceChildren(legend, chart);
      this.#parts = { legend, chart };
    }
    this.#parts.chart.replaceChildren(renderRaceChart(view, { size: measureChart(this.#parts.chart, CHART_SIZE) }));
    this.ref('summary').textContent = describeRace(view);
    this.ref('print-params').textContent = `learning rate ${view.lr}, target ${Math.round(view.targetError * 100)}% training error, seed ${race.settings.seed}, after ${formatCount(race.step)} steps`;
  }
}

defineWidget('w-relu-vs-tanh', ReluVsTanhWidget);
