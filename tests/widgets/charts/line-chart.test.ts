import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { renderLineChart, seriesRows } from '../../../src/widgets/charts/line-chart.ts';

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
});
