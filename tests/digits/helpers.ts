// A small synthetic digits asset for the format tests (the real one is tested in build-asset.test.ts).
import type { DigitsAsset, DigitsPart } from '../../src/digits/format.ts';

export function tinyPart(count: number, width: number, height: number, classes: number, offset = 0): DigitsPart {
  const size = width * height;
  return {
    count,
    pixels: Uint8Array.from({ length: count * size }, (_, i) => (i * 37 + offset) % 256),
    labels: Uint8Array.from({ length: count }, (_, i) => (i + offset) % classes),
    sources: Uint16Array.from({ length: count }, (_, i) => i + offset),
  };
}

export function tinyAsset(trainCount = 7, testCount = 3): DigitsAsset {
  return { width: 4, height: 3, classes: 3, splitSeed: 42, train: tinyPart(trainCount, 4, 3, 3), test: tinyPart(testCount, 4, 3, 3, trainCount) };
}
