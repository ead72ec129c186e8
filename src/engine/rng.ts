// Seeded pseudo-random numbers. Randomness is always a parameter: nothing in the engine calls Math.random.
//
// Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, passes PractRand),
// its four state words filled by splitmix32 from a 32-bit key; the key is a hash of the seed (and of the labels
// of the forks that led here). Same seed → same stream, on every JavaScript engine.

import { assertFiniteNumber, assertInClosedRange, assertInteger, describeValue } from './validate.ts';

export type Seed = number | string;

export interface Rng {
  /** The seed this stream was created from (a fork's seed is "parentSeed/label"). */
  readonly seed: string;
  /** Next raw 32-bit output, an integer in [0, 2³²). */
  nextUint32(): number;
  /** Uniform in [low, high) with 53 random bits (defaults [0, 1)). */
  uniform(low?: number, high?: number): number;
  /** Gaussian N(mean, std²) by the Box-Muller transform (the second value of each pair is kept for the next call). */
  normal(mean?: number, std?: number): number;
  /** true with probability p. */
  bernoulli(p: number): boolean;
  /** Uniform integer in [0, n) — or in [min, max) when called with two arguments. */
  integer(minOrN: number, max?: number): number;
  /** Fisher-Yates shuffle, in place; returns the same array. */
  shuffle<T extends { length: number; [i: number]: unknown }>(array: T): T;
  /** An independent stream derived from this stream's seed and the label; it neither reads nor advances this
   * stream, so e.g. rng.fork('data') and rng.fork('masks') never disturb each other. Same label → same stream. */
  fork(label: string): Rng;
}

/** Creates a generator from a seed (a finite number or a string; 7 and "7" give the same stream). */
export function createRng(seed: Seed): Rng {
  if (typeof seed === 'number') assertFiniteNumber(seed, 'rng seed');
  else if (typeof seed !== 'string') throw new TypeError(`rng seed must be a finite number or a string, got ${describeValue(seed)}`);
  return new Sfc32(String(seed));
}

/** 32-bit FNV-1a of a string followed by a murmur3 finaliser (so that close seeds give unrelated keys). */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const TWO_POW_53 = 9007199254740992;

class Sfc32 implements Rng {
  readonly seed: string;
  #a: number;
  #b: number;
  #c: number;
  #d: number;
  #spareNormal: number | undefined = undefined;

  constructor(seed: string) {
    this.seed = seed;
    // splitmix32 turns one 32-bit key into four well-mixed state words.
    let key = hashSeed(seed);
    const splitmix32 = (): number => {
      key = (key + 0x9e3779b9) | 0;
      let z = key;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.#a = splitmix32();
    this.#b = splitmix32();
    this.#c = splitmix32();
    this.#d = splitmix32();
    for (let i = 0; i < 12; i++) this.nextUint32(); // warm-up, as recommended for sfc
  }

  nextUint32(): number {
    // sfc32 step: t = a + b + d; d += 1; a = b ^ (b >>> 9); b = c + (c << 3); c = rotl(c, 21) + t.
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (((this.#c << 21) | (this.#c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  uniform(low = 0, high = 1): number {
    // 27 + 26 = 53 random bits → a double uniform on the grid k / 2⁵³ in [0, 1).
    const unit = ((this.nextUint32() >>> 5) * 67108864 + (this.nextUint32() >>> 6)) / TWO_POW_53;
    return low === 0 && high === 1 ? unit : low + (high - low) * unit;
  }

  normal(mean = 0, std = 1): number {
    if (this.#spareNormal !== undefined) {
      const z = this.#spareNormal;
      this.#spareNormal = undefined;
      return mean + std * z;
    }
    // Box-Muller: r = √(−2 ln u₁) with u₁ in (0, 1], θ = 2π u₂; z₁ = r cos θ, z₂ = r sin θ are independent N(0, 1).
    const u1 = 1 - this.uniform();
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.#spareNormal = r * Math.sin(theta);
    return mean + std * r * Math.cos(theta);
  }

  bernoulli(p: number): boolean {
    assertInClosedRange(p, 'bernoulli p', 0, 1);
    return this.uniform() < p;
  }

  integer(minOrN: number, max?: number): number {
    const min = max === undefined ? 0 : minOrN;
    const end = max === undefined ? minOrN : max;
    assertInteger(min, 'integer min', -Number.MAX_SAFE_INTEGER);
    assertInteger(end, 'integer max', min + 1);
    return min + Math.floor(this.uniform() * (end - min));
  }

  shuffle<T extends { length: number; [i: number]: unknown }>(array: T): T {
    for (let i = array.length - 1; i > 0; i--) {
      const j = Math.floor(this.uniform() * (i + 1));
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
    return array;
  }

  fork(label: string): Rng {
    if (typeof label !== 'string') throw new TypeError(`fork label must be a string, got ${describeValue(label)}`);
    return new Sfc32(`${this.seed}/${label}`);
  }
}

