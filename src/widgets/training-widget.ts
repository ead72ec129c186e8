/**
 * The wiring every training widget's controller shares: a training run (createTrainingRun) on the shell's Train,
 * Step and Reset buttons and status line (TrainingButtons.astro), and the shell's controls bound to the page's
 * parameters (bindControls). Every accepted change — and the first binding — hands the values to the widget, then
 * restarts the run. The widget supplies only the work, the drawing and the status text.
 */
import { bindControls } from './controls.ts';
import { requireRole } from './roles.ts';
import { createTrainingRun, type TrainingRunOptions } from './training-run.ts';
import type { ParamValues } from './params.ts';

export interface TrainingWidgetOptions extends Pick<TrainingRunOptions, 'advance' | 'draw' | 'restart' | 'describe'> {
  /**
   * The parameters, once at the start and after every accepted change (before the run restarts). Returning 'redraw'
   * says the change needs only a redraw (e.g. which chart a slide shows): the run then keeps going.
   */
  onParams?(values: ParamValues): void | 'redraw';
}

/** Wire `element`'s training run and controls; returns the function that undoes both (for the widget's stop()). */
export function startTrainingWidget(element: HTMLElement, options: TrainingWidgetOptions): () => void {
  const { advance, draw, restart, describe, onParams } = options;
  const run = createTrainingRun({
    element,
    play: requireRole<HTMLButtonElement>(element, 'play'),
    step: requireRole<HTMLButtonElement>(element, 'step'),
    reset: requireRole<HTMLButtonElement>(element, 'reset'),
    status: requireRole(element, 'status'),
    advance,
    draw,
    restart,
    describe,
  });
  const unbind = bindControls(element, (values) => {
    if (onParams?.(values) === 'redraw') draw();
    else run.reset();
  });
  return () => {
    unbind();
    run.dispose();
  };
}
