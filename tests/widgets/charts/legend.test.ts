import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { renderLegend } from '../../../src/widgets/charts/legend.ts';

const { document } = new JSDOM('').window;

describe('renderLegend', () => {
  it('pairs each name with its line style and marker shape, as text', () => {
    const legend = renderLegend(
      [
        { label: 'ReLU', color: 'var(--c-blue)', dash: 'none', symbol: 'circle' },
        { label: '<b>tanh</b>', color: 'var(--c-orange)', dash: '8 5', symbol: 'triangle' },
        { label: 'points', color: 'var(--c-green)', symbol: 'square' },
      ],
      { document, label: 'Legend' },
    );
    expect(legend.tagName).toBe('UL');
    expect(legend.getAttribute('aria-label')).toBe('Legend');
    const items = legend.querySelectorAll('li');
    expect(items).toHaveLength(3);
    expect(items[1].querySelector('span')?.textContent).toBe('<b>tanh</b>'); // text, never HTML
    expect(legend.querySelector('b')).toBeNull();
    expect(items[0].querySelector('line')?.hasAttribute('stroke-dasharray')).toBe(false);
    expect(items[1].querySelector('line')?.getAttribute('stroke-dasharray')).toBe('8 5');
    expect(items[2].querySelector('line')).toBeNull();
    expect(items[0].querySelector('circle')).not.toBeNull();
    expect(items[1].querySelector('path')?.getAttribute('d')).toMatch(/^M17,1\.5L/);
    for (const svg of legend.querySelectorAll('svg')) expect(svg.getAttribute('aria-hidden')).toBe('true');
  });
});
