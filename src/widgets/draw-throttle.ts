/**
 * Throttle a widget's redraws while it trains: at most one draw per `intervalMs`, with a trailing draw, so the last
 * state asked for is always shown. By default a draw always runs in a task of its own (never inside the training
 * frame that asked for it); with `immediateWhenDue` it runs at once when the interval has already passed.
 */
export interface DrawThrottle {
  /** Ask for a redraw. */
  request(): void;
  /** Drop a pending redraw (when the widget stops). */
  cancel(): void;
}

export function createDrawThrottle(draw: () => void, intervalMs: number, options: { immediateWhenDue?: boolean } = {}): DrawThrottle {
  let lastDraw = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const drawNow = () => {
    lastDraw = performance.now();
    draw();
  };
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return {
    request() {
      const wait = lastDraw + intervalMs - performance.now();
      if (options.immediateWhenDue && wait <= 0) {
        cancel();
        drawNow();
        return;
      }
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        drawNow();
      }, Math.max(0, wait));
    },
    cancel,
  };
}
