import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { describeSweep, pRange, pTicks, pct, renderSweep, type SweepView } from '../../../components/p-sweep/render.ts';
import { textSizes, xTickLabels } from '../chart-checks.ts';

const { document } = new JSDOM('').window;
const ps = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
const points = ps.map((p, i) => ({ p, trainError: 0.1 + 0.03 * i, testError: [0.127, 0.11, 0.081, 0.071, 0.062, 0.075, 0.08, 0.173, 0.366][i] }));
const view = (n: number): SweepView => ({ points: points.slice(0, n), ps, done: n === ps.length, setting: 'spirals, seed 1', steps: 4000 });

describe('renderSweep', () => {
  it('draws a marker per finished net for test and training error, with a text description', () => {
    const svg = renderSweep(view(9), { document });
    expect(svg.getAttribute('aria-label')).toBe('Final test and training error against the drop probability p');
    expect(svg.getAttribute('aria-description')).toBe(describeSweep(view(9)));
    expect(svg.querySelectorAll('path').length).toBeGreaterThan(10);
    expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('draws an empty chart before training and drops non-finite values', () => {
    expect(renderSweep(view(0), { document }).outerHTML).not.toMatch(/NaN|Infinity/);
    const bad = { ...view(2), points: [{ p: 0, trainError: NaN, testError: Infinity }, points[1]] };
    expect(renderSweep(bad, { document }).outerHTML).not.toMatch(/NaN|Infinity/);
  });
});

describe('renderSweep at the size of its box', () => {
  it('fills a slide box with text of at least 18 px', () => {
    const svg = renderSweep(view(9), { document, size: { width: 660, height: 420, density: 'slide' } });
    expect([svg.getAttribute('width'), svg.getAttribute('height'), svg.getAttribute('viewBox')]).toEqual(['660', '420', '0 0 660 420']);
    const sizes = textSizes(svg);
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
    expect(svg.textContent).toContain('best 6.2%');
  });

  it('draws its text larger on a slide the deck has zoomed out, so it renders at 18 px', () => {
    const svg = renderSweep(view(9), { document, size: { width: 760, height: 480, density: 'slide', textScale: 1 / 0.8 } });
    expect(Math.min(...textSizes(svg)) * 0.8).toBeGreaterThanOrEqual(18 - 1e-9);
  });

  it('draws a phone chart at its width with 13 px text and fewer p ticks, all finite', () => {
    const page = renderSweep(view(9), { document });
    const phone = renderSweep(view(9), { document, size: { width: 300, height: 280, density: 'phone' } });
    expect(phone.getAttribute('width')).toBe('300');
    expect(Math.min(...textSizes(phone))).toBeGreaterThanOrEqual(13);
    expect(xTickLabels(phone).length).toBeLessThan(xTickLabels(page).length);
    expect(xTickLabels(phone).length).toBeGreaterThanOrEqual(2);
    expect(phone.outerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('puts evenly spaced p ticks where they fit, always starting at the first p', () => {
    expect(pTicks(ps, 1000, 14)).toEqual(ps);
    expect(pTicks(ps, 200, 13)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(pTicks(ps, 120, 13)).toEqual([0, 0.4, 0.8]);
    expect(pTicks(ps, 60, 13)).toEqual([0, 0.8]);
  });
});

describe('describeSweep', () => {
  it('states the best p, the range within 1 point and the gain over p = 0, computed from the points', () => {
    const text = describeSweep(view(9));
    expect(text).toContain('All 9 nets trained');
    expect(text).toContain('Lowest test error: 6.2% at p = 0.4; within 1 percentage point of it: p = 0.3–0.4.');
    expect(text).toContain('Without dropout (p = 0) the test error is 12.7%, 6.5 percentage points higher.');
    expect(describeSweep(view(3))).toContain('3 of 9 nets trained so far');
    expect(describeSweep(view(0))).toContain('No nets trained yet');
  });

  it('formats percentages and p ranges', () => {
    expect(pct(0.0625)).toBe('6.3%');
    expect(pct(NaN)).toBe('–');
    expect(pRange([0.2, 0.3, 0.4], ps)).toBe('0.2–0.4');
    expect(pRange([0.1, 0.3], ps)).toBe('0.1, 0.3');
  });
});
