// The benchmark's shared workload, its timing helper, and its dense (no zero-skipping) re-implementation.
import { describe, expect, it } from 'vitest';
import { createMlp, createRng, createSgd } from '../../src/engine/index.ts';
import { createDenseMlp } from '../../scripts/bench/dense-mlp.ts';
import { chunkSize } from '../../scripts/bench/timing.ts';
import { batchOrder, createWorkload, gridOver } from '../../scripts/bench/workload.ts';

describe('batchOrder', () => {
  it('draws every example once per epoch, then reshuffles; deterministic per seed', () => {
    const order = batchOrder(10, 4, 5, createRng(1)); // 20 indices: two full epochs
    expect(order).toHaveLength(20);
    expect([...order.slice(0, 10)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...order.slice(10)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(order.slice(0, 10)).not.toEqual(order.slice(10));
    expect(batchOrder(10, 4, 5, createRng(1))).toEqual(order);
  });
});

describe('gridOver', () => {
  it('spans the bounding box widened by the margin, x varying fastest', () => {
    const x = { rows: 2, cols: 2, data: Float64Array.of(0, 10, 2, 30) };
    const g = gridOver(x, 3, 0.5); // x in [-1, 3], y in [0, 40]
    expect(g.rows).toBe(9);
    expect(Array.from(g.data.subarray(0, 6))).toEqual([-1, 0, 1, 0, 3, 0]);
    expect(Array.from(g.data.subarray(16))).toEqual([3, 40]);
    expect(() => gridOver({ rows: 1, cols: 3, data: new Float64Array(3) }, 3, 0)).toThrow(RangeError);
  });
});

describe('createWorkload', () => {
  it('is deterministic and matches the benchmark spec', () => {
    const a = createWorkload('t'), b = createWorkload('t');
    expect(a.batches).toHaveLength(512);
    expect(a.batches[0].x.rows).toBe(32);
    expect(a.grid.rows).toBe(64 * 64);
    expect(a.initialWeights.map(({ W }) => [W.rows, W.cols])).toEqual([[2, 64], [64, 64], [64, 3]]);
    expect(a.batches[7].x.data).toEqual(b.batches[7].x.data);
    expect(a.initialWeights[1].W.data).toEqual(b.initialWeights[1].W.data);
  });
});

describe('chunkSize', () => {
  it('aims at ~20 ms per chunk, at least one operation', () => {
    expect(chunkSize(3000)).toBe(60);
    expect(chunkSize(10)).toBe(1);
    expect(chunkSize(1000, 100)).toBe(100);
  });
});

describe('the dense re-implementation equals the engine (same masks, ≤ 1e-12)', () => {
  it('after 20 SGD steps with dropout, and in evaluation mode', () => {
    const config = { sizes: [2, 12, 9, 3], activation: { name: 'relu' as const }, dropoutP: 0.5 };
    const net = createMlp(config, { scheme: 'he-normal', rng: createRng('w') });
    const dense = createDenseMlp(net.layers.map(({ W, b }) => ({ W, b })), 0.5, 0.1, createRng('masks'));
    const sgd = createSgd({ lr: 0.1 });
    const mode = { training: true, rng: createRng('masks') };
    const { batches, grid } = createWorkload('dense');
    for (let s = 0; s < 20; s++) {
      const { x, labels } = batches[s];
      const loss = net.computeGradients(x, labels, mode);
      sgd.step(net.parameters());
      expect(dense.step(x, labels)).toBe(loss);
    }
    net.layers.forEach(({ W, b }, l) => {
      expect(Array.from(dense.layers[l].W.data)).toEqual(Array.from(W.data));
      expect(Array.from(dense.layers[l].b)).toEqual(Array.from(b));
    });
    const expected = net.forward(grid).logits.data;
    const actual = dense.forward(grid).data;
    for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected[i])));
  });
});
