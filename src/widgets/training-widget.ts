/**
 * The wiring every training widget's controller shares: a training run (createTrainingRun) on the shell's Train,
 * Step and Reset buttons and status line (TrainingButtons.astro), and the shell's controls bound to the page's
 * parameters (bindControls). Every accepted change — and the first binding — hands the values to the widget, then
 * restarts the run. The widget supplies only the work, the drawing and the status text.
 */
import { bindControls } from './controls.ts';
import { requireRole } from './roles.ts';
import { createTrainingRun, type TrainingRunOptions } from './training-run.ts';
import type { ParamName, ParamValues } from './params.ts';

export interface TrainingWidgetOptions extends Pick<TrainingRunOptions, 'advance' | 'draw' | 'restart' | 'describe'> {
  /** The parameters, once at the start and after every accepted change (before the run restarts). */
  onParams?(values: ParamValues): void;
  /**
   * Parameters that choose only what is drawn (which chart a slide shows): a change of these alone hands the values
   * to the widget and redraws, without restarting the run.
   */
  viewParams?: readonly ParamName[];
}

/** Wire `element`'s training run and controls; returns the function that undoes both (for the widget's stop()). */
export function startTrainingWidget(element: HTMLElement, options: TrainingWidgetOptions): () => void {
  const { advance, draw, restart, describe, onParams, viewParams = [] } = options;
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
  // The run's own parameters: those of the widget's controls, apart from the view parameters.
  const runParams = [...element.querySelectorAll<HTMLElement>('[data-param]')].map((c) => c.dataset.param as ParamName).filter((name) => !viewParams.includes(name));
  let last: ParamValues | null = null;
  const unbind = bindControls(element, (values) => {
    const viewOnly = last !== null && viewParams.length > 0 && runParams.every((name) => Object.is(values[name], last![name]));
    last = values;
    onParams?.(values);
    if (viewOnly) draw();
    else run.reset();
  });
  return () => {
    unbind();
    run.dispose();
  };
}
