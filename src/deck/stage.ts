/** Keep a 1280×720 stage scaled to fit its viewport box (CSS reads --deck-scale). */
import { fitScale } from './stage-fit.ts';

export function fitStage(viewport: HTMLElement, stage: HTMLElement): () => void {
  const update = (): void => {
    const scale = fitScale(viewport.clientWidth, viewport.clientHeight);
    stage.style.setProperty('--deck-scale', String(Math.round(scale * 10000) / 10000));
  };
  update();
  if (typeof ResizeObserver === 'undefined') {
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }
  const observer = new ResizeObserver(update);
  observer.observe(viewport);
  return () => observer.disconnect();
}
