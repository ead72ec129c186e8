import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createPreluRun, stepRun } from '../../../components/prelu-slopes/model.ts';
import { describeSlopes, fmt, renderPreluSlopes, statusText } from '../../../components/prelu-slopes/render.ts';

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
