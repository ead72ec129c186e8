import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { explorerState, type ExplorerSettings } from '../../../components/activation-explorer/model.ts';
import { renderExplorer, xTicks, yDomain } from '../../../components/activation-explorer/render.ts';
import { describeExplorer, fmt, probeText, slideStatus } from '../../../components/activation-explorer/describe.ts';
import { ACTIVATION_NAMES } from '../../../src/widgets/params.ts';
import { numericTexts, smallestText, textSizes } from '../../widgets/charts/rendered-text.ts';

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
    expect(svg.textContent).toContain('sampled output r·x, r ∈ [0.125, 0.333]'); // the key names the band's range
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

const SLIDE = { width: 648, height: 330, density: 'slide' } as const;
const PHONE = { width: 300, height: 300, density: 'phone' } as const;

describe('renderExplorer for its box', () => {
  it.each(['leaky_relu', 'rrelu', 'elu', 'prelu'])('on a slide, %s fills the box with text of 18 px or more', (act) => {
    const state = explorerState({ ...DEFAULTS, act, train: act === 'rrelu' });
    const svg = renderExplorer(state, { document, size: SLIDE });
    expect([svg.getAttribute('width'), svg.getAttribute('height'), svg.getAttribute('viewBox')]).toEqual(['648', '330', '0 0 648 330']);
    expect(smallestText(svg)).toBeGreaterThanOrEqual(18);
    // The y axis's name is drawn once, by the chart (not also by Plot).
    expect(textSizes(svg).filter((t) => t.text.includes('output')).map((t) => t.text)).toContain('↑ output');
    expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('the reading view keeps its own size and 14 px text', () => {
    const svg = renderExplorer(explorerState(DEFAULTS), { document, width: 700 });
    expect([svg.getAttribute('width'), svg.getAttribute('height')]).toEqual(['700', '380']);
    expect(smallestText(svg)).toBe(14);
  });

  it('on a phone, draws at the phone width with 13 px text and fewer ticks, never 0 alone on the x axis', () => {
    const state = explorerState({ ...DEFAULTS, act: 'rrelu', train: true });
    const phone = renderExplorer(state, { document, size: PHONE });
    const page = renderExplorer(state, { document, width: 640 });
    expect(phone.getAttribute('width')).toBe('300');
    expect(smallestText(phone)).toBe(13);
    expect(numericTexts(phone)).toBeLessThan(numericTexts(page));
    const labels = [...phone.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toContain('−4');
    expect(labels).toContain('4');
    expect(phone.outerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('spaces the x ticks for the room there is', () => {
    expect(xTicks(9)).toEqual([-4, -3, -2, -1, 0, 1, 2, 3, 4]);
    expect(xTicks(5)).toEqual([-4, -2, 0, 2, 4]);
    expect(xTicks(2)).toEqual([-4, 0, 4]);
  });

  it('leaves room above the content for the end label, in pixels at every size', () => {
    const state = explorerState({ ...DEFAULTS, act: 'elu' });
    for (const size of [SLIDE, PHONE]) {
      const [lo, hi] = yDomain(state, { size });
      const pxPerUnit = (size.height - 100) / (hi - lo); // about: the plot area is the height less the margins
      expect((hi - 4) * pxPerUnit).toBeGreaterThan(20); // f(4) = 4 is the top of the content
    }
  });
});

describe('slideStatus', () => {
  it.each(ACTIVATION_NAMES)('says what %s does in one short sentence', (act) => {
    const text = slideStatus(explorerState({ ...DEFAULTS, act, train: act === 'rrelu' }));
    expect(text.length).toBeGreaterThan(10);
    expect(text.length).toBeLessThanOrEqual(56); // one line at 20 px in the media column
    expect(text).not.toMatch(/NaN|Infinity/);
  });

  it('follows the notes: slope 0 is ReLU, slope 1 is linear, α = 1 is smooth, RReLU test uses the mean', () => {
    expect(slideStatus(explorerState({ ...DEFAULTS, act: 'leaky_relu', slope: 0 }))).toContain('plain ReLU');
    expect(slideStatus(explorerState({ ...DEFAULTS, act: 'leaky_relu', slope: 1 }))).toContain('no nonlinearity');
    expect(slideStatus(explorerState({ ...DEFAULTS, act: 'elu', alpha: 1 }))).toBe('α = 1: floor at −1, smooth at 0.');
    expect(slideStatus(explorerState({ ...DEFAULTS, act: 'elu', alpha: 2 }))).toContain('floor at −2');
    expect(slideStatus(explorerState({ ...DEFAULTS, act: 'rrelu', train: false }))).toBe('Test: one slope, the mean 0.229.');
    expect(slideStatus(explorerState({ ...DEFAULTS, act: 'rrelu', lower: 0.9, upper: 0.1 }))).toContain('Refused');
  });
});
