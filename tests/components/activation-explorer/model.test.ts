import { describe, expect, it } from 'vitest';
import { elu, eluDerivative, leakyRelu, prelu, rreluEvalSlope, sigmoid, softplus, tanh, tanhDerivative } from '../../../src/engine/index.ts';
import { X_MIN, explorerState, grid, rreluSamples, type ExplorerSettings } from '../../../components/activation-explorer/model.ts';

const DEFAULTS: ExplorerSettings = { act: 'relu', slope: 0.01, a: 0.25, lower: 1 / 8, upper: 1 / 3, alpha: 1, x: 1.5, seed: 1, train: false, derivative: true };
const settings = (over: Partial<ExplorerSettings>): ExplorerSettings => ({ ...DEFAULTS, ...over });
const xs = grid();

describe('activation-explorer model', () => {
  it('samples 161 points on [−4, 4], including −4, 0 and 4 exactly', () => {
    expect(xs.length).toBe(161);
    expect([xs[0], xs[80], xs[160]]).toEqual([-4, 0, 4]);
  });

  it.each([
    ['leaky_relu', { slope: 0.2 }, (x: Float64Array) => leakyRelu(x, 0.2)],
    ['prelu', { a: -0.5 }, (x: Float64Array) => prelu(x, -0.5)],
    ['elu', { alpha: 0.5 }, (x: Float64Array) => elu(x, 0.5)],
    ['tanh', {}, tanh],
    ['sigmoid', {}, sigmoid],
    ['softplus', {}, softplus],
  ] as const)('the sampled %s curve equals the engine function', (act, over, f) => {
    const state = explorerState(settings({ act, ...over }));
    expect(state.error).toBe('');
    expect(state.curve.map((p) => p.y)).toEqual(Array.from(f(xs)));
  });

  it('derivatives come from the engine too (ELU α eˣ on the left, tanh 1 − tanh²)', () => {
    const e = explorerState(settings({ act: 'elu', alpha: 2 }));
    expect(e.curve.map((p) => p.dy)).toEqual(Array.from(eluDerivative(xs, 2)));
    const t = explorerState(settings({ act: 'tanh' }));
    expect(t.curve.map((p) => p.dy)).toEqual(Array.from(tanhDerivative(xs)));
  });

  it('keeps ReLU as the reference curve for every activation', () => {
    const state = explorerState(settings({ act: 'elu' }));
    expect(state.reference.map((p) => p.y)).toEqual(Array.from(xs, (x) => Math.max(0, x)));
  });

  it('probes f and f′ at x (leaky ReLU slope on the left, 1 on the right)', () => {
    expect(explorerState(settings({ act: 'leaky_relu', slope: 0.1, x: -2 })).probe).toEqual({ x: -2, y: -0.2, dy: 0.1 });
    expect(explorerState(settings({ act: 'leaky_relu', slope: 0.1, x: 3 })).probe).toEqual({ x: 3, y: 3, dy: 1 });
  });

  it('RReLU evaluation mode is the mean slope (lower + upper)/2 = 11/48 by default (PyTorch)', () => {
    const state = explorerState(settings({ act: 'rrelu' }));
    expect(state.rrelu?.evalSlope).toBeCloseTo(11 / 48, 15);
    expect(state.curve[0].y).toBeCloseTo(-4 * rreluEvalSlope(), 12);
    expect(state.curve[0].dy).toBeCloseTo(11 / 48, 15);
    expect(state.rrelu?.samples).toEqual([]);
  });

  it('RReLU training samples lie within [upper·x, lower·x], each with its own slope in [lower, upper)', () => {
    for (const [lower, upper, seed] of [[1 / 8, 1 / 3, 1], [0, 1, 2], [0.3, 0.3, 3], [0.05, 0.9, 99]]) {
      const samples = rreluSamples(lower, upper, seed);
      expect(samples.length).toBe(40);
      for (const s of samples) {
        expect(s.x).toBeLessThan(0);
        expect(s.x).toBeGreaterThanOrEqual(X_MIN);
        expect(s.slope).toBeGreaterThanOrEqual(lower);
        expect(s.slope).toBeLessThanOrEqual(upper);
        expect(s.y).toBeCloseTo(s.slope * s.x, 12);
        expect(s.y).toBeGreaterThanOrEqual(upper * s.x - 1e-12);
        expect(s.y).toBeLessThanOrEqual(lower * s.x + 1e-12);
      }
    }
  });

  it('RReLU samples are seeded: same seed, same slopes; another seed, other slopes', () => {
    const slopes = (seed: number) => rreluSamples(1 / 8, 1 / 3, seed).map((s) => s.slope);
    expect(slopes(5)).toEqual(slopes(5));
    expect(slopes(5)).not.toEqual(slopes(6));
    expect(new Set(slopes(5)).size).toBe(40);
  });

  it('refuses lower > upper with a message instead of throwing', () => {
    const state = explorerState(settings({ act: 'rrelu', lower: 0.5, upper: 0.2, train: true }));
    expect(state.error).toMatch(/lower ≤ upper/);
    expect(state.curve).toEqual([]);
    expect(state.probe).toBeNull();
    expect(state.reference.length).toBe(161);
  });

  it('refuses non-finite settings and unknown activation names without throwing', () => {
    expect(explorerState(settings({ act: 'elu', alpha: Number.NaN })).error).toMatch(/alpha/);
    expect(explorerState(settings({ act: '<script>' })).act).toBe('relu');
  });
});
