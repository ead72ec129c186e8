import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createAblation, workUnit } from '../../../components/unit-ablation/model.ts';
import { ablationView, describeAblation, knockoutRows, renderAblationLegend, renderKnockoutChart, renderLossChart, type AblationView } from '../../../components/unit-ablation/render.ts';
import { textSizes, xTickLabels } from '../chart-checks.ts';

const { document } = new JSDOM('').window;

describe('unit-ablation render', { timeout: 30_000 }, () => {
  const s = createAblation({ p: 0.5, lr: 0.1, seed: 1, maxSteps: 300 });
  while (s.phase === 'training' || s.phase === 'ablating') workUnit(s);
  const view = ablationView(s);

  it('draws the sorted knock-out costs with circles and triangles and a 1-point rule', () => {
    const svg = renderKnockoutChart(view, 0, { document }) as SVGSVGElement;
    expect(svg.getAttribute('aria-label')).toBe('Accuracy lost when each unit of hidden layer 1 is silenced, sorted');
    expect(svg.getAttribute('aria-description')).toMatch(/Circles: no dropout; triangles: dropout p = 0\.5\. no dropout: largest \d+\.\d points, \d+ of 32 units above 1 point/);
    expect(svg.textContent).toContain('1 point');
    const legend = renderAblationLegend(view, { document });
    expect(legend.textContent).toBe('no dropoutdropout p = 0.5');
    expect(legend.querySelectorAll('circle')).toHaveLength(1);
    expect(legend.querySelectorAll('path')).toHaveLength(1);
    expect(knockoutRows(view, 0)).toHaveLength(64);
    expect(svg.innerHTML).toMatch(/stroke-dasharray="8 5"/);
  });

  it('fills a slide box with a knock-out chart or the loss chart, text at least 18 px', () => {
    for (const svg of [renderKnockoutChart(view, 1, { document, size: { width: 640, height: 360, density: 'slide' } }), renderLossChart(view, { document, size: { width: 640, height: 360, density: 'slide' } })]) {
      expect([svg.getAttribute('width'), svg.getAttribute('height'), svg.getAttribute('viewBox')]).toEqual(['640', '360', '0 0 640 360']);
      const sizes = textSizes(svg);
      expect(sizes.length).toBeGreaterThan(6);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
    }
  });

  it('draws phone charts at their width with 13 px text, fewer rank ticks and finite numbers', () => {
    const page = renderKnockoutChart(view, 0, { document, width: 640 }) as SVGSVGElement;
    const phone = renderKnockoutChart(view, 0, { document, size: { width: 280, height: 250, density: 'phone' } }) as SVGSVGElement;
    expect(phone.getAttribute('width')).toBe('280');
    expect(Math.min(...textSizes(phone))).toBeGreaterThanOrEqual(13);
    const ticks = xTickLabels(phone);
    expect(ticks.length).toBeLessThan(xTickLabels(page).length);
    expect(ticks[0]).toBe('1');
    expect(phone.outerHTML).not.toMatch(/NaN|Infinity/);
    expect(renderLossChart(view, { document, size: { width: 280, height: 200, density: 'phone' } }).outerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('draws the training loss while training', () => {
    const svg = renderLossChart(view, { document }) as SVGSVGElement;
    expect(svg.getAttribute('aria-label')).toMatch(/Training loss/);
  });

  it('states the measured numbers: accuracy, largest cost, units above 1 point, correlations', () => {
    const text = describeAblation(view);
    expect(text).toMatch(/Without dropout \(test accuracy \d+\.\d%\) — hidden layer 1: up to -?\d+\.\d points, \d+ of 32 units cost more than 1 point/);
    expect(text).toMatch(/Mean absolute correlation between the units' activations on the test points, layer 1: \d\.\d\d without dropout, \d\.\d\d with — (lower|higher|about the same)/);
    expect(text).toMatch(/With dropout p = 0\.5 \(test accuracy \d+\.\d%\) — hidden layer 1: /);
    const training = describeAblation({ ...view, phase: 'training', step: 100 });
    expect(training).toMatch(/Training: step 100 of 300; training loss \d\.\d\d without dropout/);
    expect(describeAblation({ ...view, phase: 'diverged', step: 3 })).toContain('diverged at step 3');
  });

  it('never draws or prints NaN or Infinity', () => {
    const bad: AblationView = {
      ...view,
      lanes: view.lanes.map((lane) => ({
        ...lane,
        trainLoss: [NaN, 1, Infinity],
        steps: [0, 50, 100],
        baseAccuracy: NaN,
        layers: lane.layers.map((l) => ({ ...l, sorted: [Infinity, 0.2, NaN, -Infinity, 0.01], maxDrop: NaN, correlation: Infinity })),
      })),
    };
    for (const h of [0, 1]) expect((renderKnockoutChart(bad, h, { document }) as SVGSVGElement).outerHTML).not.toMatch(/NaN|Infinity/);
    expect((renderLossChart(bad, { document }) as SVGSVGElement).outerHTML).not.toMatch(/NaN|Infinity/);
    for (const phase of ['training', 'ablating', 'done', 'diverged'] as const) expect(describeAblation({ ...bad, phase })).not.toMatch(/NaN|Infinity/);
  });
});
