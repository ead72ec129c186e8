// npm run measure:mc — the MC-dropout numbers over all 2,000 test digits with the committed network: the scaled
// network's error, and for T = 1 … 200 the error of the T-sample average and its agreement with the scaled network.
// Prints a table; last line is JSON. With --write, also writes components/mc-dropout/measured.json (what the lesson quotes)
// and pretrained-curve.json (the whole curve, which the widget shows for the pre-trained network instead of re-measuring it).
import { readFileSync, writeFileSync } from 'node:fs';
import { digitsAssetBytes } from '../../src/digits/build-asset.ts';
import { digitsDataset } from '../../src/digits/dataset.ts';
import { parseDigitsAsset } from '../../src/digits/parse.ts';
import { NETWORK_PATH, parseNetwork } from '../../components/mc-dropout/network-file.ts';
import { mlpFromSpec, specFromStored } from '../../components/mc-dropout/network.ts';
import { curveRows, measureCurve, storedCurve } from '../../components/mc-dropout/measure.ts';
import { DISAGREE_SHOWN } from '../../components/mc-dropout/session.ts';

const seed = Number(process.argv.find((a) => a.startsWith('--seed='))?.slice(7) ?? 1);
const digits = parseDigitsAsset(digitsAssetBytes());
if (!digits.ok) throw new Error(digits.error);
const file = parseNetwork(new Uint8Array(readFileSync(new URL(`../../public/${NETWORK_PATH}`, import.meta.url))));
if (!file.ok) throw new Error(file.error);
const test = digitsDataset(digits.digits.test, digits.digits.classes);
const started = performance.now();
const curve = measureCurve(mlpFromSpec(specFromStored(file.network)), test, seed);
const seconds = (performance.now() - started) / 1000;
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
console.log(`${curve.count} test digits, ${curve.Tmax} samples each, seed ${seed} (${seconds.toFixed(1)} s); scaled network error ${pct(curve.scaledWrong / curve.count)}`);
const rows = curveRows(curve);
for (const { T, error, agreement } of rows) console.log(`T = ${String(T).padStart(3)}: error ${pct(error)}, same class as the scaled network ${pct(agreement)}`);
const top = [...curve.disagreement.keys()].sort((a, b) => curve.disagreement[b] - curve.disagreement[a] || a - b).slice(0, 8);
console.log(`most disagreement: ${top.map((i) => `#${i} (a ${test.labels[i]}, ${pct(curve.disagreement[i])})`).join(', ')}`);
const result = { seed, count: curve.count, Tmax: curve.Tmax, scaledError: curve.scaledWrong / curve.count, rows };
// --write: the numbers the lesson quotes (components/mc-dropout/findings.ts reads them at build time).
if (process.argv.includes('--write')) {
  writeFileSync(new URL('../../components/mc-dropout/measured.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(new URL('../../components/mc-dropout/pretrained-curve.json', import.meta.url), `${JSON.stringify(storedCurve(curve, seed, DISAGREE_SHOWN))}\n`);
}
console.log(JSON.stringify({ ...result, seconds }));
