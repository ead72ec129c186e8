/**
 * Controller of the unit-ablation widget: startTrainingWidget (createTrainingRun) owns Train/Pause, Step, Reset, the
 * frame budget, reduced motion, the "diverged" stop and the presenter sync. One run trains both nets for a fixed number
 * of steps and then silences every hidden unit of both, each in a small unit of work, so no frame goes over budget. A
 * change of p, lr or seed restarts the run.
 *
 * Drawing: the reading view shows the legend, the loss chart and one knock-out chart per hidden layer; a slide shows the
 * legend and one chart filling the box (the loss while training, then the knock-outs of the layer `knockoutLayer`
 * names). Redraws are throttled to about five a second, only charts whose numbers changed are redrawn, and at most one
 * chart is drawn per task (the next one in a task of its own), so no redraw is a long task.
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { startTrainingWidget } from '../../src/widgets/training-widget.ts';
import { createDrawThrottle } from '../../src/widgets/draw-throttle.ts';
import { showParamValues } from '../../src/widgets/value-outputs.ts';
import { inDeck, measureChart, watchChartSize } from '../../src/widgets/chart-size.ts';
import { createSlotDrawer, type SlotDraw } from '../../src/widgets/slot-drawer.ts';
import type { ParamValues } from '../../src/widgets/params.ts';
import { ABLATION, ablationProgress, advanceAblation, createAblation, type Ablation } from './model.ts';
import {
  KNOCKOUT_CHART_SIZE,
  LOSS_CHART_SIZE,
  ablationView,
  describeAblation,
  formatCount,
  formatNumber,
  renderAblationLegend,
  renderKnockoutChart,
  renderLossChart,
  type AblationView,
} from './render.ts';

const DRAW_INTERVAL_MS = 200;

interface Slots {
  root: HTMLElement;
  legend: HTMLElement;
  loss: HTMLElement;
  note: HTMLElement;
  columns: HTMLElement;
  layers: HTMLElement[];
}

class UnitAblationWidget extends WidgetElement {
  #state: Ablation | null = null;
  #values: ParamValues | null = null;
  #stopTraining: (() => void) | null = null;
  /** Redraws at most every DRAW_INTERVAL_MS, each in a task of its own (never inside the training frame). */
  readonly #redraw = createDrawThrottle(() => this.#draw(), DRAW_INTERVAL_MS);
  #slots: Slots | null = null;
  /** Counts restarts, so charts of a new run are never mistaken for those of the last one. */
  #runCount = 0;
  /** The hidden layer (0-based) whose knock-outs a slide shows. */
  #layer = 0;
  #unwatch: (() => void) | null = null;
  /** Draws one out-of-date chart per task. */
  readonly #charts = createSlotDrawer();

  protected start(): void {
    // Watched from before the first drawing, so a box that changes size right after it (the status line appearing,
    // the deck's auto-fit zooming the slide) is drawn again at its new size.
    this.#unwatch = watchChartSize(this.ref('plot'), () => this.#draw());
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
        this.#layer = values.knockoutLayer - 1;
        showParamValues(this, values, ['p']);
      },
      // The layer a slide shows changes the drawing only, never the run.
      viewParams: ['knockoutLayer'],
    });
  }

  protected stop(): void {
    this.#stopTraining?.();
    this.#stopTraining = null;
    this.#redraw.cancel();
    this.#charts.cancel();
    this.#unwatch?.();
    this.#unwatch = null;
  }

  #statusText(): string {
    const state = this.#state;
    if (!state) return '';
    const slide = inDeck(this);
    if (state.phase === 'training') {
      // On a slide, one short sentence the room can read; the summary has the rest.
      if (slide) return `Training: step ${formatCount(state.step)} of ${formatCount(ABLATION.maxSteps)}, then the knock-outs`;
      const losses = state.lanes.map((l) => `${l.label} ${formatNumber(l.trainLoss[l.trainLoss.length - 1])}`).join(' · ');
      return `training: step ${formatCount(state.step)} of ${formatCount(ABLATION.maxSteps)} · training loss ${losses}`;
    }
    const { done, total } = ablationProgress(state);
    return slide ? `Knock-outs: ${done} of ${total} units measured` : `knock-outs: ${done} of ${total} units measured`;
  }

  /** Legend, loss chart and one knock-out chart per hidden layer, built once and updated in place. */
  #layout(): Slots {
    if (this.#slots) return this.#slots;
    const root = document.createElement('div');
    root.className = 'ablation-charts';
    const legend = document.createElement('div');
    const loss = document.createElement('div');
    loss.className = 'ablation-loss';
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

  /** The charts this box shows, in drawing order, with what each should show now. */
  #wanted(view: AblationView, slots: Slots): SlotDraw[] {
    const state = this.#state as Ablation;
    const runKey = `${this.#runCount}|${state.settings.seed}|${state.settings.lr}|${state.settings.p}`;
    const slide = inDeck(this);
    const measuring = view.progress.done > 0;
    // A slide shows one chart: the loss while training, then the knock-outs of the chosen layer.
    slots.loss.hidden = slide && measuring;
    slots.note.hidden = slide || measuring;
    slots.columns.hidden = !measuring;
    slots.layers.forEach((slot, h) => (slot.hidden = slide && h !== this.#layer));
    const wanted: SlotDraw[] = [];
    if (!slots.loss.hidden) {
      const size = measureChart(slots.loss, LOSS_CHART_SIZE);
      wanted.push({ slot: slots.loss, key: `${runKey}|${state.lanes[0].steps.length}|${size.width}x${size.height}`, render: () => renderLossChart(view, { size }) });
    }
    if (measuring)
      slots.layers.forEach((slot, h) => {
        if (slot.hidden) return;
        const size = measureChart(slot, KNOCKOUT_CHART_SIZE);
        const measured = view.lanes.map((l) => l.layers[h].measured).join(',');
        wanted.push({ slot, key: `${runKey}|${measured}|${size.width}x${size.height}`, render: () => renderKnockoutChart(view, h, { size }) });
      });
    return wanted;
  }

  #draw(): void {
    const state = this.#state;
    if (!state) return;
    const view = ablationView(state);
    const plot = this.ref('plot');
    const slots = this.#layout();
    if (slots.root.parentElement !== plot) plot.replaceChildren(slots.root);
    const legendKey = view.lanes.map((l) => l.label).join('|');
    if (slots.legend.dataset.shows !== legendKey) {
      slots.legend.replaceChildren(renderAblationLegend(view));
      slots.legend.dataset.shows = legendKey;
    }
    // One chart per task: the first out of date now, the next in a task of its own.
    this.#charts.draw(this.#wanted(view, slots), () => this.#draw());
    this.ref('summary').textContent = describeAblation(view);
  }
}

defineWidget('w-unit-ablation', UnitAblationWidget);
