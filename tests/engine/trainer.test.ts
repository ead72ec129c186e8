import { describe, expect, it } from 'vitest';
import { type MlpConfig, blobs, createMlp, createRng, createTrainer, defaultMaxLoss, spirals } from '../../src/engine/index.ts';

const config: MlpConfig = { sizes: [2, 16, 16, 3], activation: { name: 'relu' }, dropoutP: 0.2 };
const data = blobs({ count: 300, classes: 3, noise: 0.15, rng: createRng('blobs') });

describe('trainer', () => {
  it('learns separable blobs: loss falls and accuracy rises', () => {
    const trainer = createTrainer({ config, data, batchSize: 32, lr: 0.1, seed: 1 });
    const before = trainer.evaluate();
    const losses = trainer.step(300);
    expect(losses).toHaveLength(300);
    expect(trainer.stepCount).toBe(300);
    const after = trainer.evaluate();
    expect(after.loss).toBeLessThan(before.loss / 3);
    expect(after.accuracy).toBeGreaterThan(0.95);
    expect(trainer.lastLoss).toBe(losses[losses.length - 1]);
  });

  it('is deterministic: same seed, same losses; another seed, other losses; reset replays from step 0', () => {
    const a = createTrainer({ config, data, batchSize: 16, lr: 0.05, momentum: 0.9, seed: 'x' });
    const b = createTrainer({ config, data, batchSize: 16, lr: 0.05, momentum: 0.9, seed: 'x' });
    const c = createTrainer({ config, data, batchSize: 16, lr: 0.05, momentum: 0.9, seed: 'y' });
    const first = a.step(40);
    expect(b.step(25).concat(b.step(15))).toEqual(first); // stepping in chunks changes nothing
    expect(c.step(40)).not.toEqual(first);
    a.reset();
    expect(a.stepCount).toBe(0);
    expect(a.step(40)).toEqual(first);
  });

  it('reports divergence instead of producing NaN, stops stepping, and recovers on reset', () => {
    const trainer = createTrainer({ config, data, batchSize: 32, lr: 1e200, seed: 3 });
    const losses = trainer.step(20);
    expect(trainer.state).toBe('diverged');
    expect(losses.length).toBeLessThan(20);
    expect(losses.every(Number.isFinite)).toBe(true);
    const count = trainer.stepCount;
    expect(trainer.step(5)).toEqual([]);
    expect(trainer.stepCount).toBe(count);
    trainer.reset();
    expect(trainer.state).toBe('ready');
    trainer.optimizer.lr = 0.05;
    expect(trainer.step(3).every(Number.isFinite)).toBe(true);
  });

  it('counts a finite loss above maxLoss (default 10·ln(classes)) as divergence, as a too-large learning rate gives', () => {
    expect(defaultMaxLoss(3)).toBeCloseTo(10 * Math.log(3), 12);
    const diverging = createTrainer({ config, data, batchSize: 32, lr: 20, seed: 3 });
    const losses = diverging.step(200);
    expect(diverging.state).toBe('diverged');
    expect(losses.every((l) => Number.isFinite(l) && l <= defaultMaxLoss(data.classes))).toBe(true);
    expect(diverging.lastLoss).toBeGreaterThan(defaultMaxLoss(data.classes));
    const sane = createTrainer({ config, data, batchSize: 32, lr: 0.1, seed: 3 });
    sane.step(200);
    expect(sane.state).toBe('ready');
    expect(() => createTrainer({ config, data, batchSize: 32, lr: 0.1, seed: 3, maxLoss: 0 })).toThrow(RangeError);
  });

  it('takes an existing net and restores its parameters on reset; evaluates other data', () => {
    const net = createMlp(config, { scheme: 'he-normal', rng: createRng(4) });
    const initial = net.exportWeights();
    const trainer = createTrainer({ net, data, batchSize: 10, lr: 0.1, seed: 4 });
    trainer.step(10);
    expect(net.exportWeights()).not.toEqual(initial);
    trainer.reset();
    expect(net.exportWeights()).toEqual(initial);
    const test = blobs({ count: 30, classes: 3, noise: 0.15, rng: createRng('test') });
    const { accuracy } = trainer.evaluate(test);
    expect(accuracy).toBeGreaterThanOrEqual(0);
    expect(accuracy).toBeLessThanOrEqual(1);
  });

  it('rejects bad options with the valid range in the message', () => {
    expect(() => createTrainer({ config, data, batchSize: 0, lr: 0.1, seed: 1 })).toThrow(/batchSize must be an integer in \[1, 300\]/);
    expect(() => createTrainer({ config, data, batchSize: 8, lr: -1, seed: 1 })).toThrow(/lr must be in/);
    expect(() => createTrainer({ data, batchSize: 8, lr: 0.1, seed: 1 })).toThrow(/exactly one of net or config/);
    const fourClasses = spirals({ count: 40, classes: 4, rng: createRng(1) });
    expect(() => createTrainer({ config, data: fourClasses, batchSize: 8, lr: 0.1, seed: 1 })).toThrow(/4 classes/);
    const trainer = createTrainer({ config, data, batchSize: 8, lr: 0.1, seed: 1 });
    expect(() => trainer.step(-1)).toThrow(RangeError);
  });
});
