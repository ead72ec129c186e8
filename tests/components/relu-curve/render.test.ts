import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { describeReluCurve, renderReluCurve } from '../../../components/relu-curve/render.ts';
import { probeRelu, sampleReluCurve } from '../../../components/relu-curve/model.ts';

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
});
