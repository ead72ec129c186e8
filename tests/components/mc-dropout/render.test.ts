import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { curveChart, curvePoints, describeCurve, probabilityChart, type CurveView, type ProbabilityView } from '../../../components/mc-dropout/render.ts';
import { curveStatus, statusLine, summary } from '../../../components/mc-dropout/describe.ts';
import { disagreeItems, pickItems, renderDigitButtons } from '../../../components/mc-dropout/gallery.ts';
import type { Prediction } from '../../../components/mc-dropout/protocol.ts';

const { document } = new JSDOM('').window;
const oneHot = (c: number, v: number) => Array.from({ length: 10 }, (_, i) => (i === c ? v : (1 - v) / 9));
const view: ProbabilityView = { T: 50, scaled: oneHot(9, 0.8), mean: oneHot(9, 0.6), low: oneHot(9, 0.19), high: oneHot(9, 0.95), votes: [0, 0, 0, 0, 0, 0, 0, 16, 0, 34] };
const curve: CurveView = { T: 50, Tmax: 4, count: 10, total: 20, wrong: [3, 2, 1, 1], agree: [7, 8, 9, 10], scaledWrong: 1 };

describe('mc-dropout rendering', () => {
  for (const density of ['slide', 'page', 'phone'] as const) {
    it(`draws the probabilities as a named image with finite numbers (${density})`, () => {
      const svg = probabilityChart(view, { width: density === 'phone' ? 300 : 440, height: 320, density }, document);
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')).toMatch(/50 thinned networks/);
      expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
      // Two bars per digit (scaled, mean) and the leading digit's values as text.
      expect(svg.querySelectorAll('rect').length).toBeGreaterThanOrEqual(20);
      expect(svg.textContent).toContain('60%');
    });
  }

  it('draws the curve on a log axis with the scaled network as a rule, before and after any digit is measured', () => {
    const svg = curveChart(curve, { width: 600, height: 240, density: 'page' }, document);
    expect(svg.getAttribute('aria-label')).toMatch(/against T/);
    expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
    expect(curvePoints(curve).map((p) => p.error)).toEqual([0.3, 0.2, 0.1, 0.1]);
    expect(curveChart({ ...curve, count: 0, wrong: [0, 0, 0, 0], agree: [0, 0, 0, 0], scaledWrong: 0 }, { width: 300, height: 200, density: 'phone' }, document).outerHTML).not.toMatch(/NaN/);
    expect(describeCurve(curve)).toMatch(/first 10 of the 20 test digits.*scaled network 10\.00%.*T = 1: 30\.00%/);
  });

  it('says what the chart shows, in one sentence for the status line', () => {
    const p = { ...view, id: 1, source: { kind: 'test', index: 0, label: 9 }, input: new Float32Array(784), network: 'pre-trained' } as unknown as Prediction;
    expect(statusLine(p)).toBe('The scaled network says 9; the average of 50 thinned networks says 9, with 34 of the 50 voting 9.');
    expect(statusLine(p, true)).toBe('Scaled network 9 · average of 50: 9 (34 of 50 vote 9)');
    expect(statusLine(p).split('. ').length).toBe(1);
    expect(curveStatus({ ...curve, T: 2 })).toBe('Average of 2: 20.0% test error · scaled network 10.0% (10 of 20 digits so far)');
    const text = summary({ input: { kind: 'test', index: 0, label: 9 }, prediction: p, network: null, curve: null });
    expect(text).toMatch(/test digit 0, a 9.*Scaled network: 9 at 80%.*Mean of 50 thinned networks: 9 at 60%, 10th to 90th percentile 19% to 95%; 34 of 50/);
  });

  it('galleries are buttons named for screen readers, the picked one pressed', () => {
    const pixels = new Uint8Array(784);
    const buttons = renderDigitButtons(document, pickItems([{ index: 17, label: 7, pixels }, { index: 3, label: 1, pixels }]), 17);
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['test digit 17, a 7', 'test digit 3, a 1']);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['true', 'false']);
    expect(buttons[0].querySelector('canvas')?.getAttribute('aria-hidden')).toBe('true');
    const [item] = disagreeItems([{ index: 239, label: 7, pixels, disagreement: 0.755, predicted: 9 }], 200);
    expect(item.caption).toBe('a 7: 76% split');
    expect(item.name).toBe('test digit 239, a 7: 76% of 200 thinned networks vote against the most-voted class; their average says 9');
  });
});
