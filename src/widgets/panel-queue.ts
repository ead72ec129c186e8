/**
 * Draw a widget's charts one per task: a page showing four charts redraws them in four short tasks instead of one long
 * one (the long-task rule: none over 50 ms, aiming at 25). Asking again before the queue is empty adds to it (each
 * chart drawn once, with the newest state); cancel() drops what is left (the widget stopped).
 */
export interface PanelQueue<P> {
  draw(panels: readonly P[]): void;
  cancel(): void;
}

export function createPanelQueue<P>(drawOne: (panel: P) => void, schedule: (run: () => void) => unknown = (run) => setTimeout(run, 0)): PanelQueue<P> {
  let queue: P[] = [];
  let scheduled = false;
  let generation = 0;
  const next = (g: number): void => {
    if (g !== generation) return;
    scheduled = false;
    const panel = queue.shift();
    if (panel === undefined) return;
    drawOne(panel);
    if (queue.length > 0) {
      scheduled = true;
      schedule(() => next(g));
    }
  };
  return {
    draw(panels) {
      queue = [...new Set([...queue, ...panels])];
      if (!scheduled) next(generation); // the first chart at once, the rest in tasks of their own
    },
    cancel() {
      generation++;
      queue = [];
      scheduled = false;
    },
  };
}
