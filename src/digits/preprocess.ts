// A digit drawn on a canvas → the 28 × 28 input the networks were trained on, the way MNIST's digits were made
// (LeCun, Cortes and Burges): the ink's bounding box is scaled to fit a 20 × 20 box keeping its aspect ratio, with
// grey levels kept (area averaging: each new pixel is the mean ink over the part of the drawing it covers), then
// placed in the 28 × 28 field so that its centre of mass sits at the field's centre. Measured on this site's 2,000
// test digits, the longest side of every digit's box is exactly 20 pixels and the mean centre of mass is at
// (14.0, 14.0) in pixel indices (0 … 27); that is where a drawing's centre of mass goes, to the nearest pixel (a whole
// pixel shift keeps the strokes as sharp as they were drawn). Pure and DOM-free: runs in a worker and in Node.

export const FIELD = 28;
export const BOX = 20;
/** Centre of mass target, in pixel indices (see above). */
export const CENTRE = 14;
/** Ink at or below this (of 1) does not count for the bounding box: faint anti-aliasing at a stroke's edge. */
export const INK_THRESHOLD = 0.02;

export type PreprocessResult =
  | {
    readonly ok: true;
    /** 784 values in [0, 1], row-major; 0 is background, 1 full ink. */
    readonly pixels: Float64Array;
    /** The ink's bounding box on the canvas, in canvas pixels. */
    readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
    /** Centre of mass of the 28 × 28 result, in pixel indices. */
    readonly centreOfMass: readonly [number, number];
  }
  | { readonly ok: false; readonly error: string };

export const EMPTY_CANVAS = 'The canvas is empty: draw a digit first, or pick a test digit.';

/** `ink`: width × height values, row-major, 0 = no ink … `max` = full ink (e.g. a canvas's alpha channel, max 255). */
export function preprocessInk(ink: ArrayLike<number>, width: number, height: number, max = 1): PreprocessResult {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width * height > 1 << 24) {
    return { ok: false, error: `The drawing has an invalid size (${width} × ${height}).` };
  }
  if (ink.length !== width * height) return { ok: false, error: `The drawing has ${ink.length} pixels, not ${width} × ${height}.` };
  if (!(max > 0 && Number.isFinite(max))) return { ok: false, error: 'The drawing has an invalid ink scale.' };
  const grey = new Float64Array(width * height);
  let x0 = width, x1 = -1, y0 = height, y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = ink[y * width + x] / max;
      const g = v > 0 ? Math.min(1, v) : 0; // NaN and negatives are no ink
      grey[y * width + x] = g;
      if (g > INK_THRESHOLD) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) return { ok: false, error: EMPTY_CANVAS };
  const w = x1 - x0 + 1, h = y1 - y0 + 1;
  const scale = BOX / Math.max(w, h);
  const ow = Math.max(1, Math.min(BOX, Math.round(w * scale))), oh = Math.max(1, Math.min(BOX, Math.round(h * scale)));
  const fitted = resampleArea(grey, width, { x: x0, y: y0, w, h }, ow, oh);
  const pixels = centreByMass(fitted, ow, oh);
  return { ok: true, pixels, box: { x: x0, y: y0, width: w, height: h }, centreOfMass: centreOfMass(pixels, FIELD) };
}

/** Area-averaging resample of the box of `src` (row stride `stride`) to ow × oh, separable: rows, then columns. */
function resampleArea(src: Float64Array, stride: number, box: { x: number; y: number; w: number; h: number }, ow: number, oh: number): Float64Array {
  const across = weights1d(box.w, ow), down = weights1d(box.h, oh);
  const rows = new Float64Array(box.h * ow);
  for (let y = 0; y < box.h; y++) {
    const at = (box.y + y) * stride + box.x;
    for (let i = 0; i < ow; i++) {
      let sum = 0;
      for (const [k, weight] of across[i]) sum += weight * src[at + k];
      rows[y * ow + i] = sum;
    }
  }
  const out = new Float64Array(ow * oh);
  for (let j = 0; j < oh; j++) for (let i = 0; i < ow; i++) {
    let sum = 0;
    for (const [k, weight] of down[j]) sum += weight * rows[k * ow + i];
    out[j * ow + i] = Math.min(1, sum);
  }
  return out;
}

/** For each of m target pixels over n source pixels: the source pixels it covers and their weights (summing to 1). */
export function weights1d(n: number, m: number): Array<Array<[number, number]>> {
  const step = n / m;
  return Array.from({ length: m }, (_, k) => {
    const from = k * step, to = (k + 1) * step, taps: Array<[number, number]> = [];
    for (let s = Math.floor(from); s < Math.min(n, Math.ceil(to)); s++) {
      const overlap = Math.min(to, s + 1) - Math.max(from, s);
      if (overlap > 1e-12) taps.push([s, overlap / step]);
    }
    return taps;
  });
}

/** Places a w × h image in the 28 × 28 field with its centre of mass at CENTRE (nearest whole pixel). */
function centreByMass(image: Float64Array, w: number, h: number): Float64Array {
  const [cx, cy] = centreOfMass(image, w);
  const dx = Math.round(CENTRE - cx), dy = Math.round(CENTRE - cy);
  const out = new Float64Array(FIELD * FIELD);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const tx = x + dx, ty = y + dy;
    if (tx >= 0 && tx < FIELD && ty >= 0 && ty < FIELD) out[ty * FIELD + tx] = image[y * w + x];
  }
  return out;
}

/** Centre of mass (x, y) of a row-major image of width w, in pixel indices; the image's centre if it has no mass. */
export function centreOfMass(image: ArrayLike<number>, w: number): [number, number] {
  let m = 0, mx = 0, my = 0;
  for (let i = 0; i < image.length; i++) {
    const v = image[i];
    m += v;
    mx += v * (i % w);
    my += v * Math.floor(i / w);
  }
  const h = image.length / w;
  return m > 0 ? [mx / m, my / m] : [(w - 1) / 2, (h - 1) / 2];
}
