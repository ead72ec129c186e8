import { describe, expect, it } from 'vitest';
import { CHART_TEXT, densityFor, tickCount, PHONE_MAX_WIDTH } from '../../src/widgets/chart-size.ts';

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
});
