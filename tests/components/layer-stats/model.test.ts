import { describe, expect, it } from 'vitest';
import { createMlp, createRng, layerGradientNorms, spirals } from '../../../src/engine/index.ts';
import {
  BATCH,
  HISTOGRAM_BINS,
  INIT_FOR,
  MAX_DEPTH,
  STATS_ACTIVATIONS,
  layerStats,
  layerStatsColumn,
  normalizeLayerStatsSettings,
  statsData,
  type LayerStatsSettings,
} from '../../../components/layer-stats/model.ts';

const base: LayerStatsSettings = { depth: 4, width: 64, seed: 1, layer: 1, sigmoid: true };
const col = (s: ReturnType<typeof layerStats>, act: string) => {
  const c = s.columns.find((x) => x.act === act);
  if (!c) throw new Error(`no ${act} column`);
  return c;
};

describe('layer-stats model', () => {
  it('uses He init for the rectifiers and Xavier init for tanh and sigmoid (init "auto", the default)', () => {
    expect(INIT_FOR).toEqual({ relu: 'he-normal', leaky_relu: 'he-normal', prelu: 'he-normal', elu: 'he-normal', tanh: 'xavier-normal', sigmoid: 'xavier-normal' });
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
    const n = normalizeLayerStatsSettings({ ...base, depth: 99, layer: 99, acts: ['elu', 'relu', 'elu', 'swish' as 'elu'], init: 'lecun' as 'he' });
    expect([n.depth, n.layer, n.requestedLayer, n.acts, n.initChoice]).toEqual([MAX_DEPTH, MAX_DEPTH, MAX_DEPTH, ['elu', 'relu'], 'auto']);
  });

  it('reaches 24 hidden layers and shows the variants beside ReLU, tanh and sigmoid, in the order asked', () => {
    expect(MAX_DEPTH).toBeGreaterThanOrEqual(20);
    const s = layerStats({ ...base, depth: 20, width: 8, acts: STATS_ACTIVATIONS });
    expect(s.columns.map((c) => c.act)).toEqual(['relu', 'leaky_relu', 'prelu', 'elu', 'tanh', 'sigmoid']);
    for (const c of s.columns) {
      expect([c.gradNorms.length, c.zeroFractions.length, c.meanActivations.length]).toEqual([20, 20, 20]);
      expect(c.firstToLast).toBe(c.gradNorms[0] / c.gradNorms[19]);
      for (const g of c.gradNorms) expect(g).toBeGreaterThan(0);
    }
  });

  it('Leaky ReLU, PReLU and ELU have no exact zeros: their outputs are negative where ReLU’s are zero', () => {
    const s = layerStats({ ...base, acts: ['leaky_relu', 'prelu', 'elu'] });
    for (const c of s.columns) expect(c.zeroFractions).toEqual([0, 0, 0, 0]);
  });

  it('init "he" or "xavier" applies to every column; the weights come from the same stream', () => {
    const he = layerStats({ ...base, init: 'he', acts: ['relu', 'sigmoid'] });
    const xavier = layerStats({ ...base, init: 'xavier', acts: ['relu', 'sigmoid'] });
    expect(he.columns.map((c) => c.init)).toEqual(['he-normal', 'he-normal']);
    expect(xavier.columns.map((c) => c.init)).toEqual(['xavier-normal', 'xavier-normal']);
    expect(he.initChoice).toBe('he');
    // 'auto' picks each activation's own scheme: the same numbers as choosing that scheme for every column.
    expect(layerStats({ ...base, acts: ['relu'] }).columns[0]).toEqual(he.columns[0]);
    expect(layerStats({ ...base, acts: ['sigmoid'] }).columns[0]).toEqual(xavier.columns[1]);
  });

  it('one column on its own (a worker message each) is the same as in the whole', () => {
    const settings = { ...base, depth: 5, acts: ['elu', 'tanh'] as const };
    const whole = layerStats(settings);
    const setup = normalizeLayerStatsSettings(settings);
    expect(layerStatsColumn(setup, 'tanh')).toEqual(whole.columns[1]);
    expect(layerStatsColumn(setup, 'elu', statsData(setup.seed))).toEqual(whole.columns[0]);
  });
});
