// Writes a digits asset in the layout of format.ts (uncompressed; the build step gzips it).

import { crc32 } from './crc32.ts';
import { DIGITS_MAGIC, DIGITS_VERSION, type DigitsAsset, type DigitsPart, HEADER_BYTES, payloadBytes } from './format.ts';

export function encodeDigitsAsset(asset: DigitsAsset): Uint8Array {
  const { width, height, classes, splitSeed, train, test } = asset;
  const pixelsPerImage = width * height;
  for (const [name, part] of [['train', train], ['test', test]] as const) checkPart(part, name, pixelsPerImage, classes);
  const n = train.count + test.count;
  const payload = payloadBytes(n, width, height);
  const bytes = new Uint8Array(HEADER_BYTES + payload);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = DIGITS_MAGIC.charCodeAt(i);
  view.setUint16(4, DIGITS_VERSION, true);
  view.setUint8(6, width);
  view.setUint8(7, height);
  view.setUint16(8, classes, true);
  view.setUint32(12, train.count, true);
  view.setUint32(16, test.count, true);
  view.setUint32(20, splitSeed, true);
  view.setUint32(24, payload, true);
  let offset = HEADER_BYTES;
  for (const part of [train, test]) for (let i = 0; i < part.count; i++, offset += 2) view.setUint16(offset, part.sources[i], true);
  bytes.set(train.labels, offset);
  bytes.set(test.labels, offset + train.count);
  offset += n;
  bytes.set(train.pixels, offset);
  bytes.set(test.pixels, offset + train.pixels.length);
  view.setUint32(28, crc32(bytes.subarray(HEADER_BYTES)), true);
  return bytes;
}

function checkPart(part: DigitsPart, name: string, pixelsPerImage: number, classes: number): void {
  const { count, pixels, labels, sources } = part;
  if (pixels.length !== count * pixelsPerImage || labels.length !== count || sources.length !== count) {
    throw new RangeError(`digits ${name}: expected ${count} labels, sources and images of ${pixelsPerImage} pixels`);
  }
  for (let i = 0; i < count; i++) if (labels[i] >= classes) throw new RangeError(`digits ${name} label ${i} must be in [0, ${classes - 1}], got ${labels[i]}`);
}
