import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createOverfit, workUnit } from '../../../components/dropout-overfit/model.ts';
import { describeOverfit, lossDomain, overfitView, renderLossChart, renderOverfitMap, type OverfitView } from '../../../components/dropout-overfit/render.ts';
import { OVERFIT } from '../../../components/dropout-overfit/model.ts';
import { textSizes, xTickLabels } from '../chart-checks.ts';

const { document } = new JSDOM('').window;

describe('dropout-overfit render', { timeout: 30_000 }, () => {
  const state = createOverfit({ dataset: 'spirals', labelNoise: 0.1, p: 0.5, lr: 0.1, seed: 1, maxSteps: 150 });
  while (state.status === 'ready') workUnit(state);
  const view = overfitView(state);

  it('draws train (solid) and test (dashed) loss per net with a text alternative', () => {
    const svg = renderLossChart(view, 1, { document }) as SVGSVGElement;
    expect(svg.getAttribute('aria-label')).toBe('Training and test loss of the network with dropout p = 0.5');
    expect(svg.getAttribute('aria-description')).toMatch(/training error \d+\.\d%, test error \d+\.\d%/);
    expect(svg.textContent).toContain('train');
    expect(svg.textContent).toContain('test');
    expect(svg.innerHTML).toMatch(/stroke-dasharray="8 5"/);
  });

  it('draws the decision map with the training points as shapes', () => {
    const svg = renderOverfitMap(view, 0, { document, size: 240 });
    expect(svg).not.toBeNull();
    expect(svg?.getAttribute('aria-label')).toBe('Decision regions of the network with no dropout at step 150');
    expect(svg?.querySelectorAll('rect').length).toBeGreaterThan(0);
    expect(svg?.querySelectorAll('circle, path').length).toBe(OVERFIT.trainCount);
  });

  it('fills a slide box with a loss chart whose text is at least 18 px', () => {
    const svg = renderLossChart(view, 0, { document, size: { width: 330, height: 380, density: 'slide' } }) as SVGSVGElement;
    expect([svg.getAttribute('width'), svg.getAttribute('height'), svg.getAttribute('viewBox')]).toEqual(['330', '380', '0 0 330 380']);
    const sizes = textSizes(svg);
    expect(sizes.length).toBeGreaterThan(8);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
    expect(svg.textContent).toContain('train');
    expect(svg.textContent).toContain('test');
  });

  it('draws a phone loss chart at its width with 13 px text, fewer step ticks and finite numbers', () => {
    const page = renderLossChart(view, 1, { document, width: 640 }) as SVGSVGElement;
    const phone = renderLossChart(view, 1, { document, size: { width: 280, height: 240, density: 'phone' } }) as SVGSVGElement;
    expect(phone.getAttribute('width')).toBe('280');
    expect(Math.min(...textSizes(phone))).toBeGreaterThanOrEqual(13);
    expect(xTickLabels(phone).length).toBeLessThan(xTickLabels(page).length);
    expect(xTickLabels(phone).length).toBeGreaterThanOrEqual(2);
    expect(phone.outerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('draws a decision map as the largest square in the box it is given, never scaled down', () => {
    const svg = renderOverfitMap(view, 1, { document, size: { width: 330, height: 290, density: 'slide' } });
    expect([svg?.getAttribute('width'), svg?.getAttribute('height'), svg?.getAttribute('viewBox')]).toEqual(['290', '290', '0 0 290 290']);
  });

  it('states the measured errors, gap and test loss of both nets', () => {
    const text = describeOverfit(view);
    expect(text).toContain('trained on 90 spiral points with 10% of the labels flipped to another class');
    expect(text).toMatch(/After all 150 steps, without dropout: training error \d+\.\d%, test error \d+\.\d% \(gap \d+\.\d points\), test loss \d\.\d\d/);
    expect(text).toMatch(/; with dropout p = 0\.5: training error/);
    expect(text).toMatch(/Dropout (lowered|raised|left) the test loss/);
  });

  it('names both nets, the dropout one with its p, before training', () => {
    const fresh: OverfitView = { ...view, step: 0, status: 'ready' };
    expect(describeOverfit(fresh)).toMatch(/Before training, without dropout: .*; with dropout p = 0\.5: training error/);
  });

  it('never draws or prints NaN or Infinity', () => {
    const bad: OverfitView = {
      ...view,
      labelNoise: NaN,
      lanes: view.lanes.map((lane) => ({
        ...lane,
        history: { steps: [0, 25, 50], trainLoss: [NaN, 1, Infinity], testLoss: [1, -Infinity, NaN], trainError: [NaN, 0.2, 0.1], testError: [0.3, NaN, Infinity] },
      })),
      points: [{ x: NaN, y: 0, label: 0 }, { x: 0.1, y: Infinity, label: 1 }, { x: 0.2, y: 0.2, label: 2 }],
    };
    for (const i of [0, 1]) {
      expect((renderLossChart(bad, i, { document }) as SVGSVGElement).outerHTML).not.toMatch(/NaN|Infinity/);
      expect(renderOverfitMap(bad, i, { document })?.outerHTML).not.toMatch(/NaN|Infinity/);
    }
    expect(describeOverfit(bad)).not.toMatch(/NaN|Infinity/);
    expect(lossDomain(bad).every(Number.isFinite)).toBe(true);
  });
});
