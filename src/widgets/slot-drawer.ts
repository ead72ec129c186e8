/**
 * Redraw a widget's charts one per task. A widget with several charts (a loss chart and two knock-out charts, two
 * loss charts and two decision maps) lists what each chart slot should show now, as a key; the drawer draws one slot
 * whose key changed (taking turns), and the next one in a task of its own, so a redraw of many charts is never one long
 * task and a chart whose key did not change is not drawn again.
 */
export interface SlotDraw {
  slot: HTMLElement;
  /** What the slot should show (the numbers it is drawn from, its size), as text. */
  key: string;
  /** The chart; null when there is nothing to draw yet (the slot keeps what it shows). */
  render(): Node | null;
}

export interface SlotDrawer {
  /** Draw the first out-of-date slot of `wanted` now; when more are out of date, call `again` in a task of its own. */
  draw(wanted: readonly SlotDraw[], again: () => void): void;
  /** Drop a pending follow-up (when the widget stops). */
  cancel(): void;
}

export function createSlotDrawer(): SlotDrawer {
  let followUp: ReturnType<typeof setTimeout> | undefined;
  /** The slot drawn last: the next search starts after it, so a chart that changes all the time (a loss chart while
   * training) never keeps the others from being drawn. */
  let lastDrawn: HTMLElement | null = null;
  const cancel = () => {
    clearTimeout(followUp);
    followUp = undefined;
  };
  return {
    draw(wanted, again) {
      cancel();
      const after = wanted.findIndex((w) => w.slot === lastDrawn) + 1;
      const stale = [...wanted.slice(after), ...wanted.slice(0, after)].filter((w) => w.slot.dataset.shows !== w.key);
      // The first slot that has something to draw is drawn now; the ones after it wait for the follow-up.
      for (let i = 0; i < stale.length; i++) {
        const node = stale[i].render();
        if (!node) continue;
        stale[i].slot.replaceChildren(node);
        stale[i].slot.dataset.shows = stale[i].key;
        lastDrawn = stale[i].slot;
        if (i + 1 < stale.length) followUp = setTimeout(again, 0);
        return;
      }
    },
    cancel,
  };
}
