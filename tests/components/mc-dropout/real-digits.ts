// The real digits and the committed network, for the tests that check the shipped numbers (slow: the mnist package
// is 41 MB of JSON, read once per test file).
import { readFileSync } from 'node:fs';
import { digitsAssetBytes } from '../../../src/digits/build-asset.ts';
import { digitsDataset } from '../../../src/digits/dataset.ts';
import { parseDigitsAsset } from '../../../src/digits/parse.ts';
import type { Dataset } from '../../../src/engine/index.ts';
import { NETWORK_PATH } from '../../../components/mc-dropout/network-file.ts';

export const COMMITTED_NETWORK = new URL(`../../../public/${NETWORK_PATH}`, import.meta.url);

export function committedNetworkBytes(): Uint8Array {
  return new Uint8Array(readFileSync(COMMITTED_NETWORK));
}

export function realDigits(): { train: Dataset; test: Dataset } {
  const parsed = parseDigitsAsset(digitsAssetBytes());
  if (!parsed.ok) throw new Error(parsed.error);
  const { train, test, classes } = parsed.digits;
  return { train: digitsDataset(train, classes), test: digitsDataset(test, classes) };
}
