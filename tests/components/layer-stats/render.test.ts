import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { layerStats, type LayerStats } from '../../../components/layer-stats/model.ts';
import { vanishingDepth } from '../../../components/layer-stats/vanishing.ts';
import { logTicks, renderLayerStats } from '../../../components/layer-stats/render.ts';
import { describeLayerStats, fmt, pct } from '../../../components/layer-stats/describe.ts';

const { document } = new JSDOM('').window;

describe('renderLayerStats', () => {
  const s = layerStats({ depth: 3, width: 16, seed: 1, layer: 2, sigmoid: true });
  const root = renderLayerStats(s, { document, width: 640 });

  it('draws a gradient chart, a zero-fraction chart and a histogram of the chosen layer, each with aria text', () => {
    const svgs = [...root.querySelectorAll('svg')].filter((svg) => svg.getAttribute('aria-label'));
    expect(svgs.map((svg) => svg.getAttribute('aria-label'))).toEqual([
      'Gradient norm per hidden layer',
      'Fraction of exact zeros per hidden layer',
      "Histogram of hidden layer 2's activations",
      'First-layer gradient as a fraction of the last layer’s, against depth',
    ]);
    for (const svg of svgs.slice(0, 3)) expect(svg.getAttribute('aria-description')?.length).toBeGreaterThan(40);
    expect(root.outerHTML).not.toMatch(/NaN|Infinity/);
    expect(root.querySelectorAll('g[aria-label]').length).toBe(0);
    const histogram = svgs[2];
    for (const name of ['ReLU', 'tanh', 'sigmoid']) expect(histogram.textContent).toContain(name);
  });

  it('draws one chart, filling the box it is given, when a slide asks for a panel', () => {
    for (const panel of ['gradients', 'zeros', 'histogram', 'vanishing'] as const) {
      const one = renderLayerStats(s, { document, panel, size: { width: 660, height: 380, density: 'slide' } });
      const svgs = one.querySelectorAll('svg[aria-label]');
      expect(svgs).toHaveLength(1);
      expect([svgs[0].getAttribute('width'), svgs[0].getAttribute('height')]).toEqual(['660', '380']);
      // Slide text is drawn at 18 px (src/widgets/chart-size.ts), never the reading view's 14 px.
      expect((svgs[0] as SVGSVGElement).style.fontSize).toBe('18px');
      const sizes = [...svgs[0].querySelectorAll('[font-size]')].map((el) => Number.parseFloat(el.getAttribute('font-size')!));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
    }
  });

  it('keeps layer ticks to what fits at depth 20 on a phone', () => {
    const deep = layerStats({ depth: 6, width: 8, seed: 1, layer: 1, sigmoid: true });
    const narrow = renderLayerStats({ ...deep, depth: 6 }, { document, panel: 'gradients', size: { width: 330, height: 230, density: 'phone' } });
    const ticks = [...narrow.querySelectorAll('g[aria-label="x-axis tick label"] text, g text')].length;
    expect(ticks).toBeGreaterThan(0);
    expect(narrow.outerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('labels every series in text and gives each its own dash pattern (colour is not the only cue)', () => {
    const gradient = root.querySelector('svg[aria-label="Gradient norm per hidden layer"]');
    expect(gradient?.textContent).toContain('ReLU');
    expect(gradient?.textContent).toContain('tanh');
    expect(gradient?.textContent).toContain('sigmoid');
    expect(gradient?.querySelectorAll('[stroke-dasharray="8 5"]').length).toBe(1);
    expect(gradient?.querySelectorAll('[stroke-dasharray="2 4"]').length).toBe(1);
    const zeros = root.querySelector('svg[aria-label="Fraction of exact zeros per hidden layer"]');
    expect(zeros?.textContent).toContain('ReLU');
    expect(zeros?.textContent).toContain('sigmoid');
  });

  it('summarises the numbers: init schemes, gradient norms, zero fractions, histogram layer', () => {
    const text = describeLayerStats(s);
    expect(text).toContain('He init for ReLU, Xavier init for tanh, Xavier init for sigmoid');
    expect(text).toContain('256 spiral points');
    expect(text).toContain(`ReLU ${s.columns[0].gradNorms.map((g) => fmt(g)).join(', ')}`);
    expect(text).toContain(`ReLU ${s.columns[0].zeroFractions.map(pct).join(', ')}`);
    expect(text).toContain('tanh 0%, 0%, 0%');
    expect(text).toContain('Glorot et al. (2011)');
    expect(text).toContain('Histograms of hidden layer 2');
    expect(text).not.toMatch(/NaN|Infinity/);
  });

  it('edge cases render finite SVG: depth 1 width 2, a clamped layer, a degenerate histogram', () => {
    const tiny = layerStats({ depth: 1, width: 2, seed: 0, layer: 6, sigmoid: true });
    const el = renderLayerStats(tiny, { document, width: 320 });
    expect(el.outerHTML).not.toMatch(/NaN|Infinity/);
    expect(describeLayerStats(tiny)).toContain('layer 6 was asked for');
    // A hand-made state with a zero gradient and a non-finite value must not draw them.
    const broken: LayerStats = {
      ...tiny,
      columns: tiny.columns.map((c) => ({ ...c, gradNorms: [0], zeroFractions: [Number.NaN], meanActivations: [Number.NaN], histogram: [{ x0: 0, x1: Number.POSITIVE_INFINITY, share: 1 }] })),
    };
    const out = renderLayerStats(broken, { document });
    expect(out.outerHTML).not.toMatch(/NaN|Infinity/);
    expect(describeLayerStats(broken)).not.toMatch(/NaN|Infinity/);
  });
});

describe('logTicks', () => {
  it('labels a narrow range in 1-2-5 steps and a wide one in decades that fit', () => {
    expect(logTicks(0.06, 0.6, 5)).toEqual([0.1, 0.2, 0.5]);
    expect(logTicks(1e-12, 1, 4).length).toBeLessThanOrEqual(4);
    expect(logTicks(1e-12, 1, 4)[0]).toBe(1e-12);
    for (const t of logTicks(3e-7, 40, 20)) expect(Math.log10(t) % 1).toBeCloseTo(0, 12);
  });
});

describe('the depth scan chart', () => {
  it('draws each scan with the 10⁻⁶ line and says where each gradient vanished', () => {
    const scans = [vanishingDepth({ act: 'sigmoid', init: 'xavier-normal', width: 8, seed: 1 }), vanishingDepth({ act: 'relu', init: 'he-normal', width: 8, seed: 1, maxDepth: 12 })];
    const svg = renderLayerStats(layerStats({ depth: 2, width: 8, seed: 1, layer: 1 }), { document, panel: 'vanishing', scans, size: { width: 640, height: 300, density: 'page' } }).querySelector('svg')!;
    expect(svg.textContent).toContain('10⁻⁶');
    expect(svg.textContent).toContain('sigmoid');
    expect(svg.getAttribute('aria-description')).toContain(`sigmoid with Xavier init: from ${scans[0].depth} hidden layers`);
    // One dot per depth tried, for every scan.
    expect(svg.querySelectorAll('path[d], circle').length).toBeGreaterThanOrEqual(scans[0].ratios.length + scans[1].ratios.length);
    expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
  });
});
