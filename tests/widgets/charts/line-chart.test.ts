import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { endLabelRoom, renderLineChart, seriesRows } from '../../../src/widgets/charts/line-chart.ts';
import { numericTexts, smallestText, textSizes, xTickGap } from './rendered-text.ts';

const { document } = new JSDOM('').window;

describe('seriesRows', () => {
  it('drops non-finite points instead of drawing them', () => {
    const rows = seriesRows([{ name: 'a', ys: [1, NaN, 3, Infinity] }]);
    expect(rows.map((r) => [r.x, r.y])).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});

describe('renderLineChart', () => {
  it('labels each series at its end and never prints NaN', () => {
    const svg = renderLineChart(
      [
        { name: 'ReLU', ys: [1, 0.5, 0.25] },
        { name: 'tanh', ys: [1, NaN, 0.8] },
      ],
      { document, xLabel: 'step', yLabel: 'loss', ariaLabel: 'Loss', ariaDescription: 'Two curves', rules: [{ y: 0.3, label: 'target' }] },
    );
    const text = svg.textContent ?? '';
    expect(text).toContain('ReLU');
    expect(text).toContain('tanh');
    expect(text).toContain('target');
    expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
    expect(svg.getAttribute('aria-description')).toBe('Two curves');
  });

  const series = [
    { name: 'ReLU', ys: Array.from({ length: 50 }, (_, i) => 1 / (i + 1)) },
    { name: 'tanh', ys: Array.from({ length: 50 }, (_, i) => 1.2 / (i + 1)) },
  ];
  const options = { document, xLabel: 'step', yLabel: 'loss', ariaLabel: 'Loss', ariaDescription: 'Two curves', rules: [{ y: 0.3, label: 'target' }] };

  it('draws the reading view as before: 640 × 300 by default, 14 px text', () => {
    const svg = renderLineChart(series, options);
    expect([svg.getAttribute('width'), svg.getAttribute('height')]).toEqual(['640', '300']);
    expect(smallestText(svg)).toBe(14);
  });

  it('on a slide, fills the given box with text of 18 px or more, ticks well apart, its y name inside the chart', () => {
    const long = { ...options, xDomain: [0, 1000] as [number, number] };
    const page = renderLineChart(series, { ...long, width: 640, height: 340 });
    const slide = renderLineChart(series, { ...long, size: { width: 640, height: 340, density: 'slide' } });
    expect([slide.getAttribute('width'), slide.getAttribute('height'), slide.getAttribute('viewBox')]).toEqual(['640', '340', '0 0 640 340']);
    expect(smallestText(slide)).toBeGreaterThanOrEqual(18);
    expect(numericTexts(slide)).toBeLessThanOrEqual(numericTexts(page));
    expect(xTickGap(slide)).toBeGreaterThanOrEqual(4 * 18); // room for "1000" at 18 px between neighbours
    expect(textSizes(slide).filter((t) => t.text.includes('loss')).map((t) => t.text)).toEqual(['↑ loss']);
    expect(slide.outerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('on a phone, draws at 13 px with room for the longest end name', () => {
    const phone = renderLineChart(series, { ...options, size: { width: 300, height: 220, density: 'phone' } });
    expect(smallestText(phone)).toBe(13);
    expect(endLabelRoom(['ReLU', 'tanh'], 'phone')).toBeGreaterThanOrEqual(4 * 13 * 0.6);
    expect(endLabelRoom(['a long series name'], 'slide')).toBeGreaterThan(endLabelRoom(['a₁'], 'slide'));
    expect(endLabelRoom(['a₁'], 'page')).toBe(90);
  });
});
