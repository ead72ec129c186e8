/**
 * Keep a 1280×720 stage scaled to fit its viewport box (CSS reads --deck-scale). With the audience view's floating
 * toolbar, the fit also keeps the toolbar over the slide's bottom margin only (--deck-shift raises the stage when
 * needed; stage-fit.ts).
 */
import { fitScale, fitUnderBar } from './stage-fit.ts';

export function fitStage(viewport: HTMLElement, stage: HTMLElement, bar?: HTMLElement | null): () => void {
  const update = (): void => {
    const { scale, shift } = bar
      ? fitUnderBar(viewport.clientWidth, viewport.clientHeight, bar.offsetHeight)
      : { scale: fitScale(viewport.clientWidth, viewport.clientHeight), shift: 0 };
    stage.style.setProperty('--deck-scale', String(Math.round(scale * 10000) / 10000));
    stage.style.setProperty('--deck-shift', `${Math.round(shift * 10) / 10}px`);
  };
  update();
  if (typeof ResizeObserver === 'undefined') {
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }
  const observer = new ResizeObserver(update);
  observer.observe(viewport);
  if (bar) observer.observe(bar); // it wraps onto two rows in a narrow window
  return () => observer.disconnect();
}
