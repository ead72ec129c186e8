// Preprocessing a drawing as MNIST's digits were made, on synthetic strokes.
import { describe, expect, it } from 'vitest';
import { BOX, CENTRE, EMPTY_CANVAS, FIELD, centreOfMass, preprocessInk, weights1d } from '../../src/digits/preprocess.ts';

/** A w × h canvas with thick ink along segments (distance to the segment ≤ r), like a pen stroke. */
function strokes(w: number, h: number, segments: Array<[number, number, number, number]>, r: number, max = 255): Uint8ClampedArray {
  const ink = new Uint8ClampedArray(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    for (const [ax, ay, bx, by] of segments) {
      const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
      if (Math.hypot(x - ax - t * dx, y - ay - t * dy) <= r) ink[y * w + x] = max;
    }
  }
  return ink;
}
const inkBox = (pixels: Float64Array) => {
  let x0 = FIELD, x1 = -1, y0 = FIELD, y1 = -1;
  pixels.forEach((v, i) => {
    if (v <= 0.02) return;
    const x = i % FIELD, y = Math.floor(i / FIELD);
    [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
  });
  return { width: x1 - x0 + 1, height: y1 - y0 + 1 };
};

describe('preprocessInk', () => {
  const cases: Array<[string, Uint8ClampedArray, number, number]> = [
    ['a tall "1" in a corner', strokes(280, 280, [[40, 20, 60, 150]], 9), 280, 280],
    ['a wide "−" at the bottom right', strokes(300, 200, [[150, 170, 290, 175]], 6), 300, 200],
    ['an "L", off centre', strokes(280, 280, [[200, 100, 200, 260], [200, 260, 270, 260]], 10), 280, 280],
    ['a "7" drawn small', strokes(280, 280, [[120, 120, 140, 120], [140, 120, 125, 150]], 2), 280, 280],
  ];

  for (const [name, ink, w, h] of cases) {
    it(`${name}: the longest side fits the 20 × 20 box, the centre of mass lands at the centre`, () => {
      const result = preprocessInk(ink, w, h, 255);
      if (!result.ok) throw new Error(result.error);
      const { pixels } = result;
      expect(pixels.length).toBe(FIELD * FIELD);
      expect(pixels.every((v) => v >= 0 && v <= 1 && Number.isFinite(v))).toBe(true);
      const box = inkBox(pixels);
      expect(Math.max(box.width, box.height)).toBe(BOX);
      expect(Math.min(box.width, box.height)).toBeLessThanOrEqual(BOX);
      const [cx, cy] = centreOfMass(pixels, FIELD);
      expect(Math.abs(cx - CENTRE)).toBeLessThanOrEqual(0.5 + 1e-9); // a whole-pixel shift: within half a pixel
      expect(Math.abs(cy - CENTRE)).toBeLessThanOrEqual(0.5 + 1e-9);
      expect(result.centreOfMass).toEqual([cx, cy]);
    });
  }

  it('keeps the aspect ratio: a 2:1 box becomes 20 × 10', () => {
    const ink = new Float64Array(100 * 100);
    for (let y = 30; y < 50; y++) for (let x = 10; x < 50; x++) ink[y * 100 + x] = 1; // 40 × 20 solid block
    const result = preprocessInk(ink, 100, 100);
    if (!result.ok) throw new Error(result.error);
    expect(inkBox(result.pixels)).toEqual({ width: 20, height: 10 });
    expect(result.box).toEqual({ x: 10, y: 30, width: 40, height: 20 });
  });

  it('keeps grey levels: area averaging preserves the mean ink', () => {
    // A 40 × 40 checkerboard of 0 and 1 averages to 0.5 everywhere after halving.
    const ink = new Float64Array(40 * 40).map((_, i) => ((i % 40) + Math.floor(i / 40)) % 2);
    const result = preprocessInk(ink, 40, 40);
    if (!result.ok) throw new Error(result.error);
    const inside = Array.from(result.pixels).filter((v) => v > 0);
    expect(inside.length).toBe(400);
    for (const v of inside) expect(v).toBeCloseTo(0.5, 12);
  });

  it('refuses an empty canvas with a message, never NaN', () => {
    for (const ink of [new Uint8ClampedArray(280 * 280), new Float64Array(280 * 280).fill(0.01), new Float64Array(280 * 280).fill(NaN)]) {
      expect(preprocessInk(ink, 280, 280, ink instanceof Uint8ClampedArray ? 255 : 1)).toEqual({ ok: false, error: EMPTY_CANVAS });
    }
    expect(preprocessInk(new Uint8ClampedArray(10), 4, 4).ok).toBe(false);
    expect(preprocessInk(new Uint8ClampedArray(0), 0, 0).ok).toBe(false);
  });

  it('area weights cover each target pixel exactly once', () => {
    for (const [n, m] of [[200, 20], [7, 20], [33, 13], [20, 20]]) {
      const w = weights1d(n, m);
      for (const taps of w) expect(taps.reduce((s, [, v]) => s + v, 0)).toBeCloseTo(1, 12);
      const perSource = new Float64Array(n);
      for (const taps of w) for (const [k, v] of taps) perSource[k] += v;
      for (const v of perSource) expect(v).toBeCloseTo(m / n, 12); // every source pixel is counted in full
    }
  });
});
