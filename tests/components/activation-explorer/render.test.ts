import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { explorerState, type ExplorerSettings } from '../../../components/activation-explorer/model.ts';
import { renderExplorer, yDomain } from '../../../components/activation-explorer/render.ts';
import { describeExplorer, fmt, probeText } from '../../../components/activation-explorer/describe.ts';
import { ACTIVATION_NAMES } from '../../../src/widgets/params.ts';

const { document } = new JSDOM('').window;
const DEFAULTS: ExplorerSettings = { act: 'relu', slope: 0.01, a: 0.25, lower: 1 / 8, upper: 1 / 3, alpha: 1, x: 1.5, seed: 1, train: false, derivative: true };
const render = (over: Partial<ExplorerSettings>) => {
  const state = explorerState({ ...DEFAULTS, ...over });
  return { state, svg: renderExplorer(state, { document }) };
};

describe('renderExplorer', () => {
  it.each(ACTIVATION_NAMES)('draws %s with an aria label, a description and no non-finite numbers', (act) => {
    const { state, svg } = render({ act });
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.getAttribute('aria-label')).toMatch(/curve and its derivative$/);
    expect(svg.getAttribute('aria-description')).toBe(describeExplorer(state));
    expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
    expect(svg.querySelectorAll('g[aria-label]').length).toBe(0); // ARIA prohibits aria-label on a role-less <g>
    expect(svg.querySelectorAll('path[stroke-dasharray="7 5"], [stroke-dasharray="7 5"] path').length).toBeGreaterThan(0);
  });

  it('draws the faint ReLU reference (dotted) except for ReLU itself', () => {
    const dotted = (svg: Element) => svg.querySelectorAll('[stroke-dasharray="1 4"]').length;
    expect(dotted(render({ act: 'relu' }).svg)).toBe(0);
    expect(dotted(render({ act: 'elu' }).svg)).toBe(2); // the line and its key
    expect(render({ act: 'elu' }).svg.textContent).toContain('ReLU (reference)');
  });

  it('describes ELU with its α, its saturation value and the engine numbers', () => {
    const { state } = render({ act: 'elu', alpha: 1 });
    const text = describeExplorer(state);
    expect(text).toContain('ELU with α = 1');
    expect(text).toContain('saturates at −1');
    expect(text).toContain(`f(−4) = ${fmt(Math.expm1(-4))}`);
    expect(text).toContain(`f′(−4) = ${fmt(Math.exp(-4))}`);
    expect(text).toContain('Clevert et al. 2015');
  });

  it('shows RReLU training samples, the band and the convention', () => {
    const { state, svg } = render({ act: 'rrelu', train: true });
    expect(svg.querySelectorAll('[stroke-dasharray="4 3"]').length).toBe(2); // the band's two edges
    expect(svg.textContent).toContain('upper·x');
    expect(svg.textContent).toContain('f(x), evaluation mode');
    const text = describeExplorer(state);
    expect(text).toContain('U(0.125, 0.333)');
    expect(text).toContain('Xu et al. (2015) write y = x/a with a ~ U(3, 8)');
    expect(text).toContain('(0.125 + 0.333)/2 = 0.229');
  });

  it('lower > upper: draws only the reference and explains, with no NaN', () => {
    const { state, svg } = render({ act: 'rrelu', lower: 0.9, upper: 0.1, train: true });
    expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
    expect(svg.textContent).toContain('Settings refused');
    expect(describeExplorer(state)).toContain('RReLU needs lower ≤ upper');
    expect(probeText(state)).toContain('refused');
  });

  it.each([
    { act: 'prelu', a: -1, x: -4 },
    { act: 'prelu', a: 1, x: 4 },
    { act: 'elu', alpha: 3, x: -4 },
    { act: 'leaky_relu', slope: 0, x: 0 },
    { act: 'rrelu', lower: 0, upper: 0, train: true },
    { act: 'rrelu', lower: 1, upper: 1, train: true, derivative: false },
    { act: 'softplus', x: -4, derivative: false },
    { act: 'elu', alpha: Number.NaN },
    { act: 'tanh', x: Number.POSITIVE_INFINITY },
  ])('edge case %o renders finite SVG', (over) => {
    const { state, svg } = render(over);
    expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
    expect(describeExplorer(state)).not.toMatch(/NaN|Infinity/);
    expect(yDomain(state).every(Number.isFinite)).toBe(true);
  });

  it('formats numbers without NaN, Infinity or -0, with a true minus sign', () => {
    expect([fmt(Number.NaN), fmt(Infinity), fmt(-0), fmt(-0.04), fmt(0.01834), fmt(2)]).toEqual(['–', '–', '0', '−0.04', '0.0183', '2']);
  });
});
