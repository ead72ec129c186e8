/**
 * The play / pause / step / reset cycle every training widget shares. The widget supplies the
 * work (`advance`, within a time budget per frame) and the drawing; this module owns the buttons'
 * state, the frame loop, reduced motion and the "diverged" stop.
 *
 * Presses are mirrored to the lesson's other windows (presenter ↔ projector) by the element's id;
 * both windows train the same seeded model, so they show the same run.
 *
 * With prefers-reduced-motion the run still trains when asked, but redraws only when it pauses or
 * finishes (no animation loop on screen).
 */
import { createFrameLoop, type FrameLoop } from './frame-loop.ts';
import { prefersReducedMotion } from './widget-element.ts';
import { onMessage, post } from './channel.ts';

export type AdvanceResult = 'more' | 'done' | 'diverged';

export const DIVERGED_MESSAGE = 'Training diverged — lower the learning rate, then press Reset.';

export interface TrainingRunOptions {
  /** The widget element (the loop pauses while it is off screen). */
  element: HTMLElement;
  play: HTMLButtonElement;
  reset: HTMLButtonElement;
  step?: HTMLButtonElement;
  /** Plain-text status line (role="status"). */
  status: HTMLElement;
  /** Train until `deadline` (performance.now() time) or until done / diverged. */
  advance(deadline: number): AdvanceResult;
  /** Redraw from the current state. */
  draw(): void;
  /** Back to step 0 (also called when a parameter changes). */
  restart(): void;
  /** Text for the status line while running or paused, e.g. "step 120 · loss 0.41". */
  describe(): string;
}

export interface TrainingRun {
  /** Stop, restart the model and redraw (e.g. after a parameter change). */
  reset(): void;
  dispose(): void;
}

export function createTrainingRun(options: TrainingRunOptions): TrainingRun {
  const { element, play, reset, step, status, advance, draw, restart, describe } = options;
  let diverged = false;
  let finished = false;

  const setPlaying = (playing: boolean) => {
    play.setAttribute('aria-pressed', String(playing));
    play.textContent = playing ? 'Pause' : 'Train';
    // The status line changes every frame while running: busy, so a screen reader reads it when the run stops
    // instead of a stream of step counts.
    status.setAttribute('aria-busy', String(playing));
  };
  const settle = (result: AdvanceResult) => {
    if (result === 'diverged') {
      diverged = true;
      // Disabling the focused button would drop a keyboard user's focus to the top of the page: hand it to Reset,
      // the next thing the message asks for.
      const hadFocus = document.activeElement === play || (step !== undefined && document.activeElement === step);
      play.disabled = true;
      if (step) step.disabled = true;
      if (hadFocus) reset.focus();
      status.textContent = DIVERGED_MESSAGE;
      status.dataset.tone = 'warn';
    } else {
      delete status.dataset.tone;
      finished = result === 'done';
      status.textContent = describe() + (finished ? ' · finished' : '');
    }
  };

  const loop: FrameLoop = createFrameLoop(element, (deadline) => {
    const result = advance(deadline);
    const more = result === 'more';
    if (!more || !prefersReducedMotion()) draw();
    if (more) status.textContent = describe();
    else {
      setPlaying(false);
      settle(result);
    }
    return more;
  });

  const onPlay = () => {
    if (diverged) return;
    if (loop.running) {
      loop.stop();
      setPlaying(false);
      draw();
      settle('more');
      return;
    }
    if (finished) doReset();
    setPlaying(true);
    loop.start();
  };
  const onStep = () => {
    if (diverged || loop.running) return;
    // One short burst of work (about one frame's worth).
    settle(advance(performance.now() + 8));
    draw();
  };
  const doReset = () => {
    loop.stop();
    setPlaying(false);
    diverged = false;
    finished = false;
    play.disabled = false;
    if (step) step.disabled = false;
    restart();
    draw();
    delete status.dataset.tone;
    status.textContent = describe();
  };

  const actions: Record<string, () => void> = { play: onPlay, reset: doReset, step: onStep };
  const local = (action: string) => () => {
    actions[action]();
    if (element.id) post({ type: 'action', widget: element.id, action });
  };
  const clickPlay = local('play');
  const clickReset = local('reset');
  const clickStep = local('step');
  play.addEventListener('click', clickPlay);
  reset.addEventListener('click', clickReset);
  step?.addEventListener('click', clickStep);
  const stopListening = onMessage((message) => {
    if (message.type === 'action' && message.widget === element.id && Object.hasOwn(actions, message.action)) actions[message.action]();
  });
  setPlaying(false);

  return {
    reset: doReset,
    dispose() {
      loop.dispose();
      stopListening();
      play.removeEventListener('click', clickPlay);
      reset.removeEventListener('click', clickReset);
      step?.removeEventListener('click', clickStep);
    },
  };
}
