import { beforeAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createVariantsRace, stepChunk, type VariantsRace } from '../../../components/variants-race/model.ts';
import { raceView, renderRacePanel, renderVariantsRace, type RaceView } from '../../../components/variants-race/render.ts';
import { shortStatus } from '../../../components/variants-race/status.ts';

const { document } = new JSDOM('').window;

describe('variants-race render', { timeout: 60_000 }, () => {
  let race: VariantsRace;
  let view: RaceView;
  beforeAll(() => {
    race = createVariantsRace({ seed: 1, stress: true, seeds: 2, maxSteps: 100, acts: ['relu', 'elu', 'tanh'] });
    while (stepChunk(race));
    view = raceView(race);
  });

  it('averages every lane over its seeds at each checkpoint', () => {
    expect(view.lanes.map((lane) => lane.act)).toEqual(['relu', 'elu', 'tanh']);
    for (const lane of view.lanes) {
      expect(lane.steps).toEqual([0, 20, 40, 60, 80, 100]);
      const runs = race.lanes.find((l) => l.act === lane.act)!.runs;
      const expected = runs.reduce((t, run) => t + run.history[3].trainLoss, 0) / runs.length;
      expect(lane.trainLoss[3]).toBeCloseTo(expected, 12);
      for (const v of [...lane.inactive, ...lane.means]) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('draws the three charts with names, and each activation its own dash (colour is not the only cue)', () => {
    const root = renderVariantsRace(view, { document, width: 640 });
    const svgs = [...root.querySelectorAll('svg[aria-label]')];
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) {
      expect(svg.getAttribute('role')).toBe('img');
      for (const name of ['ReLU', 'ELU', 'tanh']) expect(svg.textContent).toContain(name);
      const dashes = new Set([...svg.querySelectorAll('[stroke-dasharray]')].map((p) => p.getAttribute('stroke-dasharray')));
      expect(dashes.size).toBeGreaterThanOrEqual(2);
    }
    expect(svgs[0].getAttribute('aria-description')).toMatch(/ReLU \d+%, ELU \d+%, tanh \d+%/);
    expect(root.outerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('fills a slide box at slide text sizes', () => {
    for (const panel of ['inactive', 'loss', 'means'] as const) {
      const svg = renderRacePanel(panel, view, { document, size: { width: 650, height: 360, density: 'slide' } }) as SVGSVGElement;
      expect([svg.getAttribute('width'), svg.getAttribute('height')]).toEqual(['650', '360']);
      expect(svg.style.fontSize).toBe('18px');
      const sizes = [...svg.querySelectorAll('[font-size]')].map((el) => Number.parseFloat(el.getAttribute('font-size')!));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
    }
  });

  it('draws an empty race (nothing measured yet) without NaN', () => {
    const fresh = raceView(createVariantsRace({ seed: 2, stress: false }));
    expect(renderVariantsRace(fresh, { document }).outerHTML).not.toMatch(/NaN|Infinity/);
    expect(shortStatus(createVariantsRace({ seed: 2, stress: false }), true)).toBe('Step 0');
  });

  it('says in one short line on a slide which rectifiers differ most', () => {
    const line = shortStatus(race, true);
    expect(line).toMatch(/^Step 100 · inactive: (ReLU|ELU) \d+%, (ReLU|ELU) \d+%$/);
    expect(line.length).toBeLessThan(60);
    expect(shortStatus(race, false)).toContain('tanh');
  });
});
