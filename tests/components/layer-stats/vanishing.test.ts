// How deep can each activation go before its gradient vanishes, at initialisation (one backward pass on the widget's
// 256 spiral points, width 32, the widget's default)? Measured (seeds 1–3): only sigmoid falls below 10⁻⁶ within 24
// hidden layers, at 10–11 layers with Xavier init and 12–13 with He init; ReLU, Leaky ReLU, PReLU and ELU with He
// init, and tanh with either init, never do.
import { describe, expect, it } from 'vitest';
import { initVariance } from '../../../src/engine/index.ts';
import { MAX_DEPTH, initialNet, layerStats } from '../../../components/layer-stats/model.ts';
import { describeVanishing } from '../../../components/layer-stats/describe.ts';
import { VANISHING_THRESHOLD, createVanishingScan, gradientRatio, stepVanishingScan, vanishingDepth } from '../../../components/layer-stats/vanishing.ts';

const width = 32;

describe('vanishing depth', { timeout: 60_000 }, () => {
  it('the ratio at depth d is the widget’s layer-1 / layer-d gradient norm at that depth', () => {
    const s = layerStats({ depth: 7, width, seed: 2, layer: 1, acts: ['elu'], init: 'xavier' });
    expect(gradientRatio('elu', 'xavier-normal', 7, width, 2)).toBe(s.columns[0].firstToLast);
  });

  it('He and Xavier draw the same numbers, scaled by their standard deviations', () => {
    const he = initialNet('tanh', 'he-normal', 3, width, 4).exportWeights();
    const xavier = initialNet('tanh', 'xavier-normal', 3, width, 4).exportWeights();
    he.forEach((layer, l) => {
      const fanIn = layer.W.length, fanOut = layer.W[0].length;
      const scale = Math.sqrt(initVariance('xavier-normal', fanIn, fanOut) / initVariance('he-normal', fanIn, fanOut));
      layer.W.forEach((row, i) => row.forEach((w, j) => expect(xavier[l].W[i][j]).toBeCloseTo(w * scale, 12)));
    });
  });

  it('reports the smallest depth below the threshold, scanning one depth per step', () => {
    const scan = createVanishingScan({ act: 'sigmoid', init: 'xavier-normal', width, seed: 1 });
    let steps = 0;
    while (!stepVanishingScan(scan)) steps++;
    expect(scan.depth).not.toBeNull();
    const d = scan.depth as number;
    expect(steps + 1).toBe(d);
    expect(scan.ratios.length).toBe(d);
    expect(scan.ratios[d - 1]).toBeLessThan(VANISHING_THRESHOLD);
    for (const r of scan.ratios.slice(0, d - 1)) expect(r).toBeGreaterThanOrEqual(VANISHING_THRESHOLD);
    expect(stepVanishingScan(scan)).toBe(true); // done stays done
    expect(scan.ratios.length).toBe(d);
  });

  it('sigmoid’s gradient vanishes within 24 layers with either init; He init (larger weights) delays it', () => {
    for (const seed of [1, 2]) {
      const xavier = vanishingDepth({ act: 'sigmoid', init: 'xavier-normal', width, seed });
      const he = vanishingDepth({ act: 'sigmoid', init: 'he-normal', width, seed });
      expect(xavier.depth).not.toBeNull();
      expect(he.depth).not.toBeNull();
      expect(he.depth as number).toBeGreaterThan(xavier.depth as number);
    }
  });

  it('ReLU with He init and tanh with Xavier init keep their gradient through 24 layers; ReLU with Xavier loses 2+ orders', () => {
    const reluHe = vanishingDepth({ act: 'relu', init: 'he-normal', width, seed: 1 });
    const tanhXavier = vanishingDepth({ act: 'tanh', init: 'xavier-normal', width, seed: 1 });
    for (const scan of [reluHe, tanhXavier]) {
      expect(scan.depth).toBeNull();
      expect(scan.ratios.length).toBe(MAX_DEPTH);
      for (const r of scan.ratios) expect(r).toBeGreaterThan(0.1); // within one order of magnitude at every depth
    }
    // Xavier's variance 2 / (n + n) = 1 / n halves ReLU's signal each layer (He's 2 / n makes up for the zeros).
    const reluXavierAt24 = gradientRatio('relu', 'xavier-normal', MAX_DEPTH, width, 1);
    expect(Math.log10(reluHe.ratios[MAX_DEPTH - 1] / reluXavierAt24)).toBeGreaterThan(2);
  });

  it('careful initialisation rescues tanh: with σ = 0.01 its gradient vanishes within 10 layers, with Xavier it holds', () => {
    for (const seed of [1, 2]) {
      const small = vanishingDepth({ act: 'tanh', init: 'small-normal', width, seed });
      const xavier = vanishingDepth({ act: 'tanh', init: 'xavier-normal', width, seed });
      expect(small.depth).not.toBeNull();
      expect(small.depth as number).toBeLessThanOrEqual(10);
      expect(xavier.depth).toBeNull();
      // ReLU is no safer with the fixed small scale: its gradient vanishes at least as early.
      expect(vanishingDepth({ act: 'relu', init: 'small-normal', width, seed }).depth as number).toBeLessThanOrEqual(small.depth as number);
    }
  });

  it('at depth 20, sigmoid with Xavier init gets 10+ orders of magnitude less first-layer gradient than ReLU with He', () => {
    // Measured 12.0–12.2 orders (seeds 1–3): about 1e−13 against about 0.1.
    for (const seed of [1, 2, 3]) {
      const first = (act: 'relu' | 'sigmoid', init: 'he' | 'xavier'): number => layerStats({ depth: 20, width, seed, layer: 1, acts: [act], init }).columns[0].gradNorms[0];
      expect(Math.log10(first('relu', 'he') / first('sigmoid', 'xavier'))).toBeGreaterThan(10);
    }
  });

  it('describes each scan in words: the depth found, or the ratio where the scan stopped', () => {
    const found = vanishingDepth({ act: 'sigmoid', init: 'xavier-normal', width: 8, seed: 1, maxDepth: 24 });
    const notFound = vanishingDepth({ act: 'relu', init: 'he-normal', width: 8, seed: 1, maxDepth: 3 });
    const running = createVanishingScan({ act: 'elu', init: 'he-normal', width: 8, seed: 1 });
    stepVanishingScan(running);
    const text = describeVanishing([found, notFound, running]);
    expect(text).toContain(`falls below 1e−6 of the last hidden layer's`);
    expect(text).toContain(`sigmoid with Xavier init: from ${found.depth} hidden layers`);
    expect(text).toMatch(/ReLU with He init: not within 3 \(ratio [\d.e−]+ at 3\)/);
    expect(text).toContain('ELU with He init: not yet (1 depth tried)');
  });

  it('rejects a threshold outside (0, 1)', () => {
    expect(() => createVanishingScan({ act: 'relu', init: 'he-normal', width, seed: 1, threshold: 2 })).toThrow(RangeError);
  });
});
