// Reads a digits asset (format.ts) from bytes that may be truncated, corrupt or not an asset at all. Never throws
// on bad bytes and never returns a partial or NaN-filled dataset: either every check passes (magic, version, sizes,
// length, CRC-32 of the payload, label range) or the result is a sentence saying what is wrong.
// Pure and DOM-free: runs in a Worker, on the main thread and in Node.

import { crc32 } from './crc32.ts';
import { DIGITS_MAGIC, DIGITS_VERSION, type DigitsAsset, type DigitsPart, HEADER_BYTES, payloadBytes } from './format.ts';

export type DigitsResult = { readonly ok: true; readonly digits: DigitsAsset } | { readonly ok: false; readonly error: string };

const fail = (error: string): DigitsResult => ({ ok: false, error: `The digits data could not be read: ${error}` });

export function parseDigitsAsset(input: unknown): DigitsResult {
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  if (!(bytes instanceof Uint8Array)) return fail('expected bytes (a Uint8Array or ArrayBuffer).');
  if (bytes.length < HEADER_BYTES) return fail(`the file has ${bytes.length} bytes, fewer than its ${HEADER_BYTES}-byte header (truncated download?).`);
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== DIGITS_MAGIC) return fail(`it does not start with "${DIGITS_MAGIC}" — not a digits file.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== DIGITS_VERSION) return fail(`it is format version ${version}; this page reads version ${DIGITS_VERSION}.`);
  const width = view.getUint8(6), height = view.getUint8(7), classes = view.getUint16(8, true);
  const trainCount = view.getUint32(12, true), testCount = view.getUint32(16, true);
  if (width === 0 || height === 0 || classes < 2 || classes > 256) return fail(`its header is invalid (${width}×${height} images, ${classes} classes).`);
  const n = trainCount + testCount;
  const expected = payloadBytes(n, width, height);
  const declared = view.getUint32(24, true);
  if (declared !== expected) return fail(`its header declares ${declared} payload bytes, but ${n} images of ${width}×${height} need ${expected}.`);
  const actual = bytes.length - HEADER_BYTES;
  if (actual < expected) return fail(`it is truncated: ${actual} of ${expected} payload bytes arrived.`);
  if (actual > expected) return fail(`it has ${actual - expected} unexpected bytes after the data.`);
  const payload = bytes.subarray(HEADER_BYTES);
  if (crc32(payload) !== view.getUint32(28, true)) return fail('it is corrupt (the checksum of its data does not match).');
  const labels = payload.subarray(2 * n, 3 * n);
  for (let i = 0; i < n; i++) if (labels[i] >= classes) return fail(`example ${i} has label ${labels[i]}, outside 0–${classes - 1}.`);
  const sources = new Uint16Array(n);
  for (let i = 0; i < n; i++) sources[i] = view.getUint16(HEADER_BYTES + 2 * i, true);
  const pixels = payload.subarray(3 * n);
  const size = width * height;
  const part = (start: number, count: number): DigitsPart => ({
    count,
    labels: labels.slice(start, start + count),
    sources: sources.slice(start, start + count),
    pixels: pixels.slice(start * size, (start + count) * size),
  });
  return { ok: true, digits: { width, height, classes, splitSeed: view.getUint32(20, true), train: part(0, trainCount), test: part(trainCount, testCount) } };
}
