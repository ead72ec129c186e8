import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/digits/crc32.ts';
import { encodeDigitsAsset } from '../../src/digits/encode.ts';
import { HEADER_BYTES } from '../../src/digits/format.ts';
import { parseDigitsAsset } from '../../src/digits/parse.ts';
import { tinyAsset } from './helpers.ts';

const asset = tinyAsset();
const bytes = encodeDigitsAsset(asset);

/** Asserts a readable failure: a sentence, no exception. */
function expectError(input: unknown, pattern: RegExp): void {
  const result = parseDigitsAsset(input);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error).toMatch(/^The digits data could not be read: /);
    expect(result.error).toMatch(pattern);
  }
}

describe('parseDigitsAsset', () => {
  it('reads back what encodeDigitsAsset wrote (from a Uint8Array, a view at an offset, or an ArrayBuffer)', () => {
    expect(parseDigitsAsset(bytes)).toEqual({ ok: true, digits: asset });
    const padded = new Uint8Array(bytes.length + 5);
    padded.set(bytes, 5);
    expect(parseDigitsAsset(padded.subarray(5))).toEqual({ ok: true, digits: asset });
    expect(parseDigitsAsset(bytes.slice().buffer)).toEqual({ ok: true, digits: asset });
  });

  it('says so when the file is truncated, at any length', () => {
    for (let length = 0; length < bytes.length; length++) {
      expectError(bytes.subarray(0, length), length < HEADER_BYTES ? /fewer than its 32-byte header/ : /truncated/);
    }
  });

  it('detects a corrupted byte anywhere in the data (checksum), and trailing bytes', () => {
    for (let i = HEADER_BYTES; i < bytes.length; i++) {
      const bad = bytes.slice();
      bad[i] ^= 0x40;
      expectError(bad, /corrupt/);
    }
    expectError(Uint8Array.from([...bytes, 0]), /1 unexpected bytes/);
  });

  it('rejects another file, another version, a bad header and a label out of range', () => {
    expectError(new TextEncoder().encode('<!doctype html><html>…not found…</html>'), /not a digits file/);
    const version = bytes.slice();
    version[4] = 2;
    expectError(version, /version 2; this page reads version 1/);
    const size = bytes.slice();
    size[6] = 5;
    expectError(size, /needs|need/);
    const label = bytes.slice();
    const n = asset.train.count + asset.test.count;
    label[HEADER_BYTES + 2 * n + 1] = 9; // a label, with the checksum fixed up so only the range check can catch it
    new DataView(label.buffer).setUint32(28, crc32(label.subarray(HEADER_BYTES)), true);
    expectError(label, /example 1 has label 9, outside 0–2/);
  });

  it('never throws and never yields a non-finite number, whatever the bytes', () => {
    expectError(null, /expected bytes/);
    expectError('DGTS', /expected bytes/);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 0, max: bytes.length }), (noise, at) => {
        const mixed = Uint8Array.from([...bytes.subarray(0, at), ...noise]);
        const result = parseDigitsAsset(mixed);
        if (result.ok) {
          for (const part of [result.digits.train, result.digits.test]) expect(part.labels.every((l) => l < result.digits.classes)).toBe(true);
        } else expect(result.error.length).toBeGreaterThan(40);
      }),
      { numRuns: 300 },
    );
  });
});
