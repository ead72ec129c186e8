/**
 * Shrink a slide whose content is taller than the stage (a long quote beside a widget) with CSS
 * `zoom`, like Slidev's auto-fit, instead of leaving a scrollbar on the projector. Content that
 * still overflows at the smallest zoom stays scrollable, and the slide is then made focusable so
 * keyboard users can scroll it.
 */
export const MIN_SLIDE_ZOOM = 0.6;

/** The next zoom to try, given how far the content overflows at the current one. */
export function nextZoom(current: number, contentHeight: number, boxHeight: number, min = MIN_SLIDE_ZOOM): number {
  if (!(contentHeight > 0) || !(boxHeight > 0)) return current;
  const over = contentHeight / boxHeight;
  if (over <= 1.005) return current;
  return Math.max(min, Math.floor(current * (1 / over) * 1000) / 1000);
}

function zoomOf(slide: HTMLElement): number {
  const z = Number.parseFloat(slide.style.getPropertyValue('zoom'));
  return Number.isFinite(z) && z > 0 ? z : 1;
}

function setZoom(slide: HTMLElement, zoom: number | null): void {
  if (zoom === null) {
    slide.style.removeProperty('zoom');
    slide.style.removeProperty('--slide-zoom');
  } else {
    slide.style.setProperty('zoom', String(zoom));
    slide.style.setProperty('--slide-zoom', String(zoom)); // print sizes the zoomed slide with it
  }
}

export function fitSlide(slide: HTMLElement): void {
  setZoom(slide, null);
  if (slide.clientHeight === 0) return; // not displayed
  let zoom = 1;
  for (let i = 0; i < 4; i++) {
    const next = nextZoom(zoomOf(slide), slide.scrollHeight, slide.clientHeight);
    if (next === zoom) break;
    zoom = next;
    setZoom(slide, zoom);
  }
  const overflows = slide.scrollHeight > slide.clientHeight + 1;
  if (overflows) slide.tabIndex = 0;
  else slide.removeAttribute('tabindex');
}

/** Fit every slide, hidden ones too (briefly shown, before the next paint): for printing. */
export function fitAllSlides(slides: readonly HTMLElement[]): void {
  for (const slide of slides) {
    const wasCurrent = slide.hasAttribute('data-current');
    slide.setAttribute('data-current', '');
    fitSlide(slide);
    if (!wasCurrent) slide.removeAttribute('data-current');
  }
}

/** Refit the shown slide now and whenever its content changes size (a widget drawing its plot). */
export function keepSlideFitted(): { show(slide: HTMLElement | undefined): void; disconnect(): void } {
  let current: HTMLElement | undefined;
  let frame = 0;
  const refit = (): void => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => current && fitSlide(current));
  };
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(refit);
  return {
    show(slide) {
      observer?.disconnect();
      current = slide;
      if (!slide) return;
      fitSlide(slide);
      // Steps are display: contents on a slide (no box to observe): watch their content and media too.
      for (const el of slide.querySelectorAll(':scope > *, :scope > [data-step] > *')) observer?.observe(el);
    },
    disconnect() {
      observer?.disconnect();
      cancelAnimationFrame(frame);
    },
  };
}
