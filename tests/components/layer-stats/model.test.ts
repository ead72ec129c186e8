import { describe, expect, it } from 'vitest';
import { createMlp, createRng, layerGradientNorms, spirals } from '../../../src/engine/index.ts';
import { BATCH, HISTOGRAM_BINS, INIT_FOR, layerStats, type LayerStatsSettings } from '../../../components/layer-stats/model.ts';

const base: LayerStatsSettings = { depth: 4, width: 64, seed: 1, layer: 1, sigmoid: true };
const col = (s: ReturnType<typeof layerStats>, act: string) => {
  const c = s.columns.find((x) => x.act === act);
  if (!c) throw new Error(`no ${act} column`);
  return c;
};

describe('layer-stats model', () => {
  it('uses He init for ReLU and Xavier init for tanh and sigmoid', () => {
    expect(INIT_FOR).toEqual({ relu: 'he-normal', tanh: 'xavier-normal', sigmoid: 'xavier-normal' });
    const s = layerStats(base);
    expect(s.columns.map((c) => [c.act, c.init])).toEqual([['relu', 'he-normal'], ['tanh', 'xavier-normal'], ['sigmoid', 'xavier-normal']]);
    expect(s.batch).toBe(BATCH);
  });

  it('shows sigmoid only when asked', () => {
    expect(layerStats({ ...base, sigmoid: false }).columns.map((c) => c.act)).toEqual(['relu', 'tanh']);
  });

  it('tanh and sigmoid activations have no exact zeros', () => {
    const s = layerStats(base);
    expect(col(s, 'tanh').zeroFractions).toEqual([0, 0, 0, 0]);
    expect(col(s, 'sigmoid').zeroFractions).toEqual([0, 0, 0, 0]);
  });

  it('ReLU at init zeroes about half of the activations (Glorot et al. 2011): within 0.5 ± 0.12 per layer, width 64', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const relu = col(layerStats({ ...base, depth: 6, seed, sigmoid: false }), 'relu');
      for (const f of relu.zeroFractions) expect(Math.abs(f - 0.5)).toBeLessThan(0.12);
      const mean = relu.zeroFractions.reduce((a, b) => a + b, 0) / relu.zeroFractions.length;
      expect(Math.abs(mean - 0.5)).toBeLessThan(0.06);
    }
  });

  it('gradient norms are the engine’s layerGradientNorms of the same net, one per hidden layer', () => {
    const s = layerStats({ ...base, depth: 3, width: 16, seed: 7 });
    const root = createRng(7);
    const data = spirals({ count: BATCH, rng: createRng(7).fork('data') });
    const net = createMlp({ sizes: [2, 16, 16, 16, 3], activation: { name: 'tanh' } }, { scheme: 'xavier-normal', rng: root.fork('init') });
    net.computeGradients(data.x, data.labels, { training: false });
    expect(col(s, 'tanh').gradNorms).toEqual(Array.from(layerGradientNorms(net).subarray(0, 3)));
  });

  it('sigmoid gradients vanish towards the input: layer 1 gets far less than layer 6', () => {
    const sig = col(layerStats({ ...base, depth: 6 }), 'sigmoid');
    expect(sig.gradNorms.length).toBe(6);
    expect(sig.gradNorms[0] / sig.gradNorms[5]).toBeLessThan(0.01);
    for (const g of sig.gradNorms) expect(g).toBeGreaterThan(0);
  });

  it('histogram of the chosen layer: bins cover its range and shares add up to 1', () => {
    const s = layerStats({ ...base, layer: 3 });
    for (const c of s.columns) {
      expect(c.histogram.length).toBe(HISTOGRAM_BINS);
      expect(c.histogram.reduce((t, b) => t + b.share, 0)).toBeCloseTo(1, 12);
      for (const b of c.histogram) expect(b.x1).toBeGreaterThan(b.x0);
    }
    expect(col(s, 'relu').histogram[0].x0).toBe(0); // ReLU's smallest value is an exact zero
    expect(col(s, 'relu').histogram[0].share).toBeGreaterThanOrEqual(col(s, 'relu').zeroFractions[2]);
  });

  it('clamps the histogram layer to the depth and remembers what was asked', () => {
    const s = layerStats({ ...base, depth: 2, layer: 5 });
    expect([s.layer, s.requestedLayer]).toEqual([2, 5]);
  });

  it('is deterministic for a seed and changes with it', () => {
    const a = layerStats(base), b = layerStats(base), c = layerStats({ ...base, seed: 2 });
    expect(a).toEqual(b);
    expect(col(c, 'relu').gradNorms).not.toEqual(col(a, 'relu').gradNorms);
  });

  it('never throws on odd settings (clamped to the table ranges)', () => {
    const s = layerStats({ depth: Number.NaN, width: 1e9, seed: -5, layer: 0, sigmoid: false });
    expect([s.depth, s.width, s.seed, s.layer]).toEqual([2, 128, 0, 1]);
  });
});
