import { describe, expect, it } from 'vitest';
import { createMlp, createRng } from '../../../src/engine/index.ts';
import { firstLayerTiles, tileScale } from '../../../components/digits-dropout/tiles.ts';

describe('firstLayerTiles', () => {
  const net = createMlp({ sizes: [784, 5, 10], activation: { name: 'relu' } }, { scheme: 'he-normal', rng: createRng(1) });

  it('lays out unit u’s 784 incoming weights W[k, u] as tile u (float32)', () => {
    const tiles = firstLayerTiles(net, 3);
    expect(tiles.length).toBe(3 * 784);
    const W = net.layers[0].W;
    for (const [u, k] of [[0, 0], [2, 783], [1, 400]]) expect(tiles[u * 784 + k]).toBe(Math.fround(W.data[k * 5 + u]));
    expect(firstLayerTiles(net, 99).length).toBe(5 * 784); // at most every unit
    expect(tileScale(tiles, 1, 784)).toBe(Math.max(...tiles.subarray(784, 1568).map(Math.abs)));
    expect(tileScale(new Float32Array(784), 0, 784)).toBe(0);
  });
});
