/**
 * Run a widget's work a little at a time, once per animation frame, within a time budget so
 * the page never has a long task (the budget keeps every frame's work well under 50 ms).
 * The loop pauses while its element is off screen or the tab is hidden.
 */
export interface FrameLoop {
  start(): void;
  stop(): void;
  /** Stop and release the observers (when the widget leaves the page). */
  dispose(): void;
  readonly running: boolean;
}

/**
 * `work(deadline)` does as much as it can before `performance.now()` reaches `deadline` and
 * returns false when there is nothing more to do (the loop then stops by itself).
 */
export function createFrameLoop(element: Element, work: (deadline: number) => boolean, budgetMs = 8): FrameLoop {
  let wanted = false;
  let visible = true;
  let frame = 0;

  const tick = () => {
    frame = 0;
    if (!wanted || !visible || document.hidden) return;
    const more = work(performance.now() + budgetMs);
    if (more) frame = requestAnimationFrame(tick);
    else wanted = false;
  };
  const resume = () => {
    if (wanted && visible && !document.hidden && frame === 0) frame = requestAnimationFrame(tick);
  };

  const observer =
    typeof IntersectionObserver === 'undefined'
      ? null
      : new IntersectionObserver((entries) => {
          visible = entries.some((e) => e.isIntersecting);
          resume();
        });
  observer?.observe(element);
  document.addEventListener('visibilitychange', resume);

  return {
    start() {
      wanted = true;
      resume();
    },
    stop() {
      wanted = false;
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
    },
    dispose() {
      this.stop();
      observer?.disconnect();
      document.removeEventListener('visibilitychange', resume);
    },
    get running() {
      return wanted;
    },
  };
}
