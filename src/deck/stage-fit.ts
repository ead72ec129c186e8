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

/** The slide's bottom padding in stage px (deck.css `.deck-slide`): the band a floating toolbar may cover. */
export const SLIDE_BOTTOM_MARGIN = 56;

/**
 * Scale and upward shift for a stage under a toolbar floating `barHeight` px over the window's bottom edge: the
 * largest scale at which the toolbar covers at most the slide's bottom margin, the stage centred in the window or,
 * when centring would put content under the toolbar, raised just enough. At 1280×720 with a 50 px toolbar this is
 * the plain fit (scale 1, no shift); a small window, where the toolbar wraps onto two rows, gets a slightly smaller
 * stage instead of a toolbar over the widgets' controls.
 */
export function fitUnderBar(availableWidth: number, availableHeight: number, barHeight: number, margin = SLIDE_BOTTOM_MARGIN): { scale: number; shift: number } {
  const bar = Number.isFinite(barHeight) && barHeight > 0 ? barHeight : 0;
  const plain = fitScale(availableWidth, availableHeight);
  const content = STAGE_HEIGHT - margin;
  const underBar = (availableHeight - bar - 1) / content; // a pixel to spare for rounding
  const scale = Number.isFinite(underBar) && underBar > 0 ? Math.min(plain, underBar) : plain;
  const centredTop = (availableHeight - STAGE_HEIGHT * scale) / 2;
  const lowestTop = availableHeight - bar - 1 - content * scale;
  const shift = Math.max(0, centredTop - Math.max(0, lowestTop));
  return { scale, shift: Number.isFinite(shift) ? shift : 0 };
}
