import { describe, expect, it } from 'vitest';
import { probeRelu, sampleReluCurve } from '../../../components/relu-curve/model.ts';

describe('relu-curve model', () => {
  it('samples max(0, x) and its step derivative (0 at x = 0, as PyTorch)', () => {
    const curve = sampleReluCurve(-2, 2, 5);
    expect(curve.map((p) => p.x)).toEqual([-2, -1, 0, 1, 2]);
    expect(curve.map((p) => p.y)).toEqual([0, 0, 0, 1, 2]);
    expect(curve.map((p) => p.dy)).toEqual([0, 0, 0, 1, 1]);
  });

  it('probes a single point', () => {
    expect(probeRelu(1.5)).toEqual({ x: 1.5, y: 1.5, dy: 1 });
    expect(probeRelu(-0.1)).toEqual({ x: -0.1, y: 0, dy: 0 });
  });
});
