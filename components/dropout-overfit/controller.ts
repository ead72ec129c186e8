/**
 * Controller of the dropout-overfit widget: startTrainingWidget (createTrainingRun) owns Train/Pause, Step, Reset, the
 * frame budget, reduced motion, the "diverged" stop and the presenter sync; the model's small units of work (a few
 * steps, an evaluation, a dozen rows of a decision map) keep every frame within budget. A change of p, label noise,
 * dataset, lr or seed restarts the run. Redraws are throttled to about five a second.
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { startTrainingWidget } from '../../src/widgets/training-widget.ts';
import { createDrawThrottle } from '../../src/widgets/draw-throttle.ts';
import { showParamValues } from '../../src/widgets/value-outputs.ts';
import type { ParamValues } from '../../src/widgets/params.ts';
import type { DatasetName } from '../../src/engine/index.ts';
import { OVERFIT, advanceOverfit, createOverfit, type Overfit } from './model.ts';
import { describeOverfit, formatCount, formatLoss, overfitView, renderLossChart, renderOverfitMap } from './render.ts';

const DRAW_INTERVAL_MS = 200;

class DropoutOverfitWidget extends WidgetElement {
  #state: Overfit | null = null;
  #values: ParamValues | null = null;
  #stopTraining: (() => void) | null = null;
  /** Redraws at most every DRAW_INTERVAL_MS, each in a task of its own (never inside the training frame). */
  readonly #redraw = createDrawThrottle(() => this.#draw(), DRAW_INTERVAL_MS);
  #columns: { root: HTMLElement; titles: HTMLElement[]; charts: HTMLElement[]; maps: HTMLElement[] } | null = null;
  /** The decision map each column shows, so it is redrawn only when it changes. */
  #shownMaps: Array<{ map: object; size: number } | undefined> = [];

  protected start(): void {
    this.#stopTraining = startTrainingWidget(this, {
      advance: (deadline) => {
        const state = this.#state;
        if (!state) return 'done';
        const status = advanceOverfit(state, deadline);
        return status === 'ready' ? 'more' : status;
      },
      draw: () => this.#redraw.request(),
      restart: () => {
        const v = this.#values;
        this.#state = v ? createOverfit({ dataset: v.dataset as DatasetName, labelNoise: v.noise, p: v.p, lr: v.lr, seed: v.seed }) : null;
      },
      describe: () => this.#statusText(),
      onParams: (values) => {
        this.#values = values;
        showParamValues(this, values, ['p', 'noise']);
      },
    });
  }

  protected stop(): void {
    this.#stopTraining?.();
    this.#stopTraining = null;
    this.#redraw.cancel();
  }

  #statusText(): string {
    const state = this.#state;
    if (!state) return '';
    const losses = state.lanes.map((l) => `${l.label} ${formatLoss(l.history.testLoss[l.history.testLoss.length - 1])}`).join(' · ');
    return `step ${formatCount(state.step)} of ${formatCount(OVERFIT.maxSteps)} · test loss ${losses}`;
  }

  /** The two columns (title, loss chart, decision map), built once and updated in place, so a redraw replaces
   * only what changed (a decision map only when its map did). */
  #layout(): { root: HTMLElement; titles: HTMLElement[]; charts: HTMLElement[]; maps: HTMLElement[] } {
    if (this.#columns) return this.#columns;
    const root = document.createElement('div');
    root.className = 'overfit-columns';
    const titles: HTMLElement[] = [], charts: HTMLElement[] = [], maps: HTMLElement[] = [];
    for (let i = 0; i < 2; i++) {
      const column = document.createElement('div');
      column.className = 'overfit-column';
      const title = document.createElement('p');
      title.className = 'overfit-title';
      const chart = document.createElement('div');
      const map = document.createElement('div');
      column.append(title, chart, map);
      root.append(column);
      titles.push(title);
      charts.push(chart);
      maps.push(map);
    }
    return (this.#columns = { root, titles, charts, maps });
  }

  #draw(): void {
    const state = this.#state;
    if (!state) return;
    const view = overfitView(state);
    const plot = this.ref('plot');
    const full = plot.clientWidth || 700;
    const columnWidth = Math.floor(Math.max(280, Math.min(420, full >= 600 ? (full - 16) / 2 : full)));
    const mapSize = Math.min(300, columnWidth);
    const layout = this.#layout();
    if (layout.root.parentElement !== plot) plot.replaceChildren(layout.root);
    view.lanes.forEach((lane, i) => {
      layout.titles[i].textContent = i === 0 ? 'Without dropout' : `With dropout, p = ${lane.p}`;
      layout.charts[i].replaceChildren(renderLossChart(view, i, { width: columnWidth }));
      const shown = this.#shownMaps[i];
      if (lane.map && (shown?.map !== lane.map || shown.size !== mapSize)) {
        const svg = renderOverfitMap(view, i, { size: mapSize });
        if (svg) layout.maps[i].replaceChildren(svg);
        this.#shownMaps[i] = { map: lane.map, size: mapSize };
      }
    });
    this.ref('summary').textContent = describeOverfit(view);
  }
}

defineWidget('w-dropout-overfit', DropoutOverfitWidget);
