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
  /** Parameters that only change what is shown (e.g. which chart a slide shows): a change of these alone calls
   * onView (or, without it, onParams and a redraw) and keeps the run going. */
  viewParams?: readonly ParamName[];
  onView?(values: ParamValues): void;
}

/** Wire `element`'s training run and controls; returns the function that undoes both (for the widget's stop()). */
export function startTrainingWidget(element: HTMLElement, options: TrainingWidgetOptions): () => void {
  const { advance, draw, restart, describe, onParams, viewParams = [], onView } = options;
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
  let last: ParamValues | null = null;
  const unbind = bindControls(element, (values) => {
    const changed = last === null ? null : (Object.keys(values) as ParamName[]).filter((name) => values[name] !== last![name]);
    last = values;
    if (changed !== null && changed.length > 0 && changed.every((name) => viewParams.includes(name))) {
      // Only what is shown changed: the widget redraws (its own way, or with the new values and a plain redraw).
      if (onView) onView(values);
      else {
        onParams?.(values);
        draw();
      }
      return;
    }
    onView?.(values);
    onParams?.(values);
    run.reset();
  });
  return () => {
    unbind();
    run.dispose();
  };
}
