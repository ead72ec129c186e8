import { describe, expect, it } from 'vitest';
import { runReferenceCase, runReferenceFile } from '../../src/engine/index.ts';

describe('reference case runner', () => {
  it('never reads `expected`: a case whose expected throws when touched still runs', () => {
    const c = { kind: 'dropout', p: 0.5, x: [1, -2], mask: [1, 0] };
    Object.defineProperty(c, 'expected', { enumerable: true, get: () => { throw new Error('expected was read'); } });
    expect(runReferenceCase(c)).toEqual({ train: [2, -0], eval: [1, -2], scale: 2 });
  });

  it('derives the keys from kind and name: prelu adds da; mlp_sgd with prelu adds the slope keys', () => {
    const x = [-1, 2], upstream = [1, 1];
    expect(Object.keys(runReferenceCase({ kind: 'activation', name: 'relu', params: {}, x, upstream }))).toEqual(['y', 'dx']);
    const prelu = runReferenceCase({ kind: 'activation', name: 'prelu', params: { a: 0.1 }, x, upstream });
    expect(prelu).toEqual({ y: [-0.1, 2], dx: [0.1, 1], da: -1 });
    const rrelu = runReferenceCase({ kind: 'activation', name: 'rrelu_eval', params: { lower: 0.1, upper: 0.3 }, x, upstream });
    expect((rrelu.y as number[])[0]).toBeCloseTo(-0.2, 15);
    const mlp = {
      kind: 'mlp_sgd', sizes: [1, 2, 2], activation: { name: 'prelu', params: { a: 0.25 } }, dropout_p: 0, lr: 0.1, steps: 1,
      init: [{ W: [[1, -1]], b: [0, 0] }, { W: [[1, 0], [0, 1]], b: [0, 0] }],
      batches: [{ x: [[1], [-1]], labels: [0, 1], masks: [[[1, 1], [1, 1]]] }],
    };
    const result = runReferenceCase(mlp);
    expect(Object.keys(result)).toEqual(['losses', 'grads_step0', 'final', 'prelu_a_grads_step0', 'prelu_a_final']);
    expect((result.prelu_a_final as number[]).length).toBe(1);
    expect(Object.keys(runReferenceCase({ ...mlp, activation: { name: 'tanh', params: {} } }))).toEqual(['losses', 'grads_step0', 'final']);
  });

  it('reports malformed files and cases with the case index', () => {
    expect(() => runReferenceFile({})).toThrow(/must be \{"cases": \[...\]\}/);
    expect(() => runReferenceFile({ cases: [{ kind: 'conv' }] })).toThrow(/case 0 \(conv\)/);
    expect(() => runReferenceFile({ cases: [{ kind: 'activation', name: 'relu', x: [1], upstream: [1, 2] }] })).toThrow(/upstream must have length 1/);
    const mlp = { kind: 'mlp_sgd', sizes: [1, 2], activation: { name: 'relu' }, dropout_p: 0, lr: 0.1, steps: 2, init: [{ W: [[1, 1]], b: [0, 0] }], batches: [] };
    expect(() => runReferenceCase(mlp)).toThrow(/one entry per step/);
  });
});
