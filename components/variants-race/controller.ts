/**
 * Controller of the variants race: startTrainingWidget (createTrainingRun) owns Train/Pause, Step, Reset, the frame
 * budget, reduced motion and the presenter sync; the race advances one chunk (one run, 20 steps and a measurement)
 * at a time against the frame's deadline. A change of stress, seeds, the lanes or the seed restarts it; the chart a
 * slide shows (racePanel) changes only the drawing. Charts are redrawn at most five times a second, one per task.
 */
import { WidgetElement, defineWidget } from '../../src/widgets/widget-element.ts';
import { showsBuiltFigure, startTrainingWidget } from '../../src/widgets/training-widget.ts';
import { createDrawThrottle } from '../../src/widgets/draw-throttle.ts';
import { createPanelQueue } from '../../src/widgets/panel-queue.ts';
import { inDeck, measureChart, watchChartSize } from '../../src/widgets/chart-size.ts';
import type { ParamValues } from '../../src/widgets/params.ts';
import { raceSettingsFor } from './settings.ts';
import { advanceVariantsRace, createVariantsRace, type RaceActivation, type VariantsRace } from './model.ts';
import { describeVariantsRace } from './describe.ts';
import { verdict } from './verdict.ts';
import { CHART_SIZE, RACE_PANELS, raceView, renderRacePanel, type RacePanel, type RaceView } from './render.ts';
import { raceParams, shortStatus } from './status.ts';

const DRAW_INTERVAL_MS = 200;

class VariantsRaceWidget extends WidgetElement {
  #race: VariantsRace | null = null;
  #view: RaceView | null = null;
  #values: ParamValues | null = null;
  #panel: RacePanel = 'inactive';
  #stopTraining: (() => void) | null = null;
  #unwatch: (() => void) | null = null;
  #boxes = new Map<RacePanel, HTMLElement>();
  readonly #charts = createPanelQueue<RacePanel>((panel) => this.#drawPanel(panel));
  readonly #redraw = createDrawThrottle(() => this.#draw(), DRAW_INTERVAL_MS);

  protected start(): void {
    this.#stopTraining = startTrainingWidget(this, {
      advance: (deadline) => {
        const race = this.#race;
        if (!race) return 'done';
        return advanceVariantsRace(race, deadline) === 'ready' ? 'more' : 'done';
      },
      draw: () => this.#redraw.request(),
      restart: () => {
        const v = this.#values;
        this.#race = v ? createVariantsRace(raceSettingsFor(v)) : null;
        this.#view = null;
      },
      describe: () => (this.#race ? shortStatus(this.#race, inDeck(this)) : ''),
      onParams: (values) => {
        this.#values = values;
      },
      viewParams: ['racePanel'],
      onView: (values) => {
        this.#panel = values.racePanel as RacePanel;
        // While the build-time figure shows, startTrainingWidget runs the waiting race to its end first, then draws.
        if (this.#race && !showsBuiltFigure(this)) this.#draw();
      },
    });
    // The build-time figure is drawn for every width already (src/widgets/built-figure.ts): no redraw until the race draws.
    this.#unwatch = watchChartSize(this.ref('plot'), () => showsBuiltFigure(this) || this.#draw());
  }

  protected stop(): void {
    this.#stopTraining?.();
    this.#stopTraining = null;
    this.#redraw.cancel();
    this.#charts.cancel();
    this.#unwatch?.();
    this.#unwatch = null;
  }

  #draw(): void {
    const race = this.#race;
    if (!race) return;
    this.#view = raceView(race);
    const shown: RacePanel[] = inDeck(this) ? [this.#panel] : [...RACE_PANELS];
    this.#layout(shown);
    this.ref('summary').textContent = describeVariantsRace(race);
    this.ref('verdict').textContent = verdict(race).text;
    this.ref('print-params').textContent = raceParams(race);
    this.#charts.draw(shown);
  }

  #drawPanel(panel: RacePanel): void {
    const view = this.#view, box = this.#boxes.get(panel);
    if (!view || !box || !this.isConnected) return;
    const size = measureChart(this.#boxes.size === 1 ? this.ref('plot') : box, CHART_SIZE);
    box.replaceChildren(renderRacePanel(panel, view, { size }));
  }

  #layout(shown: RacePanel[]): void {
    const plot = this.ref('plot');
    if (plot.querySelector(':scope > .variants-race-charts') && [...this.#boxes.keys()].join() === shown.join()) return;
    const root = document.createElement('div');
    root.className = 'variants-race-charts';
    this.#boxes = new Map(shown.map((panel) => {
      const box = document.createElement('div');
      box.className = 'chart-box';
      return [panel, box];
    }));
    root.append(...this.#boxes.values());
    plot.replaceChildren(root);
  }
}

defineWidget('w-variants-race', VariantsRaceWidget);
