import { describe, expect, it } from 'vitest';
import { CHART_TEXT, chartStyle, chartText, densityFor, scaled, tickCount, PHONE_MAX_WIDTH } from '../../src/widgets/chart-size.ts';

describe('chart sizes', () => {
  it('draw slide text at 16 px or more, and phone text at 12 px or more', () => {
    expect(Math.min(CHART_TEXT.slide.tick, CHART_TEXT.slide.label)).toBeGreaterThanOrEqual(16);
    expect(Math.min(CHART_TEXT.phone.tick, CHART_TEXT.phone.label)).toBeGreaterThanOrEqual(12);
  });

  it('pick the density from where the chart is and how wide it is', () => {
    expect(densityFor(true, 300)).toBe('slide');
    expect(densityFor(false, PHONE_MAX_WIDTH - 1)).toBe('phone');
    expect(densityFor(false, PHONE_MAX_WIDTH)).toBe('page');
  });

  it('give fewer ticks to the same length on a slide and at least two', () => {
    expect(tickCount(600, 'slide')).toBeLessThan(tickCount(600, 'page'));
    expect(tickCount(10, 'phone')).toBe(2);
  });

  it('draw text and the lengths beside it larger by a textScale (a slide the deck zoomed out to fit)', () => {
    expect(chartText({ width: 600, height: 400, density: 'slide' })).toEqual(CHART_TEXT.slide);
    const zoomed = chartText({ width: 600, height: 400, density: 'slide', textScale: 1 / 0.8 });
    expect(zoomed.tick * 0.8).toBeCloseTo(CHART_TEXT.slide.tick, 1);
    expect(chartStyle('slide', 1 / 0.8).fontSize).toBe(`${zoomed.tick}px`);
    expect(chartStyle('slide').fontSize).toBe(`${CHART_TEXT.slide.tick}px`);
    expect(scaled(28, 'page', 2)).toBe(56);
    expect(scaled(28, 'page')).toBe(28);
  });
});
