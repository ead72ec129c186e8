import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createPreluRun, stepRun } from '../../../components/prelu-slopes/model.ts';
import { describeSlopes, fmt, renderPreluSlopes, slopeDomain, statusText } from '../../../components/prelu-slopes/render.ts';
import { numericTexts, smallestText } from '../../widgets/charts/rendered-text.ts';

const { document } = new JSDOM('').window;

describe('renderPreluSlopes', () => {
  it('before training: two charts with aria text, slopes at 0.25, no NaN', () => {
    const run = createPreluRun({ lr: 0.1, seed: 1 });
    const root = renderPreluSlopes(run, { document });
    const svgs = [...root.querySelectorAll('svg')].filter((svg) => svg.getAttribute('aria-label'));
    expect(svgs.map((s) => s.getAttribute('aria-label'))).toEqual(['Learned PReLU slope of each hidden layer over training', 'Training loss over the steps']);
    expect(svgs[0].getAttribute('aria-description')).toBe(describeSlopes(run));
    expect(describeSlopes(run)).toContain('Both slopes start at 0.25');
    expect(root.outerHTML).not.toMatch(/NaN|Infinity/);
    expect(root.querySelectorAll('g[aria-label]').length).toBe(0);
    expect(statusText(run)).toBe('step 0 of 2000 · loss – · a₁ = 0.250, a₂ = 0.250');
  });

  it('after training: one labelled, differently dashed line per layer, and the summary names the slopes', () => {
    const run = createPreluRun({ lr: 0.1, seed: 1 });
    stepRun(run, 200);
    const root = renderPreluSlopes(run, { document });
    const slopes = root.querySelector('svg');
    expect(slopes?.textContent).toContain('a₁');
    expect(slopes?.textContent).toContain('a₂');
    expect(slopes?.textContent).toContain('start 0.25');
    expect(slopes?.querySelectorAll('[stroke-dasharray="8 5"]').length).toBe(1);
    const [a1, a2] = run.slopes.map((s) => s[s.length - 1]);
    expect(describeSlopes(run)).toContain(`After 200 steps the slopes are a₁ = ${fmt(a1)}, a₂ = ${fmt(a2)}`);
    expect(root.outerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('a diverged run draws only finite values and says to lower the learning rate', () => {
    const run = createPreluRun({ lr: 20, seed: 1 });
    stepRun(run, 100);
    const root = renderPreluSlopes(run, { document });
    expect(root.outerHTML).not.toMatch(/NaN|Infinity/);
    expect(describeSlopes(run)).toMatch(/diverged .* lower the learning rate/);
  });
});

describe('renderPreluSlopes for its box', () => {
  const run = createPreluRun({ lr: 0.1, seed: 1 });
  stepRun(run, 150);
  const SLIDE = { width: 648, height: 340, density: 'slide' } as const;

  it.each([
    ['slopes', 'Learned PReLU slope of each hidden layer over training'],
    ['loss', 'Training loss over the steps'],
  ] as const)('on a slide, draws only the %s chart, filling the box, with text of 18 px or more', (panel, label) => {
    const root = renderPreluSlopes(run, { document, size: SLIDE, panel });
    const svgs = root.querySelectorAll('svg[aria-label]');
    expect([...svgs].map((svg) => svg.getAttribute('aria-label'))).toEqual([label]);
    expect([svgs[0].getAttribute('width'), svgs[0].getAttribute('height'), svgs[0].getAttribute('viewBox')]).toEqual(['648', '340', '0 0 648 340']);
    expect(smallestText(root)).toBeGreaterThanOrEqual(18);
    expect(root.outerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('on a phone, draws both charts at the phone width, with 13 px text, fewer ticks and lined-up frames', () => {
    const phone = renderPreluSlopes(run, { document, size: { width: 300, height: 240, density: 'phone' } });
    const page = renderPreluSlopes(run, { document, width: 640 });
    const svgs = [...phone.querySelectorAll('svg[aria-label]')];
    expect(svgs.map((svg) => svg.getAttribute('width'))).toEqual(['300', '300']);
    expect(svgs.map((svg) => svg.getAttribute('height'))).toEqual(['240', '180']);
    expect(smallestText(phone)).toBe(13);
    expect(numericTexts(phone)).toBeLessThan(numericTexts(page));
    // Both x axes end at the same pixel: the last grid line of each chart.
    const lastGridX = (svg: Element) => Math.max(...[...svg.querySelectorAll('line')].map((l) => Number(l.getAttribute('x2'))).filter(Number.isFinite));
    expect(lastGridX(svgs[0])).toBe(lastGridX(svgs[1]));
    expect(phone.outerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('keeps headroom above the slopes, so their names never sit on the top edge', () => {
    const fresh = createPreluRun({ lr: 0.1, seed: 1 });
    const [lo, hi] = slopeDomain(fresh);
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThan(0.25 * 1.1);
    const [, trainedHi] = slopeDomain(run);
    expect(trainedHi).toBeGreaterThan(Math.max(...run.slopes.flat()));
  });

  it('says less in the status line on a slide: the readout beside the buttons has the slopes', () => {
    expect(statusText(run, true)).toMatch(/^Step 150 of 2000 · loss \d\.\d{3}$/);
    expect(statusText(run)).toContain('a₁ = ');
  });
});
