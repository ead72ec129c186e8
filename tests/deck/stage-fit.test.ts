import { describe, expect, it } from 'vitest';
import { SLIDE_BOTTOM_MARGIN, STAGE_HEIGHT, fitScale, fitUnderBar } from '../../src/deck/stage-fit.ts';
import { MIN_SLIDE_ZOOM, nextZoom } from '../../src/deck/slide-fit.ts';

describe('fitScale', () => {
  it('scales the 1280×720 stage to fit the smaller side', () => {
    expect(fitScale(1280, 720)).toBe(1);
    expect(fitScale(640, 720)).toBe(0.5);
    expect(fitScale(1920, 540)).toBe(0.75);
    expect(fitScale(0, 0)).toBeGreaterThan(0);
    expect(fitScale(NaN, 100)).toBeGreaterThan(0);
  });
});

describe('fitUnderBar', () => {
  /** Where the slide's content ends and the toolbar starts, in window px. */
  const contentBottom = (h: number, fit: { scale: number; shift: number }) => (h - STAGE_HEIGHT * fit.scale) / 2 - fit.shift + (STAGE_HEIGHT - SLIDE_BOTTOM_MARGIN) * fit.scale;

  it('is the plain fit where the toolbar already sits in the bottom margin (1280×720, 1920×1080, a 4:3 letterbox)', () => {
    expect(fitUnderBar(1280, 720, 50)).toEqual({ scale: 1, shift: 0 });
    expect(fitUnderBar(1920, 1080, 50)).toEqual({ scale: 1.5, shift: 0 });
    expect(fitUnderBar(1024, 768, 50)).toEqual({ scale: 0.8, shift: 0 });
  });

  it('never lets the toolbar cover the content, shrinking or raising the stage as little as needed', () => {
    for (const [w, h, bar] of [[760, 430, 92], [640, 360, 92], [1280, 720, 80], [2000, 300, 50], [1366, 768, 50], [900, 1600, 140]]) {
      const fit = fitUnderBar(w, h, bar);
      expect(contentBottom(h, fit)).toBeLessThanOrEqual(h - bar + 1e-9);
      expect(fit.scale).toBeLessThanOrEqual(fitScale(w, h));
      expect((h - STAGE_HEIGHT * fit.scale) / 2 - fit.shift).toBeGreaterThanOrEqual(-1e-9); // the top stays in the window
    }
    expect(fitUnderBar(760, 430, 92).scale).toBeCloseTo((430 - 92 - 1) / (STAGE_HEIGHT - SLIDE_BOTTOM_MARGIN), 9);
  });

  it('survives nonsense sizes', () => {
    for (const fit of [fitUnderBar(NaN, 100, 50), fitUnderBar(100, 100, NaN), fitUnderBar(0, 0, 0), fitUnderBar(100, 10, 500)]) {
      expect(fit.scale).toBeGreaterThan(0);
      expect(Number.isFinite(fit.shift)).toBe(true);
    }
  });
});

describe('nextZoom', () => {
  it('shrinks by the overflow ratio, not below the minimum, and leaves fitting slides alone', () => {
    expect(nextZoom(1, 900, 720)).toBe(0.8);
    expect(nextZoom(0.8, 720, 720)).toBe(0.8);
    expect(nextZoom(1, 5000, 720)).toBe(MIN_SLIDE_ZOOM);
    expect(nextZoom(1, 0, 720)).toBe(1);
    expect(nextZoom(1, NaN, 720)).toBe(1);
  });
});
