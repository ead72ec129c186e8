import { describe, expect, it } from 'vitest';
import { createMlp, createTrainer, inactiveUnits } from '../../../src/engine/index.ts';
import {
  REGIMES,
  SETUP,
  VARIANTS,
  advanceVariantsRace,
  allRuns,
  createVariantsRace,
  initialWeights,
  latest,
  measuredStep,
  normalizeRaceSettings,
  stepChunk,
  type VariantsRace,
} from '../../../components/variants-race/model.ts';

const run = (race: VariantsRace, act: string, replicate = 0) => {
  const found = allRuns(race).find((r) => r.act === act && r.replicate === replicate);
  if (!found) throw new Error(`no ${act} run ${replicate}`);
  return found;
};
const toEnd = (race: VariantsRace): VariantsRace => {
  while (stepChunk(race));
  return race;
};

describe('variants-race model', { timeout: 30_000 }, () => {
  it('normalises settings: clamped numbers, known activations in VARIANTS order, the regime’s lr and bias', () => {
    const s = normalizeRaceSettings({ seed: 4.4, stress: true, acts: ['tanh', 'relu', 'nope' as 'relu'], seeds: 99, maxSteps: -3 });
    expect(s).toEqual({ seed: 4, regime: 'stress', ...REGIMES.stress, acts: ['relu', 'tanh'], seeds: SETUP.maxSeeds, maxSteps: SETUP.measureEvery });
    const d = normalizeRaceSettings({ seed: Number.NaN, stress: false });
    expect(d).toMatchObject({ seed: 1, regime: 'normal', lr: REGIMES.normal.lr, biasShift: 0, seeds: SETUP.seeds, maxSteps: SETUP.maxSteps });
    expect(d.acts).toEqual(VARIANTS.map((v) => v.act));
    expect(REGIMES.stress.lr).toBeGreaterThan(REGIMES.normal.lr);
    expect(REGIMES.stress.biasShift).toBeLessThan(0);
  });

  it('gives every activation of a replicate the same initial weights and batch seed; replicates differ', () => {
    const race = createVariantsRace({ seed: 3, stress: true, seeds: 2, maxSteps: 20 });
    for (const replicate of [0, 1]) {
      const runs = allRuns(race).filter((r) => r.replicate === replicate);
      expect(runs.map((r) => r.act)).toEqual(VARIANTS.map((v) => v.act));
      for (const r of runs) {
        expect(r.trainer.net.exportWeights()).toEqual(runs[0].trainer.net.exportWeights());
        expect(r.batchSeed).toBe(runs[0].batchSeed);
        expect(r.trainer.net.config.hidden.map((h) => h.activation.name)).toEqual([r.act, r.act, r.act]);
      }
    }
    expect(run(race, 'relu', 0).trainer.net.exportWeights()).not.toEqual(run(race, 'relu', 1).trainer.net.exportWeights());
    expect(run(race, 'relu', 0).batchSeed).not.toBe(run(race, 'relu', 1).batchSeed);
  });

  it('stress shifts the hidden biases only; the weights are the same He-normal draw with and without it', () => {
    const plain = initialWeights(5, 0, 0), shifted = initialWeights(5, 0, REGIMES.stress.biasShift);
    const hidden = SETUP.sizes.length - 2;
    shifted.forEach((layer, l) => {
      expect(layer.W).toEqual(plain[l].W);
      expect(Array.from(layer.b)).toEqual(Array.from(plain[l].b, () => (l < hidden ? REGIMES.stress.biasShift : 0)));
    });
    const race = createVariantsRace({ seed: 5, stress: true, seeds: 1, acts: ['relu'], maxSteps: 20 });
    expect(race.lanes[0].runs[0].trainer.net.exportWeights()).toEqual(shifted);
    expect(race.lanes[0].runs[0].trainer.optimizer.lr).toBe(REGIMES.stress.lr);
  });

  it('trains with the batch seed’s minibatches: a hand-built trainer from the same weights and seed agrees exactly', () => {
    const race = toEnd(createVariantsRace({ seed: 2, stress: false, seeds: 1, acts: ['elu'], maxSteps: 40 }));
    const r = run(race, 'elu');
    const net = createMlp({ sizes: SETUP.sizes, activation: { name: 'elu' } }, { weights: initialWeights(2, 0, 0) });
    const trainer = createTrainer({ net, data: race.train, batchSize: SETUP.batchSize, lr: REGIMES.normal.lr, seed: r.batchSeed });
    trainer.step(40);
    expect(r.trainer.net.exportWeights()).toEqual(net.exportWeights());
  });

  it('measures every measureEvery steps; the counts agree with the engine and are consistent', () => {
    const race = toEnd(createVariantsRace({ seed: 1, stress: true, seeds: 1, acts: ['relu', 'elu'], maxSteps: 60 }));
    expect(race.status).toBe('done');
    expect(race.step).toBe(60);
    for (const r of allRuns(race)) {
      expect(r.history.map((c) => c.step)).toEqual([0, 20, 40, 60]);
      expect(r.status).toBe('done');
      const pass = r.trainer.net.forward(race.train.x);
      expect(latest(r)?.inactive).toEqual(pass.preActivations.map((z) => inactiveUnits(z).length));
      r.history.forEach((c, i) => {
        expect(Number.isFinite(c.trainLoss) && c.testAccuracy >= 0 && c.testAccuracy <= 1).toBe(true);
        c.inactive.forEach((n, h) => {
          expect(c.everInactive[h]).toBeGreaterThanOrEqual(n); // the inactive now are among the ever inactive
          expect(c.revived[h]).toBe(c.everInactive[h] - n); // ever inactive and active now
          if (i > 0) expect(c.everInactive[h]).toBeGreaterThanOrEqual(r.history[i - 1].everInactive[h]);
        });
      });
    }
    // The stress bias shift puts some ReLU units on the flat side for every training example from step 0.
    expect(run(race, 'relu').history[0].inactive.reduce((a, b) => a + b)).toBeGreaterThan(0);
  });

  it('advances one chunk (one run, measureEvery steps) at a time, within a deadline and a chunk cap', () => {
    const race = createVariantsRace({ seed: 1, stress: false, seeds: 2, acts: ['relu', 'tanh'], maxSteps: 40 });
    expect(allRuns(race).map(measuredStep)).toEqual([-1, -1, -1, -1]); // creating a race measures nothing yet
    advanceVariantsRace(race, Infinity, 3);
    expect(allRuns(race).map(measuredStep)).toEqual([0, 0, 0, -1]); // a run's first chunk measures step 0
    expect(race.step).toBe(0);
    let t = 0;
    advanceVariantsRace(race, 2, 100, () => ++t); // the clock passes the deadline after two chunks
    expect(allRuns(race).map(measuredStep)).toEqual([20, 0, 0, 0]); // furthest behind first, in order
    advanceVariantsRace(race, Infinity, 3);
    expect(allRuns(race).map(measuredStep)).toEqual([20, 20, 20, 20]);
    expect(race.step).toBe(20);
    expect(advanceVariantsRace(race, Infinity)).toBe('done');
    expect(stepChunk(race)).toBe(false);
  });

  it('a diverging run stops with its finite history; the others finish', () => {
    const race = createVariantsRace({ seed: 1, stress: false, seeds: 1, acts: ['relu', 'elu'], maxSteps: 40 });
    run(race, 'elu').trainer.optimizer.lr = 1e4;
    toEnd(race);
    expect(run(race, 'elu').status).toBe('diverged');
    expect(run(race, 'relu').status).toBe('done');
    expect(race.status).toBe('done');
    for (const c of run(race, 'elu').history) expect(Number.isFinite(c.trainLoss)).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const a = toEnd(createVariantsRace({ seed: 8, stress: true, seeds: 1, acts: ['rrelu', 'prelu'], maxSteps: 40 }));
    const b = toEnd(createVariantsRace({ seed: 8, stress: true, seeds: 1, acts: ['rrelu', 'prelu'], maxSteps: 40 }));
    expect(allRuns(a).map((r) => r.history)).toEqual(allRuns(b).map((r) => r.history));
  });
});
