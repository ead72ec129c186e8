/**
 * Controller of the inverted-dropout widget. What is shown is a function of the page's parameters (p, seed, masks):
 * the "Draw 1 / 10 / 100 masks" buttons only raise the `masks` counter in the store, so the presenter and projector
 * windows draw the same masks from the same seeded stream. When the counter rises and motion is allowed, the frame
 * loop reveals the new masks over about half a second; with prefers-reduced-motion the final state appears at once.
 * The chart is drawn for the box it is shown in (src/widgets/chart-size.ts); a slide shows either the chart or the
 * conventions table (`dropoutPanel`), the reading view both.
 */
import { WidgetElement, defineWidget, prefersReducedMotion } from '../../src/widgets/widget-element.ts';
import { bindControls } from '../../src/widgets/controls.ts';
import { showParamValues } from '../../src/widgets/value-outputs.ts';
import { createFrameLoop, type FrameLoop } from '../../src/widgets/frame-loop.ts';
import { getParam, setParam, watchParams } from '../../src/widgets/lesson-state.ts';
import type { ParamValues } from '../../src/widgets/params.ts';
import { inDeck, measureChart, watchChartSize } from '../../src/widgets/chart-size.ts';
import { MAX_MASKS, conventions, createMaskRun, drawMasks, estimates, type MaskRun } from './model.ts';
import { CHART_SIZE, conventionCells, describeInverted, renderInverted } from './render.ts';

/** Frames an animated draw takes (about half a second at 60 frames per second). */
const ANIMATION_FRAMES = 30;

class InvertedDropoutWidget extends WidgetElement {
  #unbind: (() => void) | null = null;
  #loop: FrameLoop | null = null;
  #run: MaskRun | null = null;
  #target = 0;
  #perFrame = 1;
  #buttons: Array<[HTMLButtonElement, () => void]> = [];
  #unwatch: (() => void) | null = null;

  protected start(): void {
    this.#loop = createFrameLoop(this, (deadline) => {
      const run = this.#run;
      if (!run) return false;
      // Drawing a mask of 6 units costs microseconds; the budget check is a safeguard.
      const goal = Math.min(this.#target, run.count + this.#perFrame);
      while (run.count < goal && performance.now() < deadline) drawMasks(run, run.count + 1);
      this.#draw();
      return run.count < this.#target;
    });
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-draw]')) {
      const add = Number(button.dataset.draw);
      const onClick = () => {
        const current = getParam('masks');
        setParam('masks', add === 0 ? 0 : Math.min(MAX_MASKS, current + add));
      };
      button.addEventListener('click', onClick);
      this.#buttons.push([button, onClick]);
    }
    // `masks` has no form control (the buttons raise it), so watch it with the bound parameters.
    const unbindControls = bindControls(this);
    const unwatch = watchParams(['p', 'seed', 'masks'], (values) => this.#update(values));
    // Which panel a slide shows: the chart or the table (the attribute drives the deck's CSS).
    const unwatchPanel = watchParams(['dropoutPanel'], (values) => {
      this.dataset.panel = values.dropoutPanel;
      if (values.dropoutPanel === 'chart') this.#draw();
    });
    this.#unbind = () => {
      unbindControls();
      unwatch();
      unwatchPanel();
    };
    this.#unwatch = watchChartSize(this.ref('plot'), () => this.#draw());
  }

  #update(values: ParamValues): void {
    showParamValues(this, values, ['p']);
    this.#target = values.masks;
    let run = this.#run;
    if (!run || run.seed !== values.seed || run.p !== values.p || values.masks < run.count) {
      // New activations or a new p (or fewer masks): recompute from the start of the stream, at once.
      this.#loop?.stop();
      run = this.#run = createMaskRun(values.seed, values.p);
      drawMasks(run, values.masks);
      this.#draw();
      return;
    }
    const missing = values.masks - run.count;
    if (missing > 1 && !prefersReducedMotion()) {
      this.#perFrame = Math.max(1, Math.ceil(missing / ANIMATION_FRAMES));
      this.#loop?.start();
    } else {
      this.#loop?.stop();
      drawMasks(run, values.masks);
      this.#draw();
    }
  }

  #draw(): void {
    const run = this.#run;
    if (!run) return;
    const convs = conventions(run.p, run);
    const view = { p: run.p, count: run.count, units: estimates(run), lastMask: run.lastMask, conventions: convs };
    const plot = this.ref('plot');
    const slide = inDeck(this);
    // The words first: they can change how the controls wrap, and so the box the chart is drawn for.
    this.ref('summary').textContent = describeInverted(view);
    const count = this.querySelector('[data-role="value-masks"]');
    const max = run.count >= MAX_MASKS;
    if (count) count.textContent = `${run.count} mask${run.count === 1 ? '' : 's'} drawn${max ? (slide ? ' (max)' : ' (the maximum)') : ''}`;
    // A hidden plot (a slide showing the table instead) has no size: it is drawn when it comes back.
    if (!slide || plot.clientWidth > 0) plot.replaceChildren(renderInverted(view, { size: measureChart(plot, CHART_SIZE) }));
    // Each cell holds the page's words and the shorter ones a slide or a phone shows (CSS picks one).
    const long = conventionCells(convs, run.count);
    const short = conventionCells(convs, run.count, true);
    const rows = this.querySelectorAll<HTMLTableRowElement>('[data-role="conventions"] tbody tr');
    long.forEach((cells, r) => {
      const row = rows[r];
      if (!row) return;
      row.dataset.matches = String(convs[r].matches);
      row.querySelectorAll('td').forEach((cell, c) => setCell(cell, cells[c + 1] ?? '', short[r][c + 1] ?? ''));
    });
  }

  protected stop(): void {
    this.#unbind?.();
    this.#unbind = null;
    this.#unwatch?.();
    this.#unwatch = null;
    this.#loop?.dispose();
    this.#loop = null;
    for (const [button, onClick] of this.#buttons) button.removeEventListener('click', onClick);
    this.#buttons = [];
  }
}

/** A table cell's text, with a shorter form where it has one. */
function setCell(cell: HTMLElement, long: string, short: string): void {
  if (long === short) {
    cell.textContent = long;
    return;
  }
  const [a, b] = [document.createElement('span'), document.createElement('span')];
  a.className = 'long';
  a.textContent = long;
  b.className = 'short';
  b.textContent = short;
  cell.replaceChildren(a, b);
}

defineWidget('w-inverted-dropout', InvertedDropoutWidget);
