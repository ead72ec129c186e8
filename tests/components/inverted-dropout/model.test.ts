import { describe, expect, it } from 'vitest';
import { MAX_MASKS, UNITS, activations, conventions, createMaskRun, drawMasks, estimates, trainingScale } from '../../../components/inverted-dropout/model.ts';
import { createRng, invertedDropout, sampleDropoutMask } from '../../../src/engine/index.ts';

describe('inverted-dropout activations', () => {
  it('draws 6 non-negative activations (as ReLU outputs) from the seed, reproducibly', () => {
    const h = activations(1);
    expect(h).toHaveLength(UNITS);
    expect(Array.from(h)).toEqual(Array.from(activations(1)));
    expect(Array.from(h)).not.toEqual(Array.from(activations(2)));
    for (const v of h) {
      expect(v).toBeGreaterThanOrEqual(0.25);
      expect(v).toBeLessThanOrEqual(2);
    }
  });
});

describe('inverted-dropout mask run', () => {
  it('draws the masks in order from one seeded stream: drawing in steps equals drawing at once', () => {
    const stepwise = createMaskRun(3, 0.4);
    for (const n of [1, 2, 10, 37, 100]) drawMasks(stepwise, n);
    const atOnce = createMaskRun(3, 0.4);
    drawMasks(atOnce, 100);
    expect(Array.from(stepwise.invertedSum)).toEqual(Array.from(atOnce.invertedSum));
    expect(stepwise.count).toBe(100);

    const rng = createRng(3).fork('inverted-dropout/masks');
    const sum = new Float64Array(UNITS);
    for (let k = 0; k < 100; k++) {
      const y = invertedDropout(atOnce.h, 0.4, sampleDropoutMask(rng, 0.4, UNITS));
      y.forEach((v, i) => (sum[i] += v));
    }
    expect(Array.from(atOnce.invertedSum)).toEqual(Array.from(sum));
  });

  it('never draws more than the maximum', () => {
    const run = createMaskRun(1, 0.5);
    drawMasks(run, MAX_MASKS + 50);
    expect(run.count).toBe(MAX_MASKS);
  });

  it('states the standard deviation of the running mean: h·√(p / ((1 − p)·N))', () => {
    const run = createMaskRun(1, 0.3);
    drawMasks(run, 40);
    for (const u of estimates(run)) expect(u.std).toBeCloseTo(u.h * Math.sqrt(0.3 / (0.7 * 40)), 12);
    const empty = estimates(createMaskRun(1, 0.3));
    for (const u of empty) {
      expect(Number.isNaN(u.mean)).toBe(true);
      expect(u.withinTwoStd).toBe(false);
      expect(u.test).toBe(u.h);
    }
  });

  it('keeps the running mean within ±2 std of h about 95% of the time (N = 100, 40 seeds × 6 units)', () => {
    for (const p of [0.2, 0.5, 0.8]) {
      let within = 0, total = 0;
      for (let seed = 0; seed < 40; seed++) {
        const run = createMaskRun(seed, p);
        drawMasks(run, 100);
        for (const u of estimates(run)) {
          within += +u.withinTwoStd;
          total++;
        }
      }
      // 240 units, each within with probability ≈ 0.95: the fraction is ≥ 0.88 except with tiny probability.
      expect(within / total).toBeGreaterThan(0.88);
    }
  });

  it('converges to h: after 2,000 masks every mean is within 4 std (std = h/√2000 ≈ 0.022·h at p = 0.5)', () => {
    const run = createMaskRun(1, 0.5);
    drawMasks(run, MAX_MASKS);
    expect(run.count).toBe(2000);
    for (const u of estimates(run)) {
      expect(Math.abs(u.mean - u.h)).toBeLessThan(4 * u.std);
      expect(u.std).toBeCloseTo(u.h / Math.sqrt(2000), 12);
    }
  });

  it('redraws the maximum number of masks quickly (a change of p recomputes them at once)', () => {
    drawMasks(createMaskRun(5, 0.3), 200); // warm up the JIT
    const times: number[] = [];
    for (let seed = 6; seed < 11; seed++) {
      const t = performance.now();
      drawMasks(createMaskRun(seed, 0.3), MAX_MASKS);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    // About 3 ms on a laptop; the median, so one preempted run on a busy machine does not fail the test.
    expect(times[2]).toBeLessThan(25);
  });
});

describe('dropout conventions', () => {
  it('inverted: average training output h, test h; standard: (1 − p)·h both; ConvNetJS: (1 − p)·h vs p·h', () => {
    const [inverted, standard, convnet] = conventions(0.3);
    expect(inverted.trainFactor).toBeCloseTo(1, 12);
    expect(inverted.testFactor).toBe(1);
    expect(inverted.matches).toBe(true);
    expect(standard.trainFactor).toBeCloseTo(0.7, 12);
    expect(standard.testFactor).toBeCloseTo(0.7, 12);
    expect(standard.matches).toBe(true);
    expect(convnet.trainFactor).toBeCloseTo(0.7, 12);
    expect(convnet.testFactor).toBeCloseTo(0.3, 12);
    expect(convnet.matches).toBe(false);
    expect(trainingScale(0.3)).toBeCloseTo(1 / 0.7, 12);
  });

  it('ConvNetJS matches only at p = 0.5', () => {
    for (const p of [0, 0.1, 0.25, 0.5, 0.75, 0.9]) {
      const [inverted, standard, convnet] = conventions(p);
      expect(inverted.matches && standard.matches).toBe(true);
      expect(convnet.matches).toBe(p === 0.5);
    }
  });

  it('reports the mean over the masks drawn next to the exact average', () => {
    const run = createMaskRun(2, 0.5);
    expect(Number.isNaN(conventions(0.5, run)[0].sampledFactor)).toBe(true);
    drawMasks(run, MAX_MASKS);
    const [inverted, standard] = conventions(0.5, run);
    expect(Math.abs(inverted.sampledFactor - 1)).toBeLessThan(0.05);
    expect(Math.abs(standard.sampledFactor - 0.5)).toBeLessThan(0.025);
  });
});
