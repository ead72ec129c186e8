import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeDigitsAsset } from '../../src/digits/encode.ts';
import { decodeDigitsFile, isGzip } from '../../src/digits/gzip.ts';
import { tinyAsset } from './helpers.ts';

const asset = tinyAsset(40, 10);
const plain = encodeDigitsAsset(asset);
const compressed = new Uint8Array(gzipSync(plain));

describe('decodeDigitsFile', () => {
  it('reads the gzip-compressed file as served, and the plain container when a host already decoded it', async () => {
    expect(isGzip(compressed)).toBe(true);
    expect(isGzip(plain)).toBe(false);
    expect(await decodeDigitsFile(compressed)).toEqual({ ok: true, digits: asset });
    expect(await decodeDigitsFile(plain)).toEqual({ ok: true, digits: asset });
  });

  it('resolves to a readable error for a truncated or corrupt compressed file', async () => {
    for (const length of [2, 10, compressed.length >> 1, compressed.length - 1]) {
      const result = await decodeDigitsFile(compressed.subarray(0, length));
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/truncated or corrupt/) });
    }
    const flipped = compressed.slice();
    flipped[compressed.length >> 1] ^= 0xff;
    expect((await decodeDigitsFile(flipped)).ok).toBe(false);
  });
});
