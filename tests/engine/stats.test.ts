import { describe, expect, it } from 'vitest';
import {
  createMlp,
  createRng,
  deadUnits,
  fractionOfExactZeros,
  gradientNorm,
  hiddenLayerStatistics,
  histogram,
  inactiveUnits,
  layerGradientNorms,
  matrixFromRows,
  meanActivation,
  preluSlopes,
  spirals,
} from '../../src/engine/index.ts';

describe('statistics', () => {
  it('fractionOfExactZeros counts +0 and −0 but not tiny numbers', () => {
    expect(fractionOfExactZeros(Float64Array.of(0, -0, 1e-300, 2))).toBe(0.5);
    expect(fractionOfExactZeros(new Float64Array(0))).toBe(0);
  });

  it('meanActivation and gradientNorm', () => {
    expect(meanActivation(Float64Array.of(1, 2, 3, 6))).toBe(3);
    expect(gradientNorm(Float64Array.of(3, -4))).toBe(5);
  });

  it('histogram: equal bins over [min, max], max in the last bin, outliers counted apart', () => {
    const h = histogram(Float64Array.of(0, 0.1, 0.5, 0.99, 1, -1, 2, 0.25), { bins: 4, min: 0, max: 1 });
    expect(Array.from(h.edges)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(h.counts)).toEqual([2, 1, 1, 2]);
    expect([h.below, h.above]).toEqual([1, 1]);
    expect(() => histogram(Float64Array.of(1), { bins: 0, min: 0, max: 1 })).toThrow(RangeError);
    expect(() => histogram(Float64Array.of(1), { bins: 2, min: 1, max: 1 })).toThrow(/min < max/);
  });

  it('deadUnits: columns that are zero for every row', () => {
    const a = matrixFromRows([[0, 1, 0, 0], [0, 0, -0, 2], [0, 3, 0, 0]]);
    expect(Array.from(deadUnits(a))).toEqual([0, 2]);
  });

  it('inactiveUnits: columns with no positive pre-activation (z ≤ 0 for every row, −0 and 0 included)', () => {
    const z = matrixFromRows([[0, 1, -2, -1e-300], [-0, -1, -3, 1e-300], [-5, -2, 0, -1]]);
    expect(Array.from(inactiveUnits(z))).toEqual([0, 2]);
    expect(Array.from(inactiveUnits(matrixFromRows([[]])))).toEqual([]);
    expect(() => inactiveUnits({ rows: 1, cols: 1, data: Float64Array.of(Number.NaN) })).toThrow(RangeError);
  });

  it('inactive ReLU units are exactly the dead ones, and get no gradient; inactive leaky units still do', () => {
    const data = spirals({ count: 120, classes: 3, rng: createRng('inactive data') });
    const relu = createMlp({ sizes: [2, 16, 3], activation: { name: 'relu' } }, { scheme: 'he-normal', rng: createRng(2) });
    // Push every unit's bias down so that some are on the z ≤ 0 side for all the data; same weights for both nets.
    const weights = relu.exportWeights().map((l, i) => ({ W: l.W, b: l.b.map((b) => (i === 0 ? b - 1 : b)) }));
    for (const name of ['relu', 'leaky_relu'] as const) {
      const net = createMlp({ sizes: [2, 16, 3], activation: { name } }, { weights });
      const pass = net.forward(data.x);
      const inactive = Array.from(inactiveUnits(pass.preActivations[0]));
      expect(inactive.length).toBeGreaterThan(0);
      if (name === 'relu') expect(Array.from(deadUnits(pass.hidden[0]))).toEqual(inactive);
      else expect(deadUnits(pass.hidden[0]).length).toBe(0); // negative outputs, not zeros
      net.computeGradients(data.x, data.labels, { training: false });
      const { dW, db } = net.layers[0];
      for (const j of inactive) {
        const incoming = [db[j], ...Array.from({ length: dW.rows }, (_, k) => dW.data[k * dW.cols + j])];
        if (name === 'relu') expect(incoming.every((g) => g === 0)).toBe(true);
        else expect(incoming.some((g) => g !== 0)).toBe(true);
      }
    }
  });

  it('a ReLU net at He initialisation has about half exact zeros (Glorot et al. 2011); tanh has none', () => {
    const data = spirals({ count: 400, classes: 3, rng: createRng('stats data') });
    const options = { bins: 10, min: 0, max: 3 };
    const reluNet = createMlp({ sizes: [2, 64, 64, 3], activation: { name: 'relu' } }, { scheme: 'he-normal', rng: createRng(1) });
    const stats = hiddenLayerStatistics(reluNet, data.x, options);
    expect(stats).toHaveLength(2);
    for (const s of stats) {
      expect(s.fractionOfExactZeros).toBeGreaterThan(0.3);
      expect(s.fractionOfExactZeros).toBeLessThan(0.7);
      expect(s.meanActivation).toBeGreaterThan(0);
      expect(s.histogram.counts.reduce((a, b) => a + b, 0) + s.histogram.below + s.histogram.above).toBe(400 * 64);
      expect(s.preluSlopes.length).toBe(0);
    }
    const tanhNet = createMlp({ sizes: [2, 64, 3], activation: { name: 'tanh' } }, { scheme: 'xavier-normal', rng: createRng(1) });
    expect(hiddenLayerStatistics(tanhNet, data.x, options)[0].fractionOfExactZeros).toBe(0);
    const dropped = hiddenLayerStatistics(reluNet, data.x, options, { training: true, rng: createRng(2) });
    expect(dropped[0].fractionOfExactZeros).toBe(stats[0].fractionOfExactZeros); // p = 0 in this net
  });

  it('dead units appear when a bias pushes a unit below zero everywhere', () => {
    const net = createMlp({ sizes: [2, 4, 2], activation: { name: 'relu' } }, { scheme: 'he-normal', rng: createRng(3) });
    net.layers[0].b[2] = -1000;
    const x = spirals({ count: 50, rng: createRng(4) }).x;
    expect(Array.from(hiddenLayerStatistics(net, x, { bins: 2, min: 0, max: 1 })[0].deadUnits)).toContain(2);
  });

  it('layer gradient norms and PReLU slopes per hidden layer', () => {
    const net = createMlp({ sizes: [2, 4, 4, 2], activation: { name: 'prelu' } }, { scheme: 'he-normal', rng: createRng(5) });
    const data = spirals({ count: 8, classes: 2, rng: createRng(6) });
    net.computeGradients(data.x, data.labels, { training: false });
    const norms = layerGradientNorms(net);
    expect(norms).toHaveLength(3);
    expect(norms[2]).toBeCloseTo(Math.hypot(gradientNorm(net.layers[2].dW.data), gradientNorm(net.layers[2].db)), 15);
    expect(preluSlopes(net).map((s) => Array.from(s))).toEqual([[0.25], [0.25]]);
  });
});
