import { describe, expect, it } from 'vitest';
import { BATCH_SIZE, NET_SIZES, batchMasks, gradientFlow, keptWeights, layerMask, maskStream, type MaskSettings } from '../../../components/dropout-mask/model.ts';
import { sampleDropoutMask } from '../../../src/engine/index.ts';

const base: MaskSettings = { p: 0.5, pin: 0.2, seed: 1, resample: 0, dropInput: true, dropHidden: true };
const bits = (m: Float64Array) => Array.from(m).join('');

describe('dropout-mask masks', () => {
  it('draws one mask per sample and layer from its own seeded stream, reproducibly', () => {
    const a = batchMasks(base);
    const b = batchMasks(base);
    expect(a).toHaveLength(BATCH_SIZE);
    expect(a.map((s) => s.layers.map((l) => bits(l.mask)))).toEqual(b.map((s) => s.layers.map((l) => bits(l.mask))));
    for (const s of a) {
      s.layers.forEach((l, layer) => {
        const p = layer === 0 ? base.pin : base.p;
        expect(bits(l.mask)).toBe(bits(sampleDropoutMask(maskStream(base.seed, base.resample, s.sample, layer), p, NET_SIZES[layer])));
        expect(l.kept).toBe(l.mask.reduce((x, y) => x + y, 0));
        expect(l.expected).toBeCloseTo((1 - p) * NET_SIZES[layer], 12);
      });
    }
  });

  it('gives the samples of a mini-batch different masks (seed 1: all four differ)', () => {
    const keys = batchMasks(base).map((s) => s.layers.map((l) => bits(l.mask)).join('|'));
    expect(new Set(keys).size).toBe(BATCH_SIZE);
  });

  it("keeps a layer's mask when another layer is switched off or its p changes", () => {
    const hidden = (s: MaskSettings) => batchMasks(s).map((x) => bits(x.layers[1].mask) + bits(x.layers[2].mask));
    expect(hidden({ ...base, dropInput: false })).toEqual(hidden(base));
    expect(hidden({ ...base, pin: 0.7 })).toEqual(hidden(base));
    const off = batchMasks({ ...base, dropHidden: false });
    for (const s of off) {
      expect(s.layers[1].active).toBe(false);
      expect(bits(s.layers[1].mask)).toBe('11111');
      expect(s.layers[1].expected).toBe(5);
    }
  });

  it('drops only more units as p grows (the draws do not depend on p)', () => {
    for (let resample = 0; resample < 20; resample++) {
      const low = layerMask({ ...base, resample, p: 0.3 }, 2, 1).mask;
      const high = layerMask({ ...base, resample, p: 0.6 }, 2, 1).mask;
      for (let i = 0; i < low.length; i++) expect(high[i]).toBeLessThanOrEqual(low[i]);
    }
  });

  it('changes the masks when resampled', () => {
    const a = batchMasks(base).map((s) => s.layers.map((l) => bits(l.mask)).join('|')).join(' ');
    const b = batchMasks({ ...base, resample: 1 }).map((s) => s.layers.map((l) => bits(l.mask)).join('|')).join(' ');
    expect(a).not.toBe(b);
  });

  it('keeps a fraction 1 − p of the units over many draws, within 4 binomial standard deviations', () => {
    for (const p of [0.2, 0.5, 0.8]) {
      let kept = 0, n = 0;
      for (let resample = 0; resample < 500; resample++) {
        for (const s of batchMasks({ ...base, p, resample })) {
          for (const l of s.layers.slice(1)) {
            kept += l.kept;
            n += l.mask.length;
          }
        }
      }
      // n = 500 draws × 4 samples × 10 hidden units = 20,000 Bernoulli(1 − p) trials.
      const bound = 4 * Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs(kept / n - (1 - p))).toBeLessThan(bound);
    }
  });

  it('draws the samples independently: P(unit kept in sample 1 and in sample 2) ≈ (1 − p)²', () => {
    const p = 0.5;
    let both = 0, n = 0;
    for (let resample = 0; resample < 2000; resample++) {
      const [s1, s2] = batchMasks({ ...base, p, resample });
      for (let i = 0; i < 5; i++) {
        both += s1.layers[1].mask[i] * s2.layers[1].mask[i];
        n++;
      }
    }
    const q = (1 - p) ** 2;
    expect(Math.abs(both / n - q)).toBeLessThan(4 * Math.sqrt((q * (1 - q)) / n));
  });
});

describe('dropout-mask gradient flow (engine backward pass)', () => {
  it('gives a non-zero gradient exactly to the weights between kept units', () => {
    let checked = 0;
    for (let resample = 0; resample < 30; resample++) {
      const settings = { ...base, resample };
      for (const s of batchMasks(settings)) {
        const g = gradientFlow(settings, s);
        expect(g.total).toBe(4 * 5 + 5 * 5 + 5 * 2);
        expect(g.leaks).toBe(0);
        expect(g.flowing).toBeLessThanOrEqual(keptWeights(s));
        // When every layer keeps a unit, tanh passes gradient through every kept unit: all kept weights get one.
        if (s.layers.every((l) => l.kept > 0)) {
          expect(g.flowing).toBe(keptWeights(s));
          checked++;
        }
        for (const m of g.magnitudes) for (const v of m) expect(Number.isFinite(v)).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('lets gradient reach every weight without dropout', () => {
    const settings = { ...base, dropInput: false, dropHidden: false };
    const [s] = batchMasks(settings);
    expect(gradientFlow(settings, s).flowing).toBe(55);
  });
});
