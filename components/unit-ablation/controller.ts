/**
 * Controller of the unit-ablation widget: createTrainingRun owns Train/Pause, Step, Reset, the frame budget,
 * reduced motion, the "diverged" stop and the presenter sync. One run trains both nets for a fixed number of steps
 * and then silences every hidden unit of both, each in a small unit of work, so no frame goes over budget.
 * A change of p, lr or seed restarts the run. Redraws are throttled to about five a second.
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { bindControls } from '../../src/widgets/controls.ts';
import { createTrainingRun, type TrainingRun } from '../../src/widgets/training-run.ts';
import type { ParamValues } from '../../src/widgets/params.ts';
import { ABLATION, ablationProgress, advanceAblation, createAblation, summarizeLayer, type Ablation } from './model.ts';
import { describeAblation, formatCount, formatNumber, renderAblationLegend, renderKnockoutChart, renderLossChart, type AblationView } from './render.ts';

const DRAW_INTERVAL_MS = 200;

class UnitAblationWidget extends WidgetElement {
  #state: Ablation | null = null;
  #values: ParamValues | null = null;
  #training: TrainingRun | null = null;
  #unbind: (() => void) | null = null;
  #lastDraw = -Infinity;
  #drawTimer: ReturnType<typeof setTimeout> | undefined;
  #slots: { root: HTMLElement; legend: HTMLElement; loss: HTMLElement; note: HTMLElement; columns: HTMLElement; layers: HTMLElement[] } | null = null;
  /** Counts restarts, so charts of a new run are never mistaken for those of the last one. */
  #runCount = 0;

  protected start(): void {
    this.#training = createTrainingRun({
      element: this,
      play: this.ref<HTMLButtonElement>('play'),
      step: this.ref<HTMLButtonElement>('step'),
      reset: this.ref<HTMLButtonElement>('reset'),
      status: this.ref('status'),
      advance: (deadline) => {
        const state = this.#state;
        if (!state) return 'done';
        const phase = advanceAblation(state, deadline);
        return phase === 'done' || phase === 'diverged' ? phase : 'more';
      },
      draw: () => this.#scheduleDraw(),
      restart: () => {
        const v = this.#values;
        this.#state = v ? createAblation({ p: v.p, lr: v.lr, seed: v.seed }) : null;
        this.#runCount++;
      },
      describe: () => this.#statusText(),
    });
    this.#unbind = bindControls(this, (values) => {
      this.#values = values;
      const out = this.querySelector('[data-role="value-p"]');
      if (out) out.textContent = String(values.p);
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

  #view(state: Ablation): AblationView {
    return {
      phase: state.phase,
      step: state.step,
      maxSteps: state.settings.maxSteps ?? ABLATION.maxSteps,
      trainCount: state.train.x.rows,
      testCount: state.test.x.rows,
      sizes: ABLATION.sizes,
      significant: ABLATION.significant,
      progress: ablationProgress(state),
      lanes: state.lanes.map((lane) => ({
        label: lane.label,
        p: lane.p,
        steps: lane.steps,
        trainLoss: lane.trainLoss,
        baseAccuracy: lane.baseAccuracy,
        layers: lane.drops.map((_, h) => summarizeLayer(lane, h)),
      })),
    };
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

  #scheduleDraw(): void {
    // Always in a task of its own (never inside the training frame), at most every DRAW_INTERVAL_MS.
    if (this.#drawTimer !== undefined) return;
    const wait = Math.max(0, this.#lastDraw + DRAW_INTERVAL_MS - performance.now());
    this.#drawTimer = setTimeout(() => {
      this.#drawTimer = undefined;
      this.#draw();
    }, wait);
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
    this.#lastDraw = performance.now();
    const state = this.#state;
    if (!state) return;
    const view = this.#view(state);
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
