import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { describeReluCurve, renderReluCurve } from '../../../components/relu-curve/render.ts';
import { probeRelu, sampleReluCurve } from '../../../components/relu-curve/model.ts';
import { numericTexts, smallestText } from '../../widgets/charts/rendered-text.ts';

const { document } = new JSDOM('').window;

describe('renderReluCurve', () => {
  const curve = sampleReluCurve();

  it('draws the curve, the dashed derivative in two pieces and the probe, with a text description', () => {
    const state = { curve, probe: probeRelu(2), showDerivative: true };
    const svg = renderReluCurve(state, { document });
    const lines = [...svg.querySelectorAll('path')].filter((p) => p.getAttribute('d')?.startsWith('M'));
    const dashed = svg.querySelectorAll('[stroke-dasharray="7 5"] path, path[stroke-dasharray="7 5"]');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(dashed.length).toBe(2);
    expect(svg.getAttribute('aria-label')).toBe('ReLU curve');
    expect(svg.getAttribute('aria-description')).toBe(describeReluCurve(state));
    expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('omits the derivative when asked', () => {
    const svg = renderReluCurve({ curve, probe: probeRelu(-1), showDerivative: false }, { document });
    expect(svg.querySelectorAll('[stroke-dasharray="7 5"]').length).toBe(0);
    expect(svg.getAttribute('aria-description')).toContain('ReLU(x) = 0, ReLU′(x) = 0');
  });

  it('on a phone, draws at its width with 13 px text and fewer ticks, the ends of the x axis labelled', () => {
    const state = { curve, probe: probeRelu(1.5), showDerivative: true };
    const page = renderReluCurve(state, { document });
    for (const width of [320, 240]) {
      const phone = renderReluCurve(state, { document, size: { width, height: 280, density: 'phone' } });
      expect([phone.getAttribute('width'), phone.getAttribute('height')]).toEqual([String(width), '280']);
      expect(smallestText(phone)).toBe(13);
      expect(numericTexts(phone)).toBeLessThan(numericTexts(page));
      const labels = [...phone.querySelectorAll('text')].map((t) => t.textContent);
      expect(labels).toEqual(expect.arrayContaining(['−4', '0', '4']));
      expect(phone.outerHTML).not.toMatch(/NaN|Infinity/);
    }
  });
});
