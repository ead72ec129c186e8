import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/digits/crc32.ts';

describe('crc32', () => {
  it('gives the standard check values', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(new TextEncoder().encode('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });

  it('changes when any single bit flips', () => {
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => i * 7);
    const reference = crc32(bytes);
    for (let bit = 0; bit < 64 * 8; bit += 13) {
      const flipped = bytes.slice();
      flipped[bit >> 3] ^= 1 << (bit & 7);
      expect(crc32(flipped)).not.toBe(reference);
    }
  });
});
