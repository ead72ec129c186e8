import { describe, expect, it } from 'vitest';
import { createMlp, createRng, evaluateMlp, predictClasses, softmaxCrossEntropy, spirals } from '../../src/engine/index.ts';

describe('evaluateMlp', () => {
  it('chunked evaluation equals one big pass', () => {
    const data = spirals({ count: 101, rng: createRng(1) });
    const net = createMlp({ sizes: [2, 8, 3], activation: { name: 'relu' }, dropoutP: 0.5 }, { scheme: 'he-normal', rng: createRng(2) });
    const whole = evaluateMlp(net, data, 1000);
    const chunked = evaluateMlp(net, data, 7);
    expect(chunked.accuracy).toBe(whole.accuracy);
    expect(chunked.loss).toBeCloseTo(whole.loss, 12);
    expect(whole.loss).toBeCloseTo(softmaxCrossEntropy(net.forward(data.x).logits, data.labels).loss, 12);
    expect(predictClasses(net, data.x, 10)).toEqual(predictClasses(net, data.x, 500));
  });

  it('accuracy counts the examples whose largest logit is the label', () => {
    // One dense layer whose logits are (x₀, x₁): the predicted class is the larger coordinate.
    const net = createMlp({ sizes: [2, 2], hidden: [] }, { weights: [{ W: [[1, 0], [0, 1]], b: [0, 0] }] });
    const x = { rows: 4, cols: 2, data: Float64Array.of(1, 0, 0, 1, 2, 1, 1, 2) };
    expect(evaluateMlp(net, { x, labels: Int32Array.of(0, 1, 1, 1), classes: 2 }).accuracy).toBe(0.75);
    expect(Array.from(predictClasses(net, x))).toEqual([0, 1, 0, 1]);
  });
});
