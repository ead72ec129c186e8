/** The slide stage: a fixed logical size (16:9), scaled as a whole to fit any window. */
export const STAGE_WIDTH = 1280;
export const STAGE_HEIGHT = 720;

/** The largest scale at which a width×height stage fits inside the available box (never ≤ 0). */
export function fitScale(availableWidth: number, availableHeight: number, width = STAGE_WIDTH, height = STAGE_HEIGHT): number {
  const sx = availableWidth / width;
  const sy = availableHeight / height;
  const scale = Math.min(sx, sy);
  return Number.isFinite(scale) && scale > 0 ? scale : 0.01;
}
