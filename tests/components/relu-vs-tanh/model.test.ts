import { describe, expect, it } from 'vitest';
import { RACE, advanceRace, createRace, stepRace, trainingError, verdict, type Race } from '../../../components/relu-vs-tanh/model.ts';

function runToEnd(race: Race): Race {
  while (race.status === 'ready') stepRace(race);
  return race;
}

describe('relu-vs-tanh model', { timeout: 60_000 }, () => {
  it('starts both nets from the same weights, differing only in the activation', () => {
    const race = createRace({ seed: 3, lr: 0.1, targetError: 0.1 });
    const [relu, tanh] = race.lanes;
    expect(relu.trainer.net.exportWeights()).toEqual(tanh.trainer.net.exportWeights());
    expect(relu.trainer.net.exportWeights()).toEqual(race.initialWeights);
    expect(relu.trainer.net.config.hidden.map((h) => h.activation.name)).toEqual(['relu', 'relu']);
    expect(tanh.trainer.net.config.hidden.map((h) => h.activation.name)).toEqual(['tanh', 'tanh']);
    expect(relu.trainer.net.sizes).toEqual(RACE.sizes);
  });

  it('feeds both nets the same minibatches (identical nets would stay identical)', () => {
    // Two ReLU lanes built the same way must agree step for step: the only randomness left is the batch order.
    const a = createRace({ seed: 5, lr: 0.1, targetError: 0.1 });
    const b = createRace({ seed: 5, lr: 0.1, targetError: 0.1 });
    for (let i = 0; i < 20; i++) {
      stepRace(a);
      stepRace(b);
    }
    expect(a.lanes[0].trainer.net.exportWeights()).toEqual(b.lanes[0].trainer.net.exportWeights());
    expect(a.lanes[0].errors).toEqual(b.lanes[0].errors);
    expect(a.lanes[1].errors).toEqual(b.lanes[1].errors);
  });

  it('records the exact training error after every step and the first step at or below the target', () => {
    const race = runToEnd(createRace({ seed: 1, lr: 0.1, targetError: 0.25 }));
    for (const lane of race.lanes) {
      expect(lane.errors.length).toBe(race.step + 1);
      expect(lane.errors.every((e) => Number.isFinite(e) && e >= 0 && e <= 1)).toBe(true);
      expect(lane.errors.at(-1)).toBe(trainingError(lane.trainer));
      const first = lane.errors.findIndex((e) => e <= 0.25);
      expect(lane.reachedAt).toBe(first);
      // Errors are whole numbers of examples out of 300.
      for (const e of lane.errors) expect(Math.abs(e * RACE.count - Math.round(e * RACE.count))).toBeLessThan(1e-9);
    }
    expect(race.status).toBe('done');
  });

  it('computes the ratio tanh steps / ReLU steps (and ReLU is faster with the defaults, seed 1)', () => {
    const race = runToEnd(createRace({ seed: 1, lr: 0.1, targetError: 0.1 }));
    const v = verdict(race);
    expect(v.kind).toBe('both');
    if (v.kind !== 'both') return;
    expect(v.relu).toBe(race.lanes[0].reachedAt);
    expect(v.tanh).toBe(race.lanes[1].reachedAt);
    expect(v.ratio).toBeCloseTo(v.tanh / v.relu, 12);
    expect(v.ratio).toBeGreaterThan(1);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = runToEnd(createRace({ seed: 2, lr: 0.1, targetError: 0.1 }));
    const b = runToEnd(createRace({ seed: 2, lr: 0.1, targetError: 0.1 }));
    const c = runToEnd(createRace({ seed: 4, lr: 0.1, targetError: 0.1 }));
    expect(verdict(a)).toEqual(verdict(b));
    expect(a.lanes[0].errors).not.toEqual(c.lanes[0].errors);
  });

  it('reports "not within the budget" when a target is out of reach', () => {
    const race = createRace({ seed: 1, lr: 0.001, targetError: 0.01, maxSteps: 40 });
    runToEnd(race);
    expect(race.step).toBe(40);
    expect(verdict(race)).toEqual({ kind: 'neither', budget: 40 });
    expect(createRace({ seed: 1, lr: 0.1, targetError: 0.1 }).settings.maxSteps ?? RACE.maxSteps).toBe(3000);
  });

  it('stops as diverged when the learning rate is far too large, keeping only finite errors', () => {
    const race = createRace({ seed: 1, lr: 20, targetError: 0.1 });
    runToEnd(race);
    expect(race.status).toBe('diverged');
    expect(race.step).toBeLessThan(20);
    for (const lane of race.lanes) expect(lane.errors.every(Number.isFinite)).toBe(true);
  });

  it('advances within a deadline and a per-frame cap', () => {
    const race = createRace({ seed: 1, lr: 0.1, targetError: 0.1 });
    advanceRace(race, Infinity, 7);
    expect(race.step).toBe(7);
    let t = 0;
    advanceRace(race, 2, 100, () => ++t); // the clock passes the deadline after two steps
    expect(race.step).toBe(9);
  });
});
