import { describe, expect, it } from 'vitest';
import { NETWORK_MAGIC, encodeNetwork, parseNetwork, type StoredNetwork } from '../../../components/mc-dropout/network-file.ts';
import { crc32 } from '../../../src/digits/crc32.ts';

const tiny: StoredNetwork = {
  sizes: [3, 2, 2],
  dropout: { input: 0.2, hidden: [0.5] },
  training: { seed: 7, epochs: 2, batchSize: 4, trainCount: 10, lr: 0.02, momentum: 0.9 },
  test: { error: 0.25, count: 4, wrong: 1 },
  weights: [
    { W: Float64Array.of(0.1, -0.2, 0.3, 0.4, -0.5, 0.6), b: Float64Array.of(0, 1) },
    { W: Float64Array.of(1, 2, 3, 4), b: Float64Array.of(-1, 0.5) },
  ],
};

/** Rewrites the checksum after a deliberate edit, so the check after it is reached. */
const resum = (bytes: Uint8Array) => (new DataView(bytes.buffer).setUint32(12, crc32(bytes.subarray(16)), true), bytes);

describe('the network file', () => {
  it('round-trips, with the weights rounded to float32', () => {
    const parsed = parseNetwork(encodeNetwork(tiny));
    if (!parsed.ok) throw new Error(parsed.error);
    const { network } = parsed;
    expect(network.sizes).toEqual([3, 2, 2]);
    expect(network.dropout).toEqual({ input: 0.2, hidden: [0.5] });
    expect(network.training).toEqual(tiny.training);
    expect(network.test).toEqual(tiny.test);
    expect(Array.from(network.weights[0].W)).toEqual(Array.from(tiny.weights[0].W, Math.fround));
    expect(Array.from(network.weights[1].b)).toEqual([-1, 0.5]);
  });

  const bad: Array<[string, (bytes: Uint8Array) => unknown, RegExp]> = [
    ['truncated', (b) => b.subarray(0, b.length - 3), /declares .* bytes/],
    ['a header only', (b) => b.subarray(0, 10), /fewer than its 16-byte header/],
    ['not bytes', () => 'MCDN', /expected bytes/],
    ['another file', (b) => (b.set([0x44, 0x47, 0x54, 0x53]), b), /not a network file/],
    ['a newer version', (b) => (b[4] = 9, b), /version 9/],
    ['a flipped bit in a weight', (b) => (b[b.length - 5] ^= 4, b), /corrupt/],
    ['a NaN weight', (b) => (new DataView(b.buffer).setFloat32(b.length - 4, NaN, true), resum(b)), /not a finite number/],
    ['a dropout p of 1', (b) => (new DataView(b.buffer).setFloat64(16 + 12, 1, true), resum(b)), /dropout probability/],
  ];
  for (const [name, damage, message] of bad) {
    it(`refuses ${name} with a sentence, without throwing`, () => {
      const result = parseNetwork(damage(encodeNetwork(tiny)));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    });
  }

  it('starts with its magic', () => {
    expect(String.fromCharCode(...encodeNetwork(tiny).subarray(0, 4))).toBe(NETWORK_MAGIC);
  });
});
