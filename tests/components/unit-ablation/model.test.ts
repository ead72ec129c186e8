import { describe, expect, it } from 'vitest';
import { createMlp, createRng, evaluateMlp, type Matrix } from '../../../src/engine/index.ts';
import {
  ABLATION,
  ablatedAccuracy,
  ablationProgress,
  advanceAblation,
  createAblation,
  dropoutFreeTwin,
  meanAbsCorrelation,
  startCorrelation,
  advanceCorrelation,
  correlationResult,
  summarizeLayer,
  workUnit,
  type Ablation,
} from '../../../components/unit-ablation/model.ts';

function run(state: Ablation): Ablation {
  while (state.phase === 'training' || state.phase === 'ablating') workUnit(state);
  return state;
}

/** Reference: zero the unit's activation by hand in an evaluation-mode forward pass of the ORIGINAL net. */
function accuracyWithUnitZeroed(net: ReturnType<typeof createMlp>, x: Matrix, labels: Int32Array, layer: number, unit: number): number {
  // Silencing unit j of hidden layer h is the same as zeroing row j of the next layer's weights.
  const W = net.layers[layer + 1].W;
  const saved = W.data.slice(unit * W.cols, (unit + 1) * W.cols);
  W.data.fill(0, unit * W.cols, (unit + 1) * W.cols);
  const accuracy = evaluateMlp(net, { x, labels, classes: 3 }).accuracy;
  W.data.set(saved, unit * W.cols);
  return accuracy;
}

describe('unit-ablation model', { timeout: 60_000 }, () => {
  it('starts both nets from the same weights; only the second has dropout', () => {
    const s = createAblation({ p: 0.5, lr: 0.1, seed: 1 });
    expect(s.lanes[0].trainer.net.exportWeights()).toEqual(s.lanes[1].trainer.net.exportWeights());
    expect(s.lanes[0].trainer.net.exportWeights()).toEqual(s.initialWeights);
    expect(s.lanes[1].trainer.net.config.hidden.map((h) => h.dropoutP)).toEqual([0.5, 0.5]);
  });

  it('silencing a unit equals a forward pass with that unit’s mask = 0, and zeroing its outgoing weights', () => {
    const rng = createRng(9);
    const net = createMlp({ sizes: [2, 6, 5, 3], activation: { name: 'relu' }, dropoutP: 0.5 }, { scheme: 'he-normal', rng: rng.fork('init') });
    const rows = 300;
    const x: Matrix = { rows, cols: 2, data: Float64Array.from({ length: rows * 2 }, () => rng.uniform(-1, 1)) };
    const labels = Int32Array.from({ length: rows }, () => rng.integer(3));
    const probe = dropoutFreeTwin(net);
    for (const [layer, unit] of [[0, 0], [0, 5], [1, 2], [1, 4]]) {
      // A mask of ones except the unit, on the dropout-free twin (chunks of 128 rows).
      const viaMask = ablatedAccuracy(probe, { x, labels, classes: 3 }, layer, unit, 128);
      const mask = new Float64Array(rows * probe.sizes[layer + 1]).fill(1);
      for (let r = 0; r < rows; r++) mask[r * probe.sizes[layer + 1] + unit] = 0;
      const { logits, hidden } = probe.forward(x, { training: true, masks: layer === 0 ? [mask, null] : [null, mask] });
      for (let r = 0; r < rows; r++) expect(hidden[layer].data[r * probe.sizes[layer + 1] + unit]).toBe(0);
      let correct = 0;
      for (let r = 0; r < rows; r++) {
        const row = Array.from(logits.data.subarray(r * 3, r * 3 + 3));
        if (row.indexOf(Math.max(...row)) === labels[r]) correct++;
      }
      expect(viaMask).toBe(correct / rows);
      expect(viaMask).toBe(accuracyWithUnitZeroed(net, x, labels, layer, unit));
    }
    // With nothing silenced the twin IS the evaluation-mode net.
    expect(evaluateMlp(probe, { x, labels, classes: 3 })).toEqual(evaluateMlp(net, { x, labels, classes: 3 }));
    expect(() => ablatedAccuracy(probe, { x, labels, classes: 3 }, 0, 6)).toThrow(RangeError);
  });

  it('mean |correlation| ignores constant (dead) units and is 1 for perfectly (anti-)correlated ones', () => {
    const a: Matrix = { rows: 4, cols: 3, data: Float64Array.from([1, -2, 0, 2, -4, 0, 3, -6, 0, 4, -8, 0]) };
    expect(meanAbsCorrelation(a)).toEqual({ value: 1, active: 2 });
    const b: Matrix = { rows: 4, cols: 2, data: Float64Array.from([1, 1, -1, 1, 1, -1, -1, -1]) };
    expect(meanAbsCorrelation(b).value).toBeCloseTo(0, 12);
  });

  it('correlates a layer a slice of pairs at a time, to the same mean as all at once', () => {
    const rng = createRng(5);
    const a: Matrix = { rows: 50, cols: 7, data: Float64Array.from({ length: 350 }, (_, i) => (i % 7 === 3 ? 1 : Math.max(0, rng.normal()))) };
    const job = startCorrelation(a);
    let slices = 1;
    while (!advanceCorrelation(job, 100)) slices++;
    expect(slices).toBe(5); // 6 active columns: pairs of u = 0 … 4, one u per slice of at most 100 products
    expect(job.pairs).toBe(15);
    const whole = meanAbsCorrelation(a);
    expect(whole.active).toBe(6);
    expect(correlationResult(job).value).toBeCloseTo(whole.value, 12);
  });

  it('trains, then measures every unit of both nets; drops are base minus ablated accuracy', () => {
    const s = run(createAblation({ p: 0.5, lr: 0.1, seed: 2, maxSteps: 200 }));
    expect(s.phase).toBe('done');
    expect(ablationProgress(s)).toEqual({ done: 128, total: 128 });
    for (const lane of s.lanes) {
      expect(lane.baseAccuracy).toBe(evaluateMlp(lane.trainer.net, s.test).accuracy);
      const probe = lane.probe!;
      expect(lane.drops[1][7]).toBeCloseTo(lane.baseAccuracy - ablatedAccuracy(probe, s.test, 1, 7), 12);
      for (const h of [0, 1]) {
        const summary = summarizeLayer(lane, h);
        expect(summary.measured).toBe(32);
        expect(summary.maxDrop).toBe(Math.max(...lane.drops[h]));
        expect(summary.significant).toBe(Array.from(lane.drops[h]).filter((d) => d > ABLATION.significant).length);
        expect(summary.sorted).toEqual([...summary.sorted].sort((x, y) => y - x));
        expect(Number.isFinite(summary.correlation)).toBe(true);
      }
    }
  });

  it('is deterministic for a seed', () => {
    const a = run(createAblation({ p: 0.5, lr: 0.1, seed: 3, maxSteps: 100 }));
    const b = run(createAblation({ p: 0.5, lr: 0.1, seed: 3, maxSteps: 100 }));
    expect(a.lanes.map((l) => Array.from(l.drops[0]))).toEqual(b.lanes.map((l) => Array.from(l.drops[0])));
  });

  it('stops as diverged at a huge learning rate', () => {
    const s = run(createAblation({ p: 0.5, lr: 20, seed: 1 }));
    expect(s.phase).toBe('diverged');
    expect(s.lanes.every((l) => l.trainLoss.every(Number.isFinite))).toBe(true);
  });

  it('advances within a deadline', () => {
    const s = createAblation({ p: 0.5, lr: 0.1, seed: 1, maxSteps: 100 });
    let t = 0;
    advanceAblation(s, 4, () => ++t); // four units: each net takes one single step, twice
    expect(s.step).toBe(2);
    while (s.step < ABLATION.trainChunk) advanceAblation(s, 0);
    t = 0;
    advanceAblation(s, 2, () => ++t); // then chunks of trainChunk steps per net
    expect(s.step).toBe(2 * ABLATION.trainChunk);
  });

  it('with the defaults (seed 1), no unit of the dropout net costs as much as the worst unit without dropout', () => {
    const s = run(createAblation({ p: 0.5, lr: 0.1, seed: 1 }));
    for (const h of [0, 1]) expect(summarizeLayer(s.lanes[1], h).maxDrop).toBeLessThan(summarizeLayer(s.lanes[0], h).maxDrop);
  }, 60_000);
});
