/**
 * Canvas drawing for the MC-dropout widget (browser only): the student's strokes on the drawing pad, and 28 × 28
 * digits as paper and ink (white paper, black ink in both themes: how a digit is written, and how MNIST's grey levels
 * read). Canvas pixels never use inline styles, so the site's Content-Security-Policy is kept.
 */
export type Stroke = Array<[number, number]>;

/** Pen width as a fraction of the pad's side: about the stroke MNIST digits have once scaled into their 20 × 20 box. */
export const PEN = 0.075;

export function drawStrokes(canvas: HTMLCanvasElement, strokes: readonly Stroke[]): void {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = '#000';
  ctx.fillStyle = '#000';
  ctx.lineWidth = PEN * canvas.width;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    if (stroke.length === 1) {
      ctx.beginPath();
      ctx.arc(stroke[0][0], stroke[0][1], ctx.lineWidth / 2, 0, 2 * Math.PI);
      ctx.fill();
      continue;
    }
    ctx.beginPath();
    stroke.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.stroke();
  }
}

/** The pad's ink (its alpha channel: strokes are opaque on a transparent pad), one byte per pixel. */
export function readInk(canvas: HTMLCanvasElement): Uint8Array {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const ink = new Uint8Array(canvas.width * canvas.height);
  if (!ctx) return ink;
  const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  for (let i = 0; i < ink.length; i++) ink[i] = rgba[4 * i + 3];
  return ink;
}

/** A 28 × 28 digit (grey levels 0–1 or 0–255 with `max`) painted as ink of that darkness. */
export function paintDigit(canvas: HTMLCanvasElement, pixels: ArrayLike<number>, max = 255): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const side = Math.round(Math.sqrt(pixels.length));
  if (canvas.width !== side) canvas.width = canvas.height = side;
  const image = ctx.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const v = Math.max(0, Math.min(1, (pixels[i] || 0) / max));
    image.data.set([0, 0, 0, Math.round(255 * v)], 4 * i);
  }
  ctx.putImageData(image, 0, 0);
}

/** A test digit shown on the pad (scaled up, pixel edges kept) in place of strokes. */
export function drawDigitOnPad(canvas: HTMLCanvasElement, pixels: ArrayLike<number>, max = 255): void {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  const small = canvas.ownerDocument.createElement('canvas');
  paintDigit(small, pixels, max);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(small, 0, 0, canvas.width, canvas.height);
}
