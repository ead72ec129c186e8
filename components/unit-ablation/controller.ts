/**
 * Controller of the unit-ablation widget: startTrainingWidget (createTrainingRun) owns Train/Pause, Step, Reset, the
 * frame budget, reduced motion, the "diverged" stop and the presenter sync. One run trains both nets for a fixed number
 * of steps and then silences every hidden unit of both, each in a small unit of work, so no frame goes over budget. A
 * change of p, lr or seed restarts the run. Redraws are throttled to about five a second.
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { startTrainingWidget } from '../../src/widgets/training-widget.ts';
import { createDrawThrottle } from '../../src/widgets/draw-throttle.ts';
import { showParamValues } from '../../src/widgets/value-outputs.ts';
import type { ParamValues } from '../../src/widgets/params.ts';
import { ABLATION, ablationProgress, advanceAblation, createAblation, type Ablation } from './model.ts';
import { ablationView, describeAblation, formatCount, formatNumber, renderAblationLegend, renderKnockoutChart, renderLossChart } from './render.ts';

const DRAW_INTERVAL_MS = 200;

class UnitAblationWidget extends WidgetElement {
  #state: Ablation | null = null;
  #values: ParamValues | null = null;
  #stopTraining: (() => void) | null = null;
  /** Redraws at most every DRAW_INTERVAL_MS, each in a task of its own (never inside the training frame). */
  readonly #redraw = createDrawThrottle(() => this.#draw(), DRAW_INTERVAL_MS);
  #slots: { root: HTMLElement; legend: HTMLElement; loss: HTMLElement; note: HTMLElement; columns: HTMLElement; layers: HTMLElement[] } | null = null;
  /** Counts restarts, so charts of a new run are never mistaken for those of the last one. */
  #runCount = 0;

  protected start(): void {
    this.#stopTraining = startTrainingWidget(this, {
      advance: (deadline) => {
        const state = this.#state;
        if (!state) return 'done';
        const phase = advanceAblation(state, deadline);
        return phase === 'done' || phase === 'diverged' ? phase : 'more';
      },
      draw: () => this.#redraw.request(),
      restart: () => {
        const v = this.#values;
        this.#state = v ? createAblation({ p: v.p, lr: v.lr, seed: v.seed }) : null;
        this.#runCount++;
      },
      describe: () => this.#statusText(),
      onParams: (values) => {
        this.#values = values;
        showParamValues(this, values, ['p']);
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
    if (state.phase === 'training') {
      const losses = state.lanes.map((l) => `${l.label} ${formatNumber(l.trainLoss[l.trainLoss.length - 1])}`).join(' · ');
      return `training: step ${formatCount(state.step)} of ${formatCount(ABLATION.maxSteps)} · training loss ${losses}`;
    }
    const { done, total } = ablationProgress(state);
    return `knock-outs: ${done} of ${total} units measured`;
  }

  /** Legend, loss chart and one knock-out chart per hidden layer, built once and updated in place: a redraw
   * replaces only the charts whose numbers changed (each new chart restyles the page a little). */
  #layout(): { root: HTMLElement; legend: HTMLElement; loss: HTMLElement; note: HTMLElement; columns: HTMLElement; layers: HTMLElement[] } {
    if (this.#slots) return this.#slots;
    const root = document.createElement('div');
    const legend = document.createElement('div');
    const loss = document.createElement('div');
    const note = document.createElement('p');
    note.className = 'ablation-note';
    note.textContent = 'The knock-out charts appear once both networks have finished training.';
    const columns = document.createElement('div');
    columns.className = 'ablation-columns';
    const layers = ABLATION.sizes.slice(1, -1).map(() => {
      const column = document.createElement('div');
      column.className = 'ablation-column';
      columns.append(column);
      return column;
    });
    root.append(legend, loss, note, columns);
    return (this.#slots = { root, legend, loss, note, columns, layers });
  }

  /** Redraw `slot` only when `key` (what it shows, as text) differs from what it shows now. */
  #update(slot: HTMLElement, key: string, render: () => Node): void {
    if (slot.dataset.shows === key) return;
    slot.replaceChildren(render());
    slot.dataset.shows = key;
  }

  #draw(): void {
    const state = this.#state;
    if (!state) return;
    const view = ablationView(state);
    const plot = this.ref('plot');
    const full = plot.clientWidth || 700;
    const layout = this.#layout();
    if (layout.root.parentElement !== plot) plot.replaceChildren(layout.root);
    const runKey = `${state.settings.seed}|${state.settings.lr}|${state.settings.p}|${this.#runCount}`;
    const lossWidth = Math.floor(Math.max(320, Math.min(720, full)));
    this.#update(layout.legend, `${view.lanes.map((l) => l.label).join('|')}`, () => renderAblationLegend(view));
    this.#update(layout.loss, `${runKey}|${state.lanes[0].steps.length}|${lossWidth}`, () => renderLossChart(view, { width: lossWidth }));
    const measuring = view.progress.done > 0;
    layout.note.hidden = measuring;
    layout.columns.hidden = !measuring;
    if (measuring) {
      const columnWidth = Math.floor(Math.max(280, Math.min(420, full >= 600 ? (full - 16) / 2 : full)));
      layout.layers.forEach((slot, h) => {
        const measured = view.lanes.map((l) => l.layers[h].measured).join(',');
        this.#update(slot, `${runKey}|${measured}|${columnWidth}`, () => renderKnockoutChart(view, h, { width: columnWidth }));
      });
    }
    this.ref('summary').textContent = describeAblation(view);
  }
}

defineWidget('w-unit-ablation', UnitAblationWidget);
