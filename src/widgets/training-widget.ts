/**
 * The wiring every training widget's controller shares: a training run (createTrainingRun) on the shell's Train,
 * Step and Reset buttons and status line (TrainingButtons.astro), and the shell's controls bound to the page's
 * parameters (bindControls). Every accepted change — and the first binding — hands the values to the widget, then
 * restarts the run. The widget supplies only the work, the drawing and the status text.
 *
 * A shell with a build-time figure (`data-figure="built"`, src/widgets/built-figure.ts) shows the finished run at the
 * default settings. When the page opens with those settings, the widget keeps that figure (drawing the same numbers
 * again would only cost time) while its run waits at step 0: Train or Step start it from there, Reset shows step 0.
 * Asking for another view of the finished run (which chart a slide shows) first runs it to the end, unseen, in
 * frame-sized slices, so the view is of the same numbers.
 */
import { bindControls } from './controls.ts';
import { requireRole } from './roles.ts';
import { createTrainingRun, type TrainingRunOptions } from './training-run.ts';
import { PARAMS, type ParamName, type ParamValues } from './params.ts';
import { BUILT_STATUS } from './built-figure.ts';

export interface TrainingWidgetOptions extends Pick<TrainingRunOptions, 'advance' | 'draw' | 'restart' | 'describe'> {
  /** The parameters, once at the start and after every accepted change (before the run restarts). */
  onParams?(values: ParamValues): void;
  /** Parameters that only change what is shown (e.g. which chart a slide shows): a change of these alone calls
   * onView (or, without it, onParams and a redraw) and keeps the run going. */
  viewParams?: readonly ParamName[];
  onView?(values: ParamValues): void;
}

export { BUILT_STATUS };

/** True while `element` shows its build-time figure (its live run has not drawn yet): a resize needs no redraw. */
export function showsBuiltFigure(element: HTMLElement): boolean {
  return element.dataset.figure === 'built';
}

/** Every parameter bound in `element` is at its default (the state the build drew). */
function atDefaults(element: HTMLElement, values: ParamValues): boolean {
  return Array.from(element.querySelectorAll<HTMLElement>('[data-param]')).every((control) => {
    const name = control.dataset.param as ParamName;
    return !(name in PARAMS) || values[name] === PARAMS[name].default;
  });
}

/** Wire `element`'s training run and controls; returns the function that undoes both (for the widget's stop()). */
export function startTrainingWidget(element: HTMLElement, options: TrainingWidgetOptions): () => void {
  const { advance, draw, restart, describe, onParams, viewParams = [], onView } = options;
  const status = requireRole(element, 'status');
  let catchUp: ReturnType<typeof setTimeout> | undefined;
  const liveDraw = (): void => {
    clearTimeout(catchUp);
    element.dataset.figure = 'live';
    draw();
  };
  const run = createTrainingRun({
    element,
    play: requireRole<HTMLButtonElement>(element, 'play'),
    step: requireRole<HTMLButtonElement>(element, 'step'),
    reset: requireRole<HTMLButtonElement>(element, 'reset'),
    status,
    advance,
    draw: liveDraw,
    restart,
    describe,
  });
  /** Runs the waiting run to its end without drawing (8 ms slices, each a task of its own), then draws it. */
  const showFinished = (): void => {
    const slice = (): void => {
      if (!showsBuiltFigure(element)) return;
      if (advance(performance.now() + 8) === 'more') catchUp = setTimeout(slice, 0);
      else {
        liveDraw();
        status.textContent = `${describe()} · finished`;
      }
    };
    slice();
  };
  let last: ParamValues | null = null;
  const unbind = bindControls(element, (values) => {
    const first = last === null;
    const changed = first ? [] : (Object.keys(values) as ParamName[]).filter((name) => values[name] !== last![name]);
    last = values;
    if (!first && changed.length > 0 && changed.every((name) => viewParams.includes(name))) {
      // Only what is shown changed: the widget redraws (its own way, or with the new values and a plain redraw).
      if (showsBuiltFigure(element)) {
        (onView ?? onParams)?.(values);
        showFinished();
      } else if (onView) onView(values);
      else {
        onParams?.(values);
        draw();
      }
      return;
    }
    onView?.(values);
    onParams?.(values);
    if (first && showsBuiltFigure(element) && atDefaults(element, values)) {
      restart(); // the run waits at step 0; the build-time figure stays
      status.textContent = BUILT_STATUS;
      return;
    }
    run.reset();
  });
  return () => {
    clearTimeout(catchUp);
    unbind();
    run.dispose();
  };
}
