import { describe, expect, it } from 'vitest';
import { fitScale } from '../../src/deck/stage-fit.ts';
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

describe('nextZoom', () => {
  it('shrinks by the overflow ratio, not below the minimum, and leaves fitting slides alone', () => {
    expect(nextZoom(1, 900, 720)).toBe(0.8);
    expect(nextZoom(0.8, 720, 720)).toBe(0.8);
    expect(nextZoom(1, 5000, 720)).toBe(MIN_SLIDE_ZOOM);
    expect(nextZoom(1, 0, 720)).toBe(1);
    expect(nextZoom(1, NaN, 720)).toBe(1);
  });
});
