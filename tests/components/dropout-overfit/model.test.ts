import { describe, expect, it } from 'vitest';
import { createRng, generateDataset, predictClasses } from '../../../src/engine/index.ts';
import { OVERFIT, advanceOverfit, createOverfit, gridMatrix, prepareOverfit, summarize, withLabelNoise, workUnit, type Overfit } from '../../../components/dropout-overfit/model.ts';

const defaults = { dataset: 'spirals' as const, labelNoise: 0.1, p: 0.5, lr: 0.1, seed: 1 };

function run(state: Overfit): Overfit {
  while (state.status === 'ready') workUnit(state);
  return state;
}

describe('dropout-overfit model', { timeout: 60_000 }, () => {
  it('starts both nets from the same weights; only the second has dropout', () => {
    const s = createOverfit(defaults);
    const [plain, dropped] = s.lanes;
    expect(plain.trainer.net.exportWeights()).toEqual(dropped.trainer.net.exportWeights());
    expect(plain.trainer.net.exportWeights()).toEqual(s.initialWeights);
    expect(plain.trainer.net.config.hidden.map((h) => h.dropoutP)).toEqual([0, 0]);
    expect(dropped.trainer.net.config.hidden.map((h) => h.dropoutP)).toEqual([0.5, 0.5]);
    expect(plain.trainer.net.sizes).toEqual([2, 64, 64, 3]);
    expect(s.train.x.rows).toBe(OVERFIT.trainCount);
    expect(s.test.x.rows).toBe(OVERFIT.testCount);
  });

  it('with p = 0 the two nets train identically (same minibatches)', () => {
    const s = run(createOverfit({ ...defaults, p: 0, maxSteps: 60 }));
    expect(s.lanes[0].trainer.net.exportWeights()).toEqual(s.lanes[1].trainer.net.exportWeights());
    expect(s.lanes[0].history).toEqual(s.lanes[1].history);
  });

  it('flips about the requested fraction of labels, always to another class', () => {
    const data = generateDataset({ name: 'spirals', count: 4000, noise: 0.05 }, createRng(1));
    const noisy = withLabelNoise(data, 0.2, createRng(2));
    let flipped = 0;
    for (let i = 0; i < data.labels.length; i++) if (noisy.labels[i] !== data.labels[i]) flipped++;
    expect(flipped / data.labels.length).toBeGreaterThan(0.18);
    expect(flipped / data.labels.length).toBeLessThan(0.22);
    expect(withLabelNoise(data, 0, createRng(2)).labels).toEqual(data.labels);
    expect(noisy.x).toBe(data.x);
  });

  it('records losses and errors at the evaluation steps, and the gap is test minus training error', () => {
    const s = run(createOverfit({ ...defaults, maxSteps: 100 }));
    expect(s.status).toBe('done');
    for (const lane of s.lanes) {
      expect(lane.history.steps).toEqual([0, 25, 50, 75, 100]);
      for (const key of ['trainLoss', 'testLoss', 'trainError', 'testError'] as const) expect(lane.history[key].every(Number.isFinite)).toBe(true);
      expect(lane.history.trainError.at(-1)).toBeCloseTo(1 - lane.trainer.evaluate(s.train).accuracy, 12);
      expect(lane.history.testLoss.at(-1)).toBeCloseTo(lane.trainer.evaluate(s.test).loss, 12);
      expect(lane.map?.step).toBe(100);
    }
    for (const l of summarize(s)) expect(l.gap).toBeCloseTo(l.testError - l.trainError, 12);
  });

  it('decision maps equal the nets’ predictions on the grid, computed a dozen rows at a time', () => {
    const s = run(createOverfit({ ...defaults, maxSteps: 50 }));
    const grid = gridMatrix(OVERFIT.resolution, OVERFIT.extent);
    // Row 0 is the top of the map (largest y).
    expect(grid.data[1]).toBeGreaterThan(grid.data[grid.data.length - 1]);
    for (const lane of s.lanes) {
      const { logits } = lane.trainer.net.forward(grid);
      const expected = Int32Array.from({ length: grid.rows }, (_, i) => {
        const row = Array.from(logits.data.subarray(i * logits.cols, (i + 1) * logits.cols));
        return row.indexOf(Math.max(...row));
      });
      expect(lane.map?.predictions).toEqual(expected);
    }
  });

  it('is deterministic for a seed', () => {
    const a = run(createOverfit({ ...defaults, maxSteps: 75 }));
    const b = run(createOverfit({ ...defaults, maxSteps: 75 }));
    expect(summarize(a)).toEqual(summarize(b));
  });

  it('stops as diverged at a huge learning rate with only finite numbers recorded', () => {
    const s = run(createOverfit({ ...defaults, lr: 20 }));
    expect(s.status).toBe('diverged');
    expect(s.step).toBeLessThan(50);
    for (const lane of s.lanes) for (const v of Object.values(lane.history).flat()) expect(Number.isFinite(v)).toBe(true);
  });

  it('computes the maps before training a few rows at a time, without training', () => {
    const s = createOverfit({ ...defaults, maxSteps: 100 });
    expect(s.lanes.map((lane) => lane.map)).toEqual([null, null]);
    let t = 0;
    expect(prepareOverfit(s, 3, () => ++t)).toBe(false); // three units: three chunks of rows
    expect(s.mapJob?.row).toBe(3 * OVERFIT.mapRowsPerChunk);
    while (!prepareOverfit(s, Infinity));
    expect(s.step).toBe(0);
    for (const lane of s.lanes) {
      expect(lane.map?.step).toBe(0);
      expect(lane.map?.predictions).toEqual(predictClasses(lane.trainer.net, s.grid));
    }
  });

  it('advances within a deadline', () => {
    const s = createOverfit({ ...defaults, maxSteps: 100 });
    while (!prepareOverfit(s, Infinity));
    let t = 0;
    advanceOverfit(s, 4, () => ++t); // four units: each net takes one single step, twice
    expect(s.step).toBe(2);
    t = 0;
    while (s.step < OVERFIT.trainChunk) advanceOverfit(s, 1, () => ++t);
    t = 0;
    advanceOverfit(s, 2, () => ++t); // then chunks of trainChunk steps per net
    expect(s.step).toBe(2 * OVERFIT.trainChunk);
  });

  it('with the defaults (seed 1), dropout lowers the test loss and the generalisation gap', () => {
    const s = run(createOverfit(defaults));
    const [plain, dropped] = summarize(s);
    expect(s.step).toBe(OVERFIT.maxSteps);
    expect(dropped.testLoss).toBeLessThan(plain.testLoss);
    expect(dropped.gap).toBeLessThan(plain.gap);
  }, 60_000);
});
