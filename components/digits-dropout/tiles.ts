/**
 * First-layer weights as images (Srivastava et al. 2014, Fig. 7): hidden unit u of a 784 → width layer has one
 * weight per pixel, W[k, u] for pixel k, so its 784 incoming weights drawn as a 28 × 28 tile show the pattern the
 * unit responds to. Float32 is plenty for drawing and halves what the worker posts.
 */
import type { Mlp } from '../../src/engine/index.ts';

/** The first `count` units' incoming weights, unit after unit (count × inputs, row-major pixels). */
export function firstLayerTiles(net: Mlp, count: number): Float32Array {
  const { rows: inputs, cols: units, data } = net.layers[0].W;
  const n = Math.min(count, units);
  const out = new Float32Array(n * inputs);
  for (let u = 0; u < n; u++) for (let k = 0; k < inputs; k++) out[u * inputs + k] = data[k * units + u];
  return out;
}

/** max |w| over a tile, to scale it symmetrically around 0 for drawing (0 for an all-zero tile). */
export function tileScale(tiles: Float32Array, tile: number, pixels: number): number {
  let m = 0;
  for (let k = tile * pixels; k < (tile + 1) * pixels; k++) m = Math.max(m, Math.abs(tiles[k]));
  return m;
}
