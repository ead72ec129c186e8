/**
 * Every chart is drawn for the box it is shown in, never drawn wide and scaled down (which shrinks its text with it).
 * Three densities:
 * - 'slide': in the slide view. The chart fills the widget's plot box on a 1280×720 stage; its text is at least
 *   SLIDE_TEXT_PX, so it reads from the back of a room (the stage's fit-to-window scale applies to everything alike).
 * - 'page': the reading view on a laptop or tablet.
 * - 'phone': the reading view narrower than PHONE_MAX_WIDTH; text at least 12 px, fewer ticks.
 * Pure apart from measureChart and watchChartSize (DOM), which render functions never call: they take a ChartSize.
 */
export type Density = 'slide' | 'page' | 'phone';

export const PHONE_MAX_WIDTH = 520;

export interface ChartSize {
  width: number;
  height: number;
  density: Density;
  /**
   * Text (and the lengths drawn next to it) is drawn this much larger: on a slide the deck has shrunk to fit (CSS
   * zoom, src/deck/slide-fit.ts), 1 / that zoom, so the text still renders at CHART_TEXT; 1 (or absent) elsewhere.
   */
  textScale?: number;
}

/** Chart text in CSS px per density: tick labels, and names (axis names, legends, end labels). */
export const CHART_TEXT: Readonly<Record<Density, { tick: number; label: number }>> = {
  slide: { tick: 18, label: 18 },
  page: { tick: 14, label: 14 },
  phone: { tick: 13, label: 13 },
};

/** The density for a box: the slide view, else by width. */
export function densityFor(inDeck: boolean, width: number): Density {
  if (inDeck) return 'slide';
  return width < PHONE_MAX_WIDTH ? 'phone' : 'page';
}

/**
 * About how many ticks fit along `length` px when each needs `spacing` px at this density (at least 2). Tick labels
 * on a slide are larger, so they need more room.
 */
export function tickCount(length: number, density: Density, spacing = density === 'slide' ? 110 : density === 'phone' ? 70 : 80): number {
  return Math.max(2, Math.floor(length / spacing));
}

/** Text size and Plot style for a chart at this density (text `textScale` times larger, see ChartSize). */
export function chartStyle(density: Density, textScale = 1): { fontSize: string; background: string; color: string } {
  return { fontSize: `${round1(CHART_TEXT[density].tick * textScale)}px`, background: 'transparent', color: 'currentColor' };
}

/** The text sizes a chart of this size draws with: CHART_TEXT at its density, times its textScale. */
export function chartText(size: ChartSize): { tick: number; label: number } {
  const k = size.textScale ?? 1;
  const text = CHART_TEXT[size.density];
  return { tick: round1(text.tick * k), label: round1(text.label * k) };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** 1 / the CSS zoom the deck's auto-fit gave `el`'s slide, or 1 when it has none (or `el` is not on a slide). */
export function fitZoomCompensation(el: Element): number {
  if (!inDeck(el)) return 1;
  const zoom = (el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
  return zoom > 0 && zoom < 1 ? 1 / zoom : 1;
}

/** True when `el` is shown on a slide (the audience stage or the presenter's current slide). */
export function inDeck(el: Element): boolean {
  return el.closest('.deck-surface') !== null;
}

/**
 * The size to draw a chart at in `box` (a widget's plot box). On a slide the box has a size of its own (CSS gives the
 * plot what the widget's controls leave of the media column) and the chart fills it; in the reading view the width is
 * the box's and the height the chart's own (`preferred`), smaller on a phone.
 */
export function measureChart(box: HTMLElement, preferred: { width: number; height: number; phoneHeight?: number }): ChartSize {
  const width = Math.floor(box.clientWidth) || preferred.width;
  const density = densityFor(inDeck(box), width);
  if (density === 'slide') return { width, height: Math.floor(box.clientHeight) || preferred.height, density, textScale: fitZoomCompensation(box) };
  return { width, height: density === 'phone' ? (preferred.phoneHeight ?? preferred.height) : preferred.height, density };
}

/**
 * Call `redraw` when `box` changes size: its width anywhere, its height too on a slide (where the chart fills it).
 * Coalesced to one call per frame; not called when the size is the one it had when watching started.
 */
export function watchChartSize(box: HTMLElement, redraw: () => void): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {};
  const sizeNow = () => ({ w: Math.floor(box.clientWidth), h: inDeck(box) ? Math.floor(box.clientHeight) : 0 });
  // The size when watching starts (the widget has just drawn, or is about to, at about this size): the observer's
  // first report counts as a change when the box has changed since, e.g. a slide's layout settling.
  let last = sizeNow();
  let frame = 0;
  const observer = new ResizeObserver(() => {
    const now = sizeNow();
    const changed = now.w !== last.w || now.h !== last.h;
    last = now;
    if (!changed || now.w === 0) return;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(redraw);
  });
  observer.observe(box);
  return () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
  };
}

/** A length drawn next to text (a margin, a label offset), scaled with the text: `px` is its size at 14 px text. */
export function scaled(px: number, density: Density, textScale = 1): number {
  return Math.round((px * CHART_TEXT[density].tick * textScale) / CHART_TEXT.page.tick);
}

/** The size a render function draws at: the one it is given, else its own default in the reading view. */
export function resolveSize(options: { size?: ChartSize; width?: number }, preferred: { width: number; height: number }): ChartSize {
  return options.size ?? { width: options.width ?? preferred.width, height: preferred.height, density: 'page' };
}
