/**
 * Controller of the dropout-overfit widget: startTrainingWidget (createTrainingRun) owns Train/Pause, Step, Reset, the
 * frame budget, reduced motion, the "diverged" stop and the presenter sync; the model's small units of work (a few
 * steps, an evaluation, a dozen rows of a decision map) keep every frame within budget. A change of p, label noise,
 * dataset, lr or seed restarts the run. Redraws are throttled to about five a second.
 *
 * The decision maps before training are computed a slice per task after each restart.
 * The reading view shows two columns (a net each: title, loss chart, decision map); a slide shows the two loss charts
 * or the two decision maps (`overfitPanel`), each drawn to fill its half of the plot box.
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { startTrainingWidget } from '../../src/widgets/training-widget.ts';
import { createDrawThrottle } from '../../src/widgets/draw-throttle.ts';
import { showParamValues } from '../../src/widgets/value-outputs.ts';
import { inDeck, measureChart, watchChartSize } from '../../src/widgets/chart-size.ts';
import { createSlotDrawer, type SlotDraw } from '../../src/widgets/slot-drawer.ts';
import type { ParamValues } from '../../src/widgets/params.ts';
import type { DatasetName } from '../../src/engine/index.ts';
import { OVERFIT, advanceOverfit, createOverfit, prepareOverfit, type Overfit } from './model.ts';
import { LOSS_CHART_SIZE, MAP_SIZE, describeOverfit, formatCount, formatLoss, overfitView, renderLossChart, renderOverfitMap, type OverfitPanel } from './render.ts';

const DRAW_INTERVAL_MS = 200;
/** Work per task while the maps before training are computed (they would be one long task at once). */
const PREPARE_BUDGET_MS = 8;

interface Columns {
  root: HTMLElement;
  titles: HTMLElement[];
  charts: HTMLElement[];
  maps: HTMLElement[];
}

class DropoutOverfitWidget extends WidgetElement {
  #state: Overfit | null = null;
  #values: ParamValues | null = null;
  #panel: OverfitPanel = 'losses';
  #stopTraining: (() => void) | null = null;
  /** Redraws at most every DRAW_INTERVAL_MS, each in a task of its own (never inside the training frame). */
  readonly #redraw = createDrawThrottle(() => this.#draw(), DRAW_INTERVAL_MS);
  #unwatch: (() => void) | null = null;
  #columns: Columns | null = null;
  /** Draws one out-of-date chart or map per task (a chart is redrawn only when what it shows or its size changed). */
  readonly #charts = createSlotDrawer();
  /** Numbers each decision map, so a map's key says which map it shows. */
  #mapIds = new WeakMap<object, number>();
  #nextMapId = 0;
  /** Counts restarts, so the charts of a new run are never mistaken for those of the last one. */
  #runCount = 0;
  /** The next task computing the maps before training. */
  #preparing: ReturnType<typeof setTimeout> | undefined;

  protected start(): void {
    // Watched from before the first drawing, so a box that changes size right after it (the status line appearing,
    // the deck's auto-fit zooming the slide) is drawn again at its new size.
    this.#unwatch = watchChartSize(this.ref('plot'), () => this.#draw());
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
        this.#runCount++;
        clearTimeout(this.#preparing);
        this.#preparing = setTimeout(() => this.#prepare(), 0);
      },
      describe: () => this.#statusText(),
      onParams: (values) => {
        this.#values = values;
        this.#panel = values.overfitPanel as OverfitPanel;
        showParamValues(this, values, ['p', 'noise']);
      },
      // Which panels a slide shows changes the drawing only, never the run.
      viewParams: ['overfitPanel'],
    });
  }

  protected stop(): void {
    this.#stopTraining?.();
    this.#stopTraining = null;
    this.#redraw.cancel();
    this.#charts.cancel();
    clearTimeout(this.#preparing);
    this.#unwatch?.();
    this.#unwatch = null;
  }

  /** The decision maps before training, a slice per task (training, when pressed meanwhile, finishes them first). */
  #prepare(): void {
    const state = this.#state;
    if (!state) return;
    const ready = prepareOverfit(state, performance.now() + PREPARE_BUDGET_MS);
    this.#redraw.request();
    if (!ready) this.#preparing = setTimeout(() => this.#prepare(), 0);
  }

  #statusText(): string {
    const state = this.#state;
    if (!state) return '';
    const testLoss = (i: number) => {
      const h = state.lanes[i].history;
      return formatLoss(h.testLoss[h.testLoss.length - 1]);
    };
    // On a slide, one short sentence the room can read; the summary has the rest.
    if (inDeck(this)) return `Step ${formatCount(state.step)}: test loss ${testLoss(0)} without dropout, ${testLoss(1)} with`;
    const losses = state.lanes.map((l, i) => `${l.label} ${testLoss(i)}`).join(' · ');
    return `step ${formatCount(state.step)} of ${formatCount(OVERFIT.maxSteps)} · test loss ${losses}`;
  }

  /** The two columns (title, loss chart, decision map), built once and updated in place. */
  #layout(): Columns {
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
      chart.className = 'overfit-chart';
      const map = document.createElement('div');
      map.className = 'overfit-map';
      column.append(title, chart, map);
      root.append(column);
      titles.push(title);
      charts.push(chart);
      maps.push(map);
    }
    return (this.#columns = { root, titles, charts, maps });
  }

  #mapId(map: object): number {
    let id = this.#mapIds.get(map);
    if (id === undefined) this.#mapIds.set(map, (id = ++this.#nextMapId));
    return id;
  }

  #draw(): void {
    const state = this.#state;
    if (!state) return;
    const view = overfitView(state);
    const plot = this.ref('plot');
    const layout = this.#layout();
    if (layout.root.parentElement !== plot) plot.replaceChildren(layout.root);
    // On a slide only the chosen panel is shown (and drawn); the reading view shows both.
    const slide = inDeck(this);
    const showCharts = !slide || this.#panel === 'losses';
    const showMaps = !slide || this.#panel === 'maps';
    const wanted: SlotDraw[] = [];
    view.lanes.forEach((lane, i) => {
      layout.titles[i].textContent = i === 0 ? 'Without dropout' : `With dropout, p = ${lane.p}`;
      layout.charts[i].hidden = !showCharts;
      layout.maps[i].hidden = !showMaps;
      if (showCharts) {
        const size = measureChart(layout.charts[i], LOSS_CHART_SIZE);
        // A new chart whenever the run moved on (the history arrays grow in place, so their length says so).
        const key = `${this.#runCount}|${view.step}|${lane.history.steps.length}|${view.status}|${size.width}x${size.height}x${size.textScale ?? 1}`;
        wanted.push({ slot: layout.charts[i], key, render: () => renderLossChart(view, i, { size }) });
      }
      const map = lane.map;
      if (showMaps && map) {
        const box = layout.maps[i];
        const side = slide ? Math.floor(Math.min(box.clientWidth, box.clientHeight)) || MAP_SIZE : Math.min(MAP_SIZE, Math.floor(box.clientWidth) || MAP_SIZE);
        wanted.push({ slot: box, key: `${this.#mapId(map)}|${side}`, render: () => renderOverfitMap(view, i, { size: side }) });
      }
    });
    this.#charts.draw(wanted, () => this.#draw());
    this.ref('summary').textContent = describeOverfit(view);
  }
}

defineWidget('w-dropout-overfit', DropoutOverfitWidget);
