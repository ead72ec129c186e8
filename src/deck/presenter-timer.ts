/** Wires the presenter's clock: [data-role=elapsed] display, start/pause toggle and reset buttons. */
import {
  describeElapsed, elapsedMs, formatElapsed, isRunning, pauseStopwatch, startStopwatch, stoppedStopwatch,
  type Stopwatch,
} from './timer.ts';

export function startPresenterTimer(root: HTMLElement): () => void {
  const display = root.querySelector<HTMLElement>('[data-role="elapsed"]');
  const toggle = root.querySelector<HTMLButtonElement>('[data-role="timer-toggle"]');
  const reset = root.querySelector<HTMLButtonElement>('[data-role="timer-reset"]');
  let watch: Stopwatch = stoppedStopwatch;
  let tick: ReturnType<typeof setInterval> | undefined;

  const render = (): void => {
    const ms = elapsedMs(watch, performance.now());
    if (display) {
      display.textContent = formatElapsed(ms);
      display.setAttribute('aria-label', `Elapsed time ${describeElapsed(ms)}`);
    }
    if (toggle) {
      toggle.textContent = isRunning(watch) ? 'Pause timer' : ms > 0 ? 'Resume timer' : 'Start timer';
    }
  };
  const onToggle = (): void => {
    const now = performance.now();
    watch = isRunning(watch) ? pauseStopwatch(watch, now) : startStopwatch(watch, now);
    clearInterval(tick);
    if (isRunning(watch)) tick = setInterval(render, 250);
    render();
  };
  const onReset = (): void => {
    watch = isRunning(watch) ? startStopwatch(stoppedStopwatch, performance.now()) : stoppedStopwatch;
    render();
  };
  toggle?.addEventListener('click', onToggle);
  reset?.addEventListener('click', onReset);
  render();
  return () => {
    clearInterval(tick);
    toggle?.removeEventListener('click', onToggle);
    reset?.removeEventListener('click', onReset);
  };
}
