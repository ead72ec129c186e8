import { describe, expect, it } from 'vitest';
import { defaultMaxLoss, preluSlopes } from '../../../src/engine/index.ts';
import { INITIAL_SLOPE, MAX_STEPS, blockMeans, createPreluRun, latestSlopes, stepRun, thin } from '../../../components/prelu-slopes/model.ts';

describe('prelu-slopes model', () => {
  it('starts every hidden layer’s slope series at 0.25 (He et al. 2015) at step 0', () => {
    const run = createPreluRun({ lr: 0.1, seed: 1 });
    expect(run.steps).toEqual([0]);
    expect(run.slopes).toEqual([[INITIAL_SLOPE], [INITIAL_SLOPE]]);
    expect(run.trainer.net.sizes).toEqual([2, 32, 32, 3]);
    expect(preluSlopes(run.trainer.net).map((s) => s.length)).toEqual([1, 1]); // one shared slope per layer
  });

  it('learns: after 300 steps both slopes have moved and each series has one entry per step', () => {
    const run = createPreluRun({ lr: 0.1, seed: 1 });
    expect(stepRun(run, 300)).toBe('more');
    expect(run.steps.length).toBe(301);
    expect(run.losses.length).toBe(300);
    for (const series of run.slopes) {
      expect(series.length).toBe(301);
      expect(series[0]).toBe(0.25);
      expect(Math.abs(series[300] - 0.25)).toBeGreaterThan(0.01);
    }
    // The recorded slope is the network's own.
    expect(latestSlopes(run)).toEqual(preluSlopes(run.trainer.net).map((s) => s[0]));
    // And training lowers the loss from about ln 3.
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(run.losses.slice(0, 20))).toBeGreaterThan(mean(run.losses.slice(-20)));
  });

  it('is reproducible for a seed', () => {
    const a = createPreluRun({ lr: 0.1, seed: 4 }), b = createPreluRun({ lr: 0.1, seed: 4 });
    stepRun(a, 50);
    stepRun(b, 50);
    expect(a.slopes).toEqual(b.slopes);
  });

  it('stops after MAX_STEPS with "done"', () => {
    const run = createPreluRun({ lr: 0.05, seed: 2 });
    expect(stepRun(run, MAX_STEPS + 10)).toBe('done');
    expect(run.trainer.stepCount).toBe(MAX_STEPS);
    expect(stepRun(run, 1)).toBe('done');
  });

  it('a learning rate far too large diverges; nothing non-finite is recorded', () => {
    const run = createPreluRun({ lr: 20, seed: 1 });
    expect(stepRun(run, 500)).toBe('diverged');
    expect(run.diverged).toBe(true);
    expect(stepRun(run, 1)).toBe('diverged');
    for (const series of run.slopes) expect(series.every(Number.isFinite)).toBe(true);
    expect(run.losses.every((l) => Number.isFinite(l) && l <= defaultMaxLoss(3))).toBe(true);
  });

  it('thins long series to at most max points, keeping the first and last', () => {
    const xs = Array.from({ length: 2001 }, (_, i) => i);
    const out = thin(xs, xs, 300);
    expect(out.xs.length).toBeLessThanOrEqual(301);
    expect(out.xs[0]).toBe(0);
    expect(out.xs.at(-1)).toBe(2000);
    expect(out.ys).toEqual(out.xs);
  });

  it('averages losses over blocks', () => {
    expect(blockMeans([1, 3, 5, 7], 2)).toEqual({ xs: [2, 4], ys: [2, 6] });
    expect(blockMeans([])).toEqual({ xs: [], ys: [] });
  });
});
