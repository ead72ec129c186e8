import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createRace, stepRace, verdict } from '../../../components/relu-vs-tanh/model.ts';
import { describeRace, describeVerdict, downsample, renderRaceChart, renderRaceLegend, type RaceView } from '../../../components/relu-vs-tanh/render.ts';

const { document } = new JSDOM('').window;

function viewOf(errorsA: number[], errorsB: number[], extra: Partial<RaceView> = {}): RaceView {
  return {
    lanes: [
      { label: 'ReLU', errors: errorsA, reachedAt: null },
      { label: 'tanh', errors: errorsB, reachedAt: null },
    ],
    step: errorsA.length - 1,
    maxSteps: 3000,
    targetError: 0.1,
    lr: 0.1,
    status: 'ready',
    verdict: { kind: 'pending', leader: null, leaderSteps: null },
    ...extra,
  };
}

describe('relu-vs-tanh render', { timeout: 30_000 }, () => {
  it('draws both curves and the target with a text alternative', () => {
    const race = createRace({ seed: 1, lr: 0.1, targetError: 0.1 });
    for (let i = 0; i < 30; i++) stepRace(race);
    const view: RaceView = { lanes: race.lanes, step: race.step, maxSteps: 3000, targetError: 0.1, lr: 0.1, status: race.status, verdict: verdict(race) };
    const svg = renderRaceChart(view, { document, width: 640 }) as SVGSVGElement;
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.getAttribute('aria-label')).toMatch(/ReLU and tanh/);
    expect(svg.getAttribute('aria-description')).toContain('After 30 steps');
    expect(svg.querySelectorAll('path').length).toBeGreaterThanOrEqual(2);
    expect(svg.textContent).toContain('target 10%');
    const legend = renderRaceLegend(view, { document });
    expect(legend.textContent).toBe('ReLUtanh');
    expect(legend.querySelectorAll('line[stroke-dasharray="8 5"]')).toHaveLength(1);
    // Colour is not the only cue: the tanh line is dashed.
    expect(svg.innerHTML).toMatch(/stroke-dasharray="8 5"/);
  });

  it('marks where each net reached the target, with its step count', () => {
    const race = createRace({ seed: 1, lr: 0.1, targetError: 0.25 });
    while (race.status === 'ready') stepRace(race);
    const view: RaceView = { lanes: race.lanes, step: race.step, maxSteps: 3000, targetError: 0.25, lr: 0.1, status: race.status, verdict: verdict(race) };
    const svg = renderRaceChart(view, { document }) as SVGSVGElement;
    expect(svg.textContent).toContain(`ReLU: ${race.lanes[0].reachedAt} steps`);
    expect(svg.textContent).toContain(`tanh: ${race.lanes[1].reachedAt} steps`);
  });

  it("keeps a step count off the target's label, even on a phone's narrow chart", () => {
    const a = Array.from({ length: 247 }, (_, i) => Math.max(0.08, 0.6 - i * 0.0025));
    const b = Array.from({ length: 247 }, (_, i) => Math.max(0.09, 0.8 - i * 0.0029));
    const view = viewOf(a, b, { lanes: [{ label: 'ReLU', errors: a, reachedAt: 203 }, { label: 'tanh', errors: b, reachedAt: 246 }], status: 'done', verdict: { kind: 'both', relu: 203, tanh: 246, ratio: 246 / 203 } });
    // The middle of a label (px): its text's translate plus its group's.
    const middleOf = (svg: SVGSVGElement, words: RegExp) => {
      const text = Array.from(svg.querySelectorAll('text')).find((t) => words.test(t.textContent ?? ''))!;
      const y = (el: Element) => Number(/translate\([^,]+,([^)]+)\)/.exec(el.getAttribute('transform') ?? '')?.[1] ?? 0);
      return y(text) + y(text.parentElement!);
    };
    for (const size of [{ width: 237, height: 280, density: 'phone' as const }, { width: 750, height: 320, density: 'page' as const }, { width: 640, height: 360, density: 'slide' as const }]) {
      const svg = renderRaceChart(view, { document, size }) as SVGSVGElement;
      const font = Number(svg.querySelector('text[font-weight], g[font-weight]')?.getAttribute('font-size') ?? 14);
      const gap = middleOf(svg, /target/) - middleOf(svg, /^ReLU:/);
      // Either a line's height apart (the count above the target's label), or the count is far to its right.
      if (size.density === 'phone') expect(gap, size.density).toBeGreaterThanOrEqual(font * 1.2);
      else expect(gap, size.density).toBeGreaterThan(0);
    }
  });

  it('never draws or prints NaN or Infinity', () => {
    const view = viewOf([0.66, NaN, 0.5, Infinity, 0.4], [0.66, -Infinity, 0.6, NaN, 0.55], { lr: NaN, verdict: { kind: 'both', relu: 4, tanh: 8, ratio: NaN } });
    view.lanes = [{ ...view.lanes[0], reachedAt: 1 }, { ...view.lanes[1], reachedAt: NaN }];
    const svg = renderRaceChart(view, { document }) as SVGSVGElement;
    expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
    expect(describeRace(view)).not.toMatch(/NaN|Infinity/);
  });

  it('states the measured step counts and ratio, or that a net did not get there', () => {
    expect(describeVerdict({ kind: 'both', relu: 340, tanh: 1720, ratio: 1720 / 340 }, '25%')).toBe('ReLU reached 25% training error in 340 steps, tanh in 1,720: ReLU was 5.1× faster.');
    expect(describeVerdict({ kind: 'both', relu: 200, tanh: 100, ratio: 0.5 }, '10%')).toContain('tanh was 2.0× faster');
    expect(describeVerdict({ kind: 'only', winner: 'ReLU', loser: 'tanh', steps: 900, budget: 3000 }, '10%')).toBe('ReLU reached 10% training error in 900 steps; tanh did not within 3,000 steps.');
    expect(describeVerdict({ kind: 'neither', budget: 3000 }, '1%')).toBe('Neither net reached 1% training error within 3,000 steps.');
    expect(describeRace(viewOf([0.6], [0.6], { status: 'diverged', step: 3 }))).toContain('diverged');
  });

  it('downsamples long runs but keeps the first and last step', () => {
    const values = Array.from({ length: 3001 }, (_, i) => i / 3000);
    const { xs, ys } = downsample(values, 600, 100);
    expect(xs.length).toBeLessThanOrEqual(602);
    expect(xs[0]).toBe(0);
    expect(xs.at(-1)).toBe(3000);
    expect(ys.at(-1)).toBeCloseTo(100, 12);
  });
});
